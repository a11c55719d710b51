import "server-only";
import { now } from "@/lib/clock";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { inspectUpload, readStoredFile, safeFileName, storeFile } from "@/lib/evidence/storage";
import { conflict, forbidden, isAppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";

import { nominationForActor } from "./load";
import { recordEvent } from "./nominations";
import { lockYearInPhase, yearScope } from "@/lib/years/context";

// Báo cáo thành tích: the nominee's achievement report, a file attached to its nomination by the
// nominee agency's people or by the year's secretariat while the nomination can still change (DRAFT,
// or RETURNED to be fixed). Stored like evidence (lib/evidence/storage.ts): type from the content,
// SHA-256 checked on the way out. Every upload is kept; the latest one counts.

export interface NominationReportDto {
  id: string;
  nominationId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

const UPLOAD_MESSAGES = {
  empty: "errors.nominationReport.empty",
  tooLarge: "errors.nominationReport.tooLarge",
  type: "errors.nominationReport.type",
};
const READ_MESSAGES = {
  missing: "errors.nominationReport.fileMissing",
  corrupted: "errors.nominationReport.corrupted",
};

/** Attaches a báo cáo thành tích to a nomination (DRAFT or RETURNED, in NOMINATION or BOARD_REVIEW). */
export async function uploadReport(
  actor: Actor,
  nominationId: string,
  input: { fileName: string; bytes: Uint8Array },
): Promise<NominationReportDto> {
  return transaction(TRANSACTION.upload, async (tx) => {
    const { row, year } = await nominationForActor(tx, actor, nominationId);
    if (!can(actor, "nomination.report", { ...yearScope(year), agencyId: row.agencyId }))
      throw forbidden("errors.nominationReport.forbidden");
    // Serialises with the dossier's submission (which locks the year) and reads phase and status afresh.
    await lockYearInPhase(tx, year.id, ["NOMINATION", "BOARD_REVIEW"], "errors.nominationReport.wrongPhase");
    const { status, round } = await tx.nomination.findUniqueOrThrow({
      where: { id: row.id },
      select: { status: true, round: true },
    });
    if (status !== "DRAFT" && status !== "RETURNED") throw conflict("errors.nominationReport.locked");

    const { sha256, mime, ext } = await inspectUpload(input.bytes, UPLOAD_MESSAGES);
    const fileName = safeFileName(input.fileName, "bao-cao-thanh-tich");
    const storageKey = path.posix.join(year.id, "nominations", row.id, `${randomUUID()}.${ext}`);
    await storeFile(storageKey, input.bytes);

    const report = await tx.nominationReport.create({
      data: {
        nominationId: row.id,
        fileName,
        mimeType: mime,
        sizeBytes: input.bytes.byteLength,
        sha256,
        storageKey,
        uploadedById: actor.id,
        uploadedAt: now(),
      },
    });
    await recordEvent(tx, actor, {
      nominationId: row.id,
      round,
      action: "report",
      from: status,
      to: status,
      comment: fileName,
    });
    await recordAudit(tx, actor, {
      action: "nomination.report.upload",
      entity: "NominationReport",
      entityId: report.id,
      after: {
        nomination: row.id,
        agency: row.agency.code,
        award: row.awardCode,
        fileName,
        mimeType: mime,
        sizeBytes: report.sizeBytes,
        sha256,
      },
      blocId: year.blocId,
    });
    return toReportDto(report);
  });
}

function toReportDto(report: {
  id: string;
  nominationId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
}): NominationReportDto {
  return {
    id: report.id,
    nominationId: report.nominationId,
    fileName: report.fileName,
    mimeType: report.mimeType,
    sizeBytes: report.sizeBytes,
    sha256: report.sha256,
    uploadedAt: report.uploadedAt.toISOString(),
  };
}

/** The file, for whoever may read its nomination (NOT_FOUND otherwise); its SHA-256 is checked. */
export async function readReport(
  actor: Actor,
  reportId: string,
): Promise<{ fileName: string; mimeType: string; sha256: string; bytes: Buffer }> {
  const report = await db.nominationReport.findUnique({
    where: { id: idOrNotFound(reportId, "errors.nominationReport.notFound") },
  });
  if (!report) throw notFound("errors.nominationReport.notFound");
  await nominationForActor(db, actor, report.nominationId).catch((error: unknown) => {
    // Another agency's report: indistinguishable from a missing one.
    throw isAppError(error) && error.code === "NOT_FOUND"
      ? notFound("errors.nominationReport.notFound")
      : error;
  });
  const bytes = await readStoredFile(report.storageKey, report.sha256, READ_MESSAGES);
  return { fileName: report.fileName, mimeType: report.mimeType, sha256: report.sha256, bytes };
}

/**
 * The latest report of each of the given nominations, read and checked (for the dossier, whose caller
 * has authorized the whole year): its bytes, or the message key of why they cannot be given (the file
 * is gone or no longer matches its hash). Nominations without a report are left out.
 */
export async function latestReportFiles(
  client: Tx | typeof db,
  nominationIds: string[],
): Promise<Map<string, { fileName: string; sha256: string; bytes: Buffer | null; problem: string | null }>> {
  const reports = await client.nominationReport.findMany({
    where: { nominationId: { in: nominationIds } },
    orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
    distinct: ["nominationId"],
    select: { nominationId: true, fileName: true, sha256: true, storageKey: true },
  });
  const files = new Map<
    string,
    { fileName: string; sha256: string; bytes: Buffer | null; problem: string | null }
  >();
  for (const report of reports) {
    try {
      const bytes = await readStoredFile(report.storageKey, report.sha256, READ_MESSAGES);
      files.set(report.nominationId, {
        fileName: report.fileName,
        sha256: report.sha256,
        bytes,
        problem: null,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      files.set(report.nominationId, {
        fileName: report.fileName,
        sha256: report.sha256,
        bytes: null,
        problem: error.messageKey,
      });
    }
  }
  return files;
}
