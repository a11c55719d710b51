import { apiRoute } from "@/lib/http/api";
import { readReport } from "@/lib/nominations/reports";

/** The báo cáo thành tích itself, for whoever may read its nomination. */
export const GET = apiRoute<{ reportId: string }>(async ({ actor, params }) => {
  const file = await readReport(actor, params.reportId);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
