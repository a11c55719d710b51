import { apiRoute } from "@/lib/http/api";
import { clearNotScored, markNotScored } from "@/lib/ranking/not-scored";

type Params = { yearId: string; agencyCode: string };

/** Marks the member "không chấm" with `{reason}` (REVIEW, before publication). */
export const PUT = apiRoute<Params>(async ({ actor, params, body }) =>
  markNotScored(actor, params.yearId, params.agencyCode, await body()),
);
/** Clears the mark. */
export const DELETE = apiRoute<Params>(async ({ actor, params }) =>
  clearNotScored(actor, params.yearId, params.agencyCode),
);
