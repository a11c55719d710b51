import { apiRoute } from "@/lib/http/api";
import { listScores } from "@/lib/scores/review";
import { saveFinalScores } from "@/lib/scores/save";
import { MAX_CELLS_PER_SAVE } from "@/lib/scores/schemas";

type Params = { yearId: string };

/** Room for MAX_CELLS_PER_SAVE cells, each with a reason of the longest length allowed. */
const SCORES_BODY_LIMIT_BYTES = MAX_CELLS_PER_SAVE * 3_300;

/** `?agency=<code>` filters one member. */
export const GET = apiRoute<Params>(async ({ actor, params, query }) =>
  listScores(actor, params.yearId, query),
);
/**
 * `[{agencyCode, criterionCode, points, version, reason}]`, all or nothing; 409 on a stale version; 413
 * over MAX_CELLS_PER_SAVE cells (or a body too large for that many).
 */
export const PUT = apiRoute<Params>(async ({ actor, params, body }) =>
  saveFinalScores(actor, params.yearId, await body({ maxBytes: SCORES_BODY_LIMIT_BYTES })),
);
