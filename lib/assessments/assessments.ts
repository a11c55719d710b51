import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { runAfterResponse } from "@/lib/http/after";
import { can } from "@/lib/permissions";
import { readCriteriaTable } from "@/lib/criteria/criteria";
import { criterionDto, groupDto } from "@/lib/criteria/dto";
import { fromX100, toX100, totalPoints, type PointsKind } from "@/lib/scores/points";
import { idOrNotFound, parseInput } from "@/lib/validation";

import { authorizeAgency, memberAgency } from "./load";
import { returnAssessmentSchema, selfScoreSchema, submitAssessmentSchema } from "./schemas";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Tự chấm: each agency scores itself per criterion with notes and evidence while the year is in
// SELF_ASSESSMENT; its leader submits (editing locks); the secretariat may return it with a comment.

export interface SelfAssessmentView {
  year: { id: string; year: number; phase: YearContext["phase"]; blocName: string };
  agency: { id: string; code: string; name: string };
  status: "DRAFT" | "SUBMITTED" | "RETURNED";
  version: number;
  submittedAt: string | null;
  returnComment: string | null;
  /** Staff and leader may edit now. */
  editable: boolean;
  maySubmit: boolean;
  mayReturn: boolean;
  groups: {
    code: string;
    title: string;
    kind: PointsKind;
    max: number;
    criteria: {
      id: string;
      code: string;
      title: string;
      guidance: string;
      max: number;
      evidenceRequired: boolean;
      self: number | null;
      note: string;
      evidence: { id: string; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: string }[];
    }[];
  }[];
  totals: { filled: number; criteria: number; selfTotal: number };
}

async function assessmentRow(client: Tx | typeof db, yearId: string, agencyId: string) {
  return client.assessment.findUnique({ where: { yearId_agencyId: { yearId, agencyId } } });
}

export function assessmentEditable(year: YearContext, status: string | undefined): boolean {
  return year.phase === "SELF_ASSESSMENT" && status !== "SUBMITTED";
}

/** An agency's self-assessment: its own people, the year's secretariat, the province's roles. */
export async function getSelfAssessment(
  actor: Actor,
  yearId: string,
  agencyCode?: string | null,
): Promise<SelfAssessmentView> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const agency = memberAgency(year, actor, agencyCode);
  authorizeAgency(actor, "assessment.read", year, agency.id);
  const [assessment, groups, scores, evidence] = await Promise.all([
    assessmentRow(db, year.id, agency.id),
    readCriteriaTable(db, year.id),
    db.score.findMany({
      where: { yearId: year.id, agencyId: agency.id },
      select: { criterionId: true, selfX100: true, selfNote: true },
    }),
    db.evidence.findMany({
      where: { yearId: year.id, agencyId: agency.id, deletedAt: null },
      orderBy: { uploadedAt: "asc" },
      select: {
        id: true,
        criterionId: true,
        fileName: true,
        mimeType: true,
        sizeBytes: true,
        uploadedAt: true,
      },
    }),
  ]);
  const byCriterion = new Map(scores.map((score) => [score.criterionId, score]));
  const scope = { ...yearScope(year), agencyId: agency.id };
  const status = assessment?.status ?? "DRAFT";
  const editable = assessmentEditable(year, status) && can(actor, "assessment.edit", scope);
  const view: SelfAssessmentView["groups"] = groups.map((group) => ({
    ...groupDto(group),
    criteria: group.criteria.map((criterion) => ({
      id: criterion.id,
      ...criterionDto(criterion),
      self: fromX100(byCriterion.get(criterion.id)?.selfX100),
      note: byCriterion.get(criterion.id)?.selfNote ?? "",
      evidence: evidence
        .filter((file) => file.criterionId === criterion.id)
        .map((file) => ({
          id: file.id,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          uploadedAt: file.uploadedAt.toISOString(),
        })),
    })),
  }));
  const all = view.flatMap((group) => group.criteria.map((criterion) => ({ criterion, kind: group.kind })));
  const selfTotal = totalPoints(
    groups.flatMap((group) => group.criteria),
    (criterion) => byCriterion.get(criterion.id)?.selfX100,
  ).totalX100;
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    agency: { id: agency.id, code: agency.code, name: agency.name },
    status,
    version: assessment?.version ?? 0,
    submittedAt: assessment?.submittedAt?.toISOString() ?? null,
    returnComment: assessment?.returnComment ?? null,
    editable,
    maySubmit: editable && can(actor, "assessment.submit", scope),
    mayReturn:
      year.phase === "SELF_ASSESSMENT" && status === "SUBMITTED" && can(actor, "assessment.return", scope),
    groups: view,
    totals: {
      filled: all.filter(({ criterion }) => criterion.self !== null).length,
      criteria: all.length,
      selfTotal: fromX100(selfTotal),
    },
  };
}

