import "server-only";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { issueAfterCommit } from "@/lib/documents/registry";
import type { Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { conflict, forbidden } from "@/lib/errors";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import { runAfterResponse } from "@/lib/http/after";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";
import { closeIfDecided, recordEvent } from "./nominations";
import { nominationForActor, nominationSelect, toNominationDto, type NominationRow } from "./load";
import { lockYearInPhase, readYear } from "@/lib/years/context";
import {
  bulkApproveSchema,
  recordDecisionSchema,
  reviewNominationSchema,
  type NominationDto,
} from "./schemas";

// Xét duyệt: the provincial board approves, returns (with comments: the bloc fixes and resubmits) or
// rejects (with a reason) each submitted nomination, and records the award decision (số quyết định,
// ngày, người ký), which marks the approved nominations it covers as awarded. Any other move is refused.

export type ReviewAction = "approve" | "return" | "reject";

/** The moves of a nomination: who makes them and from which status. */
export const TRANSITIONS: Record<ReviewAction | "award", { from: NominationStatus[]; to: NominationStatus }> =
  {
    approve: { from: ["SUBMITTED"], to: "APPROVED" },
    return: { from: ["SUBMITTED"], to: "RETURNED" },
    reject: { from: ["SUBMITTED"], to: "REJECTED" },
    award: { from: ["APPROVED"], to: "AWARDED" },
  };

export function nextStatus(
  from: NominationStatus,
  action: keyof typeof TRANSITIONS,
): NominationStatus | null {
  const move = TRANSITIONS[action];
  return move.from.includes(from) ? move.to : null;
}

const NOTIFY: Record<ReviewAction, string> = {
  approve: "notifications.nominationApproved",
  return: "notifications.nominationReturned",
  reject: "notifications.nominationRejected",
};

/** The people of the bloc told about a nomination: the year's secretariat and the nominee's leader. */
async function blocPeople(tx: Tx, yearId: string, agencyIds: string[]): Promise<string[]> {
  const year = await tx.emulationYear.findUniqueOrThrow({
    where: { id: yearId },
    select: { leaderAgencyId: true },
  });
  const rows = await tx.user.findMany({
    where: {
      disabled: false,
      // Without a Khối trưởng no secretariat is the year's (an undefined agencyId would match them all).
      OR: [
        ...(year.leaderAgencyId ? [{ role: "SECRETARIAT" as const, agencyId: year.leaderAgencyId }] : []),
        { role: "AGENCY_LEADER", agencyId: { in: agencyIds } },
      ],
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

async function reviewOne(
  tx: Tx,
  actor: Actor,
  nominationId: string,
  action: ReviewAction,
  comment: string | null,
): Promise<{ row: NominationRow; notificationIds: string[] }> {
  const { row, year } = await nominationForActor(tx, actor, nominationId);
  if (!can(actor, "nomination.review")) throw forbidden("errors.nomination.onlyBoard");
  // Verdicts on one year's nominations run one at a time, so that the last one sees every other and
  // closes the year (two concurrent last verdicts would each see the other still open).
  await lockYearInPhase(tx, year.id, ["BOARD_REVIEW"], "errors.nomination.notUnderReview", {
    exclusive: true,
  });
  await tx.$queryRaw`SELECT id FROM "Nomination" WHERE id = ${row.id}::uuid FOR UPDATE`;
  const current = await tx.nomination.findUniqueOrThrow({
    where: { id: row.id },
    select: { status: true, round: true },
  });
  const to = nextStatus(current.status, action);
  if (!to) throw conflict("errors.nomination.illegalTransition", { from: current.status, action });
  await tx.nomination.update({ where: { id: row.id }, data: { status: to, version: { increment: 1 } } });
  await recordEvent(tx, actor, {
    nominationId: row.id,
    round: current.round,
    action,
    from: current.status,
    to,
    comment,
  });
  await recordAudit(tx, actor, {
    action: `nomination.${action}`,
    entity: "Nomination",
    entityId: row.id,
    before: { status: current.status },
    after: { status: to, round: current.round },
    reason: comment,
    blocId: year.blocId,
  });
  const notificationIds = await notifyUsers(tx, await blocPeople(tx, year.id, [row.agencyId]), {
    kind: `nomination.${action}`,
    messageKey: NOTIFY[action],
    params: { agency: row.agency.name, award: row.awardName, year: year.year },
    href: `/years/${year.id}/nominations`,
  });
  await closeIfDecided(tx, actor, year.id);
  return {
    row: await tx.nomination.findUniqueOrThrow({ where: { id: row.id }, select: nominationSelect }),
    notificationIds,
  };
}

/** One verdict of the board on one submitted nomination. */
export async function reviewNomination(
  actor: Actor,
  nominationId: string,
  input: unknown,
): Promise<NominationDto> {
  const { action, comment } = parseInput(reviewNominationSchema, input);
  if (!can(actor, "nomination.review")) throw forbidden("errors.nomination.onlyBoard");
  const { row, notificationIds } = await transaction(TRANSACTION.edit, (tx) =>
    reviewOne(tx, actor, nominationId, action, comment),
  );
  runAfterResponse(() => emailNotifications(notificationIds));
  return toNominationDto(row);
}

/** Approves several submitted nominations at once: all or nothing. */
export async function bulkApprove(actor: Actor, input: unknown): Promise<NominationDto[]> {
  const { nominationIds, comment } = parseInput(bulkApproveSchema, input);
  if (!can(actor, "nomination.review")) throw forbidden("errors.nomination.onlyBoard");
  const { rows, notificationIds } = await transaction(TRANSACTION.bulk, async (tx) => {
    const rows: NominationRow[] = [];
    const notificationIds: string[] = [];
    for (const id of [...new Set(nominationIds)]) {
      const result = await reviewOne(tx, actor, id, "approve", comment);
      rows.push(result.row);
      notificationIds.push(...result.notificationIds);
    }
    return { rows, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  return rows.map(toNominationDto);
}

/**
 * Records a decision of the year: every APPROVED nomination (of the given awards) becomes AWARDED under
 * it. When nothing is left undecided, the year closes.
 */
export async function recordDecision(
  actor: Actor,
  yearId: string,
  input: unknown,
): Promise<{ id: string; awarded: NominationDto[]; closed: boolean }> {
  const data = parseInput(recordDecisionSchema, input);
  if (!can(actor, "nomination.review")) throw forbidden("errors.nomination.onlyBoard");
  const { result, notificationIds } = await transaction(TRANSACTION.edit, async (tx) => {
    const year = await readYear(tx, idOrNotFound(yearId, "errors.year.notFound"));
    await lockYearInPhase(tx, year.id, ["BOARD_REVIEW"], "errors.nomination.notUnderReview", {
      exclusive: true,
    });
    const approved = await tx.nomination.findMany({
      where: {
        yearId: year.id,
        status: "APPROVED",
        ...(data.awardCodes ? { awardCode: { in: data.awardCodes } } : {}),
      },
      select: { id: true, round: true },
    });
    if (approved.length === 0) throw conflict("errors.nomination.nothingApproved");
    const decision = await tx.awardDecision.create({
      data: {
        yearId: year.id,
        number: data.number,
        signedOn: new Date(`${data.signedOn}T00:00:00Z`),
        signerName: data.signerName,
        signerTitle: data.signerTitle,
        recordedById: actor.id,
        recordedAt: now(),
      },
    });
    for (const nomination of approved) {
      await tx.nomination.update({
        where: { id: nomination.id },
        data: { status: "AWARDED", decisionId: decision.id, version: { increment: 1 } },
      });
      await recordEvent(tx, actor, {
        nominationId: nomination.id,
        round: nomination.round,
        action: "award",
        from: "APPROVED",
        to: "AWARDED",
        comment: data.number,
      });
    }
    await recordAudit(tx, actor, {
      action: "decision.record",
      entity: "AwardDecision",
      entityId: decision.id,
      after: {
        number: data.number,
        signedOn: data.signedOn,
        signerName: data.signerName,
        signerTitle: data.signerTitle,
        nominations: approved.length,
      },
      blocId: year.blocId,
    });
    const closed = await closeIfDecided(tx, actor, year.id);
    const people = await tx.user.findMany({
      where: {
        disabled: false,
        agencyId: { in: year.members.map((m) => m.agencyId) },
        role: { in: ["AGENCY_LEADER", "AGENCY_STAFF", "SECRETARIAT"] },
      },
      select: { id: true },
    });
    const notificationIds = await notifyUsers(
      tx,
      people.map((p) => p.id),
      {
        kind: "decision.recorded",
        messageKey: "notifications.decisionRecorded",
        params: { number: data.number, year: year.year, bloc: year.bloc.name },
        href: `/years/${year.id}/nominations`,
      },
    );
    const awarded = await tx.nomination.findMany({
      where: { decisionId: decision.id },
      select: nominationSelect,
      orderBy: { createdAt: "asc" },
    });
    return { result: { id: decision.id, awarded: awarded.map(toNominationDto), closed }, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  await issueAfterCommit("AWARD_DECISION", result.id);
  return result;
}
