import { apiRoute } from "@/lib/http/api";
import { reopenRanking } from "@/lib/ranking/ranking";

/** `{reason}`: scores unlock; the reason stays in the audit trail. */
export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  reopenRanking(actor, params.yearId, await body()),
);
