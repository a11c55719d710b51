import { AppError } from "@/lib/errors";
import { apiRoute, withStatus } from "@/lib/http/api";
import { uploadEvidence } from "@/lib/evidence/evidence";

/** multipart/form-data with `criterionId` and `file`. */
export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, req }) => {
  const form = await req.formData().catch(() => {
    throw new AppError("VALIDATION", "errors.evidence.form");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "errors.evidence.form");
  const evidence = await uploadEvidence(actor, params.yearId, {
    criterionId: String(form.get("criterionId") ?? ""),
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return withStatus(evidence, 201);
});
