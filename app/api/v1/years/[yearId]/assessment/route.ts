import { getSelfAssessment } from "@/lib/assessments/assessments";
import { apiRoute } from "@/lib/http/api";

/** `?agency=<code>`: another member's (for the secretariat and the province); default: one's own. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params, query }) =>
  getSelfAssessment(actor, params.yearId, query.agency ?? null),
);
