import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { currentRequestMeta } from "@/lib/http/request-meta";
import { verifyPledgeVersionPublicly } from "@/lib/pledges/verify";
import { consumeRateLimit } from "@/lib/rate-limit";
import { idOrNotFound } from "@/lib/validation";
import { registryEntrySelect, type RegistryEntry } from "./registry";
import type { CheckResult, PublicDocumentEntry } from "./schemas";

// Kiểm tra văn bản: anyone (no sign-in) may ask whether a PDF is an unaltered document this system
// issued, and read the public registry entry its QR code leads to. A document is unaltered when its
// SHA-256 is the registry's: every byte as issued, signature included. A PDF that names a registry entry
// (the address in its signature and on every page) but does not match it has been altered.

/** Largest file checked (an issued document is well under 1 MiB). */
export const MAX_CHECK_MB = 20;
/** Checks per client address, as for sign-ins. */
export const CHECK_LIMIT = { max: 30, windowMinutes: 15 } as const;

async function publicEntry(entry: RegistryEntry): Promise<PublicDocumentEntry> {
  const latest = await db.issuedDocument.findFirst({
    where: { kind: entry.kind, subjectId: entry.subjectId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return {
    id: entry.id,
    kind: entry.kind,
    code: entry.code,
    title: entry.title,
    bloc: entry.year.bloc.name,
    year: entry.year.year,
    version: entry.version,
    issuedAt: entry.issuedAt.toISOString(),
    issuedBy: entry.issuedByName,
    sha256: entry.sha256,
    sizeBytes: entry.sizeBytes,
    certificate: {
      subject: entry.certificate.subject,
      issuer: entry.certificate.issuer,
      fingerprint: entry.certificate.fingerprint,
      notBefore: entry.certificate.notBefore.toISOString(),
      notAfter: entry.certificate.notAfter.toISOString(),
    },
    latestVersion: latest?.version ?? entry.version,
    pledge: entry.kind === "PLEDGE" ? await verifyPledgeVersionPublicly(entry.subjectId) : null,
  };
}

/** The public registry entry (the page the QR code of a document leads to). */
export async function getPublicDocumentEntry(documentId: string): Promise<PublicDocumentEntry> {
  const entry = await db.issuedDocument.findUnique({
    where: { id: idOrNotFound(documentId, "errors.document.notFound") },
    select: registryEntrySelect,
  });
  if (!entry) throw notFound("errors.document.notFound");
  return publicEntry(entry);
}

const ENTRY_ADDRESS = /\/verify\/documents\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;

/** Checks an uploaded file: too large (TOO_LARGE), not a PDF (VALIDATION), rate limited per client address. */
export async function checkDocument(bytes: Uint8Array | null): Promise<CheckResult> {
  const { ip } = await currentRequestMeta();
  await consumeRateLimit({ key: `document-check:ip:${ip ?? "unknown"}`, ...CHECK_LIMIT });
  if (!bytes || bytes.byteLength === 0) throw new AppError("VALIDATION", "errors.document.checkEmpty");
  if (bytes.byteLength > MAX_CHECK_MB * 1024 * 1024)
    throw new AppError("TOO_LARGE", "errors.document.checkTooLarge", { params: { max: MAX_CHECK_MB } });
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw new AppError("VALIDATION", "errors.document.checkNotPdf");

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const exact = await db.issuedDocument.findUnique({ where: { sha256 }, select: registryEntrySelect });
  if (exact) return { verdict: "VALID", document: await publicEntry(exact) };

  // Not the bytes of any issued document: does it claim to be one (its registry address)?
  const text = Buffer.from(bytes).toString("latin1");
  const claimed = [...new Set([...text.matchAll(ENTRY_ADDRESS)].map((match) => match[1]!))];
  for (const id of claimed) {
    const entry = await db.issuedDocument.findUnique({ where: { id }, select: registryEntrySelect });
    if (entry) return { verdict: "ALTERED", document: await publicEntry(entry) };
  }
  return { verdict: "UNKNOWN" };
}
