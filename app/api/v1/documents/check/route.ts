import { checkDocument, MAX_CHECK_MB } from "@/lib/documents/check";
import { AppError } from "@/lib/errors";
import { publicApiRoute } from "@/lib/http/api";

/**
 * Kiểm tra văn bản (no sign-in): is the uploaded PDF (multipart field "file") an unaltered document
 * this system issued? VALID with its registry entry, ALTERED (it names an entry but is not its bytes)
 * or UNKNOWN. Rate-limited per client address.
 */
export const POST = publicApiRoute(async ({ req }) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  // Refused before reading: the body of a larger request is cut short in front of the app.
  if (declared > (MAX_CHECK_MB + 1) * 1024 * 1024)
    throw new AppError("TOO_LARGE", "errors.document.checkTooLarge", { params: { max: MAX_CHECK_MB } });
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  return checkDocument(file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null);
});
