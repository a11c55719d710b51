import type { DocumentFile } from "@/lib/documents/downloads";

/**
 * A PDF download. An issued document says which one it is (registry code and SHA-256 of the bytes,
 * which anyone can check at /verify); a draft says it is one.
 */
export function pdfResponse(file: DocumentFile): Response {
  const headers: Record<string, string> = {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "Cache-Control": "private, no-store",
    "X-Document-Status": file.issued ? "issued" : "draft",
  };
  if (file.issued) {
    headers["X-Document-Id"] = file.issued.id;
    headers["X-Document-Code"] = file.issued.code;
    headers["X-Document-Sha256"] = file.issued.sha256;
  }
  return new Response(new Uint8Array(file.bytes), { headers });
}
