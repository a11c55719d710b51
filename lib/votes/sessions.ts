import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";

import { recordAudit } from "@/lib/audit/record";
import { issueAfterCommit } from "@/lib/documents/registry";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/after";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import type { RankingEntry } from "@/lib/ranking/compute";
import { standingPublication } from "@/lib/ranking/ranking";
import { parseInput } from "@/lib/validation";

import { awardQuota, type AwardRule, type YearRules } from "@/lib/years/rules";
import { agenciesColumn, ballotChoicesColumn, sessionResultColumn, sessionRulesColumn } from "./columns";
import {
  candidatesOf,
  closable,
  rollOf,
  rulesOfSession,
  sessionForActor,
  sessionSelect,
  statusOf,
  toSessionDto,
} from "./load";
import {
  cancelSessionSchema,
  createSessionSchema,
  MAX_WINDOW_DAYS,
  type SessionDto,
  type SessionRulesDto,
} from "./schemas";
import { tally, type Candidate, type Method } from "./tally";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Phiên bỏ phiếu: opened by the year's secretariat in the VOTING phase with the year's rules, the
// candidates and the roll of voters frozen; closed when its window is over (or early, once everyone has
// voted), which tallies it once and for all; or cancelled with a reason.

const DAY_MS = 86_400_000;

/** Members eligible for an award under the year's rules and the published ranking, in rank order. */
export function eligibleCandidates(
  award: AwardRule,
  entries: RankingEntry[],
  rules: YearRules,
  memberIds: Set<string>,
): Candidate[] {
  const bandIndex = (code: string | null | undefined) =>
    code ? rules.classificationBands.findIndex((band) => band.code === code) : -1;
  const worstBand = award.minClassification ? bandIndex(award.minClassification) : Infinity;
  return [...entries]
    .sort((a, b) => a.rank - b.rank || a.agency.name.localeCompare(b.agency.name, "vi"))
    .filter((entry) => memberIds.has(entry.agency.id) && !entry.notScored)
    .filter((entry) => award.maxRank === null || entry.rank <= award.maxRank)
    .filter((entry) => {
      if (award.minClassification === null) return true;
      const index = bandIndex(entry.classification?.code);
      return index >= 0 && index <= worstBand;
    })
    .map((entry) => ({ agencyId: entry.agency.id, code: entry.agency.code, name: entry.agency.name }));
}

const memberRef = (member: YearContext["members"][number]): Candidate => ({
  agencyId: member.agency.id,
  code: member.agency.code,
  name: member.agency.name,
});

export async function listVoteSessions(actor: Actor, yearId: string): Promise<SessionDto[]> {
  const year = await loadYear(db, actor, yearId, "vote.read");
  const sessions = await db.voteSession.findMany({
    where: { yearId: year.id },
    select: sessionSelect,
    orderBy: { createdAt: "asc" },
  });
  const at = clockNow();
  return sessions.map((session) => toSessionDto(session, year, actor, at));
}

export async function getVoteSession(actor: Actor, sessionId: string): Promise<SessionDto> {
  const { session, year } = await sessionForActor(db, actor, sessionId);
  return toSessionDto(session, year, actor);
}

