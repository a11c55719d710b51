import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { editableAssessment } from "@/lib/assessments/assessments";
import { authorizeAgency } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { notFound } from "@/lib/errors";
import { idOrNotFound } from "@/lib/validation";
import { inspectUpload, readStoredFile, safeFileName, storeFile } from "./storage";
import { loadYear } from "@/lib/years/context";

// Minh chứng: files kept under EVIDENCE_DIR by an opaque key, described in the database (name,
// detected type, size, SHA-256), readable only by those who may read that agency's assessment.

export { safeFileName };

export interface EvidenceDto {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** Stores an evidence file for one criterion of the actor's agency, while its assessment is editable. */
export async function uploadEvidence(
  actor: Actor,
  yearId: string,
  input: { criterionId: string; fileName: string; bytes: Uint8Array },
): Promise<EvidenceDto> {
  const { sha256, ...type } = await inspectUpload(input.bytes, {
    empty: "errors.evidence.empty",
    tooLarge: "errors.evidence.tooLarge",
    type: "errors.evidence.type",
  });
  const fileName = safeFileName(input.fileName);

  return transaction(TRANSACTION.upload, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    const agency = await editableAssessment(tx, actor, year);
    const criterion = await tx.criterion.findFirst({
      where: { id: idOrNotFound(input.criterionId, "errors.criteria.notFound"), yearId: year.id },
      select: { id: true, code: true },
    });
    if (!criterion) throw notFound("errors.criteria.notFound");

    const storageKey = path.posix.join(year.id, agency.id, `${randomUUID()}.${type.ext}`);
    await storeFile(storageKey, input.bytes);

    const row = await tx.evidence.create({
      data: {
        yearId: year.id,
        agencyId: agency.id,
        criterionId: criterion.id,
        fileName,
        mimeType: type.mime,
        sizeBytes: input.bytes.byteLength,
        sha256,
        storageKey,
        uploadedById: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "evidence.upload",
      entity: "Evidence",
      entityId: row.id,
      after: {
        agency: agency.code,
        criterion: criterion.code,
        fileName,
        mimeType: type.mime,
        sizeBytes: row.sizeBytes,
        sha256,
      },
      blocId: year.blocId,
    });
    return {
      id: row.id,
      fileName,
      mimeType: row.mimeType,
      sizeBytes: row.sizeBytes,
      sha256,
      uploadedAt: row.uploadedAt.toISOString(),
    };
  });
}

async function evidenceFor(actor: Actor, evidenceId: string) {
  const evidence = await db.evidence.findUnique({
    where: { id: idOrNotFound(evidenceId, "errors.evidence.notFound") },
  });
  if (!evidence || evidence.deletedAt) throw notFound("errors.evidence.notFound");
  const year = await loadYear(db, actor, evidence.yearId, "criteria.read").catch(() => {
    throw notFound("errors.evidence.notFound");
  });
  try {
    authorizeAgency(actor, "assessment.read", year, evidence.agencyId);
  } catch {
    // Another agency's file: indistinguishable from a missing one.
    throw notFound("errors.evidence.notFound");
  }
  return { evidence, year };
}

/** The file, for those who may read the agency's assessment; its SHA-256 is checked on the way out. */
export async function readEvidence(
  actor: Actor,
  evidenceId: string,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const { evidence } = await evidenceFor(actor, evidenceId);
  const bytes = await readStoredFile(evidence.storageKey, evidence.sha256, {
    missing: "errors.evidence.fileMissing",
    corrupted: "errors.evidence.corrupted",
  });
  return { fileName: evidence.fileName, mimeType: evidence.mimeType, bytes };
}

/** Removes a file from the assessment while it is editable (the row and file stay, marked deleted). */
export async function deleteEvidence(actor: Actor, evidenceId: string): Promise<void> {
  await transaction(TRANSACTION.edit, async (tx) => {
    const { evidence, year } = await evidenceFor(actor, evidenceId);
    const agency = await editableAssessment(tx, actor, year);
    if (agency.id !== evidence.agencyId) throw notFound("errors.evidence.notFound");
    await tx.evidence.update({ where: { id: evidence.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "evidence.delete",
      entity: "Evidence",
      entityId: evidence.id,
      before: { fileName: evidence.fileName, sha256: evidence.sha256 },
      blocId: year.blocId,
    });
  });
}
