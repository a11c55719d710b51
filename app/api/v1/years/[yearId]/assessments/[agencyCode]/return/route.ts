import { returnSelfAssessment } from "@/lib/assessments/assessments";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute<{ yearId: string; agencyCode: string }>(async ({ actor, params, body }) =>
  returnSelfAssessment(actor, params.yearId, params.agencyCode, await body()),
);
