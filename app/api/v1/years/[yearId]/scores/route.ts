import { apiRoute } from "@/lib/http/api";
import { listScores, saveFinalScores } from "@/lib/scores/review";

type Params = { yearId: string };

/** `?agency=<code>` filters one member. */
export const GET = apiRoute<Params>(async ({ actor, params, query }) => listScores(actor, params.yearId, query));
/** `[{agencyCode, criterionCode, points, version, reason}]`, all or nothing; 409 on a stale version. */
export const PUT = apiRoute<Params>(async ({ actor, params, body }) => saveFinalScores(actor, params.yearId, await body()));
