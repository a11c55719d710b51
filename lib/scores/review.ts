import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorizeAgency, rankingPublished } from "@/lib/assessments/load";
import { db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { loadYear, yearScope, type YearContext } from "@/lib/years/context";
import { packCells, type GridCells, type ScoreTuple } from "./grid-cells";
import { fromX100, type PointsKind } from "./points";
import { scoreFiltersSchema, type ScoreRow } from "./schemas";

// Thẩm định: the year's secretariat sets the final score of each cell; a change from the self score
// needs a reason; every cell carries a version, so a stale tab gets a conflict, never an overwrite.

export interface ReviewGrid {
  year: { id: string; year: number; phase: YearContext["phase"]; blocName: string };
  agencies: { id: string; code: string; name: string; shortName: string; status: string }[];
  criteria: { id: string; code: string; title: string; kind: PointsKind; max: number; groupCode: string }[];
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
      select: {
        id: true,
        code: true,
        title: true,
        kind: true,
        maxX100: true,
        group: { select: { code: true, title: true } },
      },
    }),
    db.assessment.findMany({ where: { yearId: year.id }, select: { agencyId: true, status: true } }),
    db.$queryRaw<{ cells: string | null }[]>`
      SELECT json_agg(json_build_array("agencyId", "criterionId", "selfX100", "finalX100", version, "finalReason", "selfNote"))::text AS cells
      FROM "Score" WHERE "yearId" = ${year.id}::uuid`,
    rankingPublished(db, year.id),
  ]);
  const status = new Map(assessments.map((a) => [a.agencyId, a.status]));
  const agencies = year.members.map(({ agency }) => ({
    ...agency,
    status: status.get(agency.id) ?? "DRAFT",
  }));
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    agencies,
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      code: criterion.code,
      title: criterion.title,
      kind: criterion.kind,
      max: fromX100(criterion.maxX100),
      groupCode: criterion.group.code,
    })),
    groups: [
      ...new Map(
        criteria.map((criterion) => [
          criterion.group.code,
          { code: criterion.group.code, title: criterion.group.title },
        ]),
      ).values(),
    ],
    cells: packCells(criteria, agencies, JSON.parse(packed[0]?.cells ?? "[]") as ScoreTuple[]),
    editable: reviewEditable(year, locked) && can(actor, "score.review", yearScope(year)),
    locked,
  };
}

/** Scores as the API lists them: the secretariat and the province see all, an agency its own. */
export async function listScores(actor: Actor, yearId: string, filters: unknown = {}): Promise<ScoreRow[]> {
  const { agency: agencyCode } = parseInput(scoreFiltersSchema, filters);
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const seesAll = can(actor, "score.read", yearScope(year));
  const agencies = year.members
    .map((member) => member.agency)
    .filter((agency) => !agencyCode || agency.code === agencyCode);
  const visible = agencies.filter(
    (agency) => seesAll || can(actor, "assessment.read", { ...yearScope(year), agencyId: agency.id }),
  );
  if (agencyCode && visible.length === 0) {
    if (agencies.length === 0) return [];
    authorizeAgency(actor, "assessment.read", year, agencies[0]!.id);
  }
  const scores = await db.score.findMany({
    where: { yearId: year.id, agencyId: { in: visible.map((agency) => agency.id) } },
    select: {
      agencyId: true,
      selfX100: true,
      selfNote: true,
      finalX100: true,
      finalReason: true,
      version: true,
      criterion: { select: { code: true, position: true, group: { select: { position: true } } } },
    },
  });
  const codeOf = new Map(visible.map((agency) => [agency.id, agency.code]));
  return scores
    .sort((a, b) =>
      codeOf.get(a.agencyId)! < codeOf.get(b.agencyId)!
        ? -1
        : codeOf.get(a.agencyId)! > codeOf.get(b.agencyId)!
          ? 1
          : a.criterion.group.position - b.criterion.group.position ||
            a.criterion.position - b.criterion.position,
    )
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
export async function getCellHistory(
  actor: Actor,
  yearId: string,
  agencyCode: string,
  criterionCode: string,
) {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.read", yearScope(year))) throw forbidden();
  const agency = year.members.find((member) => member.agency.code === agencyCode)?.agency;
  const score = agency
    ? await db.score.findFirst({
        where: { yearId: year.id, agencyId: agency.id, criterion: { code: criterionCode } },
        select: { id: true },
      })
    : null;
  if (!score) return [];
  const rows = await db.scoreHistory.findMany({
    where: { scoreId: score.id },
    orderBy: { at: "desc" },
    take: 100,
  });
  return rows.map((row) => ({
    field: row.field as "SELF" | "FINAL",
    from: fromX100(row.fromX100),
    to: fromX100(row.toX100),
    note: row.note,
    by: row.actorName,
    at: row.at.toISOString(),
  }));
}
