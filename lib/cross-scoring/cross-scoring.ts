import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { rankingPublished } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { fromX100, pointsSchema, toX100 } from "@/lib/scores/points";
import { setComputedFinals } from "@/lib/scores/save";
import { idOrNotFound, parseInput } from "@/lib/validation";

import { z } from "zod";
import { crossScoreFinal } from "./mean";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Chấm chéo (when the year's rules enable it, in REVIEW): each member's leader scores every other
// member, never itself; the secretariat then applies the peers' mean (or trimmed mean) as finals.

const crossScoreSchema = z
  .object({ targetAgencyCode: z.string().trim().min(1), criterionId: z.string(), points: pointsSchema })
  .strict();

function assertCrossScoring(year: YearContext): void {
  if (!year.rules.crossScoring.enabled) throw conflict("errors.crossScoring.disabled");
  if (year.phase !== "REVIEW") throw new AppError("WRONG_PHASE", "errors.crossScoring.wrongPhase");
}

export interface CrossScoringView {
  year: { id: string; year: number; blocName: string };
  enabled: boolean;
  trimExtremes: boolean;
  /** The actor's agency scores these (every member but itself). */
  targets: { id: string; code: string; name: string }[];
  criteria: { id: string; code: string; title: string; max: number }[];
  /** The actor's own scores, keyed "<targetAgencyId>:<criterionId>". */
  mine: Record<string, number>;
  completed: boolean;
  mayScore: boolean;
  progress: {
    agency: { code: string; name: string };
    filled: number;
    expected: number;
    completed: boolean;
  }[];
}

export async function getCrossScoring(actor: Actor, yearId: string): Promise<CrossScoringView> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const scope = yearScope(year);
  if (!can(actor, "crossScore.progress", scope)) throw forbidden();
  const rules = year.rules;
  const criteria = await db.criterion.findMany({
    where: { yearId: year.id },
    orderBy: [{ group: { position: "asc" } }, { position: "asc" }],
    select: { id: true, code: true, title: true, maxX100: true },
  });
  const counts = await db.crossScore.groupBy({
    by: ["scorerAgencyId"],
    where: { yearId: year.id },
    _count: { _all: true },
  });
  const completions = await db.crossScoringCompletion.findMany({
    where: { yearId: year.id },
    select: { agencyId: true },
  });
  const mayScore =
    rules.crossScoring.enabled && year.phase === "REVIEW" && can(actor, "crossScore.enter", scope);
  const own = actor.agencyId;
  const mine = own
    ? await db.crossScore.findMany({
        where: { yearId: year.id, scorerAgencyId: own },
        select: { targetAgencyId: true, criterionId: true, pointsX100: true },
      })
    : [];
  const expected = criteria.length * Math.max(0, year.members.length - 1);
  const done = new Set(completions.map((c) => c.agencyId));
  const filled = new Map(counts.map((c) => [c.scorerAgencyId, c._count._all]));
  return {
    year: { id: year.id, year: year.year, blocName: year.bloc.name },
    enabled: rules.crossScoring.enabled,
    trimExtremes: rules.crossScoring.trimExtremes,
    targets: year.members.map((m) => m.agency).filter((agency) => agency.id !== own),
    criteria: criteria.map((c) => ({ id: c.id, code: c.code, title: c.title, max: fromX100(c.maxX100) })),
    mine: Object.fromEntries(
      mine.map((row) => [`${row.targetAgencyId}:${row.criterionId}`, fromX100(row.pointsX100)]),
    ),
    completed: own ? done.has(own) : false,
    mayScore: mayScore && own !== null && !done.has(own),
    progress: year.members.map(({ agency }) => ({
      agency: { code: agency.code, name: agency.name },
      filled: filled.get(agency.id) ?? 0,
      expected,
      completed: done.has(agency.id),
    })),
  };
}

async function scorerContext(tx: Tx, actor: Actor, yearId: string) {
  const year = await loadYear(tx, actor, yearId, "criteria.read");
  if (!can(actor, "crossScore.enter", yearScope(year)) || !actor.agencyId) throw forbidden();
  assertCrossScoring(year);
  await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.crossScoring.wrongPhase");
  if (
    await tx.crossScoringCompletion.findUnique({
      where: { yearId_agencyId: { yearId: year.id, agencyId: actor.agencyId } },
    })
  ) {
    throw conflict("errors.crossScoring.completed");
  }
  return year;
}

