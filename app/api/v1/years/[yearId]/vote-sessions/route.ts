import { apiRoute, withStatus } from "@/lib/http/api";
import { createVoteSession, listVoteSessions } from "@/lib/votes/sessions";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  listVoteSessions(actor, params.yearId),
);

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  withStatus(await createVoteSession(actor, params.yearId, await body()), 201),
);
