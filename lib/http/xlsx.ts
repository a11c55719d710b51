// Excel files over /api/v1: the download response and the uploaded `file` field of a form.

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxResponse(file: { fileName: string; bytes: Uint8Array }): Response {
  // A copy over a plain ArrayBuffer (what a Response body accepts), whatever the bytes are a view of.
  return new Response(Uint8Array.from(file.bytes), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * The `file` field of a multipart form and the form's other fields. A missing file (or a body that is
 * not a form) gives empty bytes: the data layer checks who is asking first, then refuses the upload.
 */
export async function uploadedFile(
  req: Request,
): Promise<{ file: { fileName: string; bytes: Uint8Array }; form: FormData }> {
  const form = await req.formData().catch(() => new FormData());
  const file = form.get("file");
  if (!(file instanceof File)) return { file: { fileName: "", bytes: new Uint8Array() }, form };
  return { file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, form };
}
