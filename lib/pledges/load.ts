import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { yearScope } from "@/lib/years/queries";

// Loading a year or a pledge version together with what its permissions are checked against.

export const pledgeYearSelect = {
  id: true,
  year: true,
  phase: true,
  blocId: true,
  leaderAgencyId: true,
  bloc: { select: { id: true, name: true, place: true } },
  members: { select: { agencyId: true, agency: { select: { id: true, code: true, name: true } } }, orderBy: { agency: { name: "asc" } } },
} as const satisfies Prisma.EmulationYearSelect;

export type PledgeYear = Prisma.EmulationYearGetPayload<{ select: typeof pledgeYearSelect }>;

/**
 * The year, if the actor may read its pledge. A year they may not read is NOT_FOUND (its id reveals
 * nothing); `permission` is then checked on top (FORBIDDEN).
 */
export async function yearForPledge(client: Tx | typeof db, actor: Actor, yearId: string): Promise<PledgeYear> {
  const year = await client.emulationYear.findUnique({ where: { id: yearId }, select: pledgeYearSelect });
  if (!year || !can(actor, "pledge.read", yearScope(year))) throw notFound("errors.year.notFound");
  return year;
}

export function assertPledgingPhase(year: { phase: string }): void {
  if (year.phase !== "PLEDGING") throw new AppError("WRONG_PHASE", "errors.pledge.wrongPhase");
}

export const versionSelect = {
  id: true,
  pledgeId: true,
  number: true,
  status: true,
  title: true,
  preamble: true,
  goals: true,
  targets: true,
  movement: true,
  commitments: true,
  criteriaReference: true,
  canonicalContent: true,
  sha256: true,
  openedAt: true,
  supersededAt: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.PledgeVersionSelect;

export type VersionRow = Prisma.PledgeVersionGetPayload<{ select: typeof versionSelect }>;

/** A version and its year, if the actor may read the year's pledge (else NOT_FOUND). */
export async function versionForActor(client: Tx | typeof db, actor: Actor, versionId: string) {
  const version = await client.pledgeVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSelect, pledge: { select: { year: { select: pledgeYearSelect } } } },
  });
  if (!version || !can(actor, "pledge.read", yearScope(version.pledge.year))) throw notFound("errors.pledge.versionNotFound");
  return version;
}
