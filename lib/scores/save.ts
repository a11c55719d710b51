import "server-only";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "@/lib/auth/actor";
import { rankingPublished } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, forbidden, invalid, type FieldIssue } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";
import { fromX100, toX100 } from "./points";
import { MAX_CELLS_PER_SAVE, finalScoresSchema, type FinalScoreCell } from "./schemas";

// Saving final scores (thẩm định), whatever the number of cells, in a fixed number of SQL statements:
// one reads and locks the cells, one updates those that exist, one creates the others, one appends
// their history, one writes the audit row. All in one transaction: all of a save or none of it.

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

/** A cell as stored, read under its row lock. */
interface StoredCell {
  id: string;
  agencyId: string;
  criterionId: string;
  selfX100: number | null;
  finalX100: number | null;
  version: number;
  finalUpdatedAt: Date | null;
  finalUpdatedById: string | null;
}

const cellKey = (agencyId: string, criterionId: string) => `${agencyId}:${criterionId}`;

/**
 * The stored cells among `cells`, locked until the transaction ends (FOR UPDATE, in id order so that two
 * saves of overlapping cells queue instead of deadlocking). One statement. A cell another save changed
 * while this one waited for its lock is read as that save left it.
 */
async function lockCells(
  tx: Tx,
  yearId: string,
  cells: { agencyId: string; criterionId: string }[],
): Promise<Map<string, StoredCell>> {
  const rows = await tx.$queryRaw<StoredCell[]>`
    SELECT s.id, s."agencyId", s."criterionId", s."selfX100", s."finalX100", s.version, s."finalUpdatedAt", s."finalUpdatedById"
    FROM "Score" s
    JOIN unnest(${cells.map((cell) => cell.agencyId)}::uuid[], ${cells.map((cell) => cell.criterionId)}::uuid[]) AS c("agencyId", "criterionId")
      ON s."agencyId" = c."agencyId" AND s."criterionId" = c."criterionId"
    WHERE s."yearId" = ${yearId}::uuid
    ORDER BY s.id
    FOR UPDATE OF s`;
  return new Map(rows.map((row) => [cellKey(row.agencyId, row.criterionId), row]));
}

/** One final score to write, already checked. */
export interface FinalChange {
  agencyId: string;
  criterionId: string;
  /** The cell as stored (undefined: it is created). */
  stored: StoredCell | undefined;
  finalX100: number | null;
  reason: string | null;
}

/**
 * Writes checked final scores: the stored cells in one UPDATE (version + 1), the new ones in one INSERT
 * (version 1), the history of those whose value changed in one INSERT … SELECT. Returns each cell's id
 * and new version, or the cells another transaction created first (nothing of theirs is written; the
 * caller refuses the save).
 */
async function writeFinals(
  tx: Tx,
  actor: Actor,
  yearId: string,
  changes: FinalChange[],
): Promise<{ written: Map<string, { id: string; version: number }>; raced: FinalChange[] }> {
  const at = clockNow();
  const updates = changes.filter((change) => change.stored);
  const creates = changes.filter((change) => !change.stored).map((change) => ({ ...change, id: uuidv7() }));
  const written = new Map<string, { id: string; version: number }>();

  if (updates.length > 0) {
    await tx.$executeRaw`
      UPDATE "Score" s
      SET "finalX100" = c."finalX100", "finalReason" = c.reason, "finalUpdatedAt" = ${at}, "finalUpdatedById" = ${actor.id}::uuid, version = s.version + 1
      FROM unnest(${updates.map((change) => change.stored!.id)}::uuid[], ${updates.map((change) => change.finalX100)}::int[], ${updates.map((change) => change.reason)}::text[])
        AS c(id, "finalX100", reason)
      WHERE s.id = c.id`;
    for (const change of updates)
      written.set(cellKey(change.agencyId, change.criterionId), {
        id: change.stored!.id,
        version: change.stored!.version + 1,
      });
  }
  let raced: FinalChange[] = [];
  if (creates.length > 0) {
    // ON CONFLICT DO NOTHING: a cell created meanwhile by another save (which won) is not an error that
    // aborts the transaction; it is missing from RETURNING, and the caller reports it.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Score" (id, "yearId", "agencyId", "criterionId", "finalX100", "finalReason", "finalUpdatedAt", "finalUpdatedById", version)
      SELECT c.id, ${yearId}::uuid, c."agencyId", c."criterionId", c."finalX100", c.reason, ${at}, ${actor.id}::uuid, 1
      FROM unnest(${creates.map((change) => change.id)}::uuid[], ${creates.map((change) => change.agencyId)}::uuid[], ${creates.map((change) => change.criterionId)}::uuid[], ${creates.map((change) => change.finalX100)}::int[], ${creates.map((change) => change.reason)}::text[])
        AS c(id, "agencyId", "criterionId", "finalX100", reason)
      ON CONFLICT ("yearId", "agencyId", "criterionId") DO NOTHING
      RETURNING id`;
    const ids = new Set(inserted.map((row) => row.id));
    raced = creates.filter((change) => !ids.has(change.id));
    for (const change of creates)
      if (ids.has(change.id))
        written.set(cellKey(change.agencyId, change.criterionId), { id: change.id, version: 1 });
  }
  if (raced.length > 0) return { written, raced };

  const changed = changes.filter((change) => (change.stored?.finalX100 ?? null) !== change.finalX100);
  if (changed.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "ScoreHistory" ("scoreId", field, "fromX100", "toX100", note, "actorId", "actorName", at)
      SELECT c."scoreId", 'FINAL', c."fromX100", c."toX100", c.note, ${actor.id}::uuid, ${actor.name}, ${at}
      FROM unnest(${changed.map((change) => written.get(cellKey(change.agencyId, change.criterionId))!.id)}::uuid[], ${changed.map((change) => change.stored?.finalX100 ?? null)}::int[], ${changed.map((change) => change.finalX100)}::int[], ${changed.map((change) => change.reason)}::text[])
        AS c("scoreId", "fromX100", "toX100", note)`;
  }
  return { written, raced: [] };
}

