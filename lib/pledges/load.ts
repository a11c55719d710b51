import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { loadYear } from "@/lib/years/context";

// Loading a year or a pledge version together with what its permissions are checked against.

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
    select: { ...versionSelect, pledge: { select: { yearId: true } } },
  });
  if (!version) throw notFound("errors.pledge.versionNotFound");
  const year = await loadYear(
    client,
    actor,
    version.pledge.yearId,
    "pledge.read",
    "errors.pledge.versionNotFound",
  );
  return { ...version, pledge: { year } };
}
