import { saveSelfScore } from "@/lib/assessments/assessments";
import { apiRoute } from "@/lib/http/api";

/** One self score `{criterionId, points, note?}` of one's own agency. */
export const PUT = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  saveSelfScore(actor, params.yearId, await body()),
);
