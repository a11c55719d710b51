import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { db, type Prisma, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { jsonColumn } from "@/lib/db/json";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { CODE_PREFIX, issuableOf } from "./kinds";
import { renderPdf } from "./render-pool";
import type { DocumentKind, RenderJob } from "./render/jobs";
import { certificateRowId, signerOrganisation, signingIdentity } from "./signing/certificate";
import { signPdf } from "./signing/pades";

/** IssuedDocument.facts: a few figures of what the document states (signatures, sessions, round…). */
const documentFactsColumn = jsonColumn(z.record(z.string(), z.union([z.string(), z.number()])));

// Sổ văn bản (the registry of issued documents). A document is issued once, when it becomes final:
// rendered, signed (PAdES) with the organisation's certificate and stored with its kind, year, version,
// SHA-256, issue time and issuer. Downloads serve the stored bytes; a new version is a new row, never an
// overwrite (the table is append-only in PostgreSQL).

export const registryEntrySelect = {
  id: true,
  kind: true,
  yearId: true,
  subjectId: true,
  version: true,
  state: true,
  facts: true,
  title: true,
  code: true,
  sha256: true,
  sizeBytes: true,
  issuedAt: true,
  issuedById: true,
  issuedByName: true,
  certificate: {
    select: { fingerprint: true, subject: true, issuer: true, notBefore: true, notAfter: true },
  },
  year: { select: { year: true, blocId: true, bloc: { select: { name: true } } } },
} as const satisfies Prisma.IssuedDocumentSelect;

export type RegistryEntry = Prisma.IssuedDocumentGetPayload<{ select: typeof registryEntrySelect }>;

/** The public address of a registry entry (printed, and in the QR code). */
export function registryEntryUrl(id: string): string {
  return `${getEnv().NEXTAUTH_URL.replace(/\/$/, "")}/verify/documents/${id}`;
}

/**
 * Issues the current state of `kind` for `subjectId`, unless it is issued already (then returns that
 * version); null when nothing is final yet. Call it inside the transaction of the act that made the
 * document final, or through `issueNow` after it. Issues of one subject run one at a time.
 */
export async function issueDocument(
  tx: Tx,
  kind: DocumentKind,
  subjectId: string,
): Promise<RegistryEntry | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`issued-document:${kind}:${subjectId}`}, 0))`;
  const issuable = await issuableOf(tx, kind, subjectId);
  if (!issuable) return null;
  const existing = await tx.issuedDocument.findUnique({
    where: { kind_subjectId_state: { kind, subjectId, state: issuable.state } },
    select: registryEntrySelect,
  });
  if (existing) return existing;

  const last = await tx.issuedDocument.findFirst({
    where: { kind, subjectId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  const id = randomUUID();
  const code = `${CODE_PREFIX[kind]}-${issuable.year}-${id.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
  const issuedAt = now();
  const url = registryEntryUrl(id);
  const identity = signingIdentity();
  const organisation = signerOrganisation(identity);
  const pdf = await renderPdf({
    ...issuable.job,
    stamp: { status: "ISSUED", id, code, url, issuedAt, signedBy: organisation },
  } as RenderJob);
  const signed = await signPdf(pdf, identity, {
    signingTime: issuedAt,
    name: organisation,
    reason: `${issuable.title}. Mã văn bản ${code}.`,
    location: issuable.place ?? "Việt Nam",
    contactInfo: url,
  });
  const sha256 = createHash("sha256").update(signed).digest("hex");
  const entry = await tx.issuedDocument.create({
    data: {
      id,
      kind,
      yearId: issuable.yearId,
      subjectId,
      version,
      state: issuable.state,
      facts: documentFactsColumn.write(issuable.facts),
      title: issuable.title,
      code,
      sha256,
      sizeBytes: signed.byteLength,
      issuedAt,
      issuedById: issuable.issuedBy?.id ?? null,
      issuedByName: issuable.issuedBy?.name ?? null,
      certificateId: await certificateRowId(tx, identity),
      content: { create: { bytes: new Uint8Array(signed) } },
    },
    select: registryEntrySelect,
  });
  await recordAudit(tx, null, {
    action: "document.issue",
    entity: "IssuedDocument",
    entityId: id,
    after: {
      kind,
      subjectId,
      version,
      state: issuable.state,
      code,
      sha256,
      certificate: identity.fingerprint,
      issuedBy: issuable.issuedBy?.id ?? null,
    },
    blocId: issuable.blocId,
  });
  return entry;
}

/** Issues in a transaction of its own (after the act's transaction has committed). */
export function issueNow(kind: DocumentKind, subjectId: string): Promise<RegistryEntry | null> {
  return transaction(TRANSACTION.issue, (tx) => issueDocument(tx, kind, subjectId));
}

/**
 * Issues after the act's transaction has committed; a failure is logged, not thrown (the act stands):
 * the next download of the document issues it then.
 */
export async function issueAfterCommit(kind: DocumentKind, subjectId: string): Promise<void> {
  try {
    await issueNow(kind, subjectId);
  } catch (error) {
    log.error("document issue failed", {
      kind,
      subjectId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The latest issued version of `kind` for `subjectId`, if any. */
export function latestIssued(
  client: Tx | typeof db,
  kind: DocumentKind,
  subjectId: string,
): Promise<RegistryEntry | null> {
  return client.issuedDocument.findFirst({
    where: { kind, subjectId },
    orderBy: { version: "desc" },
    select: registryEntrySelect,
  });
}

/** The stored bytes of an issued document. */
export async function issuedBytes(id: string): Promise<Buffer> {
  const content = await db.issuedDocumentContent.findUniqueOrThrow({
    where: { documentId: id },
    select: { bytes: true },
  });
  return Buffer.from(content.bytes);
}
