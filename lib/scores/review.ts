import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { authorizeAgency, rankingPublished } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden, invalid, type FieldIssue } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";

import { packCells, type GridCells, type ScoreTuple } from "./grid-cells";
import { fromX100, toX100 } from "./points";
import { finalScoresSchema, scoreFiltersSchema, type FinalScoreCell, type ScoreRow } from "./schemas";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Thẩm định: the year's secretariat sets the final score of each cell; a change from the self score
// needs a reason; every cell carries a version, so a stale tab gets a conflict, never an overwrite.

export interface ReviewGrid {
  year: { id: string; year: number; phase: YearContext["phase"]; blocName: string };
  agencies: { id: string; code: string; name: string; shortName: string; status: string }[];
  criteria: { id: string; code: string; title: string; kind: string; max: number; groupCode: string }[];
  groups: { code: string; title: string }[];
  /** By criterion (row) and agency (column), in the order of `criteria` and `agencies`. */
  cells: GridCells;
  editable: boolean;
  locked: boolean;
}

export function reviewEditable(year: YearContext, locked: boolean): boolean {
  return year.phase === "REVIEW" && !locked;
}

/**
 * The whole grid in a fixed number of queries (it does not grow with the number of agencies):
 * the year, the criteria, the assessments, the scores, the publication.
 */
export async function getReviewGrid(actor: Actor, yearId: string): Promise<ReviewGrid> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.read", yearScope(year))) throw forbidden();
  // The scores come as one JSON document built by PostgreSQL: thousands of them on every load of the
  // grid, parsed in one native call instead of row by row.
  const [criteria, assessments, packed, locked] = await Promise.all([
    db.criterion.findMany({
      where: { yearId: year.id },
      orderBy: [{ group: { position: "asc" } }, { position: "asc" }],
      select: { id: true, code: true, title: true, kind: true, maxX100: true, group: { select: { code: true, title: true } } },
    }),
    db.assessment.findMany({ where: { yearId: year.id }, select: { agencyId: true, status: true } }),
    db.$queryRaw<{ cells: string | null }[]>`
      SELECT json_agg(json_build_array("agencyId", "criterionId", "selfX100", "finalX100", version, "finalReason", "selfNote"))::text AS cells
      FROM "Score" WHERE "yearId" = ${year.id}::uuid`,
    rankingPublished(db, year.id),
  ]);
  const status = new Map(assessments.map((a) => [a.agencyId, a.status]));
  const agencies = year.members.map(({ agency }) => ({ ...agency, status: status.get(agency.id) ?? "DRAFT" }));
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    agencies,
    criteria: criteria.map((criterion) => ({ id: criterion.id, code: criterion.code, title: criterion.title, kind: criterion.kind, max: fromX100(criterion.maxX100)!, groupCode: criterion.group.code })),
    groups: [...new Map(criteria.map((criterion) => [criterion.group.code, { code: criterion.group.code, title: criterion.group.title }])).values()],
    cells: packCells(criteria, agencies, JSON.parse(packed[0]?.cells ?? "[]") as ScoreTuple[]),
    editable: reviewEditable(year, locked) && can(actor, "score.review", yearScope(year)),
    locked,
  };
}

export interface SavedCell {
  agencyCode: string;
  criterionCode: string;
  final: number | null;
  version: number;
}

/** What a stale editor is shown: the value now on the server, who saved it and when. */
export interface CellConflict {
  agencyCode: string;
  criterionCode: string;
  yours: number | null;
  current: number | null;
  version: number;
  by: string | null;
  at: string | null;
}

type ConflictSource = { finalX100: number | null; version: number; finalUpdatedAt: Date | null; finalUpdatedById: string | null } | null | undefined;

async function cellConflict(tx: Tx, agencyCode: string, criterionCode: string, yours: number | null, score: ConflictSource): Promise<CellConflict> {
  const by = score?.finalUpdatedById ? await tx.user.findUnique({ where: { id: score.finalUpdatedById }, select: { name: true } }) : null;
  return {
    agencyCode,
    criterionCode,
    yours,
    current: fromX100(score?.finalX100),
    version: score?.version ?? 0,
    by: by?.name ?? null,
    at: score?.finalUpdatedAt?.toISOString() ?? null,
  };
}

