import { submitSelfAssessment } from "@/lib/assessments/assessments";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  submitSelfAssessment(actor, params.yearId, await body()),
);
