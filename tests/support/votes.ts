// Helpers for the vote session tests (bình xét, suy tôn; bầu Khối trưởng, Khối phó): a year in VOTING
// with its ranking published through the data layer, sessions opened and ballots cast as the app does
// it, and windows moved in the database (the data layer never lets a window start in the past).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { publishRanking } from "@/lib/ranking/ranking";
import { castBallot } from "@/lib/votes/ballots";
import { closeVoteSession, createVoteSession } from "@/lib/votes/sessions";
import { DEFAULT_RULES, type AwardRule, type YearRules } from "@/lib/years/rules";
import { makeUser, TEST_PASSWORD } from "@/prisma/seed/factories";
import { actorFor, uniqueIp } from "./dal";
import { resetRequest, setHeader } from "./request-context";
import { scoringSetup, setPhase, writeFinals, type ScoringSetup } from "./scoring";

/**
 * Totals of the members by index with the small criteria table (I.1 30 + I.2 30 + II.1 up to 40):
 * 98, 96, 95 Xuất sắc; 90, 86 Tốt; 80, 72 Khá; 65, 60, 55 Trung bình.
 */
export const DEFAULT_TOTALS = [98, 96, 95, 90, 86, 80, 72, 65, 60, 55];

/** Award rules of the test years: the defaults, plus PICK_ONE (pick at most 1 of the Xuất sắc members). */
export const PICK_ONE: AwardRule = {
  code: "PICK_ONE",
  name: "Giải thưởng chọn một",
  maxCount: 1,
  maxPercent: null,
  rounding: "FLOOR",
  minClassification: "XUAT_SAC",
  maxRank: null,
  requiresVote: true,
  voteMethod: "PICK_UP_TO_QUOTA",
  excludes: [],
};
export const VOTE_RULES: YearRules = { ...DEFAULT_RULES, awards: [...DEFAULT_RULES.awards, PICK_ONE] };

function finalsFor(total: number): Record<string, number> {
  if (total < 0 || total > 100) throw new Error(`a test total must be within 0..100, got ${total}`);
  const i1 = Math.min(30, total);
  const i2 = Math.min(30, total - i1);
  return { "I.1": i1, "I.2": i2, "II.1": total - i1 - i2 };
}

/**
 * A bloc with a year in VOTING: `memberCount` members (4 by default; the first leads the bloc and its
 * secretariat runs the votes), finals giving `totals` (DEFAULT_TOTALS), the ranking published by the
 * secretariat while in REVIEW. With `publish: false` the year reaches VOTING without a ranking; with
 * `phase` it stays in another phase.
 */
export async function votingYear(
  options: {
    memberCount?: number;
    totals?: number[];
    rules?: YearRules;
    publish?: boolean;
    phase?: "REVIEW" | "VOTING" | "NOMINATION";
  } = {},
) {
  const setup = await scoringSetup({
    phase: "REVIEW",
    memberCount: options.memberCount ?? 4,
    rules: options.rules ?? VOTE_RULES,
  });
  const totals = options.totals ?? DEFAULT_TOTALS;
  for (let index = 0; index < setup.agencies.length; index += 1)
    await writeFinals(setup, index, finalsFor(totals[index] ?? 50));
  if (options.publish ?? true) await publishRanking(setup.secretariatActor, setup.year.id);
  const phase = options.phase ?? "VOTING";
  if (phase !== "REVIEW") await setPhase(setup.year.id, phase);
  return setup;
}

export type VotingYear = Awaited<ReturnType<typeof votingYear>>;

const HOUR = 3_600_000;
export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Opens a session as the secretariat: an award's proposal (`awardCode`) or the election (none), for an hour by default. */
export function openSession(
  setup: ScoringSetup,
  awardCode?: string | null,
  window: { opensAt?: string; closesAt?: string } = {},
) {
  const closesAt = window.closesAt ?? inHours(1);
  const input = awardCode
    ? { kind: "AWARD_PROPOSAL", awardCode, closesAt }
    : { kind: "LEADERSHIP_ELECTION", closesAt };
  return createVoteSession(
    setup.secretariatActor,
    setup.year.id,
    window.opensAt ? { ...input, opensAt: window.opensAt } : input,
  );
}

/** The leader of member `index` casts the agency's ballot (with the right password unless told). */
export function cast(
  setup: ScoringSetup,
  index: number,
  sessionId: string,
  choices: unknown,
  password = TEST_PASSWORD,
) {
  return castBallot(setup.leaderActors[index]!, sessionId, { password, choices });
}

/** The agency codes of members by index. */
export const codes = (setup: ScoringSetup, ...indexes: number[]) =>
  indexes.map((index) => setup.agencies[index]!.code);

/** An APPROVAL ballot: `{ code: choice }` for the members at the given indexes. */
export function approval(setup: ScoringSetup, choices: Record<number, "FOR" | "AGAINST" | "ABSTAIN">) {
  return Object.fromEntries(
    Object.entries(choices).map(([index, choice]) => [setup.agencies[Number(index)]!.code, choice]),
  );
}

/** An ELECTION ballot naming members by index (null: blank). */
export function election(setup: ScoringSetup, leader: number | null, deputy: number | null) {
  return {
    LEADER: leader === null ? null : setup.agencies[leader]!.code,
    DEPUTY: deputy === null ? null : setup.agencies[deputy]!.code,
  };
}

/** Moves the session's window into the past (opened two hours ago, ended `endedMsAgo` ago). */
export async function endWindow(sessionId: string, endedMsAgo = 1_000) {
  // Both bounds move in one statement: the CHECK "closesAt" > "opensAt" holds throughout.
  await db.$executeRaw`
    UPDATE "VoteSession" SET "opensAt" = now() - interval '2 hours', "closesAt" = now() - make_interval(secs => ${endedMsAgo / 1000}::float8)
    WHERE id = ${sessionId}::uuid`;
}

/** Ends the session's window (as if its time were over), then closes it as the secretariat. */
export async function endAndClose(setup: ScoringSetup, sessionId: string) {
  await endWindow(sessionId);
  return closeVoteSession(setup.secretariatActor, sessionId);
}

/** Moves the window so that it ends `inMs` from now (it opened an hour ago). */
export async function endWindowIn(sessionId: string, inMs: number) {
  await db.$executeRaw`
    UPDATE "VoteSession" SET "opensAt" = now() - interval '1 hour', "closesAt" = now() + make_interval(secs => ${inMs / 1000}::float8)
    WHERE id = ${sessionId}::uuid`;
}

/** A signed-in actor whose requests come from an address no other test uses (wrong passwords count per IP). */
export async function actorFromUniqueIp(user: { id: string; tokenVersion: number }): Promise<Actor> {
  resetRequest();
  setHeader("x-forwarded-for", uniqueIp());
  try {
    return await actorFor(user);
  } finally {
    resetRequest();
  }
}

/** Another AGENCY_LEADER account of the member at `index` (two leaders of one agency racing). */
export async function secondLeader(setup: ScoringSetup, index: number): Promise<Actor> {
  return actorFor(await makeUser(db, { role: "AGENCY_LEADER", agencyId: setup.agencies[index]!.id }));
}

/** Rows of the session in the ballot and participation tables. */
export async function storedOf(sessionId: string) {
  const [ballots, participations] = await Promise.all([
    db.ballot.findMany({ where: { sessionId }, orderBy: { receiptHash: "asc" } }),
    db.voteParticipation.findMany({ where: { sessionId }, orderBy: { agencyId: "asc" } }),
  ]);
  return { ballots, participations };
}
