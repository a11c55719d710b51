import { apiRoute } from "@/lib/http/api";
import { withdrawNomination } from "@/lib/nominations/nominations";

export const POST = apiRoute<{ nominationId: string }>(async ({ actor, params, body }) =>
  withdrawNomination(actor, params.nominationId, await body()),
);
