import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { candidatesOf, resultsOf, rulesOfSession, sessionForActor, type SessionRow } from "./load";
import type { ResultsDto } from "./schemas";

// Kết quả: only once a session is closed, from the tally stored when it closed, with the hashes of the
// counted ballots' receipts (sorted, so their order says nothing).

export function toResultsDto(session: SessionRow, receiptHashes: string[]): ResultsDto {
  const results = resultsOf(session);
  if (!results) throw conflict("errors.vote.resultsNotYet");
  const byId = new Map(
    candidatesOf(session).map((candidate) => [
      candidate.agencyId,
      { code: candidate.code, name: candidate.name },
    ]),
  );
  const ref = (id: string | null) => (id ? (byId.get(id) ?? null) : null);
  return {
    sessionId: session.id,
    title: session.title,
    method: session.method,
    closedAt: session.closedAt!.toISOString(),
    rules: rulesOfSession(session),
    rollSize: results.rollSize,
    ballots: results.ballots,
    quorumRequired: results.quorumRequired,
    quorumMet: results.quorumMet,
    passBase: results.passBase,
    passRequired: results.passRequired,
    candidates: results.candidates.map(({ agencyId: _id, ...row }) => row),
    elected: results.elected
      ? { LEADER: ref(results.elected.LEADER), DEPUTY: ref(results.elected.DEPUTY) }
      : null,
    hasTies: results.hasTies,
    receiptHashes,
  };
}

export async function getVoteResults(actor: Actor, sessionId: string): Promise<ResultsDto> {
  const { session } = await sessionForActor(db, actor, sessionId);
  if (session.cancelledAt) throw conflict("errors.vote.cancelled");
  if (!session.closedAt || !session.results) throw conflict("errors.vote.resultsNotYet");
  const ballots = await db.ballot.findMany({
    where: { sessionId: session.id },
    select: { receiptHash: true },
    orderBy: { receiptHash: "asc" },
  });
  return toResultsDto(
    session,
    ballots.map((ballot) => ballot.receiptHash),
  );
}
