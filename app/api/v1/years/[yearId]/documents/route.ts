import { listIssuedDocuments } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";

/** The documents issued for a year that the user may read, newest first. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  listIssuedDocuments(actor, params.yearId),
);
