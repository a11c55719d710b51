import { getPublicDocumentEntry } from "@/lib/documents/check";
import { publicApiRoute } from "@/lib/http/api";

/** A registry entry as anyone may read it (no sign-in): which document, its SHA-256, certificate, signatures. */
export const GET = publicApiRoute<{ documentId: string }>(async ({ params }) =>
  getPublicDocumentEntry(params.documentId),
);
