import "server-only";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { issueDocument } from "@/lib/documents/registry";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden, invalid } from "@/lib/errors";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import { runAfterResponse } from "@/lib/http/after";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";

import { awardQuota } from "@/lib/years/rules";
import { suggestNominations, violationsOf, type NominationRule } from "./eligibility";
import {
  eligibilityInputOf,
  nominationForActor,
  nominationSelect,
  readableNominations,
  toNominationDto,
  type NominationBasis,
  type NominationRow,
  readsNominations,
} from "./load";
import { nominationBasisColumn, submittedNominationsColumn } from "./columns";
import {
  createNominationSchema,
  updateNominationSchema,
  withdrawNominationSchema,
  type NominationDto,
  type NominationEventDto,
} from "./schemas";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Đề nghị khen thưởng: in the NOMINATION phase the year's secretariat proposes members for awards,
// within each award's quota and eligibility rules (refusals name the rule), attaches each nominee's
// báo cáo thành tích and sends the dossier to the board, which moves the year to BOARD_REVIEW.
// Returned nominations are fixed and resubmitted in BOARD_REVIEW; every step is kept as an event.

export interface NominationsView {
  year: { id: string; year: number; phase: YearContext["phase"]; blocName: string };
  nominations: NominationDto[];
  /** Suggested nominations not made yet (the secretariat, NOMINATION phase). */
  suggestions: {
    agency: { code: string; name: string };
    award: { code: string; name: string };
    rank: number;
  }[];
  /** Each award with its quota and how many nominations count against it. */
  awards: { code: string; name: string; quota: number | null; used: number }[];
  mayManage: boolean;
  /** Nominations that would go to the board now (DRAFT in NOMINATION, RETURNED in BOARD_REVIEW). */
  toSubmit: number;
  /** Of those, the ones without a báo cáo thành tích. */
  missingReports: string[];
}

const pending = (phase: YearContext["phase"]): NominationStatus =>
  phase === "NOMINATION" ? "DRAFT" : "RETURNED";

export async function getNominations(actor: Actor, yearId: string): Promise<NominationsView> {
  const year = await loadYear(db, actor, yearId, readsNominations);
  const manages = can(actor, "nomination.manage", yearScope(year));
  const [rows, input] = await Promise.all([
    db.nomination.findMany({
      where: readableNominations(actor, year),
      select: nominationSelect,
      orderBy: [{ createdAt: "asc" }],
    }),
    manages ? eligibilityInputOf(db, year) : null,
  ]);
  const nominations = rows.map(toNominationDto);
  const mayManage = manages && (year.phase === "NOMINATION" || year.phase === "BOARD_REVIEW");
  const agencyOf = new Map(year.members.map((m) => [m.agencyId, m.agency]));
  const suggestions =
    input && year.phase === "NOMINATION"
      ? suggestNominations(input).map((s) => ({
          agency: { code: agencyOf.get(s.agencyId)!.code, name: agencyOf.get(s.agencyId)!.name },
          award: { code: s.awardCode, name: input.rules.awards.find((a) => a.code === s.awardCode)!.name },
          rank: input.ranking.find((entry) => entry.agency.id === s.agencyId)?.rank ?? 0,
        }))
      : [];
  const rules = input?.rules;
  const awards = rules
    ? rules.awards.map((award) => ({
        code: award.code,
        name: award.name,
        quota: awardQuota(award, year.members.length),
        used: input!.active.filter((n) => n.awardCode === award.code).length,
      }))
    : [];
  const toSubmit = nominations.filter((n) => n.status === pending(year.phase));
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    nominations,
    suggestions,
    awards,
    mayManage,
    toSubmit: mayManage ? toSubmit.length : 0,
    missingReports: mayManage ? toSubmit.filter((n) => !n.report).map((n) => n.agency.name) : [],
  };
}

export async function listNominations(actor: Actor, yearId: string): Promise<NominationDto[]> {
  return (await getNominations(actor, yearId)).nominations;
}

