import { getCrossScoring, saveCrossScore } from "@/lib/cross-scoring/cross-scoring";
import { apiRoute } from "@/lib/http/api";

type Params = { yearId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getCrossScoring(actor, params.yearId));
/** One score `{targetAgencyCode, criterionId, points}` of another member, by a leader. */
export const PUT = apiRoute<Params>(async ({ actor, params, body }) =>
  saveCrossScore(actor, params.yearId, await body()),
);
