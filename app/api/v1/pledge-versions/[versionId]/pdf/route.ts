import { pledgeFile } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";
import { pdfResponse } from "@/lib/http/pdf";

/** The signed pledge: the latest issued version (a draft before the first signature). */
export const GET = apiRoute<{ versionId: string }>(async ({ actor, params }) =>
  pdfResponse(await pledgeFile(actor, params.versionId)),
);