/** A leader scores another member for one criterion (never their own agency). */
export async function saveCrossScore(actor: Actor, yearId: string, input: unknown): Promise<void> {
  const data = parseInput(crossScoreSchema, input);
  await transaction(TRANSACTION.edit, async (tx) => {
    const year = await scorerContext(tx, actor, yearId);
    const target = year.members.find((m) => m.agency.code === data.targetAgencyCode)?.agency;
    if (!target) throw notFound("errors.agency.notMember", { code: data.targetAgencyCode });
    if (target.id === actor.agencyId) throw forbidden("errors.crossScoring.self");
    const criterion = await tx.criterion.findFirst({
      where: { id: idOrNotFound(data.criterionId, "errors.criteria.notFound"), yearId: year.id },
      select: { id: true, code: true, maxX100: true },
    });
    if (!criterion) throw notFound("errors.criteria.notFound");
    const pointsX100 = toX100(data.points);
    if (pointsX100 > criterion.maxX100)
      throw invalid([
        {
          path: "points",
          message: "validation.pointsAboveMax",
          params: { max: fromX100(criterion.maxX100) },
        },
      ]);
    const row = await tx.crossScore.upsert({
      where: {
        yearId_scorerAgencyId_targetAgencyId_criterionId: {
          yearId: year.id,
          scorerAgencyId: actor.agencyId!,
          targetAgencyId: target.id,
          criterionId: criterion.id,
        },
      },
      update: { pointsX100, scorerId: actor.id },
      create: {
        yearId: year.id,
        scorerAgencyId: actor.agencyId!,
        targetAgencyId: target.id,
        criterionId: criterion.id,
        pointsX100,
        scorerId: actor.id,
      },
    });
    await recordAudit(tx, actor, {
      action: "crossScore.save",
      entity: "CrossScore",
      entityId: row.id,
      after: { target: target.code, criterion: criterion.code, points: data.points },
      blocId: year.blocId,
    });
  });
}

/** The leader declares their agency's cross-scoring finished: every other member, every criterion. */
export async function completeCrossScoring(actor: Actor, yearId: string): Promise<void> {
  await transaction(TRANSACTION.edit, async (tx) => {
    const year = await scorerContext(tx, actor, yearId);
    const criteria = await tx.criterion.count({ where: { yearId: year.id } });
    const filled = await tx.crossScore.count({ where: { yearId: year.id, scorerAgencyId: actor.agencyId! } });
    const expected = criteria * (year.members.length - 1);
    if (filled < expected)
      throw new AppError("VALIDATION", "errors.crossScoring.incomplete", { params: { filled, expected } });
    await tx.crossScoringCompletion.create({
      data: { yearId: year.id, agencyId: actor.agencyId!, completedById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "crossScore.complete",
      entity: "EmulationYear",
      entityId: year.id,
      after: { agency: actor.agency?.code },
      blocId: year.blocId,
    });
  });
}

/**
 * The secretariat sets each final score to the peers' mean (trimmed when the rules say so); each
 * changed cell keeps its history, with the method as the reason.
 */
export async function applyCrossScores(actor: Actor, yearId: string): Promise<{ cells: number }> {
  return transaction(TRANSACTION.bulk, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "crossScore.apply", yearScope(year))) throw forbidden();
    assertCrossScoring(year);
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.crossScoring.wrongPhase", { exclusive: true });
    if (await rankingPublished(tx, year.id)) throw new AppError("WRONG_PHASE", "errors.scores.locked");
    const trim = year.rules.crossScoring.trimExtremes;
    const rows = await tx.crossScore.findMany({
      where: { yearId: year.id },
      select: { targetAgencyId: true, criterionId: true, pointsX100: true },
    });
    const byCell = new Map<string, { agencyId: string; criterionId: string; values: number[] }>();
    for (const row of rows) {
      const key = `${row.targetAgencyId}:${row.criterionId}`;
      const cell = byCell.get(key) ?? {
        agencyId: row.targetAgencyId,
        criterionId: row.criterionId,
        values: [],
      };
      cell.values.push(row.pointsX100);
      byCell.set(key, cell);
    }
    const reason = trim
      ? "Điểm chấm chéo (trung bình, bỏ điểm cao nhất và thấp nhất)"
      : "Điểm chấm chéo (trung bình)";
    const finals = [...byCell.values()].map((cell) => ({
      agencyId: cell.agencyId,
      criterionId: cell.criterionId,
      finalX100: crossScoreFinal(cell.values, trim),
    }));
    const cells = await setComputedFinals(tx, actor, year.id, finals, reason);
    await recordAudit(tx, actor, {
      action: "crossScore.apply",
      entity: "EmulationYear",
      entityId: year.id,
      after: { cells, trimExtremes: trim },
      blocId: year.blocId,
    });
    return { cells };
  });
}
