import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";
import { loadYear, yearScope, type YearContext } from "@/lib/years/context";
import type { SessionDto, SessionRulesDto, SessionStatus } from "./schemas";
import { agenciesColumn, sessionResultColumn, sessionRulesColumn } from "./columns";
import type { Candidate, Method, SessionResult } from "./tally";

// Loading a vote session with its year (what its permissions are checked against), and what a session
// shows: never a ballot, only who has voted.

export const sessionSelect = {
  id: true,
  yearId: true,
  kind: true,
  method: true,
  awardCode: true,
  title: true,
  rules: true,
  candidates: true,
  roll: true,
  opensAt: true,
  closesAt: true,
  createdAt: true,
  closedAt: true,
  closedById: true,
  results: true,
  cancelledAt: true,
  cancelReason: true,
  participations: { select: { agencyId: true } },
} as const satisfies Prisma.VoteSessionSelect;

export type SessionRow = Prisma.VoteSessionGetPayload<{ select: typeof sessionSelect }>;

/** A session and its year, if the actor may read the year's sessions (else NOT_FOUND). */
export async function sessionForActor(
  client: Tx | typeof db,
  actor: Actor,
  sessionId: string,
): Promise<{ session: SessionRow; year: YearContext }> {
  const id = idOrNotFound(sessionId, "errors.vote.sessionNotFound");
  const session = await client.voteSession.findUnique({ where: { id }, select: sessionSelect });
  if (!session) throw notFound("errors.vote.sessionNotFound");
  const year = await loadYear(client, actor, session.yearId, "vote.read", "errors.vote.sessionNotFound");
  return { session, year };
}

export function assertVotingPhase(year: { phase: string }): void {
  if (year.phase !== "VOTING") throw new AppError("WRONG_PHASE", "errors.vote.wrongPhase");
}

export function statusOf(
  session: Pick<SessionRow, "opensAt" | "closesAt" | "closedAt" | "cancelledAt">,
  now = clockNow(),
): SessionStatus {
  if (session.cancelledAt) return "CANCELLED";
  if (session.closedAt) return "CLOSED";
  if (now < session.opensAt) return "SCHEDULED";
  if (now >= session.closesAt) return "ENDED";
  return "OPEN";
}

export const candidatesOf = (session: Pick<SessionRow, "candidates">): Candidate[] =>
  agenciesColumn.read(session.candidates);
export const rollOf = (session: Pick<SessionRow, "roll">): Candidate[] => agenciesColumn.read(session.roll);
export const rulesOfSession = (session: Pick<SessionRow, "rules">): SessionRulesDto =>
  sessionRulesColumn.read(session.rules);
/** The stored tally of a closed session (null before it closes). */
export const resultsOf = (session: { results: SessionRow["results"] }): SessionResult | null =>
  session.results === null ? null : sessionResultColumn.read(session.results);

/** The session may be closed: its window is over, or every voter on the roll has voted. */
export function closable(session: SessionRow, now = clockNow()): boolean {
  const status = statusOf(session, now);
  return (
    status === "ENDED" ||
    ((status === "OPEN" || status === "SCHEDULED") && session.participations.length >= rollOf(session).length)
  );
}

export function toSessionDto(
  session: SessionRow,
  year: YearContext,
  actor: Actor,
  now = clockNow(),
): SessionDto {
  const voted = new Set(session.participations.map((p) => p.agencyId));
  const scope = yearScope(year);
  const status = statusOf(session, now);
  const onRoll =
    actor.agencyId !== null && rollOf(session).some((voter) => voter.agencyId === actor.agencyId);
  const hasVoted = actor.agencyId !== null && voted.has(actor.agencyId);
  const manages = can(actor, "vote.manage", scope) && year.phase === "VOTING";
  const ref = ({ code, name }: Candidate) => ({ code, name });
  return {
    id: session.id,
    yearId: year.id,
    year: year.year,
    kind: session.kind,
    method: session.method as Method,
    awardCode: session.awardCode,
    title: session.title,
    status,
    rules: rulesOfSession(session),
    opensAt: session.opensAt.toISOString(),
    closesAt: session.closesAt.toISOString(),
    closedAt: session.closedAt?.toISOString() ?? null,
    cancelledAt: session.cancelledAt?.toISOString() ?? null,
    cancelReason: session.cancelReason,
    candidates: candidatesOf(session).map(ref),
    roll: rollOf(session).map((voter) => ({ ...ref(voter), voted: voted.has(voter.agencyId) })),
    votedCount: voted.size,
    you: {
      mayVote:
        status === "OPEN" && year.phase === "VOTING" && onRoll && !hasVoted && can(actor, "vote.cast", scope),
      hasVoted,
      mayClose: manages && closable(session, now),
      mayCancel: manages && (status === "SCHEDULED" || status === "OPEN" || status === "ENDED"),
    },
  };
}

/** A ballot is accepted only while the session is OPEN: the error says why not. */
export function assertAcceptsBallots(session: Parameters<typeof statusOf>[0], now = clockNow()): void {
  const status = statusOf(session, now);
  if (status === "OPEN") return;
  const key = {
    SCHEDULED: "errors.vote.notOpenYet",
    ENDED: "errors.vote.windowOver",
    CLOSED: "errors.vote.alreadyClosed",
    CANCELLED: "errors.vote.cancelled",
  }[status];
  throw new AppError("CONFLICT", key);
}