export async function getNomination(
  actor: Actor,
  nominationId: string,
): Promise<NominationDto & { events: NominationEventDto[] }> {
  const { row } = await nominationForActor(db, actor, nominationId);
  const events = await db.nominationEvent.findMany({
    where: { nominationId: row.id },
    orderBy: { id: "asc" },
  });
  return {
    ...toNominationDto(row),
    events: events.map((e) => ({
      round: e.round,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  };
}

/** Loads the year for a change by its secretariat, under a lock that serialises the year's nominations. */
async function yearToManage(
  tx: Tx,
  actor: Actor,
  yearId: string,
  phases: YearContext["phase"][],
): Promise<YearContext> {
  const year = await loadYear(tx, actor, yearId, readsNominations);
  if (!can(actor, "nomination.manage", yearScope(year))) throw forbidden("errors.nomination.onlySecretariat");
  const phase = await lockYearInPhase(
    tx,
    year.id,
    phases,
    phases.includes("BOARD_REVIEW") ? "errors.nomination.wrongPhaseFix" : "errors.nomination.wrongPhase",
    { exclusive: true },
  );
  return { ...year, phase };
}

/** Loads a nomination for a change by its secretariat, read again under the year's lock. */
async function nominationToManage(
  tx: Tx,
  actor: Actor,
  nominationId: string,
): Promise<NominationRow & { year: YearContext }> {
  const { row, year } = await nominationForActor(tx, actor, nominationId);
  const locked = await yearToManage(tx, actor, year.id, ["NOMINATION", "BOARD_REVIEW"]);
  return {
    ...(await tx.nomination.findUniqueOrThrow({ where: { id: row.id }, select: nominationSelect })),
    year: locked,
  };
}

/** Appends one step of a nomination's history. */
export async function recordEvent(
  tx: Tx,
  actor: Actor | null,
  event: {
    nominationId: string;
    round: number;
    action: string;
    from: NominationStatus | null;
    to: NominationStatus;
    comment?: string | null;
  },
) {
  await tx.nominationEvent.create({
    data: {
      nominationId: event.nominationId,
      round: event.round,
      action: event.action,
      fromStatus: event.from,
      toStatus: event.to,
      comment: event.comment ?? null,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      actorRole: actor?.role ?? null,
      at: now(),
    },
  });
}

/** Refuses a nomination the rules do not allow: VALIDATION naming the first rule broken (all in details). */
function refuse(violations: { rule: NominationRule; params: Record<string, string | number> }[]): never {
  const [first] = violations;
  throw new AppError("VALIDATION", `errors.nomination.rule.${first!.rule}`, {
    params: first!.params,
    fieldIssues: violations.map((v) => ({
      path: v.rule === "NOT_MEMBER" || v.rule === "NOT_RANKED" ? "agencyCode" : "awardCode",
      message: `errors.nomination.rule.${v.rule}`,
      params: v.params,
    })),
    details: { rules: violations.map((v) => v.rule) },
  });
}

/**
 * Creates one nomination the rules allow. `facts` (read under the year's lock) may be shared by several
 * creations in one transaction: each one made is added to its active nominations.
 */
async function createOne(
  tx: Tx,
  actor: Actor,
  year: YearContext,
  agencyCode: string,
  awardCode: string,
  note: string | null,
  facts?: Awaited<ReturnType<typeof eligibilityInputOf>>,
) {
  const member = year.members.find((m) => m.agency.code === agencyCode);
  if (!member)
    throw invalid(
      [{ path: "agencyCode", message: "errors.nomination.rule.NOT_MEMBER", params: { award: awardCode } }],
      "errors.nomination.rule.NOT_MEMBER",
    );
  const input = facts ?? (await eligibilityInputOf(tx, year));
  const award = input.rules.awards.find((a) => a.code === awardCode);
  if (!award) throw invalid([{ path: "awardCode", message: "validation.unknownAward" }]);
  const violations = violationsOf(input, award, member.agencyId);
  if (violations.length > 0) refuse(violations);
  const entry = input.ranking.find((e) => e.agency.id === member.agencyId)!;
  const session = input.voteSessions.get(award.code);
  const candidate = session?.results.candidates.find((c) => c.agencyId === member.agencyId);
  const basis: NominationBasis = {
    rank: entry.rank,
    totalX100: entry.totalX100,
    classification: entry.classification?.label ?? null,
    vote:
      award.requiresVote && session && candidate
        ? { sessionId: session.id, for: candidate.for, ballots: session.results.ballots }
        : null,
  };
  const created = await tx.nomination.create({
    data: {
      yearId: year.id,
      agencyId: member.agencyId,
      awardCode: award.code,
      awardName: award.name,
      basis: nominationBasisColumn.write(basis),
      note,
      createdById: actor.id,
    },
    select: nominationSelect,
  });
  input.active.push({ agencyId: member.agencyId, awardCode: award.code });
  await recordEvent(tx, actor, {
    nominationId: created.id,
    round: 0,
    action: "create",
    from: null,
    to: "DRAFT",
    comment: note,
  });
  await recordAudit(tx, actor, {
    action: "nomination.create",
    entity: "Nomination",
    entityId: created.id,
    after: { agency: agencyCode, award: award.code, basis },
    blocId: year.blocId,
  });
  return created;
}

/** Proposes one member for one award (NOMINATION phase); 422 naming the rule when the rules refuse it. */
export async function createNomination(actor: Actor, yearId: string, input: unknown): Promise<NominationDto> {
  const { agencyCode, awardCode, note } = parseInput(createNominationSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const year = await yearToManage(tx, actor, yearId, ["NOMINATION"]);
    return toNominationDto(await createOne(tx, actor, year, agencyCode, awardCode, note));
  });
}

/** Makes every suggested nomination at once (NOMINATION phase). */
export async function applySuggestions(actor: Actor, yearId: string): Promise<NominationDto[]> {
  return transaction(TRANSACTION.edit, async (tx) => {
    const year = await yearToManage(tx, actor, yearId, ["NOMINATION"]);
    const facts = await eligibilityInputOf(tx, year);
    const suggestions = suggestNominations(facts);
    if (suggestions.length === 0) throw conflict("errors.nomination.noSuggestions");
    const codeOf = new Map(year.members.map((m) => [m.agencyId, m.agency.code]));
    const created = [];
    for (const suggestion of suggestions)
      created.push(
        toNominationDto(
          await createOne(
            tx,
            actor,
            year,
            codeOf.get(suggestion.agencyId)!,
            suggestion.awardCode,
            null,
            facts,
          ),
        ),
      );
    return created;
  });
}

/** The secretariat edits the note of a nomination it may still change (DRAFT, or RETURNED to be fixed). */
export async function updateNomination(
  actor: Actor,
  nominationId: string,
  input: unknown,
): Promise<NominationDto> {
  const { note, version } = parseInput(updateNominationSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const row = await nominationToManage(tx, actor, nominationId);
    const year = row.year;
    if (row.status !== "DRAFT" && row.status !== "RETURNED") throw conflict("errors.nomination.notEditable");
    const updated = await tx.nomination.updateMany({
      where: { id: row.id, version: version ?? row.version, status: row.status },
      data: { note, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("errors.nomination.stale");
    await recordAudit(tx, actor, {
      action: "nomination.update",
      entity: "Nomination",
      entityId: row.id,
      before: { note: row.note },
      after: { note },
      blocId: year.blocId,
    });
    return toNominationDto(
      await tx.nomination.findUniqueOrThrow({ where: { id: row.id }, select: nominationSelect }),
    );
  });
}

/** Takes a DRAFT or RETURNED nomination out, with a reason; its place in the quota frees up. */
export async function withdrawNomination(
  actor: Actor,
  nominationId: string,
  input: unknown,
): Promise<NominationDto> {
  const { reason } = parseInput(withdrawNominationSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const row = await nominationToManage(tx, actor, nominationId);
    const year = row.year;
    if (row.status !== "DRAFT" && row.status !== "RETURNED")
      throw conflict("errors.nomination.illegalTransition", { from: row.status, action: "withdraw" });
    await tx.nomination.update({
      where: { id: row.id },
      data: { status: "WITHDRAWN", withdrawReason: reason, version: { increment: 1 } },
    });
    await recordEvent(tx, actor, {
      nominationId: row.id,
      round: row.round,
      action: "withdraw",
      from: row.status,
      to: "WITHDRAWN",
      comment: reason,
    });
    await recordAudit(tx, actor, {
      action: "nomination.withdraw",
      entity: "Nomination",
      entityId: row.id,
      reason,
      before: { status: row.status },
      after: { status: "WITHDRAWN" },
      blocId: year.blocId,
    });
    await closeIfDecided(tx, actor, year.id);
    return toNominationDto(
      await tx.nomination.findUniqueOrThrow({ where: { id: row.id }, select: nominationSelect }),
    );
  });
}

/**
 * Sends the dossier to the board: in NOMINATION every DRAFT nomination (the year moves to
 * BOARD_REVIEW); in BOARD_REVIEW every RETURNED one, fixed (a resubmission, a new round). Each needs
 * its báo cáo thành tích. The board's people are told.
 */
export async function submitDossier(
  actor: Actor,
  yearId: string,
): Promise<{ round: number; submitted: number }> {
  const { result, notificationIds } = await transaction(TRANSACTION.issue, async (tx) => {
    const year = await yearToManage(tx, actor, yearId, ["NOMINATION", "BOARD_REVIEW"]);
    const from = pending(year.phase);
    const rows = await tx.nomination.findMany({
      where: { yearId: year.id, status: from },
      select: { ...nominationSelect, _count: { select: { reports: true } } },
    });
    if (rows.length === 0)
      throw conflict(
        year.phase === "NOMINATION"
          ? "errors.nomination.nothingToSubmit"
          : "errors.nomination.nothingReturned",
      );
    const missing = rows.filter((row) => row._count.reports === 0);
    if (missing.length > 0) {
      throw new AppError("CONFLICT", "errors.nomination.reportsMissing", {
        items: missing.map((row) => ({
          message: "pendingWork.reportMissing",
          params: { agency: row.agency.name, award: row.awardName },
        })),
      });
    }
    const last = await tx.dossierSubmission.findFirst({
      where: { yearId: year.id },
      orderBy: { round: "desc" },
      select: { round: true },
    });
    const round = (last?.round ?? 0) + 1;
    for (const row of rows) {
      await tx.nomination.update({
        where: { id: row.id },
        data: { status: "SUBMITTED", round: row.round + 1, version: { increment: 1 } },
      });
      await recordEvent(tx, actor, {
        nominationId: row.id,
        round: row.round + 1,
        action: from === "DRAFT" ? "submit" : "resubmit",
        from,
        to: "SUBMITTED",
      });
    }
    await tx.dossierSubmission.create({
      data: {
        yearId: year.id,
        round,
        submittedAt: now(),
        submittedById: actor.id,
        nominations: submittedNominationsColumn.write(
          rows.map((row) => ({ id: row.id, agency: row.agency.code, award: row.awardCode })),
        ),
      },
    });
    if (year.phase === "NOMINATION") {
      await tx.emulationYear.update({
        where: { id: year.id },
        data: { phase: "BOARD_REVIEW", version: { increment: 1 } },
      });
      await recordAudit(tx, actor, {
        action: "year.phase.move",
        entity: "EmulationYear",
        entityId: year.id,
        before: { phase: "NOMINATION" },
        after: { phase: "BOARD_REVIEW" },
        reason: "Gửi hồ sơ đề nghị khen thưởng",
        blocId: year.blocId,
      });
    }
    await recordAudit(tx, actor, {
      action: "dossier.submit",
      entity: "EmulationYear",
      entityId: year.id,
      after: { round, nominations: rows.map((row) => `${row.agency.code}:${row.awardCode}`) },
      blocId: year.blocId,
    });
    // The tờ trình and the score table of this round are issued with it, or nothing is sent.
    await issueDocument(tx, "TO_TRINH", year.id);
    await issueDocument(tx, "SCORE_TABLE", year.id);
    const board = await tx.user.findMany({ where: { role: "BOARD", disabled: false }, select: { id: true } });
    const notificationIds = await notifyUsers(
      tx,
      board.map((user) => user.id),
      {
        kind: "dossier.submitted",
        messageKey: round === 1 ? "notifications.dossierSubmitted" : "notifications.dossierResubmitted",
        params: { bloc: year.bloc.name, year: year.year, count: rows.length },
        href: `/board/years/${year.id}`,
      },
    );
    return { result: { round, submitted: rows.length }, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  return result;
}

/**
 * When every nomination of a year in BOARD_REVIEW is decided (awarded, rejected or withdrawn), the
 * year closes: read-only from then on.
 */
export async function closeIfDecided(tx: Tx, actor: Actor, yearId: string): Promise<boolean> {
  const year = await tx.emulationYear.findUniqueOrThrow({
    where: { id: yearId },
    select: { phase: true, blocId: true },
  });
  if (year.phase !== "BOARD_REVIEW") return false;
  const [undecided, decided] = await Promise.all([
    tx.nomination.count({
      where: { yearId, status: { in: ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] } },
    }),
    tx.nomination.count({ where: { yearId, status: { in: ["AWARDED", "REJECTED"] } } }),
  ]);
  if (undecided > 0 || decided === 0) return false;
  await tx.emulationYear.update({
    where: { id: yearId },
    data: { phase: "CLOSED", version: { increment: 1 } },
  });
  await recordAudit(tx, actor, {
    action: "year.phase.move",
    entity: "EmulationYear",
    entityId: yearId,
    before: { phase: "BOARD_REVIEW" },
    after: { phase: "CLOSED" },
    reason: "Mọi đề nghị khen thưởng đã được quyết định",
    blocId: year.blocId,
  });
  return true;
}
