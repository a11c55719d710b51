import { apiRoute, withStatus } from "@/lib/http/api";
import { castBallot } from "@/lib/votes/ballots";

/** 201 with the receipt code, shown this once. */
export const POST = apiRoute<{ sessionId: string }>(async ({ actor, params, body }) =>
  withStatus(await castBallot(actor, params.sessionId, await body()), 201),
);
