import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { castBallot, checkReceipt } from "@/lib/votes/ballots";
import { receiptHash } from "@/lib/votes/receipts";
import { getVoteResults } from "@/lib/votes/results";
import {
  cancelVoteSession,
  closeVoteSession,
  createVoteSession,
  getVoteSession,
  listVoteSessions,
} from "@/lib/votes/sessions";
import type { ResultsDto } from "@/lib/votes/schemas";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { makeAgency, makeUser, TEST_PASSWORD } from "@/prisma/seed/factories";
import { actorFor, auditCountBy, auditOf, newAdmin } from "../support/dal";
import { actorOf, outcomes, setPhase } from "../support/scoring";
import {
  actorFromUniqueIp,
  approval,
  cast,
  codes,
  election,
  endWindow,
  endWindowIn,
  inHours,
  openSession,
  secondLeader,
  storedOf,
  VOTE_RULES,
  votingYear,
  type VotingYear,
} from "../support/votes";

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const DEFAULT_VOTING = {
  quorum: { numerator: 2, denominator: 3 },
  pass: { numerator: 1, denominator: 2 },
  passStrictlyAbove: true,
  passBase: "MEMBERS",
};
const sorted = (values: string[]) => [...values].sort();
const sessionsOf = (yearId: string) => db.voteSession.findMany({ where: { yearId } });
const castAudits = async (sessionId: string) =>
  (await auditOf(sessionId)).filter((row) => row.action === "vote.cast");
/** JSON of a database row (audit ids are BigInt). */
const toText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every member but `except` votes FOR every candidate of an APPROVAL session. */
async function everyoneFor(setup: VotingYear, sessionId: string, candidates: number[], voters: number[]) {
  const receipts: string[] = [];
  for (const voter of voters)
    receipts.push(
      (
        await cast(
          setup,
          voter,
          sessionId,
          approval(setup, Object.fromEntries(candidates.map((c) => [c, "FOR"]))),
        )
      ).receipt,
    );
  return receipts;
}

