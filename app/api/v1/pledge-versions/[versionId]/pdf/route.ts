import { apiRoute } from "@/lib/http/api";
import { getSignedDocument } from "@/lib/pledges/document";
import { renderPledgePdf } from "@/lib/pledges/pdf";

export const GET = apiRoute<{ versionId: string }>(async ({ actor, params }) => {
  const doc = await getSignedDocument(actor, params.versionId);
  const pdf = await renderPledgePdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="giao-uoc-thi-dua-${doc.year}-phien-ban-${doc.version.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
