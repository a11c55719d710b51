import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { fileSlug } from "@/lib/excel/cells";
import { can, type Permission } from "@/lib/permissions";
import { dossierYear, getScoreTable, getToTrinh } from "@/lib/nominations/documents";
import { getSignedDocument } from "@/lib/pledges/document";
import { versionForActor } from "@/lib/pledges/load";
import { idOrNotFound } from "@/lib/validation";
import { getVoteMinutes } from "@/lib/votes/minutes";

import { currentState } from "./kinds";
import { issueNow, issuedBytes, latestIssued, registryEntrySelect, type RegistryEntry } from "./registry";
import { renderPdf } from "./render-pool";
import type { DocumentKind } from "./render/jobs";
import type { IssuedDocumentDto } from "./schemas";
import { yearScope } from "@/lib/years/context";

// Downloads of the documents, for those who may read them: the stored bytes of the latest issued
// version (issued now if the act that made it final could not issue it), or, before anything is final,
// a draft printed on demand and marked "DỰ THẢO" (never stored, never signed).

export interface DocumentFile {
  fileName: string;
  bytes: Buffer;
  /** The registry entry (null: a draft). */
  issued: RegistryEntry | null;
}

/** The latest issued version, brought up to the subject's current state first. */
async function issuedUpToDate(kind: DocumentKind, subjectId: string): Promise<RegistryEntry | null> {
  const [latest, state] = await Promise.all([
    latestIssued(db, kind, subjectId),
    currentState(db, kind, subjectId),
  ]);
  if (!state) return null;
  if (latest?.state === state) return latest;
  return issueNow(kind, subjectId);
}

async function issuedFile(entry: RegistryEntry, fileName: string): Promise<DocumentFile> {
  return {
    fileName: `${fileName}-${entry.code.toLowerCase()}.pdf`,
    bytes: await issuedBytes(entry.id),
    issued: entry,
  };
}

/** The signed pledge of a version (a draft before its first signature). */
export async function pledgeFile(actor: Actor, versionId: string): Promise<DocumentFile> {
  const doc = await getSignedDocument(actor, versionId);
  const name = `giao-uoc-thi-dua-${doc.year}-phien-ban-${doc.version.number}`;
  const issued = await issuedUpToDate("PLEDGE", doc.version.id);
  if (issued) return issuedFile(issued, name);
  return {
    fileName: `${name}-du-thao.pdf`,
    bytes: await renderPdf({ kind: "PLEDGE", data: doc, stamp: { status: "DRAFT" } }),
    issued: null,
  };
}

/** The minutes of a year's deliberation (NOT_FOUND while no session is closed). */
export async function voteMinutesFile(actor: Actor, yearId: string): Promise<DocumentFile> {
  const minutes = await getVoteMinutes(actor, yearId);
  const issued = await issuedUpToDate("VOTE_MINUTES", minutes.yearId);
  const name = `bien-ban-binh-xet-suy-ton-${minutes.year}`;
  if (issued) return issuedFile(issued, name);
  return {
    fileName: `${name}-du-thao.pdf`,
    bytes: await renderPdf({ kind: "VOTE_MINUTES", data: minutes, stamp: { status: "DRAFT" } }),
    issued: null,
  };
}

/** The tờ trình of the dossier's latest submission; before the first, a draft. */
export async function toTrinhFile(actor: Actor, yearId: string): Promise<DocumentFile> {
  const year = await dossierYear(actor, yearId);
  const name = `to-trinh-de-nghi-khen-thuong-${year.year}`;
  const issued = await issuedUpToDate("TO_TRINH", year.id);
  if (issued) return issuedFile(issued, name);
  const doc = await getToTrinh(actor, year.id, now());
  return {
    fileName: `${name}-du-thao.pdf`,
    bytes: await renderPdf({ kind: "TO_TRINH", data: doc, stamp: { status: "DRAFT" } }),
    issued: null,
  };
}

/** The score table of the dossier's latest submission; before the first, a draft (CONFLICT before the ranking is published). */
export async function scoreTableFile(actor: Actor, yearId: string): Promise<DocumentFile> {
  const year = await dossierYear(actor, yearId);
  const name = `bang-tong-hop-diem-${year.year}`;
  const issued = await issuedUpToDate("SCORE_TABLE", year.id);
  if (issued) return issuedFile(issued, name);
  const table = await getScoreTable(actor, year.id);
  return {
    fileName: `${name}-du-thao.pdf`,
    bytes: await renderPdf({ kind: "SCORE_TABLE", data: table, stamp: { status: "DRAFT" } }),
    issued: null,
  };
}

/** Who may download an issued document of each kind: those who may read what it is of. */
const READ: Record<DocumentKind, Permission> = {
  PLEDGE: "pledge.read",
  VOTE_MINUTES: "vote.read",
  TO_TRINH: "dossier.read",
  SCORE_TABLE: "dossier.read",
  AWARD_DECISION: "award.read",
};

/** An issued document by its registry id, for those who may read what it is of (else NOT_FOUND). */
export async function registryFile(actor: Actor, documentId: string): Promise<DocumentFile> {
  const entry = await db.issuedDocument.findUnique({
    where: { id: idOrNotFound(documentId, "errors.document.notFound") },
    select: registryEntrySelect,
  });
  if (!entry) throw notFound("errors.document.notFound");
  if (entry.kind === "PLEDGE") {
    await versionForActor(db, actor, entry.subjectId);
  } else {
    const year = await db.emulationYear.findUniqueOrThrow({
      where: { id: entry.yearId },
      select: { leaderAgencyId: true, members: { select: { agencyId: true } } },
    });
    if (!can(actor, READ[entry.kind], yearScope(year))) throw notFound("errors.document.notFound");
  }
  return issuedFile(entry, fileSlug(entry.title).slice(0, 80));
}

/** The documents issued for a year that the actor may read (NOT_FOUND for a year they may not see), newest first. */
export async function listIssuedDocuments(actor: Actor, yearId: string): Promise<IssuedDocumentDto[]> {
  const year = await db.emulationYear.findUnique({
    where: { id: idOrNotFound(yearId, "errors.year.notFound") },
    select: { id: true, leaderAgencyId: true, members: { select: { agencyId: true } } },
  });
  if (!year || !can(actor, "year.read", yearScope(year))) throw notFound("errors.year.notFound");
  const kinds = (Object.keys(READ) as DocumentKind[]).filter((kind) =>
    can(actor, READ[kind], yearScope(year)),
  );
  const rows = await db.issuedDocument.findMany({
    where: { yearId: year.id, kind: { in: kinds } },
    orderBy: [{ issuedAt: "desc" }, { version: "desc" }],
    select: registryEntrySelect,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    code: row.code,
    title: row.title,
    version: row.version,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedByName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    href: `/api/v1/documents/${row.id}/pdf`,
  }));
}
