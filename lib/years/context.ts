import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { db, Prisma, Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Phase } from "@/lib/generated/prisma/enums";
import { can, type Permission, type ScopeContext } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";
import { DEFAULT_RULES, yearRulesSchema, type YearRules } from "./rules";

// The year every feature works in: loaded once, with what its permissions are checked against (its
// scope: the Khối trưởng and the members), its rules parsed once, and the one way a write that depends
// on the year's phase locks it.

export const yearContextSelect = {
  id: true,
  year: true,
  phase: true,
  version: true,
  blocId: true,
  rules: true,
  deadlines: true,
  criteriaRevision: true,
  leaderAgencyId: true,
  deputyAgencyId: true,
  bloc: { select: { id: true, name: true, place: true } },
  members: {
    select: {
      agencyId: true,
      notScoredReason: true,
      agency: { select: { id: true, code: true, name: true, shortName: true } },
    },
    orderBy: { agency: { name: "asc" } },
  },
} as const satisfies Prisma.EmulationYearSelect;

type YearRecord = Prisma.EmulationYearGetPayload<{ select: typeof yearContextSelect }>;

/** A year as the data layer works with it: its rules parsed. */
export type YearContext = Omit<YearRecord, "rules"> & { rules: YearRules };

type Client = Tx | typeof db;

/**
 * A year's rules (quotas, thresholds, bands, tie-breaks...). They are validated on every write; a row
 * edited by hand in SQL falls back to the defaults.
 */
export function rulesOf(raw: unknown): YearRules {
  const parsed = yearRulesSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

/** The facts scoped permissions of a year are checked against. */
export function yearScope(row: {
  leaderAgencyId: string | null;
  members: { agencyId: string }[];
}): ScopeContext {
  return {
    year: {
      leaderAgencyId: row.leaderAgencyId,
      memberAgencyIds: row.members.map((member) => member.agencyId),
    },
  };
}

function toContext(row: YearRecord): YearContext {
  return { ...row, rules: rulesOf(row.rules) };
}

/** Who may see a year: a permission on its scope, or a test of the actor against its scope. */
export type YearVisibility = Permission | ((actor: Actor, scope: ScopeContext) => boolean);

/**
 * The year, if the actor may see it (`visibleBy`, "year.read" by default); else NOT_FOUND under
 * `notFoundKey`, so that an id reveals nothing. What the actor may do in it is checked on top.
 */
export async function loadYear(
  client: Client,
  actor: Actor,
  yearId: string,
  visibleBy: YearVisibility = "year.read",
  notFoundKey = "errors.year.notFound",
): Promise<YearContext> {
  const row = await client.emulationYear.findUnique({
    where: { id: idOrNotFound(yearId, notFoundKey) },
    select: yearContextSelect,
  });
  const visible =
    row !== null &&
    (typeof visibleBy === "function"
      ? visibleBy(actor, yearScope(row))
      : can(actor, visibleBy, yearScope(row)));
  if (!visible) throw notFound(notFoundKey);
  return toContext(row);
}

/** The year for the system itself (issuing documents, the demo seed): no actor to check. */
export async function readYear(client: Client, yearId: string): Promise<YearContext> {
  const row = await client.emulationYear.findUnique({ where: { id: yearId }, select: yearContextSelect });
  if (!row) throw notFound("errors.year.notFound");
  return toContext(row);
}

/**
 * The one lock recipe of a write that depends on the year's phase: locks the year's row, then reads
 * its phase again, and refuses (WRONG_PHASE under `wrongPhaseKey`) unless it is one of `phases`. A
 * phase move updates that row, so it waits for every such write in progress, and every such write that
 * starts after it sees the new phase. FOR SHARE lets writes run side by side; a write that changes the
 * year's row itself (its phase, its criteria revision) takes it FOR UPDATE (`exclusive`), so that two
 * of them cannot deadlock upgrading their locks.
 */
export async function lockYearInPhase(
  tx: Tx,
  yearId: string,
  phases: readonly Phase[],
  wrongPhaseKey: string,
  options: { exclusive?: boolean } = {},
): Promise<Phase> {
  const rows = options.exclusive
    ? await tx.$queryRaw<
        { phase: Phase }[]
      >`SELECT phase FROM "EmulationYear" WHERE id = ${yearId}::uuid FOR UPDATE`
    : await tx.$queryRaw<
        { phase: Phase }[]
      >`SELECT phase FROM "EmulationYear" WHERE id = ${yearId}::uuid FOR SHARE`;
  const phase = rows[0]?.phase;
  if (!phase) throw notFound("errors.year.notFound");
  if (!phases.includes(phase)) throw new AppError("WRONG_PHASE", wrongPhaseKey, { params: { phase } });
  return phase;
}