describe("createVoteSession", () => {
  it("opens an award proposal with the members eligible under the published ranking, the year's voting rules and the award's quota", async () => {
    // 98, 96, 95 Xuất sắc; 90 Tốt; 80 Khá.
    const setup = await votingYear({ memberCount: 5, totals: [98, 96, 95, 90, 80] });
    const rosterCodes = sorted(codes(setup, 0, 1, 2, 3, 4));

    const gov = await openSession(setup, "GOV_FLAG");
    expect(gov).toMatchObject({
      kind: "AWARD_PROPOSAL",
      method: "APPROVAL",
      awardCode: "GOV_FLAG",
      status: "OPEN",
      votedCount: 0,
      closedAt: null,
      cancelledAt: null,
    });
    expect(gov.title).toBe(`Bình xét, suy tôn Cờ thi đua của Chính phủ năm ${setup.year.year}`);
    expect(gov.rules).toEqual({ ...DEFAULT_VOTING, quota: 1 });
    // Ranked first and Xuất sắc: only member 0.
    expect(gov.candidates.map((c) => c.code)).toEqual(codes(setup, 0));
    expect(sorted(gov.roll.map((voter) => voter.code))).toEqual(rosterCodes);
    expect(gov.roll.every((voter) => voter.voted === false)).toBe(true);
    expect(gov.you).toEqual({ mayVote: false, hasVoted: false, mayClose: false, mayCancel: true });

    // Xuất sắc, any rank, at most 3: members 0, 1, 2 in rank order.
    const flag = await openSession(setup, "PROVINCIAL_FLAG");
    expect(flag.candidates.map((c) => c.code)).toEqual(codes(setup, 0, 1, 2));
    expect(flag.rules.quota).toBe(3);
    // Tốt or better, no cap: the Khá member is left out.
    const merit = await openSession(setup, "PROVINCIAL_MERIT");
    expect(merit.candidates.map((c) => c.code)).toEqual(codes(setup, 0, 1, 2, 3));
    expect(merit).toMatchObject({ method: "APPROVAL", rules: { quota: null } });
    // An award whose rule asks for picks up to its quota.
    const pick = await openSession(setup, "PICK_ONE");
    expect(pick).toMatchObject({ method: "PICK_UP_TO_QUOTA", rules: { quota: 1 } });
    expect(pick.candidates.map((c) => c.code)).toEqual(codes(setup, 0, 1, 2));

    // What is stored is what was shown, with the agencies' ids.
    const row = await db.voteSession.findUniqueOrThrow({ where: { id: flag.id } });
    expect(row.rules).toEqual({ ...DEFAULT_VOTING, quota: 3 });
    expect(row.candidates).toEqual(
      [0, 1, 2].map((i) => ({
        agencyId: setup.agencies[i]!.id,
        code: setup.agencies[i]!.code,
        name: setup.agencies[i]!.name,
      })),
    );
    expect(sorted((row.roll as { agencyId: string }[]).map((voter) => voter.agencyId))).toEqual(
      sorted(setup.agencies.map((a) => a.id)),
    );
    expect(row.createdById).toBe(setup.secretariat.id);

    const [audit] = await auditOf(flag.id);
    expect(audit).toMatchObject({
      action: "vote.session.create",
      entity: "VoteSession",
      actorId: setup.secretariat.id,
      blocId: setup.bloc.id,
    });
    expect(audit!.after).toMatchObject({
      method: "APPROVAL",
      candidates: codes(setup, 0, 1, 2),
      rules: { quota: 3 },
    });

    // Every member's leader is told, and may now vote; the staff may not.
    const notified = await db.notification.findMany({
      where: { kind: "vote.opened", href: { endsWith: flag.id } },
    });
    expect(sorted(notified.map((n) => n.userId))).toEqual(sorted(setup.leaders.map((leader) => leader.id)));
    expect((await getVoteSession(setup.leaderActors[4]!, flag.id)).you).toEqual({
      mayVote: true,
      hasVoted: false,
      mayClose: false,
      mayCancel: false,
    });
    expect((await getVoteSession(setup.staffActors[4]!, flag.id)).you.mayVote).toBe(false);
    expect((await listVoteSessions(setup.staffActors[0]!, setup.year.id)).map((s) => s.id)).toEqual([
      gov.id,
      flag.id,
      merit.id,
      pick.id,
    ]);
  });

  it("opens the election of next year's Khối trưởng and Khối phó with every member as a candidate (no ranking needed)", async () => {
    const setup = await votingYear({ memberCount: 3, publish: false });
    const session = await openSession(setup);
    expect(session).toMatchObject({
      kind: "LEADERSHIP_ELECTION",
      method: "ELECTION",
      awardCode: null,
      rules: { ...DEFAULT_VOTING, quota: null },
    });
    expect(session.title).toBe(`Bầu Khối trưởng, Khối phó năm ${setup.year.year + 1}`);
    expect(sorted(session.candidates.map((c) => c.code))).toEqual(sorted(codes(setup, 0, 1, 2)));
    expect(session.candidates.map((c) => c.code)).toEqual(session.roll.map((voter) => voter.code));
  });

  it("freezes the rules, candidates and roll: later changes to the year's rules or members do not reach the session", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const opened = await openSession(setup, "PROVINCIAL_FLAG");

    // The rules change (a stricter quorum and threshold, no flag at all) and a member joins.
    const stricter = {
      ...DEFAULT_RULES,
      voting: {
        quorum: { numerator: 1, denominator: 1 },
        pass: { numerator: 1, denominator: 1 },
        passStrictlyAbove: false,
        passBase: "BALLOTS" as const,
      },
    };
    stricter.awards = stricter.awards.map((award) =>
      award.code === "PROVINCIAL_FLAG" ? { ...award, maxCount: 0, minClassification: "YEU" } : award,
    );
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { rules: stricter } });
    const newcomer = await makeAgency(db);
    await db.yearMember.create({ data: { yearId: setup.year.id, agencyId: newcomer.id } });
    const newcomerLeader = await actorFor(
      await makeUser(db, { role: "AGENCY_LEADER", agencyId: newcomer.id }),
    );

    const later = await getVoteSession(setup.secretariatActor, opened.id);
    expect(later.rules).toEqual(opened.rules);
    expect(later.candidates).toEqual(opened.candidates);
    expect(later.roll).toEqual(opened.roll);
    // The newcomer reads the session (it is a member now) but is not on its roll.
    expect((await getVoteSession(newcomerLeader, opened.id)).you.mayVote).toBe(false);
    await expect(
      castBallot(newcomerLeader, opened.id, {
        password: TEST_PASSWORD,
        choices: approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR" }),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.vote.notOnRoll",
    });

    // Three of the four original members vote: the frozen quorum (3 of 4) is met and the frozen
    // threshold (more than half of 4) is what counts.
    for (const voter of [0, 1, 2])
      await cast(setup, voter, opened.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "AGAINST" }));
    await endWindow(opened.id);
    await closeVoteSession(setup.secretariatActor, opened.id);
    const results = await getVoteResults(setup.leaderActors[3]!, opened.id);
    expect(results).toMatchObject({
      rules: opened.rules,
      rollSize: 4,
      ballots: 3,
      quorumRequired: 3,
      quorumMet: true,
      passBase: 4,
      passRequired: 3,
    });
    expect(results.candidates.map((c) => [c.code, c.for, c.passed])).toEqual([
      [setup.agencies[0]!.code, 3, true],
      [setup.agencies[1]!.code, 3, true],
      [setup.agencies[2]!.code, 0, false],
    ]);
  });

  it("is refused outside the VOTING phase (WRONG_PHASE), and nothing is written", async () => {
    for (const phase of ["REVIEW", "NOMINATION"] as const) {
      const setup = await votingYear({ memberCount: 3, phase });
      const before = await auditCountBy(setup.secretariat.id);
      await expect(openSession(setup, "PROVINCIAL_MERIT")).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.vote.wrongPhase",
      });
      await expect(openSession(setup)).rejects.toMatchObject({ code: "WRONG_PHASE" });
      expect(await sessionsOf(setup.year.id)).toEqual([]);
      expect(await auditCountBy(setup.secretariat.id)).toBe(before);
    }
  });

  it("belongs to the secretariat of the year's leader agency only (FORBIDDEN; NOT_FOUND outside the bloc)", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const deputySecretariat = await actorOf("SECRETARIAT", setup.agencies[1]!.id);
    for (const actor of [
      deputySecretariat,
      setup.leaderActors[0]!,
      setup.staffActors[0]!,
      await newAdmin(),
      await actorOf("BOARD"),
    ]) {
      await expect(
        openSession({ ...setup, secretariatActor: actor }, "PROVINCIAL_MERIT"),
        actor.role,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const stranger = await votingYear({ memberCount: 2 });
    await expect(
      openSession({ ...setup, secretariatActor: stranger.secretariatActor }, "PROVINCIAL_MERIT"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await sessionsOf(setup.year.id)).toEqual([]);
  });

  it("needs a standing published ranking for an award (CONFLICT), and a candidate", async () => {
    const unpublished = await votingYear({ memberCount: 3, publish: false });
    await expect(openSession(unpublished, "PROVINCIAL_MERIT")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.rankingNotPublished",
    });

    const reopened = await votingYear({ memberCount: 3 });
    await db.rankingPublication.updateMany({
      where: { yearId: reopened.year.id },
      data: { reopenedAt: new Date(), reopenedById: reopened.secretariat.id, reopenReason: "Sửa điểm" },
    });
    await expect(openSession(reopened, "PROVINCIAL_MERIT")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.rankingNotPublished",
    });

    // Nobody is Xuất sắc: the government flag has no candidate.
    const noneEligible = await votingYear({ memberCount: 3, totals: [90, 86, 80] });
    await expect(openSession(noneEligible, "GOV_FLAG")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.noCandidates",
    });
    await expect(openSession(noneEligible, "NO_SUCH_AWARD")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "awardCode", message: "validation.vote.unknownAward" }],
    });
    for (const setup of [unpublished, reopened, noneEligible])
      expect(await sessionsOf(setup.year.id)).toEqual([]);
  });

  it("refuses a second running session of the same award or election (CONFLICT) until the first is closed or cancelled", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const first = await openSession(setup, "PROVINCIAL_MERIT");
    await expect(openSession(setup, "PROVINCIAL_MERIT")).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.sessionRunning",
      params: { title: first.title },
    });
    // Another award and the election run alongside.
    await openSession(setup, "PROVINCIAL_FLAG");
    const electionSession = await openSession(setup);
    await expect(openSession(setup)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.sessionRunning",
    });
    // A session scheduled for later also counts as running.
    await cancelVoteSession(setup.secretariatActor, electionSession.id, {
      reason: "Mở lại với thời hạn khác",
    });
    await openSession(setup, null, { opensAt: inHours(1), closesAt: inHours(2) });
    await expect(openSession(setup)).rejects.toMatchObject({ code: "CONFLICT" });

    await cancelVoteSession(setup.secretariatActor, first.id, { reason: "Mở nhầm thời hạn" });
    const again = await openSession(setup, "PROVINCIAL_MERIT");
    expect(again.id).not.toBe(first.id);
    expect((await sessionsOf(setup.year.id)).length).toBe(5);
  });

  it("validates the input and the window (VALIDATION) before writing anything", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const before = await auditCountBy(setup.secretariat.id);
    const open = (input: unknown) => createVoteSession(setup.secretariatActor, setup.year.id, input);
    const issue = (path: string, message: string) => ({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path, message })],
    });
    const election = { kind: "LEADERSHIP_ELECTION" };
    await expect(open({ ...election, opensAt: inHours(2), closesAt: inHours(1) })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.windowOrder"),
    );
    await expect(open({ ...election, opensAt: inHours(1), closesAt: inHours(1) })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.windowOrder"),
    );
    await expect(open({ ...election, closesAt: inHours(-1) })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.closesInPast"),
    );
    await expect(open({ ...election, opensAt: inHours(-3), closesAt: inHours(-1) })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.closesInPast"),
    );
    await expect(open({ ...election, opensAt: inHours(-1), closesAt: inHours(1) })).rejects.toMatchObject(
      issue("opensAt", "validation.vote.opensInPast"),
    );
    await expect(open({ ...election, closesAt: inHours(32 * 24) })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.windowTooLong"),
    );
    await expect(open({ ...election, closesAt: "31/12/2030 17:00" })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.dateTime"),
    );
    // Without its offset a moment is ambiguous.
    await expect(open({ ...election, closesAt: "2030-12-31T17:00:00" })).rejects.toMatchObject(
      issue("closesAt", "validation.vote.dateTime"),
    );
    await expect(open({ kind: "AWARD_PROPOSAL", closesAt: inHours(1) })).rejects.toMatchObject(
      issue("awardCode", "validation.required"),
    );
    await expect(open({ ...election, awardCode: "GOV_FLAG", closesAt: inHours(1) })).rejects.toMatchObject(
      issue("awardCode", "validation.vote.noAwardForElection"),
    );
    await expect(open({ kind: "REFERENDUM", closesAt: inHours(1) })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(open({ ...election, closesAt: inHours(1), roll: [] })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await sessionsOf(setup.year.id)).toEqual([]);
    expect(await auditCountBy(setup.secretariat.id)).toBe(before);
    // A window of exactly 31 days, starting within the minute just past, is fine (one clock reading for
    // both ends: two readings a millisecond apart made the window a millisecond too long).
    const start = Date.now() - 30_000;
    const longest = await open({
      ...election,
      opensAt: new Date(start).toISOString(),
      closesAt: new Date(start + 31 * 86_400_000).toISOString(),
    });
    expect(longest.status).toBe("OPEN");
  });
});