interface StaleCell {
  agency: { code: string };
  criterion: { code: string };
  yours: number | null;
  stored: StoredCell | undefined;
}

/** The CONFLICT of a save with stale cells: each with its value now, version, and who saved it when (one query for the names). */
async function staleError(tx: Tx, cells: StaleCell[]): Promise<AppError> {
  const userIds = [
    ...new Set(cells.flatMap(({ stored }) => (stored?.finalUpdatedById ? [stored.finalUpdatedById] : []))),
  ];
  const users =
    userIds.length > 0
      ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : [];
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const conflicts: CellConflict[] = cells.map(({ agency, criterion, yours, stored }) => ({
    agencyCode: agency.code,
    criterionCode: criterion.code,
    yours,
    current: fromX100(stored?.finalX100),
    version: stored?.version ?? 0,
    by: (stored?.finalUpdatedById && nameOf.get(stored.finalUpdatedById)) || null,
    at: stored?.finalUpdatedAt?.toISOString() ?? null,
  }));
  return new AppError("CONFLICT", "errors.scores.stale", { details: { conflicts } });
}

async function saveCells(
  tx: Tx,
  actor: Actor,
  year: YearContext,
  cells: FinalScoreCell[],
): Promise<SavedCell[]> {
  const agencyByCode = new Map(year.members.map(({ agency }) => [agency.code, agency]));
  const criteria = await tx.criterion.findMany({
    where: { yearId: year.id, code: { in: [...new Set(cells.map((cell) => cell.criterionCode))] } },
    select: { id: true, code: true, maxX100: true },
  });
  const criterionByCode = new Map(criteria.map((criterion) => [criterion.code, criterion]));

  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const resolved = cells.map((cell, index) => {
    const agency = agencyByCode.get(cell.agencyCode);
    const criterion = criterionByCode.get(cell.criterionCode);
    if (!agency)
      issues.push({
        path: `${index}.agencyCode`,
        message: "validation.unknownAgencies",
        params: { codes: cell.agencyCode },
      });
    if (!criterion)
      issues.push({
        path: `${index}.criterionCode`,
        message: "validation.unknownCriterion",
        params: { code: cell.criterionCode },
      });
    const finalX100 = cell.points === null ? null : toX100(cell.points);
    if (criterion && finalX100 !== null && finalX100 > criterion.maxX100) {
      issues.push({
        path: `${index}.points`,
        message: "validation.pointsAboveMax",
        params: { max: fromX100(criterion.maxX100) },
      });
    }
    const key = `${cell.agencyCode}:${cell.criterionCode}`;
    if (seen.has(key))
      issues.push({
        path: `${index}.criterionCode`,
        message: "validation.duplicateCell",
        params: { agency: cell.agencyCode, code: cell.criterionCode },
      });
    seen.add(key);
    return { cell, agency: agency!, criterion: criterion!, finalX100 };
  });
  if (issues.length > 0) throw invalid(issues);

  const stored = await lockCells(
    tx,
    year.id,
    resolved.map(({ agency, criterion }) => ({ agencyId: agency.id, criterionId: criterion.id })),
  );
  const stale: StaleCell[] = [];
  const reasonIssues: FieldIssue[] = [];
  for (const [index, { cell, agency, criterion, finalX100 }] of resolved.entries()) {
    const score = stored.get(cellKey(agency.id, criterion.id));
    if ((score?.version ?? 0) !== cell.version)
      stale.push({ agency, criterion, yours: cell.points, stored: score });
    if (finalX100 !== null && finalX100 !== (score?.selfX100 ?? null) && !cell.reason) {
      reasonIssues.push({
        path: `${index}.reason`,
        message: "validation.reasonForChange",
        params: { self: fromX100(score?.selfX100) ?? "—" },
      });
    }
  }
  if (stale.length > 0) throw await staleError(tx, stale);
  if (reasonIssues.length > 0) throw invalid(reasonIssues);

  const { written, raced } = await writeFinals(
    tx,
    actor,
    year.id,
    resolved.map(({ cell, agency, criterion, finalX100 }) => ({
      agencyId: agency.id,
      criterionId: criterion.id,
      stored: stored.get(cellKey(agency.id, criterion.id)),
      finalX100,
      reason: cell.reason,
    })),
  );
  if (raced.length > 0) {
    // Cells created by a save that committed first: shown with its values (read afresh, now visible).
    const winners = await lockCells(tx, year.id, raced);
    const byKey = new Map(resolved.map((entry) => [cellKey(entry.agency.id, entry.criterion.id), entry]));
    throw await staleError(
      tx,
      raced.map((change) => {
        const entry = byKey.get(cellKey(change.agencyId, change.criterionId))!;
        return {
          agency: entry.agency,
          criterion: entry.criterion,
          yours: entry.cell.points,
          stored: winners.get(cellKey(change.agencyId, change.criterionId)),
        };
      }),
    );
  }
  await recordAudit(tx, actor, {
    action: "score.final.save",
    entity: "EmulationYear",
    entityId: year.id,
    after: {
      cells: resolved.map(({ cell }) => ({
        agency: cell.agencyCode,
        criterion: cell.criterionCode,
        points: cell.points,
        reason: cell.reason,
      })),
    },
    blocId: year.blocId,
  });
  return resolved.map(({ agency, criterion, finalX100 }) => ({
    agencyCode: agency.code,
    criterionCode: criterion.code,
    final: fromX100(finalX100),
    version: written.get(cellKey(agency.id, criterion.id))!.version,
  }));
}

