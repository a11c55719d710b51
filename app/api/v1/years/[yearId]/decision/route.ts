import { apiRoute, withStatus } from "@/lib/http/api";
import { recordDecision } from "@/lib/nominations/review";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  withStatus(await recordDecision(actor, params.yearId, await body()), 201),
);
