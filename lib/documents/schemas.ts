import { z } from "zod";
import { verificationSchema } from "@/lib/pledges/schemas";
import { DOCUMENT_KINDS } from "./render/jobs";

// What the API says about issued documents (OpenAPI is generated from these).

export const documentKindSchema = z.enum(DOCUMENT_KINDS);

/** What anyone may read of a registry entry: which document, not what it says. */
export const publicDocumentEntrySchema = z.object({
  id: z.uuid(),
  kind: documentKindSchema,
  code: z.string().describe("printed on every page of the document"),
  title: z.string(),
  bloc: z.string(),
  year: z.number().int(),
  version: z.number().int().describe("1, 2, ... per document"),
  latestVersion: z.number().int().describe("the newest version of the same document"),
  issuedAt: z.string(),
  issuedBy: z.string().nullable().describe("whose act made the document final"),
  sha256: z.string().describe("SHA-256 of the issued file, signature included"),
  sizeBytes: z.number().int(),
  certificate: z.object({
    subject: z.string(),
    issuer: z.string(),
    fingerprint: z.string().describe("SHA-256 of the certificate (DER)"),
    notBefore: z.string(),
    notAfter: z.string(),
  }),
  pledge: verificationSchema
    .nullable()
    .describe("for a pledge: each signature's status, recomputed from the stored seals"),
});

export const checkResultSchema = z.discriminatedUnion("verdict", [
  z.object({
    verdict: z.literal("VALID").describe("an unaltered document this system issued"),
    document: publicDocumentEntrySchema,
  }),
  z.object({
    verdict: z
      .literal("ALTERED")
      .describe("names a document this system issued, but its bytes differ from it"),
    document: publicDocumentEntrySchema,
  }),
  z.object({ verdict: z.literal("UNKNOWN").describe("not a document this system issued") }),
]);

export const issuedDocumentSchema = z.object({
  id: z.uuid(),
  kind: documentKindSchema,
  code: z.string(),
  title: z.string(),
  version: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  href: z.string().describe("download of the stored file"),
});

export type PublicDocumentEntry = z.infer<typeof publicDocumentEntrySchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type IssuedDocumentDto = z.infer<typeof issuedDocumentSchema>;