/** Opens a session: rules, candidates and roll frozen now; the leaders on the roll are told. */
export async function createVoteSession(actor: Actor, yearId: string, input: unknown): Promise<SessionDto> {
  const parsed = parseInput(createSessionSchema, input);
  const now = clockNow();
  const opensAt = parsed.opensAt ?? now;
  const { closesAt } = parsed;
  if (closesAt <= now) throw invalid([{ path: "closesAt", message: "validation.vote.closesInPast" }]);
  if (closesAt <= opensAt) throw invalid([{ path: "closesAt", message: "validation.vote.windowOrder" }]);
  if (closesAt.getTime() - opensAt.getTime() > MAX_WINDOW_DAYS * DAY_MS)
    throw invalid([
      { path: "closesAt", message: "validation.vote.windowTooLong", params: { days: MAX_WINDOW_DAYS } },
    ]);
  if (opensAt.getTime() < now.getTime() - 60_000)
    throw invalid([{ path: "opensAt", message: "validation.vote.opensInPast" }]);

  const { session, year, notificationIds } = await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "vote.read");
    if (!can(actor, "vote.manage", yearScope(year))) throw forbidden("errors.vote.onlySecretariat");
    // Serialises openings of the year's sessions and phase moves.
    await lockYearInPhase(tx, year.id, ["VOTING"], "errors.vote.wrongPhase", { exclusive: true });
    const rules = year.rules;
    const memberIds = new Set(year.members.map((member) => member.agencyId));
    const roll = year.members.map(memberRef);

    let method: Method;
    let title: string;
    let candidates: Candidate[];
    let quota: number | null = null;
    if (parsed.kind === "AWARD_PROPOSAL") {
      const award = rules.awards.find((candidate) => candidate.code === parsed.awardCode);
      if (!award) throw invalid([{ path: "awardCode", message: "validation.vote.unknownAward" }]);
      const ranking = (await standingPublication(tx, year.id))?.entries;
      if (!ranking) throw conflict("errors.vote.rankingNotPublished");
      candidates = eligibleCandidates(award, ranking, rules, memberIds);
      if (candidates.length === 0) throw conflict("errors.vote.noCandidates", { award: award.name });
      quota = awardQuota(award, roll.length);
      method = award.voteMethod === "PICK_UP_TO_QUOTA" && quota !== null ? "PICK_UP_TO_QUOTA" : "APPROVAL";
      title = `Bình xét, suy tôn ${award.name} năm ${year.year}`;
    } else {
      candidates = roll;
      method = "ELECTION";
      title = `Bầu Khối trưởng, Khối phó năm ${year.year + 1}`;
    }
    const running = await tx.voteSession.findFirst({
      where: {
        yearId: year.id,
        kind: parsed.kind,
        awardCode: parsed.kind === "AWARD_PROPOSAL" ? parsed.awardCode! : null,
        closedAt: null,
        cancelledAt: null,
      },
      select: { title: true },
    });
    if (running) throw conflict("errors.vote.sessionRunning", { title: running.title });

    const sessionRules: SessionRulesDto = { ...rules.voting, quota };
    const created = await tx.voteSession.create({
      data: {
        yearId: year.id,
        kind: parsed.kind,
        method,
        awardCode: parsed.kind === "AWARD_PROPOSAL" ? parsed.awardCode! : null,
        title,
        rules: sessionRulesColumn.write(sessionRules),
        candidates: agenciesColumn.write(candidates),
        roll: agenciesColumn.write(roll),
        opensAt,
        closesAt,
        createdById: actor.id,
      },
      select: sessionSelect,
    });
    await recordAudit(tx, actor, {
      action: "vote.session.create",
      entity: "VoteSession",
      entityId: created.id,
      after: {
        title,
        method,
        rules: sessionRules,
        candidates: candidates.map((c) => c.code),
        roll: roll.map((voter) => voter.code),
        opensAt,
        closesAt,
      },
      blocId: year.blocId,
    });
    const leaders = await tx.user.findMany({
      where: { disabled: false, role: "AGENCY_LEADER", agencyId: { in: [...memberIds] } },
      select: { id: true },
    });
    const notificationIds = await notifyUsers(
      tx,
      leaders.map((leader) => leader.id),
      {
        kind: "vote.opened",
        messageKey: "notifications.voteOpened",
        params: { title },
        href: `/years/${year.id}/votes/${created.id}`,
      },
    );
    return { session: created, year, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  return toSessionDto(session, year, actor);
}

/** Loads a session for a change by its secretariat, under an exclusive lock (ballots share it). */
async function sessionToManage(tx: Tx, actor: Actor, sessionId: string) {
  const { session, year } = await sessionForActor(tx, actor, sessionId);
  if (!can(actor, "vote.manage", yearScope(year))) throw forbidden("errors.vote.onlySecretariat");
  await lockYearInPhase(tx, year.id, ["VOTING"], "errors.vote.wrongPhase");
  await tx.$queryRaw`SELECT id FROM "VoteSession" WHERE id = ${session.id}::uuid FOR UPDATE`;
  const fresh = await tx.voteSession.findUniqueOrThrow({ where: { id: session.id }, select: sessionSelect });
  if (fresh.cancelledAt) throw conflict("errors.vote.cancelled");
  if (fresh.closedAt) throw conflict("errors.vote.alreadyClosed");
  return { session: fresh, year };
}

