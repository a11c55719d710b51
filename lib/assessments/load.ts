import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { db, Tx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import { yearScope, type YearContext } from "@/lib/years/context";

// What the scoring features share about a year's members and its ranking.

/** A member agency of the year by code (or the actor's own when no code is given). */
export function memberAgency(year: YearContext, actor: Actor, code?: string | null) {
  const wanted = code ?? actor.agency?.code;
  const member = year.members.find((m) => m.agency.code === wanted)?.agency;
  if (!member) throw notFound("errors.agency.notMember", { code: wanted ?? "" });
  return member;
}

/** Checks a permission on one member agency's data of the year. */
export function authorizeAgency(
  actor: Actor,
  permission: Permission,
  year: YearContext,
  agencyId: string,
): void {
  if (!can(actor, permission, { ...yearScope(year), agencyId })) throw forbidden();
}

/** Scores lock while the year's latest ranking publication stands (until it is reopened). */
export async function rankingPublished(client: Tx | typeof db, yearId: string): Promise<boolean> {
  const latest = await client.rankingPublication.findFirst({
    where: { yearId },
    orderBy: { publishedAt: "desc" },
    select: { reopenedAt: true },
  });
  return latest !== null && latest.reopenedAt === null;
}
