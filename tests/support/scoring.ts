// Helpers for the scoring tests (criteria, self-assessment, evidence, review, cross-scoring, ranking):
// a year with the small criteria table, signed-in actors for its roles, and rows written directly.
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { toX100 } from "@/lib/scores/points";
import type { YearRules } from "@/lib/years/rules";
import { makeBlocWithYear, makeCriteriaTable, makeUser, smallCriteriaTable } from "@/prisma/seed/factories";
import { actorFor } from "./dal";

/**
 * A bloc with one year in `phase` (REVIEW by default), `memberCount` members (the first leads, the
 * second is deputy), the small criteria table (I.1 30 with evidence, I.2 30, II.1 40, V.1 bonus 5,
 * VI.1 deduction 5), a leader and a staff account per member, the leader agency's secretariat, and
 * their actors.
 */
export async function scoringSetup(options: { phase?: Phase; memberCount?: number; rules?: YearRules } = {}) {
  const setup = await makeBlocWithYear(db, {
    phase: options.phase ?? "REVIEW",
    memberCount: options.memberCount ?? 3,
    rules: options.rules,
  });
  const criteria = await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
  const secretariatActor = await actorFor(setup.secretariat);
  const leaderActors = [];
  const staffActors = [];
  for (const leader of setup.leaders) leaderActors.push(await actorFor(leader));
  for (const staff of setup.staff) staffActors.push(await actorFor(staff));
  /** The id of a criterion of this year by code. */
  const criterionId = (code: string) => criteria.get(code)!.id;
  return { ...setup, criteria, criterionId, secretariatActor, leaderActors, staffActors };
}

export type ScoringSetup = Awaited<ReturnType<typeof scoringSetup>>;

/** A signed-in user of `role` in a member agency of the year (the secretariat of a non-leader member, ...). */
export async function actorOf(
  role: "SECRETARIAT" | "AGENCY_LEADER" | "AGENCY_STAFF" | "BOARD" | "ADMIN",
  agencyId: string | null = null,
) {
  return actorFor(await makeUser(db, { role, agencyId }));
}

export function setPhase(yearId: string, phase: Phase) {
  return db.emulationYear.update({ where: { id: yearId }, data: { phase } });
}

/**
 * Writes scores of one agency directly (points, not hundredths): `{ "I.1": { self: 30, final: 28 } }`.
 * Cells start at version 1 (as the data layer creates them).
 */
export async function writeScores(
  setup: ScoringSetup,
  agencyIndex: number,
  cells: Record<string, { self?: number | null; final?: number | null }>,
) {
  const agencyId = setup.agencies[agencyIndex]!.id;
  for (const [code, cell] of Object.entries(cells)) {
    const selfX100 = cell.self === undefined || cell.self === null ? null : toX100(cell.self);
    const finalX100 = cell.final === undefined || cell.final === null ? null : toX100(cell.final);
    await db.score.create({
      data: { yearId: setup.year.id, agencyId, criterionId: setup.criterionId(code), selfX100, finalX100 },
    });
  }
}

/** Final points only, for every criterion given (ranking tests). */
export function writeFinals(setup: ScoringSetup, agencyIndex: number, finals: Record<string, number>) {
  return writeScores(
    setup,
    agencyIndex,
    Object.fromEntries(Object.entries(finals).map(([code, final]) => [code, { final }])),
  );
}

export function scoreRow(setup: ScoringSetup, agencyIndex: number, code: string) {
  return db.score.findUnique({
    where: {
      yearId_agencyId_criterionId: {
        yearId: setup.year.id,
        agencyId: setup.agencies[agencyIndex]!.id,
        criterionId: setup.criterionId(code),
      },
    },
  });
}

export function historyOf(scoreId: string) {
  return db.scoreHistory.findMany({ where: { scoreId }, orderBy: { id: "asc" } });
}

/** The settled results of parallel calls: how many succeeded and the errors of the others. */
export function outcomes<T>(results: PromiseSettledResult<T>[]) {
  return {
    fulfilled: results
      .filter((result): result is PromiseFulfilledResult<T> => result.status === "fulfilled")
      .map((result) => result.value),
    rejected: results
      .filter((result): result is PromiseRejectedResult => result.status === "rejected")
      .map((result) => result.reason as unknown),
  };
}

/**
 * Gives every member of the year without a final base score one (0 points on the year's first base
 * criterion, on a small criteria table written first when the year has none), so that its ranking may
 * be published (lib/ranking/compute.ts unscoredMembers).
 */
export async function scoreEveryMember(yearId: string): Promise<void> {
  if ((await db.criterion.count({ where: { yearId } })) === 0)
    await makeCriteriaTable(db, yearId, smallCriteriaTable());
  const first = await db.criterion.findFirstOrThrow({
    where: { yearId, kind: "BASE" },
    orderBy: [{ group: { position: "asc" } }, { position: "asc" }],
    select: { id: true },
  });
  const members = await db.yearMember.findMany({ where: { yearId }, select: { agencyId: true } });
  for (const { agencyId } of members) {
    const scored = await db.score.count({
      where: { yearId, agencyId, finalX100: { not: null }, criterion: { kind: "BASE" } },
    });
    if (scored > 0) continue;
    await db.score.upsert({
      where: { yearId_agencyId_criterionId: { yearId, agencyId, criterionId: first.id } },
      update: { finalX100: 0 },
      create: { yearId, agencyId, criterionId: first.id, finalX100: 0 },
    });
  }
}
