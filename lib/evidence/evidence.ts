import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { editableAssessment } from "@/lib/assessments/assessments";
import { authorizeAgency, scoringYear } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { idOrNotFound } from "@/lib/validation";
import { detectEvidenceType } from "./types";

// Minh chứng: files kept under EVIDENCE_DIR by an opaque key, described in the database (name,
// detected type, size, SHA-256), readable only by those who may read that agency's assessment.

function evidenceRoot(): string {
  // A folder chosen at run time, outside the build: nothing to trace for Turbopack.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().EVIDENCE_DIR);
}

/** Cleans a file name for display and download headers (no paths, no control characters). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().slice(0, 200);
  return cleaned || "minh-chung";
}

export interface EvidenceDto {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** Stores an evidence file for one criterion of the actor's agency, while its assessment is editable. */
export async function uploadEvidence(actor: Actor, yearId: string, input: { criterionId: string; fileName: string; bytes: Uint8Array }): Promise<EvidenceDto> {
  const maxBytes = getEnv().EVIDENCE_MAX_MB * 1024 * 1024;
  if (input.bytes.byteLength === 0) throw new AppError("VALIDATION", "errors.evidence.empty");
  if (input.bytes.byteLength > maxBytes) throw new AppError("VALIDATION", "errors.evidence.tooLarge", { params: { max: getEnv().EVIDENCE_MAX_MB } });
  const type = await detectEvidenceType(input.bytes);
  if (!type) throw new AppError("VALIDATION", "errors.evidence.type");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const fileName = safeFileName(input.fileName);

  return db.$transaction(async (tx) => {
    const year = await scoringYear(tx, actor, yearId);
    const agency = await editableAssessment(tx, actor, year);
    const criterion = await tx.criterion.findFirst({ where: { id: idOrNotFound(input.criterionId, "errors.criteria.notFound"), yearId: year.id }, select: { id: true, code: true } });
    if (!criterion) throw notFound("errors.criteria.notFound");

    const storageKey = path.posix.join(year.id, agency.id, `${randomUUID()}.${type.ext}`);
    const target = path.join(/*turbopackIgnore: true*/ evidenceRoot(), storageKey);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.part`;
    await writeFile(temporary, input.bytes, { mode: 0o640 });
    await rename(temporary, target);

    const row = await tx.evidence.create({
      data: { yearId: year.id, agencyId: agency.id, criterionId: criterion.id, fileName, mimeType: type.mime, sizeBytes: input.bytes.byteLength, sha256, storageKey, uploadedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "evidence.upload",
      entity: "Evidence",
      entityId: row.id,
      after: { agency: agency.code, criterion: criterion.code, fileName, mimeType: type.mime, sizeBytes: row.sizeBytes, sha256 },
      blocId: year.blocId,
    });
    return { id: row.id, fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256, uploadedAt: row.uploadedAt.toISOString() };
  });
}

async function evidenceFor(actor: Actor, evidenceId: string) {
  const evidence = await db.evidence.findUnique({ where: { id: idOrNotFound(evidenceId, "errors.evidence.notFound") } });
  if (!evidence || evidence.deletedAt) throw notFound("errors.evidence.notFound");
  const year = await scoringYear(db, actor, evidence.yearId).catch(() => {
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
export async function readEvidence(actor: Actor, evidenceId: string): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const { evidence } = await evidenceFor(actor, evidenceId);
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ evidenceRoot(), evidence.storageKey)).catch(() => {
    throw notFound("errors.evidence.fileMissing");
  });
  if (createHash("sha256").update(bytes).digest("hex") !== evidence.sha256) throw conflict("errors.evidence.corrupted");
  return { fileName: evidence.fileName, mimeType: evidence.mimeType, bytes };
}

/** Removes a file from the assessment while it is editable (the row and file stay, marked deleted). */
export async function deleteEvidence(actor: Actor, evidenceId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { evidence, year } = await evidenceFor(actor, evidenceId);
    const agency = await editableAssessment(tx, actor, year);
    if (agency.id !== evidence.agencyId) throw notFound("errors.evidence.notFound");
    await tx.evidence.update({ where: { id: evidence.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, actor, { action: "evidence.delete", entity: "Evidence", entityId: evidence.id, before: { fileName: evidence.fileName, sha256: evidence.sha256 }, blocId: year.blocId });
  });
}
