import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getBloc } from "@/lib/blocs/blocs";
import { db, type Prisma } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { authorize, scopeOf } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";
import { rulesOf, yearScope } from "./context";
import type { YearDto } from "./schemas";
import { yearDeadlinesColumn } from "./columns";

const agencyRefSelect = { code: true, name: true, shortName: true } as const;

export const yearSelect = {
  id: true,
  blocId: true,
  year: true,
  phase: true,
  version: true,
  rules: true,
  deadlines: true,
  leaderAgencyId: true,
  bloc: { select: { name: true } },
  leaderAgency: { select: agencyRefSelect },
  deputyAgency: { select: agencyRefSelect },
  members: {
    select: { agencyId: true, agency: { select: agencyRefSelect } },
    orderBy: { agency: { name: "asc" } },
  },
} as const satisfies Prisma.EmulationYearSelect;

export type YearRow = Prisma.EmulationYearGetPayload<{ select: typeof yearSelect }>;

export function toYearDto(row: YearRow): YearDto {
  return {
    id: row.id,
    blocId: row.blocId,
    blocName: row.bloc.name,
    year: row.year,
    phase: row.phase,
    version: row.version,
    leaderAgency: row.leaderAgency,
    deputyAgency: row.deputyAgency,
    members: row.members.map((member) => member.agency),
    rules: rulesOf(row.rules),
    deadlines: yearDeadlinesColumn.read(row.deadlines),
  };
}

/** Years the actor may read, as a Prisma filter. */
export function visibleYearsWhere(actor: Actor): Prisma.EmulationYearWhereInput {
  const scope = scopeOf(actor, "year.read");
  if (scope === "any") return {};
  if (scope === "yearMember" && actor.agencyId) return { members: { some: { agencyId: actor.agencyId } } };
  throw forbidden();
}

/** Years of a bloc, newest first; members see the years their agency belongs to. */
export async function listYears(actor: Actor, blocId: string): Promise<YearDto[]> {
  const bloc = await getBloc(actor, blocId);
  const rows = await db.emulationYear.findMany({
    where: { AND: [{ blocId: bloc.id }, visibleYearsWhere(actor)] },
    select: yearSelect,
    orderBy: { year: "desc" },
  });
  return rows.map(toYearDto);
}

/** One year; a year the actor may not read is NOT_FOUND, so its id reveals nothing. */
export async function getYear(actor: Actor, yearId: string): Promise<YearDto> {
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const row = await db.emulationYear.findFirst({
    where: { AND: [{ id }, visibleYearsWhere(actor)] },
    select: yearSelect,
  });
  if (!row) throw notFound("errors.year.notFound");
  authorize(actor, "year.read", yearScope(row));
  return toYearDto(row);
}

/**
 * Years the actor's agency belongs to (all years for province-wide roles), newest first: the running
 * ones (not CLOSED), or the latest `take`.
 */
export async function listMyYears(
  actor: Actor,
  options: { running: true } | { take: number },
): Promise<YearDto[]> {
  const rows = await db.emulationYear.findMany({
    where: { AND: [visibleYearsWhere(actor), "running" in options ? { phase: { not: "CLOSED" } } : {}] },
    select: yearSelect,
    orderBy: [{ year: "desc" }, { bloc: { name: "asc" } }],
    ...("take" in options ? { take: options.take } : {}),
  });
  return rows.map(toYearDto);
}

/** Every year of every bloc, as the admin page manages them. */
export async function listYearsToManage(actor: Actor): Promise<YearDto[]> {
  authorize(actor, "year.manage");
  const rows = await db.emulationYear.findMany({
    select: yearSelect,
    orderBy: [{ bloc: { name: "asc" } }, { year: "desc" }],
  });
  return rows.map(toYearDto);
}

/** One year with everything its settings page edits (admin). */
export async function getYearToManage(actor: Actor, yearId: string): Promise<YearDto> {
  authorize(actor, "year.manage");
  return getYear(actor, yearId);
}
