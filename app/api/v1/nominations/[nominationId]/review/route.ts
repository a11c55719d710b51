import { apiRoute } from "@/lib/http/api";
import { reviewNomination } from "@/lib/nominations/review";

export const POST = apiRoute<{ nominationId: string }>(async ({ actor, params, body }) =>
  reviewNomination(actor, params.nominationId, await body()),
);
