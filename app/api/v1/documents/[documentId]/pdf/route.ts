import { registryFile } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";
import { pdfResponse } from "@/lib/http/pdf";

/** The stored bytes of an issued document, for those who may read what it is of. */
export const GET = apiRoute<{ documentId: string }>(async ({ actor, params }) =>
  pdfResponse(await registryFile(actor, params.documentId)),
);