/**
 * Closes a session and tallies it: after its window, or earlier once every voter on the roll has voted.
 * The results are stored with the session and never recomputed.
 */
export async function closeVoteSession(actor: Actor, sessionId: string): Promise<SessionDto> {
  const { session, year, notificationIds } = await transaction(TRANSACTION.edit, async (tx) => {
    const { session, year } = await sessionToManage(tx, actor, sessionId);
    const now = clockNow();
    if (!closable(session, now))
      throw conflict("errors.vote.stillOpen", {
        voted: session.participations.length,
        roll: rollOf(session).length,
      });
    const ballots = await tx.ballot.findMany({ where: { sessionId: session.id }, select: { choices: true } });
    const results = tally({
      method: session.method as Method,
      rules: rulesOfSession(session),
      candidates: candidatesOf(session),
      rollSize: rollOf(session).length,
      ballots: ballots.map((ballot) => ballotChoicesColumn.read(ballot.choices)),
    });
    const closed = await tx.voteSession.update({
      where: { id: session.id },
      data: { closedAt: now, closedById: actor.id, results: sessionResultColumn.write(results) },
      select: sessionSelect,
    });
    await recordAudit(tx, actor, {
      action: "vote.session.close",
      entity: "VoteSession",
      entityId: session.id,
      after: {
        ballots: results.ballots,
        quorumMet: results.quorumMet,
        passed: results.candidates
          .filter((c) => c.passed)
          .map((c) => (c.post ? `${c.post}:${c.code}` : c.code)),
        hasTies: results.hasTies,
      },
      blocId: year.blocId,
    });
    const people = await tx.user.findMany({
      where: {
        disabled: false,
        agencyId: { in: year.members.map((m) => m.agencyId) },
        role: { in: ["AGENCY_LEADER", "SECRETARIAT"] },
      },
      select: { id: true },
    });
    const notificationIds = await notifyUsers(
      tx,
      people.map((person) => person.id),
      {
        kind: "vote.closed",
        messageKey: "notifications.voteClosed",
        params: { title: session.title },
        href: `/years/${year.id}/votes/${session.id}`,
      },
    );
    return { session: closed, year, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  // The minutes are issued anew with every session closed (a numbered version in the registry).
  await issueAfterCommit("VOTE_MINUTES", year.id);
  return toSessionDto(session, year, actor);
}

/** Cancels a session that is not closed, with a reason the audit trail keeps; its ballots are never counted. */
export async function cancelVoteSession(
  actor: Actor,
  sessionId: string,
  input: unknown,
): Promise<SessionDto> {
  const { reason } = parseInput(cancelSessionSchema, input);
  const { session, year } = await transaction(TRANSACTION.edit, async (tx) => {
    const { session, year } = await sessionToManage(tx, actor, sessionId);
    const cancelled = await tx.voteSession.update({
      where: { id: session.id },
      data: { cancelledAt: clockNow(), cancelledById: actor.id, cancelReason: reason },
      select: sessionSelect,
    });
    await recordAudit(tx, actor, {
      action: "vote.session.cancel",
      entity: "VoteSession",
      entityId: session.id,
      reason,
      after: { status: statusOf(session) },
      blocId: year.blocId,
    });
    return { session: cancelled, year };
  });
  return toSessionDto(session, year, actor);
}

/** Sessions of the year not yet closed or cancelled (pending work when VOTING ends). */
export async function runningSessionTitles(tx: Tx, yearId: string): Promise<string[]> {
  const rows = await tx.voteSession.findMany({
    where: { yearId, closedAt: null, cancelledAt: null },
    select: { title: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.title);
}