/** The CONFLICT of a cell another save changed after this one read it, with the value now stored. */
async function racedConflict(tx: Tx, yearId: string, agency: { id: string; code: string }, criterion: { id: string; code: string }, yours: number | null): Promise<AppError> {
  const current = await tx.score.findUnique({ where: { yearId_agencyId_criterionId: { yearId, agencyId: agency.id, criterionId: criterion.id } } });
  return new AppError("CONFLICT", "errors.scores.stale", { details: { conflicts: [await cellConflict(tx, agency.code, criterion.code, yours, current)] } });
}

async function saveCells(tx: Tx, actor: Actor, year: YearContext, cells: FinalScoreCell[]): Promise<SavedCell[]> {
  const agencyByCode = new Map(year.members.map(({ agency }) => [agency.code, agency]));
  const criteria = await tx.criterion.findMany({ where: { yearId: year.id, code: { in: cells.map((cell) => cell.criterionCode) } }, select: { id: true, code: true, maxX100: true } });
  const criterionByCode = new Map(criteria.map((criterion) => [criterion.code, criterion]));

  const issues: FieldIssue[] = [];
  const resolved = cells.map((cell, index) => {
    const agency = agencyByCode.get(cell.agencyCode);
    const criterion = criterionByCode.get(cell.criterionCode);
    if (!agency) issues.push({ path: `${index}.agencyCode`, message: "validation.unknownAgencies", params: { codes: cell.agencyCode } });
    if (!criterion) issues.push({ path: `${index}.criterionCode`, message: "validation.unknownCriterion", params: { code: cell.criterionCode } });
    const finalX100 = cell.points === null ? null : toX100(cell.points);
    if (criterion && finalX100 !== null && finalX100 > criterion.maxX100) {
      issues.push({ path: `${index}.points`, message: "validation.pointsAboveMax", params: { max: criterion.maxX100 / 100 } });
    }
    return { cell, agency, criterion, finalX100 };
  });
  const seen = new Set<string>();
  resolved.forEach(({ cell }, index) => {
    const key = `${cell.agencyCode}:${cell.criterionCode}`;
    if (seen.has(key)) issues.push({ path: `${index}.criterionCode`, message: "validation.duplicateCell", params: { agency: cell.agencyCode, code: cell.criterionCode } });
    seen.add(key);
  });
  if (issues.length > 0) throw invalid(issues);

  const existing = await tx.score.findMany({
    where: { yearId: year.id, OR: resolved.map(({ agency, criterion }) => ({ agencyId: agency!.id, criterionId: criterion!.id })) },
    select: { id: true, agencyId: true, criterionId: true, selfX100: true, finalX100: true, version: true, finalUpdatedAt: true, finalUpdatedById: true },
  });
  const byKey = new Map(existing.map((score) => [`${score.agencyId}:${score.criterionId}`, score]));

  const conflicts: CellConflict[] = [];
  const reasonIssues: FieldIssue[] = [];
  for (const [index, { cell, agency, criterion, finalX100 }] of resolved.entries()) {
    const score = byKey.get(`${agency!.id}:${criterion!.id}`);
    if ((score?.version ?? 0) !== cell.version) conflicts.push(await cellConflict(tx, agency!.code, criterion!.code, cell.points, score));
    if (finalX100 !== null && finalX100 !== (score?.selfX100 ?? null) && !cell.reason) {
      reasonIssues.push({ path: `${index}.reason`, message: "validation.reasonForChange", params: { self: fromX100(score?.selfX100) ?? "—" } });
    }
  }
  if (conflicts.length > 0) throw new AppError("CONFLICT", "errors.scores.stale", { details: { conflicts } });
  if (reasonIssues.length > 0) throw invalid(reasonIssues);

  const saved: SavedCell[] = [];
  const now = clockNow();
  for (const { cell, agency, criterion, finalX100 } of resolved) {
    const score = byKey.get(`${agency!.id}:${criterion!.id}`);
    const data = { finalX100, finalReason: cell.reason, finalUpdatedAt: now, finalUpdatedById: actor.id };
    let id: string;
    let version: number;
    if (score) {
      // Conditional on the version read: a concurrent save between our read and this write loses, and
      // is shown the value that won (read committed: this statement sees the winner's commit).
      const updated = await tx.score.updateMany({ where: { id: score.id, version: cell.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) throw await racedConflict(tx, year.id, agency!, criterion!, cell.points);
      id = score.id;
      version = cell.version + 1;
    } else {
      // A concurrent creator of the same cell wins; ON CONFLICT DO NOTHING (not a unique violation, which
      // would abort the transaction) lets this one read the winner's value for the conflict.
      const [created] = await tx.score.createManyAndReturn({
        data: [{ yearId: year.id, agencyId: agency!.id, criterionId: criterion!.id, ...data, version: 1 }],
        skipDuplicates: true,
        select: { id: true },
      });
      if (!created) throw await racedConflict(tx, year.id, agency!, criterion!, cell.points);
      id = created.id;
      version = 1;
    }
    if ((score?.finalX100 ?? null) !== finalX100) {
      await tx.scoreHistory.create({ data: { scoreId: id, field: "FINAL", fromX100: score?.finalX100 ?? null, toX100: finalX100, note: cell.reason, actorId: actor.id, actorName: actor.name } });
    }
    saved.push({ agencyCode: agency!.code, criterionCode: criterion!.code, final: fromX100(finalX100), version });
  }
  await recordAudit(tx, actor, {
    action: "score.final.save",
    entity: "EmulationYear",
    entityId: year.id,
    after: { cells: resolved.map(({ cell }) => ({ agency: cell.agencyCode, criterion: cell.criterionCode, points: cell.points, reason: cell.reason })) },
    blocId: year.blocId,
  });
  return saved;
}

/**
 * Saves final scores, all or nothing: unknown codes, values over the maximum and missing reasons are
 * refused with their place; any stale version is a CONFLICT naming the cells and their current values.
 */
export async function saveFinalScores(actor: Actor, yearId: string, input: unknown, options: { reason?: string } = {}): Promise<SavedCell[]> {
  const cells = parseInput(finalScoresSchema, input);
  return db.$transaction(async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "score.review", yearScope(year))) throw forbidden();
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.scores.wrongPhase");
    if (await rankingPublished(tx, year.id)) throw new AppError("WRONG_PHASE", "errors.scores.locked");
    return saveCells(tx, actor, year, options.reason ? cells.map((cell) => ({ ...cell, reason: cell.reason ?? options.reason! })) : cells);
  });
}

