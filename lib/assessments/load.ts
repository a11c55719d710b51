import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";
import { yearScope } from "@/lib/years/queries";
import { yearRulesSchema, DEFAULT_RULES } from "@/lib/years/rules";

// Loading a year's scoring context together with what its permissions are checked against.

export const scoringYearSelect = {
  id: true,
  year: true,
  phase: true,
  blocId: true,
  rules: true,
  leaderAgencyId: true,
  bloc: { select: { name: true } },
  members: { select: { agencyId: true, agency: { select: { id: true, code: true, name: true, shortName: true } } }, orderBy: { agency: { name: "asc" } } },
} as const;

/** The scoring context and the bloc's name and place: what documents and the bloc's decisions print. */
export const blocYearSelect = { ...scoringYearSelect, bloc: { select: { id: true, name: true, place: true } } } as const;

export type ScoringYear = NonNullable<Awaited<ReturnType<typeof findYear>>>;

function findYear(client: Tx | typeof db, id: string) {
  return client.emulationYear.findUnique({ where: { id }, select: scoringYearSelect });
}

export function rulesOf(year: { rules: unknown }) {
  const parsed = yearRulesSchema.safeParse(year.rules);
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

/** The year, if the actor's agency belongs to it or the actor acts for the province (else NOT_FOUND). */
export async function scoringYear(client: Tx | typeof db, actor: Actor, yearId: string): Promise<ScoringYear> {
  const year = await findYear(client, idOrNotFound(yearId, "errors.year.notFound"));
  if (!year || !can(actor, "criteria.read", yearScope(year))) throw notFound("errors.year.notFound");
  return year;
}

/** A member agency of the year by code (or the actor's own when no code is given). */
export function memberAgency(year: ScoringYear, actor: Actor, code?: string | null) {
  const wanted = code ?? actor.agency?.code;
  const member = year.members.find((m) => m.agency.code === wanted)?.agency;
  if (!member) throw notFound("errors.agency.notMember", { code: wanted ?? "" });
  return member;
}

/** Checks a permission on one member agency's data of the year. */
export function authorizeAgency(actor: Actor, permission: Permission, year: ScoringYear, agencyId: string): void {
  if (!can(actor, permission, { ...yearScope(year), agencyId })) throw forbidden();
}

/** Scores lock while the year's latest ranking publication stands (until it is reopened). */
export async function rankingPublished(client: Tx | typeof db, yearId: string): Promise<boolean> {
  const latest = await client.rankingPublication.findFirst({ where: { yearId }, orderBy: { publishedAt: "desc" }, select: { reopenedAt: true } });
  return latest !== null && latest.reopenedAt === null;
}
