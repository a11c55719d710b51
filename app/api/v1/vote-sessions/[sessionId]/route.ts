import { apiRoute } from "@/lib/http/api";
import { getVoteSession } from "@/lib/votes/sessions";

/** Status, rules, candidates and who has voted: never how. */
export const GET = apiRoute<{ sessionId: string }>(async ({ actor, params }) =>
  getVoteSession(actor, params.sessionId),
);
