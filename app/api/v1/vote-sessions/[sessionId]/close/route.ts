import { apiRoute } from "@/lib/http/api";
import { closeVoteSession } from "@/lib/votes/sessions";

export const POST = apiRoute<{ sessionId: string }>(async ({ actor, params }) =>
  closeVoteSession(actor, params.sessionId),
);
