import { apiRoute } from "@/lib/http/api";
import { getVoteMinutes } from "@/lib/votes/minutes";
import { renderVoteMinutesPdf } from "@/lib/votes/minutes-pdf";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) => {
  const minutes = await getVoteMinutes(actor, params.yearId);
  const pdf = await renderVoteMinutesPdf(minutes);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="bien-ban-binh-xet-${minutes.year}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
