import { apiRoute } from "@/lib/http/api";
import { getDossierZip } from "@/lib/nominations/dossier-zip";

/** The whole dossier as a ZIP with its index (muc-luc.txt): the bloc's secretariat, the board, the admin. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) => {
  const zip = await getDossierZip(actor, params.yearId);
  return new Response(Uint8Array.from(zip.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${zip.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
