import { apiRoute } from "@/lib/http/api";
import { getScoreTable } from "@/lib/nominations/documents";
import { renderScoreTablePdf } from "@/lib/nominations/documents-pdf";

/** The published ranking with per-group points (PDF, landscape): the bloc's secretariat, the board, the admin. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) => {
  const table = await getScoreTable(actor, params.yearId);
  const pdf = await renderScoreTablePdf(table);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="bang-diem-${table.year}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