/**
 * Checks that the actor may edit their agency's self-assessment now; returns the agency. The
 * assessment row is created on first use (INSERT ... ON CONFLICT DO NOTHING: several first saves at
 * once, as drafts save while people type, must not fail on the unique year and agency) and stays locked
 * until the caller's transaction ends (FOR SHARE for edits, FOR UPDATE for the submission), so an edit
 * and a submission never interleave: the edit lands before the submission, or waits for it and sees it.
 */
export async function editableAssessment(
  tx: Tx,
  actor: Actor,
  year: YearContext,
  lock: "SHARE" | "UPDATE" = "SHARE",
) {
  const agency = memberAgency(year, actor);
  authorizeAgency(actor, "assessment.edit", year, agency.id);
  await lockYearInPhase(tx, year.id, ["SELF_ASSESSMENT"], "errors.assessment.wrongPhase");
  await tx.assessment.createMany({ data: [{ yearId: year.id, agencyId: agency.id }], skipDuplicates: true });
  const [assessment] =
    lock === "UPDATE"
      ? await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM "Assessment" WHERE "yearId" = ${year.id}::uuid AND "agencyId" = ${agency.id}::uuid FOR UPDATE`
      : await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM "Assessment" WHERE "yearId" = ${year.id}::uuid AND "agencyId" = ${agency.id}::uuid FOR SHARE`;
  if (assessment?.status === "SUBMITTED") throw conflict("errors.assessment.submitted");
  return agency;
}

