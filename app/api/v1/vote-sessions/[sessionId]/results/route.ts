import { apiRoute } from "@/lib/http/api";
import { getVoteResults } from "@/lib/votes/results";

export const GET = apiRoute<{ sessionId: string }>(async ({ actor, params }) =>
  getVoteResults(actor, params.sessionId),
);
