import { apiRoute } from "@/lib/http/api";
import { cancelVoteSession } from "@/lib/votes/sessions";

export const POST = apiRoute<{ sessionId: string }>(async ({ actor, params, body }) =>
  cancelVoteSession(actor, params.sessionId, await body()),
);