/** Scores as the API lists them: the secretariat and the province see all, an agency its own. */
export async function listScores(actor: Actor, yearId: string, filters: unknown = {}): Promise<ScoreRow[]> {
  const { agency: agencyCode } = parseInput(scoreFiltersSchema, filters);
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const seesAll = can(actor, "score.read", yearScope(year));
  const agencies = year.members.map((member) => member.agency).filter((agency) => !agencyCode || agency.code === agencyCode);
  const visible = agencies.filter((agency) => seesAll || can(actor, "assessment.read", { ...yearScope(year), agencyId: agency.id }));
  if (agencyCode && visible.length === 0) {
    if (agencies.length === 0) return [];
    authorizeAgency(actor, "assessment.read", year, agencies[0]!.id);
  }
  const scores = await db.score.findMany({
    where: { yearId: year.id, agencyId: { in: visible.map((agency) => agency.id) } },
    select: { agencyId: true, selfX100: true, selfNote: true, finalX100: true, finalReason: true, version: true, criterion: { select: { code: true, position: true, group: { select: { position: true } } } } },
  });
  const codeOf = new Map(visible.map((agency) => [agency.id, agency.code]));
  return scores
    .sort((a, b) => (codeOf.get(a.agencyId)! < codeOf.get(b.agencyId)! ? -1 : codeOf.get(a.agencyId)! > codeOf.get(b.agencyId)! ? 1 : a.criterion.group.position - b.criterion.group.position || a.criterion.position - b.criterion.position))
    .map((score) => ({
      agencyCode: codeOf.get(score.agencyId)!,
      criterionCode: score.criterion.code,
      self: fromX100(score.selfX100),
      selfNote: score.selfNote,
      final: fromX100(score.finalX100),
      reason: score.finalReason,
      version: score.version,
    }));
}

/** The history of one cell (self and final changes), for the grid's side panel. */
export async function getCellHistory(actor: Actor, yearId: string, agencyCode: string, criterionCode: string) {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.read", yearScope(year))) throw forbidden();
  const agency = year.members.find((member) => member.agency.code === agencyCode)?.agency;
  const score = agency
    ? await db.score.findFirst({ where: { yearId: year.id, agencyId: agency.id, criterion: { code: criterionCode } }, select: { id: true } })
    : null;
  if (!score) return [];
  const rows = await db.scoreHistory.findMany({ where: { scoreId: score.id }, orderBy: { at: "desc" }, take: 100 });
  return rows.map((row) => ({ field: row.field as "SELF" | "FINAL", from: fromX100(row.fromX100), to: fromX100(row.toX100), note: row.note, by: row.actorName, at: row.at.toISOString() }));
}
