import { fileTypeFromBuffer } from "file-type";

// Evidence files accepted, recognised by their content (magic bytes), never by their name.
export const ALLOWED_EVIDENCE_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/x-cfb": "doc",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
};

/** The detected type of a file's bytes, if it is one of the accepted kinds. */
export async function detectEvidenceType(bytes: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  const ext = ALLOWED_EVIDENCE_TYPES[detected.mime];
  return ext ? { mime: detected.mime, ext } : null;
}