/** Over the limit of one save: TOO_LARGE (413) naming the limit, before anything is parsed or read. */
function assertWithinCellLimit(input: unknown): void {
  if (Array.isArray(input) && input.length > MAX_CELLS_PER_SAVE) {
    throw new AppError("TOO_LARGE", "errors.scores.tooManyCells", {
      params: { max: MAX_CELLS_PER_SAVE, count: input.length },
      details: { maxCells: MAX_CELLS_PER_SAVE },
    });
  }
}

/**
 * Saves final scores, all or nothing: unknown codes, values over the maximum and missing reasons are
 * refused with their place; any stale version is a CONFLICT naming every stale cell with its current
 * value, version, and who saved it when.
 */
export async function saveFinalScores(
  actor: Actor,
  yearId: string,
  input: unknown,
  options: { reason?: string } = {},
): Promise<SavedCell[]> {
  assertWithinCellLimit(input);
  const cells = parseInput(finalScoresSchema, input);
  return transaction(TRANSACTION.bulk, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "score.review", yearScope(year))) throw forbidden();
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.scores.wrongPhase");
    if (await rankingPublished(tx, year.id)) throw new AppError("WRONG_PHASE", "errors.scores.locked");
    return saveCells(
      tx,
      actor,
      year,
      options.reason ? cells.map((cell) => ({ ...cell, reason: cell.reason ?? options.reason! })) : cells,
    );
  });
}

/**
 * Sets final scores computed by the system (the peers' means of cross-scoring) for `cells`, keyed by
 * agency and criterion id, with `reason`: every cell whose value changes, in the same fixed number of
 * statements. The caller holds the year's lock. Returns how many cells changed.
 */
export async function setComputedFinals(
  tx: Tx,
  actor: Actor,
  yearId: string,
  cells: { agencyId: string; criterionId: string; finalX100: number | null }[],
  reason: string,
): Promise<number> {
  if (cells.length === 0) return 0;
  const stored = await lockCells(tx, yearId, cells);
  const changes = cells
    .map((cell) => ({ ...cell, stored: stored.get(cellKey(cell.agencyId, cell.criterionId)), reason }))
    .filter((change) => (change.stored?.finalX100 ?? null) !== change.finalX100);
  if (changes.length === 0) return 0;
  const { raced } = await writeFinals(tx, actor, yearId, changes);
  // The caller's exclusive year lock keeps every other score save out; a race here is a bug.
  if (raced.length > 0) throw new Error(`cells created during an exclusive write: ${raced.length}`);
  return changes.length;
}
