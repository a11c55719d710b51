import { apiRoute } from "@/lib/http/api";
import { checkReceipt } from "@/lib/votes/ballots";

/** A POST, so that the receipt code never appears in a URL (nor in an access log). */
export const POST = apiRoute<{ sessionId: string }>(async ({ actor, params, body }) =>
  checkReceipt(actor, params.sessionId, await body()),
);
