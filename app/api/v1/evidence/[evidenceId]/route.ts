import { apiRoute } from "@/lib/http/api";
import { deleteEvidence, readEvidence } from "@/lib/evidence/evidence";

type Params = { evidenceId: string };

/** The file itself, for those who may read the agency's assessment. */
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const file = await readEvidence(actor, params.evidenceId);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => deleteEvidence(actor, params.evidenceId));
