import { apiRoute } from "@/lib/http/api";
import { getToTrinh } from "@/lib/nominations/documents";
import { renderToTrinhPdf } from "@/lib/nominations/documents-pdf";

/** Tờ trình đề nghị khen thưởng (PDF): the bloc's secretariat, the board, the admin. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) => {
  const doc = await getToTrinh(actor, params.yearId);
  const pdf = await renderToTrinhPdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="to-trinh-de-nghi-khen-thuong-${doc.year}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