describe("castBallot", () => {
  it("stores the choices with the receipt's hash only, records that the agency voted, and audits only that", async () => {
    const setup = await votingYear({ memberCount: 4 });
    // The government flag: member 0 is the only candidate; member 3 votes.
    const session = await openSession(setup, "GOV_FLAG");
    const { receipt } = await cast(setup, 3, session.id, approval(setup, { 0: "AGAINST" }));
    expect(receipt).toMatch(RECEIPT);

    const { ballots, participations } = await storedOf(session.id);
    expect(ballots).toHaveLength(1);
    expect(Object.keys(ballots[0]!).sort()).toEqual(["choices", "id", "receiptHash", "sessionId"]);
    expect(ballots[0]).toMatchObject({
      sessionId: session.id,
      receiptHash: receiptHash(receipt),
      choices: { [setup.agencies[0]!.id]: "AGAINST" },
    });
    expect(JSON.stringify(ballots[0])).not.toContain(receipt);
    expect(participations).toEqual([
      expect.objectContaining({
        sessionId: session.id,
        agencyId: setup.agencies[3]!.id,
        votedById: setup.leaders[3]!.id,
      }),
    ]);

    const audits = await castAudits(session.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entity: "VoteSession",
      entityId: session.id,
      actorId: setup.leaders[3]!.id,
      after: { agency: setup.agencies[3]!.code },
      before: null,
      reason: null,
    });
    const text = toText(audits[0]);
    for (const secret of [
      "AGAINST",
      "FOR",
      "ABSTAIN",
      receipt,
      receiptHash(receipt),
      setup.agencies[0]!.code,
      setup.agencies[0]!.id,
      ballots[0]!.id,
    ]) {
      expect(text, `the audit row must not contain ${secret}`).not.toContain(secret);
    }

    const view = await getVoteSession(setup.leaderActors[3]!, session.id);
    expect(view).toMatchObject({ votedCount: 1, you: { hasVoted: true, mayVote: false } });
    expect(view.roll.filter((voter) => voter.voted).map((voter) => voter.code)).toEqual(codes(setup, 3));
  });

  it("needs the leader's password (VALIDATION, nothing written); a failed attempt is audited as such, without the choices", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "GOV_FLAG");
    const leader = await actorFromUniqueIp(setup.leaders[1]!);
    await expect(
      castBallot(leader, session.id, { password: "sai-mat-khau", choices: approval(setup, { 0: "FOR" }) }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "password", message: "validation.passwordWrong" })],
    });
    await expect(
      castBallot(leader, session.id, { password: "", choices: approval(setup, { 0: "FOR" }) }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await storedOf(session.id)).toEqual({ ballots: [], participations: [] });
    expect(await castAudits(session.id)).toEqual([]);
    const failed = await db.auditLog.findMany({
      where: { actorId: leader.id, action: "auth.reauth.failed" },
    });
    expect(failed).toHaveLength(1);
    expect(toText(failed[0])).not.toContain("FOR");

    await expect(
      castBallot(leader, session.id, { password: TEST_PASSWORD, choices: approval(setup, { 0: "FOR" }) }),
    ).resolves.toMatchObject({ receipt: expect.stringMatching(RECEIPT) });
    expect((await storedOf(session.id)).ballots).toHaveLength(1);
  });

  it("counts exactly one of parallel ballots from one agency, whoever of its leaders casts them", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "PROVINCIAL_FLAG");
    const other = await secondLeader(setup, 2);
    const choicesOf = (choice: "FOR" | "AGAINST") => ({
      password: TEST_PASSWORD,
      choices: approval(setup, { 0: choice, 1: choice, 2: choice }),
    });
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) =>
        castBallot(setup.leaderActors[2]!, session.id, choicesOf(i % 2 ? "FOR" : "AGAINST")),
      ),
      castBallot(other, session.id, choicesOf("FOR")),
      castBallot(other, session.id, choicesOf("AGAINST")),
    ]);
    const { fulfilled, rejected } = outcomes(results);
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(6);
    for (const error of rejected)
      expect(error).toMatchObject({ code: "CONFLICT", messageKey: "errors.vote.alreadyVoted" });
    const { ballots, participations } = await storedOf(session.id);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.receiptHash).toBe(receiptHash(fulfilled[0]!.receipt));
    expect(participations).toHaveLength(1);
    expect(participations[0]!.agencyId).toBe(setup.agencies[2]!.id);
    expect(await castAudits(session.id)).toHaveLength(1);
  });

  it("refuses a second ballot of the agency (CONFLICT)", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup);
    await cast(setup, 1, session.id, election(setup, 1, 2));
    await expect(cast(setup, 1, session.id, election(setup, 2, 1))).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.alreadyVoted",
    });
    await expect(
      castBallot(await secondLeader(setup, 1), session.id, {
        password: TEST_PASSWORD,
        choices: election(setup, 0, 2),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await storedOf(session.id)).ballots).toHaveLength(1);
  });

  it("refuses ballots before the window opens and after it ends (CONFLICT)", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const scheduled = await openSession(setup, null, { opensAt: inHours(1), closesAt: inHours(2) });
    expect(scheduled.status).toBe("SCHEDULED");
    expect((await getVoteSession(setup.leaderActors[0]!, scheduled.id)).you.mayVote).toBe(false);
    await expect(cast(setup, 0, scheduled.id, election(setup, 1, 2))).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.notOpenYet",
    });

    const ended = await openSession(setup, "PROVINCIAL_MERIT");
    await endWindow(ended.id);
    expect((await getVoteSession(setup.leaderActors[0]!, ended.id)).status).toBe("ENDED");
    await expect(
      cast(setup, 0, ended.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR" })),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.vote.windowOver" });
    for (const id of [scheduled.id, ended.id])
      expect(await storedOf(id)).toEqual({ ballots: [], participations: [] });
  });

  it("is for member agencies' leaders only: staff, secretariat, admin and board are FORBIDDEN, another bloc's leader NOT_FOUND", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup);
    const choices = election(setup, 1, 2);
    const refused: [string, Actor, string][] = [
      ["staff", setup.staffActors[1]!, "FORBIDDEN"],
      ["secretariat", setup.secretariatActor, "FORBIDDEN"],
      ["admin", await newAdmin(), "FORBIDDEN"],
      ["board", await actorOf("BOARD"), "FORBIDDEN"],
      ["other bloc's leader", (await votingYear({ memberCount: 2 })).leaderActors[1]!, "NOT_FOUND"],
    ];
    for (const [label, actor, code] of refused) {
      await expect(
        castBallot(actor, session.id, { password: TEST_PASSWORD, choices }),
        label,
      ).rejects.toMatchObject({ code });
    }
    await expect(
      castBallot(setup.leaderActors[0]!, "not-a-uuid", { password: TEST_PASSWORD, choices }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      castBallot(setup.leaderActors[0]!, crypto.randomUUID(), { password: TEST_PASSWORD, choices }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedOf(session.id)).toEqual({ ballots: [], participations: [] });
  });

  it("refuses choices that do not fit the session (VALIDATION) before asking for the password, and writes nothing", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const [c0, c1, c2, c3] = codes(setup, 0, 1, 2, 3);
    const approvalSession = await openSession(setup, "PROVINCIAL_FLAG"); // candidates 0, 1, 2
    const pickSession = await openSession(setup, "PICK_ONE"); // candidates 0, 1, 2, pick at most 1
    const electionSession = await openSession(setup);
    const bad: [string, string, unknown, string?][] = [
      [
        "not a candidate",
        approvalSession.id,
        { [c0!]: "FOR", [c1!]: "FOR", [c2!]: "FOR", [c3!]: "FOR" },
        "validation.vote.notCandidate",
      ],
      [
        "unknown code",
        approvalSession.id,
        { [c0!]: "FOR", [c1!]: "FOR", [c2!]: "FOR", zzz999: "FOR" },
        "validation.vote.notCandidate",
      ],
      [
        "a candidate missing",
        approvalSession.id,
        { [c0!]: "FOR", [c1!]: "FOR" },
        "validation.vote.everyCandidate",
      ],
      ["an unknown answer", approvalSession.id, { [c0!]: "FOR", [c1!]: "FOR", [c2!]: "MAYBE" }],
      ["a list for an approval ballot", approvalSession.id, [c0, c1]],
      ["too many picks", pickSession.id, [c0, c1], "validation.vote.tooManyPicks"],
      ["the same pick twice", pickSession.id, [c0, c0], "validation.vote.duplicatePick"],
      ["a pick that is no candidate", pickSession.id, [c3], "validation.vote.notCandidate"],
      ["an object for a pick ballot", pickSession.id, { [c0!]: "FOR", [c1!]: "FOR", [c2!]: "FOR" }],
      [
        "the same agency for both posts",
        electionSession.id,
        { LEADER: c1, DEPUTY: c1 },
        "validation.vote.samePostTwice",
      ],
      [
        "an unknown agency for a post",
        electionSession.id,
        { LEADER: "zzz999", DEPUTY: c1 },
        "validation.vote.notCandidate",
      ],
      ["a post missing", electionSession.id, { LEADER: c1 }],
      ["an extra post", electionSession.id, { LEADER: c1, DEPUTY: c2, SECRETARY: c3 }],
      ["no choices", electionSession.id, undefined],
    ];
    const leader = await actorFromUniqueIp(setup.leaders[3]!);
    for (const [label, sessionId, choices, message] of bad) {
      // A wrong password would be refused too: the choices are checked first, so no attempt is counted.
      const attempt = castBallot(leader, sessionId, { password: "not-checked-yet", choices });
      await expect(attempt, label).rejects.toMatchObject({
        code: "VALIDATION",
        ...(message ? { fieldIssues: [expect.objectContaining({ message })] } : {}),
      });
    }
    expect(await db.auditLog.count({ where: { actorId: leader.id, action: "auth.reauth.failed" } })).toBe(0);
    for (const session of [approvalSession, pickSession, electionSession])
      expect(await storedOf(session.id)).toEqual({ ballots: [], participations: [] });

    // Blank ballots are valid: no pick, no one for either post; codes are read case-insensitively.
    await cast(setup, 3, pickSession.id, []);
    await cast(setup, 3, electionSession.id, { LEADER: null, DEPUTY: null });
    await cast(setup, 3, approvalSession.id, {
      [c0!.toUpperCase()]: "FOR",
      [c1!]: "ABSTAIN",
      [c2!]: "AGAINST",
    });
    expect((await storedOf(pickSession.id)).ballots[0]!.choices).toEqual({});
    expect((await storedOf(electionSession.id)).ballots[0]!.choices).toEqual({ LEADER: null, DEPUTY: null });
    expect((await storedOf(approvalSession.id)).ballots[0]!.choices).toEqual({
      [setup.agencies[0]!.id]: "FOR",
      [setup.agencies[1]!.id]: "ABSTAIN",
      [setup.agencies[2]!.id]: "AGAINST",
    });
  });

  it("refuses ballots in a cancelled or closed session (CONFLICT), and outside the VOTING phase (WRONG_PHASE)", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const cancelled = await openSession(setup, "PROVINCIAL_MERIT");
    await cancelVoteSession(setup.secretariatActor, cancelled.id, { reason: "Sai danh sách" });
    await expect(
      cast(setup, 0, cancelled.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR" })),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.vote.cancelled" });

    const closed = await openSession(setup);
    for (const index of [0, 1, 2]) await cast(setup, index, closed.id, election(setup, 1, 2));
    await closeVoteSession(setup.secretariatActor, closed.id);
    const newcomer = await secondLeader(setup, 0);
    await expect(
      castBallot(newcomer, closed.id, { password: TEST_PASSWORD, choices: election(setup, 1, 2) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const running = await openSession(setup, "PROVINCIAL_MERIT");
    await setPhase(setup.year.id, "NOMINATION");
    await expect(
      cast(setup, 0, running.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR" })),
    ).rejects.toMatchObject({ code: "WRONG_PHASE" });
    expect((await storedOf(cancelled.id)).ballots).toEqual([]);
    expect((await storedOf(closed.id)).ballots).toHaveLength(3);
    expect((await storedOf(running.id)).ballots).toEqual([]);
  });
});

describe("closeVoteSession and cancelVoteSession", () => {
  it("refuses to close before the window ends while votes are missing (CONFLICT), and closes early once everyone has voted", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "PROVINCIAL_FLAG");
    await everyoneFor(setup, session.id, [0, 1, 2], [0, 1]);
    expect((await getVoteSession(setup.secretariatActor, session.id)).you.mayClose).toBe(false);
    await expect(closeVoteSession(setup.secretariatActor, session.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.stillOpen",
      params: { voted: 2, roll: 3 },
    });
    expect((await db.voteSession.findUniqueOrThrow({ where: { id: session.id } })).closedAt).toBeNull();

    await everyoneFor(setup, session.id, [0, 1, 2], [2]);
    expect((await getVoteSession(setup.secretariatActor, session.id)).you.mayClose).toBe(true);
    const closed = await closeVoteSession(setup.secretariatActor, session.id);
    expect(closed).toMatchObject({
      status: "CLOSED",
      votedCount: 3,
      you: { mayClose: false, mayCancel: false },
    });
    const row = await db.voteSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({
      closedById: setup.secretariat.id,
      results: { rollSize: 3, ballots: 3, quorumMet: true },
    });
    expect(row.closedAt).toBeInstanceOf(Date);
    const audit = (await auditOf(session.id)).find((entry) => entry.action === "vote.session.close");
    expect(audit?.after).toEqual({
      ballots: 3,
      quorumMet: true,
      passed: codes(setup, 0, 1, 2),
      hasTies: false,
    });
    const notified = await db.notification.findMany({
      where: { kind: "vote.closed", href: { endsWith: session.id } },
    });
    expect(sorted(notified.map((n) => n.userId))).toEqual(
      sorted([...setup.leaders.map((l) => l.id), setup.secretariat.id]),
    );
    await expect(closeVoteSession(setup.secretariatActor, session.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.alreadyClosed",
    });
  });

  it("closes after the window with votes missing; a missed quorum passes nobody", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const session = await openSession(setup, "PROVINCIAL_MERIT");
    await everyoneFor(setup, session.id, [0, 1, 2, 3], [0, 1]);
    await endWindow(session.id);
    expect((await getVoteSession(setup.secretariatActor, session.id)).you.mayClose).toBe(true);
    await closeVoteSession(setup.secretariatActor, session.id);
    const results = await getVoteResults(setup.staffActors[2]!, session.id);
    expect(results).toMatchObject({
      rollSize: 4,
      ballots: 2,
      quorumRequired: 3,
      quorumMet: false,
      hasTies: false,
    });
    expect(results.candidates.every((c) => c.for === 2 && !c.passed)).toBe(true);
  });

  it("is for the year's secretariat only", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "PROVINCIAL_MERIT");
    await endWindow(session.id);
    for (const actor of [
      await newAdmin(),
      await actorOf("SECRETARIAT", setup.agencies[1]!.id),
      setup.leaderActors[0]!,
      await actorOf("BOARD"),
    ]) {
      await expect(closeVoteSession(actor, session.id), actor.role).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        cancelVoteSession(actor, session.id, { reason: "Không hợp lệ" }),
        actor.role,
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      closeVoteSession((await votingYear({ memberCount: 2 })).secretariatActor, session.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.voteSession.findUniqueOrThrow({ where: { id: session.id } })).closedAt).toBeNull();
  });

  it("cancels with a reason: its ballots are never counted, and it cannot be closed or cancelled again", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "PROVINCIAL_MERIT");
    await everyoneFor(setup, session.id, [0, 1, 2], [0, 1, 2]);
    await expect(cancelVoteSession(setup.secretariatActor, session.id, {})).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(
      cancelVoteSession(setup.secretariatActor, session.id, { reason: "   " }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const cancelled = await cancelVoteSession(setup.secretariatActor, session.id, {
      reason: "Danh sách ứng viên sai",
    });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      cancelReason: "Danh sách ứng viên sai",
      you: { mayClose: false, mayCancel: false },
    });
    expect((await auditOf(session.id)).find((entry) => entry.action === "vote.session.cancel")).toMatchObject(
      { reason: "Danh sách ứng viên sai", after: { status: "OPEN" } },
    );
    await expect(closeVoteSession(setup.secretariatActor, session.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.cancelled",
    });
    await expect(
      cancelVoteSession(setup.secretariatActor, session.id, { reason: "Lần nữa" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(getVoteResults(setup.secretariatActor, session.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.vote.cancelled",
    });
    expect((await db.voteSession.findUniqueOrThrow({ where: { id: session.id } })).results).toBeNull();

    const closed = await openSession(setup);
    await endWindow(closed.id);
    await closeVoteSession(setup.secretariatActor, closed.id);
    await expect(
      cancelVoteSession(setup.secretariatActor, closed.id, { reason: "Muộn" }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.vote.alreadyClosed" });
  });

  it("never loses a ballot that races the close: it is either counted or refused", async () => {
    const setup = await votingYear({ memberCount: 4, publish: false });
    const seen = new Set<string>();
    // The last voter's ballot races a close that fires as soon as the window ends (at various moments
    // around the ballot's own progress), then a close that races the last ballot of an open window.
    for (const [round, endsInMs] of [10, 60, 120, 200, 300, 450, null].entries()) {
      const session = await openSession(setup);
      for (const index of [0, 1, 2]) await cast(setup, index, session.id, election(setup, 1, 2));
      if (endsInMs !== null) await endWindowIn(session.id, endsInMs);
      const [ballot, close] = await Promise.allSettled([
        cast(setup, 3, session.id, election(setup, 2, 1)),
        (async () => {
          if (endsInMs !== null) await sleep(endsInMs + 5);
          return closeVoteSession(setup.secretariatActor, session.id);
        })(),
      ]);
      if (close.status === "rejected") {
        // Closed too early (the window was still open and a vote missing): close again now.
        expect(close.reason, `round ${round}`).toMatchObject({
          code: "CONFLICT",
          messageKey: "errors.vote.stillOpen",
        });
        if (endsInMs !== null) await sleep(endsInMs);
        await closeVoteSession(setup.secretariatActor, session.id);
      }
      const { ballots, participations } = await storedOf(session.id);
      const results = await getVoteResults(setup.leaderActors[0]!, session.id);
      expect(results.ballots, `round ${round}`).toBe(ballots.length);
      expect(participations.length).toBe(ballots.length);
      expect(results.receiptHashes).toEqual(ballots.map((b) => b.receiptHash));
      if (ballot.status === "fulfilled") {
        seen.add("counted");
        expect(results.ballots).toBe(4);
        expect(results.receiptHashes).toContain(receiptHash(ballot.value.receipt));
        await expect(
          checkReceipt(setup.leaderActors[3]!, session.id, { receipt: ballot.value.receipt }),
        ).resolves.toMatchObject({ counted: true });
        expect(
          results.candidates.find((c) => c.post === "LEADER" && c.code === setup.agencies[2]!.code)!.for,
        ).toBe(1);
      } else {
        seen.add("refused");
        expect(ballot.reason, `round ${round}`).toMatchObject({ code: "CONFLICT" });
        expect(["errors.vote.windowOver", "errors.vote.alreadyClosed"]).toContain(
          (ballot.reason as { messageKey: string }).messageKey,
        );
        expect(results.ballots).toBe(3);
        expect(participations.map((p) => p.agencyId)).not.toContain(setup.agencies[3]!.id);
      }
    }
    // The last round (open window) always counts the ballot.
    expect(seen.has("counted")).toBe(true);
  });
});

describe("getVoteResults and checkReceipt", () => {
  it("are hidden until the session is closed, from everyone (CONFLICT)", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup, "PROVINCIAL_FLAG");
    const receipts = await everyoneFor(setup, session.id, [0, 1, 2], [0, 1, 2]);
    for (const actor of [
      setup.secretariatActor,
      await newAdmin(),
      await actorOf("BOARD"),
      setup.leaderActors[0]!,
      setup.staffActors[1]!,
    ]) {
      await expect(getVoteResults(actor, session.id), actor.role).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "errors.vote.resultsNotYet",
      });
      await expect(
        checkReceipt(actor, session.id, { receipt: receipts[0] }),
        actor.role,
      ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.vote.resultsNotYet" });
    }
    // Even the session view says nothing of how it is going.
    expect(JSON.stringify(await getVoteSession(setup.secretariatActor, session.id))).not.toMatch(
      /"(for|against|abstain|passed|results)"/,
    );
  });

  it("counts an approval vote, publishes the sorted receipt hashes, and lets a voter check theirs", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const session = await openSession(setup, "PROVINCIAL_FLAG"); // candidates 0, 1, 2; quota 3
    const receipts = [
      (await cast(setup, 0, session.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "AGAINST" }))).receipt,
      (await cast(setup, 1, session.id, approval(setup, { 0: "FOR", 1: "AGAINST", 2: "ABSTAIN" }))).receipt,
      (await cast(setup, 2, session.id, approval(setup, { 0: "FOR", 1: "FOR", 2: "AGAINST" }))).receipt,
      (await cast(setup, 3, session.id, approval(setup, { 0: "AGAINST", 1: "FOR", 2: "FOR" }))).receipt,
    ];
    expect(new Set(receipts).size).toBe(4);
    await closeVoteSession(setup.secretariatActor, session.id);

    for (const actor of [
      setup.staffActors[3]!,
      setup.leaderActors[1]!,
      await newAdmin(),
      await actorOf("BOARD"),
      setup.secretariatActor,
    ]) {
      const results: ResultsDto = await getVoteResults(actor, session.id);
      expect(results).toMatchObject({
        sessionId: session.id,
        method: "APPROVAL",
        rules: { ...DEFAULT_VOTING, quota: 3 },
        rollSize: 4,
        ballots: 4,
        quorumRequired: 3,
        quorumMet: true,
        passBase: 4,
        passRequired: 3,
        elected: null,
        hasTies: false,
      });
      expect(results.candidates.map((c) => [c.code, c.for, c.against, c.abstain, c.passed, c.tied])).toEqual([
        [setup.agencies[0]!.code, 3, 1, 0, true, false],
        [setup.agencies[1]!.code, 3, 1, 0, true, false],
        [setup.agencies[2]!.code, 1, 2, 1, false, false],
      ]);
      expect(results.receiptHashes).toEqual(sorted(receipts.map(receiptHash)));
      // The results name agencies by code, never by id (ids are what ballots store).
      for (const agency of setup.agencies) expect(JSON.stringify(results)).not.toContain(agency.id);
    }

    // The voter types their receipt back in any case and spacing.
    const typed = receipts[3]!.toLowerCase().replace(/-/g, " ");
    await expect(checkReceipt(setup.leaderActors[3]!, session.id, { receipt: typed })).resolves.toEqual({
      counted: true,
      receiptHash: receiptHash(receipts[3]!),
    });
    const madeUp = "ABCD-EFGH-JKMN-PQRS";
    expect(receipts).not.toContain(madeUp);
    await expect(checkReceipt(setup.leaderActors[3]!, session.id, { receipt: madeUp })).resolves.toEqual({
      counted: false,
      receiptHash: receiptHash(madeUp),
    });
    await expect(checkReceipt(setup.leaderActors[3]!, session.id, { receipt: "1234" })).rejects.toMatchObject(
      { code: "VALIDATION", fieldIssues: [expect.objectContaining({ path: "receipt" })] },
    );
    await expect(checkReceipt(setup.leaderActors[3]!, session.id, {})).rejects.toMatchObject({
      code: "VALIDATION",
    });
    // A receipt of another session is not counted in this one.
    const other = await openSession(setup, "PROVINCIAL_MERIT");
    const { receipt: otherReceipt } = await cast(
      setup,
      0,
      other.id,
      approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR", 3: "FOR" }),
    );
    await expect(
      checkReceipt(setup.leaderActors[0]!, session.id, { receipt: otherReceipt }),
    ).resolves.toMatchObject({ counted: false });
    // Outside the bloc the session does not exist.
    const stranger = await votingYear({ memberCount: 2 });
    await expect(getVoteResults(stranger.leaderActors[0]!, session.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      checkReceipt(stranger.leaderActors[0]!, session.id, { receipt: receipts[0] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("elects next year's Khối trưởng and Khối phó by name, and flags a tie at the quota boundary of a pick ballot", async () => {
    // Pass with at least a third of the ballots cast, so that two candidates can pass a quota of 1.
    const rules = {
      ...VOTE_RULES,
      voting: {
        ...VOTE_RULES.voting,
        pass: { numerator: 1, denominator: 3 },
        passStrictlyAbove: false,
        passBase: "BALLOTS" as const,
      },
    };
    const setup = await votingYear({ memberCount: 4, rules });
    const electionSession = await openSession(setup);
    const pickSession = await openSession(setup, "PICK_ONE"); // candidates 0, 1, 2, pick at most 1
    const ballots: [number | null, number | null, string[]][] = [
      [1, 2, codes(setup, 0)],
      [1, 2, codes(setup, 0)],
      [1, 3, codes(setup, 1)],
      [0, 2, codes(setup, 1)],
    ];
    for (const [index, [leader, deputy, picks]] of ballots.entries()) {
      await cast(setup, index, electionSession.id, election(setup, leader, deputy));
      await cast(setup, index, pickSession.id, picks);
    }
    await closeVoteSession(setup.secretariatActor, electionSession.id);
    await closeVoteSession(setup.secretariatActor, pickSession.id);

    const elected = await getVoteResults(setup.leaderActors[0]!, electionSession.id);
    expect(elected).toMatchObject({ method: "ELECTION", passBase: 4, passRequired: 2, hasTies: false });
    expect(elected.elected).toEqual({
      LEADER: { code: setup.agencies[1]!.code, name: setup.agencies[1]!.name },
      DEPUTY: { code: setup.agencies[2]!.code, name: setup.agencies[2]!.name },
    });
    const [a0, a1, a2, a3] = codes(setup, 0, 1, 2, 3);
    expect(
      sorted(
        elected.candidates.filter((c) => c.for > 0).map((c) => `${c.post}:${c.code}:${c.for}:${c.passed}`),
      ),
    ).toEqual(
      sorted([`LEADER:${a0}:1:false`, `LEADER:${a1}:3:true`, `DEPUTY:${a2}:3:true`, `DEPUTY:${a3}:1:false`]),
    );
    expect(elected.candidates).toHaveLength(8);

    // Two picks each for members 0 and 1 with a quota of 1: both pass the threshold, neither takes the place.
    const picked = await getVoteResults(setup.leaderActors[0]!, pickSession.id);
    expect(picked).toMatchObject({
      method: "PICK_UP_TO_QUOTA",
      rules: { quota: 1 },
      hasTies: true,
      passRequired: 2,
    });
    expect(picked.candidates.map((c) => [c.code, c.for, c.against, c.passed, c.tied])).toEqual([
      [a0, 2, 2, false, true],
      [a1, 2, 2, false, true],
      [a2, 0, 4, false, false],
    ]);
  });
});

describe("what sessions show", () => {
  it("never exposes a ballot's choices or the agencies' ids, to anyone, before or after closing", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const approvalSession = await openSession(setup, "PROVINCIAL_FLAG");
    const electionSession = await openSession(setup);
    // Choices that differ between voters, so that any leak would show.
    await cast(setup, 0, approvalSession.id, approval(setup, { 0: "FOR", 1: "AGAINST", 2: "ABSTAIN" }));
    await cast(setup, 1, approvalSession.id, approval(setup, { 0: "AGAINST", 1: "FOR", 2: "FOR" }));
    await cast(setup, 0, electionSession.id, election(setup, 1, 2));
    await cast(setup, 2, electionSession.id, election(setup, 0, null));
    const ballotRows = [
      ...(await storedOf(approvalSession.id)).ballots,
      ...(await storedOf(electionSession.id)).ballots,
    ];
    const forbiddenText = [
      ...setup.agencies.map((a) => a.id),
      ...ballotRows.flatMap((b) => [b.id, b.receiptHash, JSON.stringify(b.choices)]),
      '"FOR"',
      '"AGAINST"',
      '"ABSTAIN"',
    ];

    const readers = [
      setup.secretariatActor,
      await newAdmin(),
      await actorOf("BOARD"),
      setup.leaderActors[0]!,
      setup.staffActors[1]!,
    ];
    const check = async () => {
      for (const actor of readers) {
        const views = [
          await getVoteSession(actor, approvalSession.id),
          await getVoteSession(actor, electionSession.id),
          ...(await listVoteSessions(actor, setup.year.id)),
        ];
        const text = JSON.stringify(views);
        for (const secret of forbiddenText)
          expect(text, `${actor.role} sees ${secret}`).not.toContain(secret);
        // Only who voted shows.
        expect(
          views[0]!.roll
            .filter((voter) => voter.voted)
            .map((voter) => voter.code)
            .sort(),
        ).toEqual(sorted(codes(setup, 0, 1)));
      }
    };
    await check();
    await endWindow(approvalSession.id);
    await endWindow(electionSession.id);
    await closeVoteSession(setup.secretariatActor, approvalSession.id);
    await closeVoteSession(setup.secretariatActor, electionSession.id);
    await check();
  });
});

describe("the ballot and participation tables", () => {
  it("refuse UPDATE, DELETE and TRUNCATE (append-only triggers)", async () => {
    const setup = await votingYear({ memberCount: 3, publish: false });
    const session = await openSession(setup);
    await cast(setup, 0, session.id, election(setup, 1, 2));
    const {
      ballots: [ballot],
    } = await storedOf(session.id);
    await expect(
      db.$executeRaw`UPDATE "Ballot" SET choices = '{"LEADER": null, "DEPUTY": null}'::jsonb WHERE id = ${ballot!.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "Ballot" WHERE id = ${ballot!.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.$executeRaw`UPDATE "VoteParticipation" SET "votedById" = ${setup.leaders[1]!.id}::uuid WHERE "sessionId" = ${session.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRaw`DELETE FROM "VoteParticipation" WHERE "sessionId" = ${session.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    // TRUNCATE inside a transaction that is rolled back whatever happens, so that a missing trigger
    // could never empty the shared table.
    for (const table of ["Ballot", "VoteParticipation"]) {
      const outcome = await db
        .$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`TRUNCATE "${table}"`);
          throw new Error("TRUNCATE went through");
        })
        .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      expect(outcome, table).toMatch(/append-only/);
    }
    const stored = await storedOf(session.id);
    expect(stored.ballots).toEqual([ballot]);
    expect(stored.participations).toHaveLength(1);
  });
});
