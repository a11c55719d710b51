import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { conflict, forbidden, invalid } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { toX100 } from "@/lib/scores/points";
import { parseInput } from "@/lib/validation";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";
import type { Phase } from "@/lib/years/phases";
import { criterionDto, groupDto } from "./dto";
import { criteriaTableIssues } from "./rules";
import { criteriaTableInputSchema, type CriteriaTable, type CriteriaTableInput } from "./schemas";

// Bảng tiêu chí of a year: read by every member, edited by the year's secretariat until
// self-assessment starts (scores then refer to it).

/** The criteria can change until self-assessment starts. */
const EDITABLE_PHASES = ["SETUP", "PLEDGING"] as const satisfies Phase[];

export function criteriaEditable(phase: Phase): boolean {
  return (EDITABLE_PHASES as readonly Phase[]).includes(phase);
}

export async function readCriteriaTable(client: Tx | typeof db, yearId: string) {
  return client.criteriaGroup.findMany({
    where: { yearId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      code: true,
      title: true,
      kind: true,
      maxX100: true,
      criteria: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          code: true,
          title: true,
          guidance: true,
          kind: true,
          maxX100: true,
          evidenceRequired: true,
        },
      },
    },
  });
}

type GroupRows = Awaited<ReturnType<typeof readCriteriaTable>>;

function toTable(year: YearContext, groups: GroupRows, manageable: boolean): CriteriaTable {
  return {
    yearId: year.id,
    scale: year.rules.scale,
    revision: year.criteriaRevision,
    manageable,
    editable: manageable && criteriaEditable(year.phase),
    groups: groups.map((group) => ({
      id: group.id,
      ...groupDto(group),
      criteria: group.criteria.map((criterion) => ({
        id: criterion.id,
        kind: criterion.kind,
        ...criterionDto(criterion),
      })),
    })),
  };
}

export async function getCriteriaTable(actor: Actor, yearId: string): Promise<CriteriaTable> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  return toTable(year, await readCriteriaTable(db, year.id), can(actor, "criteria.manage", yearScope(year)));
}

/** Writes a whole table (ids kept where given), inside the caller's transaction. */
export async function writeCriteriaTable(tx: Tx, yearId: string, table: CriteriaTableInput): Promise<void> {
  const existing = await readCriteriaTable(tx, yearId);
  const keepGroups = new Set(table.groups.map((group) => group.id).filter(Boolean));
  const keepCriteria = new Set(
    table.groups.flatMap((group) => group.criteria.map((criterion) => criterion.id)).filter(Boolean),
  );
  await tx.criterion.deleteMany({ where: { yearId, id: { notIn: [...keepCriteria] as string[] } } });
  await tx.criteriaGroup.deleteMany({ where: { yearId, id: { notIn: [...keepGroups] as string[] } } });
  // Codes are unique per year: park the kept rows on temporary codes before renaming any.
  await tx.$executeRaw`UPDATE "Criterion" SET code = '~' || id::text WHERE "yearId" = ${yearId}::uuid`;
  await tx.$executeRaw`UPDATE "CriteriaGroup" SET code = '~' || id::text WHERE "yearId" = ${yearId}::uuid`;
  const known = new Set(
    existing.flatMap((group) => [group.id, ...group.criteria.map((criterion) => criterion.id)]),
  );

  for (const [g, group] of table.groups.entries()) {
    const groupData = {
      code: group.code,
      title: group.title,
      kind: group.kind,
      maxX100: toX100(group.max),
      position: g + 1,
    };
    const groupId =
      group.id && known.has(group.id)
        ? (await tx.criteriaGroup.update({ where: { id: group.id }, data: groupData, select: { id: true } }))
            .id
        : (await tx.criteriaGroup.create({ data: { yearId, ...groupData }, select: { id: true } })).id;
    for (const [c, criterion] of group.criteria.entries()) {
      const data = {
        groupId,
        code: criterion.code,
        title: criterion.title,
        guidance: criterion.guidance,
        kind: group.kind,
        maxX100: toX100(criterion.max),
        evidenceRequired: criterion.evidenceRequired,
        position: c + 1,
      };
      if (criterion.id && known.has(criterion.id))
        await tx.criterion.update({ where: { id: criterion.id }, data });
      else await tx.criterion.create({ data: { yearId, ...data } });
    }
  }
}

function summary(table: CriteriaTableInput | CriteriaTable) {
  return table.groups.map((group) => ({
    code: group.code,
    max: group.max,
    criteria: group.criteria.map((criterion) => `${criterion.code}:${criterion.max}`),
  }));
}

/**
 * Saves the whole table (add, edit, reorder, delete are all edits of the tree), all or nothing,
 * conditional on the revision the editor started from.
 */
export async function saveCriteriaTable(
  actor: Actor,
  yearId: string,
  input: unknown,
  options: { action?: string } = {},
): Promise<CriteriaTable> {
  const data = parseInput(criteriaTableInputSchema, input);
  return transaction(TRANSACTION.bulk, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "criteria.manage", yearScope(year))) throw forbidden();
    // Exclusive: the save bumps the year's criteria revision.
    await lockYearInPhase(tx, year.id, EDITABLE_PHASES, "errors.criteria.locked", { exclusive: true });
    const current = await tx.emulationYear.findUniqueOrThrow({
      where: { id: year.id },
      select: { criteriaRevision: true },
    });
    if (data.revision !== undefined && data.revision !== current.criteriaRevision)
      throw conflict("errors.criteria.stale");
    const issues = criteriaTableIssues(data, year.rules.scale);
    if (issues.length > 0) throw invalid(issues);

    const before = toTable(year, await readCriteriaTable(tx, year.id), true);
    await writeCriteriaTable(tx, year.id, data);
    const updated = await tx.emulationYear.update({
      where: { id: year.id },
      data: { criteriaRevision: { increment: 1 } },
      select: { criteriaRevision: true },
    });
    const table = toTable(
      { ...year, criteriaRevision: updated.criteriaRevision },
      await readCriteriaTable(tx, year.id),
      true,
    );
    await recordAudit(tx, actor, {
      action: options.action ?? "criteria.save",
      entity: "EmulationYear",
      entityId: year.id,
      before: summary(before),
      after: summary(table),
      blocId: year.blocId,
    });
    return table;
  });
}

/** The criteria table of the bloc's latest year before `year` that has one, as the editor takes it (null: none). */
export async function previousCriteriaTable(
  client: Tx | typeof db,
  blocId: string,
  year: number,
): Promise<{ year: number; table: CriteriaTableInput } | null> {
  const previous = await client.emulationYear.findFirst({
    where: { blocId, year: { lt: year }, criteriaGroups: { some: {} } },
    orderBy: { year: "desc" },
    select: { id: true, year: true },
  });
  if (!previous) return null;
  const groups = await readCriteriaTable(client, previous.id);
  return {
    year: previous.year,
    table: {
      groups: groups.map((group) => ({ ...groupDto(group), criteria: group.criteria.map(criterionDto) })),
    },
  };
}

/** Starts the table from the bloc's previous year (replacing what is there). */
export async function copyCriteriaFromPreviousYear(actor: Actor, yearId: string): Promise<CriteriaTable> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  // Who may copy is checked before anything about other years is looked at (and told).
  if (!can(actor, "criteria.manage", yearScope(year))) throw forbidden();
  const previous = await previousCriteriaTable(db, year.blocId, year.year);
  if (!previous) throw conflict("errors.criteria.noPreviousYear");
  return saveCriteriaTable(actor, yearId, previous.table, { action: "criteria.copy" });
}