/** Saves one self score and note (drafts save as people type); history keeps each change. */
export async function saveSelfScore(
  actor: Actor,
  yearId: string,
  input: unknown,
): Promise<{ savedAt: string }> {
  const data = parseInput(selfScoreSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    const agency = await editableAssessment(tx, actor, year);
    const criterion = await tx.criterion.findFirst({
      where: { id: idOrNotFound(data.criterionId, "errors.criteria.notFound"), yearId: year.id },
      select: { id: true, code: true, maxX100: true },
    });
    if (!criterion) throw notFound("errors.criteria.notFound");
    const selfX100 = data.points === null ? null : toX100(data.points);
    if (selfX100 !== null && selfX100 > criterion.maxX100) {
      throw invalid([
        {
          path: "points",
          message: "validation.pointsAboveMax",
          params: { max: fromX100(criterion.maxX100) },
        },
      ]);
    }
    const before = await tx.score.findUnique({
      where: {
        yearId_agencyId_criterionId: { yearId: year.id, agencyId: agency.id, criterionId: criterion.id },
      },
    });
    // An absent note keeps the saved one; an empty note clears it.
    const note = data.note === undefined ? (before?.selfNote ?? null) : data.note;
    const now = new Date();
    if (before && before.selfX100 === selfX100 && (before.selfNote ?? null) === note)
      return { savedAt: (before.selfUpdatedAt ?? now).toISOString() };
    const score = await tx.score.upsert({
      where: {
        yearId_agencyId_criterionId: { yearId: year.id, agencyId: agency.id, criterionId: criterion.id },
      },
      update: { selfX100, selfNote: note, selfUpdatedAt: now, selfUpdatedById: actor.id },
      create: {
        yearId: year.id,
        agencyId: agency.id,
        criterionId: criterion.id,
        selfX100,
        selfNote: note,
        selfUpdatedAt: now,
        selfUpdatedById: actor.id,
      },
    });
    if (before?.selfX100 !== selfX100) {
      await tx.scoreHistory.create({
        data: {
          scoreId: score.id,
          field: "SELF",
          fromX100: before?.selfX100 ?? null,
          toX100: selfX100,
          note,
          actorId: actor.id,
          actorName: actor.name,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: "assessment.self.save",
      entity: "Score",
      entityId: score.id,
      before: before ? { points: fromX100(before.selfX100), note: before.selfNote } : undefined,
      after: { agency: agency.code, criterion: criterion.code, points: data.points, note },
      blocId: year.blocId,
    });
    return { savedAt: now.toISOString() };
  });
}

/**
 * The leader submits the agency's self-assessment; editing locks. Criteria that require evidence and
 * carry points must have a file.
 */
export async function submitSelfAssessment(
  actor: Actor,
  yearId: string,
  input: unknown = {},
): Promise<{ submittedAt: string }> {
  const { version } = parseInput(submitAssessmentSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    const agency = memberAgency(year, actor);
    authorizeAgency(actor, "assessment.submit", year, agency.id);
    await editableAssessment(tx, actor, year, "UPDATE");
    const assessment = await tx.assessment.findUniqueOrThrow({
      where: { yearId_agencyId: { yearId: year.id, agencyId: agency.id } },
    });
    if (version !== undefined && version !== assessment.version) throw conflict("errors.assessment.stale");
    const missing = await tx.criterion.findMany({
      where: {
        yearId: year.id,
        evidenceRequired: true,
        scores: { some: { agencyId: agency.id, selfX100: { gt: 0 } } },
        evidence: { none: { agencyId: agency.id, deletedAt: null } },
      },
      select: { code: true, title: true },
      orderBy: { code: "asc" },
    });
    if (missing.length > 0) {
      throw new AppError("VALIDATION", "errors.assessment.evidenceMissing", {
        items: missing.map((criterion) => ({
          message: "errors.assessment.evidenceMissingItem",
          params: { code: criterion.code, title: criterion.title },
        })),
      });
    }
    const now = new Date();
    const updated = await tx.assessment.updateMany({
      where: { id: assessment.id, version: assessment.version },
      data: { status: "SUBMITTED", submittedAt: now, submittedById: actor.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("errors.assessment.stale");
    await recordAudit(tx, actor, {
      action: "assessment.submit",
      entity: "Assessment",
      entityId: assessment.id,
      after: { agency: agency.code },
      blocId: year.blocId,
    });
    return { submittedAt: now.toISOString() };
  });
}

/** The year's secretariat returns a submitted self-assessment with a comment; the agency is told. */
export async function returnSelfAssessment(
  actor: Actor,
  yearId: string,
  agencyCode: string,
  input: unknown,
): Promise<void> {
  const { comment } = parseInput(returnAssessmentSchema, input);
  const notificationIds = await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    const agency = memberAgency(year, actor, agencyCode);
    authorizeAgency(actor, "assessment.return", year, agency.id);
    await lockYearInPhase(tx, year.id, ["SELF_ASSESSMENT"], "errors.assessment.wrongPhase");
    const assessment = await assessmentRow(tx, year.id, agency.id);
    if (!assessment || assessment.status !== "SUBMITTED") throw conflict("errors.assessment.notSubmitted");
    await tx.assessment.update({
      where: { id: assessment.id },
      data: {
        status: "RETURNED",
        returnedAt: new Date(),
        returnedById: actor.id,
        returnComment: comment,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, actor, {
      action: "assessment.return",
      entity: "Assessment",
      entityId: assessment.id,
      after: { agency: agency.code, comment },
      reason: comment,
      blocId: year.blocId,
    });
    const people = await tx.user.findMany({
      where: { agencyId: agency.id, disabled: false, role: { in: ["AGENCY_LEADER", "AGENCY_STAFF"] } },
      select: { id: true },
    });
    return notifyUsers(
      tx,
      people.map((person) => person.id),
      {
        kind: "assessment.returned",
        messageKey: "notifications.assessmentReturned",
        params: { year: year.year, comment },
        href: `/years/${year.id}/assessment`,
      },
    );
  });
  runAfterResponse(() => emailNotifications(notificationIds));
}

export interface AssessmentProgressRow {
  agency: { code: string; name: string };
  status: "DRAFT" | "SUBMITTED" | "RETURNED";
  filled: number;
  submittedAt: string | null;
}

/** Where each member stands (the secretariat's board; the province reads it too). */
export async function getAssessmentProgress(
  actor: Actor,
  yearId: string,
): Promise<{ criteria: number; rows: AssessmentProgressRow[] }> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.read", yearScope(year))) throw notFound("errors.year.notFound");
  const [criteria, assessments, filled] = await Promise.all([
    db.criterion.count({ where: { yearId: year.id } }),
    db.assessment.findMany({
      where: { yearId: year.id },
      select: { agencyId: true, status: true, submittedAt: true },
    }),
    db.score.groupBy({
      by: ["agencyId"],
      where: { yearId: year.id, selfX100: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const statusBy = new Map(assessments.map((a) => [a.agencyId, a]));
  const filledBy = new Map(filled.map((f) => [f.agencyId, f._count._all]));
  return {
    criteria,
    rows: year.members.map(({ agency }) => ({
      agency: { code: agency.code, name: agency.name },
      status: statusBy.get(agency.id)?.status ?? "DRAFT",
      filled: filledBy.get(agency.id) ?? 0,
      submittedAt: statusBy.get(agency.id)?.submittedAt?.toISOString() ?? null,
    })),
  };
}
