import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import { fromX100 } from "@/lib/scores/points";
import { can, type ScopeContext } from "@/lib/permissions";
import type { RankingEntry } from "@/lib/ranking/compute";
import { standingPublication } from "@/lib/ranking/ranking";
import { idOrNotFound } from "@/lib/validation";
import { resultsOf } from "@/lib/votes/load";
import type { SessionResult } from "@/lib/votes/tally";
import { loadYear, yearScope, type YearContext } from "@/lib/years/context";
import { nominationBasisColumn } from "./columns";
import type { AwardVote, EligibilityInput } from "./eligibility";
import type { NominationDto } from "./schemas";

// Loading nominations with their year (what permissions are checked against), and the facts the
// eligibility rules read: the published ranking, the closed proposal votes, the active nominations.

/** Statuses that hold the member's one award of the year and count against quotas. */
export const ACTIVE_STATUSES: NominationStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "AWARDED"];
/** Statuses the board has not decided yet. */
export const UNDECIDED_STATUSES: NominationStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED"];

export const nominationSelect = {
  id: true,
  yearId: true,
  agencyId: true,
  awardCode: true,
  awardName: true,
  status: true,
  basis: true,
  note: true,
  round: true,
  version: true,
  withdrawReason: true,
  createdAt: true,
  updatedAt: true,
  agency: { select: { code: true, name: true } },
  year: { select: { year: true, bloc: { select: { id: true, name: true } } } },
  decision: { select: { id: true, number: true, signedOn: true, signerName: true, signerTitle: true } },
  reports: {
    select: { id: true, fileName: true, sizeBytes: true, mimeType: true, uploadedAt: true },
    orderBy: { uploadedAt: "desc" },
    take: 1,
  },
} as const satisfies Prisma.NominationSelect;

export type NominationRow = Prisma.NominationGetPayload<{ select: typeof nominationSelect }>;

export type { NominationBasis } from "./columns";

export function toNominationDto(row: NominationRow): NominationDto {
  const report = row.reports[0];
  const basis = nominationBasisColumn.read(row.basis);
  return {
    id: row.id,
    yearId: row.yearId,
    year: row.year.year,
    bloc: { id: row.year.bloc.id, name: row.year.bloc.name },
    agency: row.agency,
    award: { code: row.awardCode, name: row.awardName },
    status: row.status,
    round: row.round,
    version: row.version,
    basis: {
      rank: basis.rank,
      total: fromX100(basis.totalX100),
      classification: basis.classification,
      vote: basis.vote,
    },
    note: row.note,
    withdrawReason: row.withdrawReason,
    report: report
      ? {
          id: report.id,
          fileName: report.fileName,
          sizeBytes: report.sizeBytes,
          mimeType: report.mimeType,
          uploadedAt: report.uploadedAt.toISOString(),
        }
      : null,
    decision: row.decision
      ? {
          number: row.decision.number,
          signedOn: row.decision.signedOn.toISOString().slice(0, 10),
          signerName: row.decision.signerName,
          signerTitle: row.decision.signerTitle,
        }
      : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Who may see a year's nominations page: those who read all of them, and a member's people, who read
 * their own agency's (loadYear with it: NOT_FOUND otherwise, so that the year's id reveals nothing).
 */
export function readsNominations(actor: Actor, scope: ScopeContext): boolean {
  const ownAgency =
    actor.agencyId !== null && (scope.year?.memberAgencyIds.includes(actor.agencyId) ?? false)
      ? actor.agencyId
      : null;
  return can(actor, "nomination.read", { ...scope, agencyId: ownAgency });
}

/** A filter of the nominations of `year` the actor may read: all of them, or their agency's. */
export function readableNominations(actor: Actor, year: YearContext): Prisma.NominationWhereInput {
  if (can(actor, "nomination.read", yearScope(year))) return { yearId: year.id };
  return { yearId: year.id, agencyId: actor.agencyId ?? "00000000-0000-0000-0000-000000000000" };
}

/** A nomination and its year, if the actor may read it (else NOT_FOUND). */
export async function nominationForActor(client: Tx | typeof db, actor: Actor, nominationId: string) {
  const id = idOrNotFound(nominationId, "errors.nomination.notFound");
  const row = await client.nomination.findUnique({ where: { id }, select: nominationSelect });
  if (!row) throw notFound("errors.nomination.notFound");
  const year = await loadYear(
    client,
    actor,
    row.yearId,
    (who, scope) => can(who, "nomination.read", { ...scope, agencyId: row.agencyId }),
    "errors.nomination.notFound",
  );
  return { row, year };
}

/** What the eligibility rules read, as it stands in the database. */
export async function eligibilityInputOf(
  client: Tx | typeof db,
  year: YearContext,
  options: { excludeNominationId?: string } = {},
): Promise<
  EligibilityInput & {
    ranking: RankingEntry[];
    voteSessions: Map<string, { id: string; results: SessionResult }>;
  }
> {
  const [publication, sessions, active] = await Promise.all([
    standingPublication(client, year.id),
    client.voteSession.findMany({
      where: { yearId: year.id, kind: "AWARD_PROPOSAL", closedAt: { not: null }, cancelledAt: null },
      orderBy: { closedAt: "asc" },
      select: { id: true, awardCode: true, results: true },
    }),
    client.nomination.findMany({
      where: {
        yearId: year.id,
        status: { in: ACTIVE_STATUSES },
        ...(options.excludeNominationId ? { id: { not: options.excludeNominationId } } : {}),
      },
      select: { agencyId: true, awardCode: true },
    }),
  ]);
  const ranking = publication?.entries ?? [];
  // The latest closed session of each award decides (a later session re-votes a tie).
  const voteSessions = new Map<string, { id: string; results: SessionResult }>();
  for (const session of sessions)
    voteSessions.set(session.awardCode!, {
      id: session.id,
      results: resultsOf(session)!,
    });
  const votes = new Map<string, AwardVote>(
    [...voteSessions].map(([code, session]) => [
      code,
      { passed: new Set(session.results.candidates.filter((c) => c.passed).map((c) => c.agencyId)) },
    ]),
  );
  return {
    rules: year.rules,
    memberIds: new Set(year.members.map((m) => m.agencyId)),
    ranking,
    votes,
    active,
    voteSessions,
  };
}
