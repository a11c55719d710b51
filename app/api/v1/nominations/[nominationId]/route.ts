import { apiRoute } from "@/lib/http/api";
import { getNomination, updateNomination } from "@/lib/nominations/nominations";

/** One nomination with every step of its history. */
export const GET = apiRoute<{ nominationId: string }>(async ({ actor, params }) =>
  getNomination(actor, params.nominationId),
);

export const PATCH = apiRoute<{ nominationId: string }>(async ({ actor, params, body }) =>
  updateNomination(actor, params.nominationId, await body()),
);
