import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { reauthenticate } from "@/lib/auth/reauth";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { conflict, forbidden, invalid, isAppError } from "@/lib/errors";
import { can, scopeOf } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";

import {
  assertAcceptsBallots,
  assertVotingPhase,
  candidatesOf,
  rollOf,
  rulesOfSession,
  sessionForActor,
  type SessionRow,
} from "./load";
import { ballotChoicesColumn } from "./columns";
import { newReceipt, normalizeReceipt, receiptHash } from "./receipts";
import {
  approvalChoicesSchema,
  castBallotSchema,
  electionChoicesSchema,
  pickChoicesSchema,
  receiptCheckSchema,
} from "./schemas";
import { APPROVAL_CHOICES, POSTS, type BallotChoices, type Candidate } from "./tally";
import { lockYearInPhase, yearScope } from "@/lib/years/context";

// Bỏ phiếu kín. The ballot row holds a random id, the session, the receipt's hash and the choices; the
// participation row says that the agency voted. Both are written in one transaction, so the primary
// key of participation (session, agency) is the one-ballot rule. Nothing that links the two is kept or
// logged: the audit trail says only "agency X voted in session S" (docs/ballots.md).

/** The choices of a request, checked against the session's method and candidates, keyed by agency id. */
export function ballotChoicesOf(
  session: Pick<SessionRow, "method" | "candidates" | "roll" | "rules">,
  choices: unknown,
): BallotChoices {
  const candidates = candidatesOf(session);
  const byCode = new Map(candidates.map((candidate) => [candidate.code, candidate]));
  const unknown = (code: string) =>
    invalid([{ path: "choices", message: "validation.vote.notCandidate", params: { code } }]);
  const idOf = (code: string): string => {
    const candidate = byCode.get(code);
    if (!candidate) throw unknown(code);
    return candidate.agencyId;
  };

  if (session.method === "APPROVAL") {
    const parsed = approvalChoicesSchema.safeParse(choices);
    if (!parsed.success || Array.isArray(choices))
      throw invalid([{ path: "choices", message: "validation.vote.choices" }]);
    const result: BallotChoices = {};
    for (const [code, choice] of Object.entries(parsed.data)) result[idOf(code)] = choice;
    const missing = candidates.filter((candidate) => !(candidate.agencyId in result));
    if (missing.length > 0)
      throw invalid([
        {
          path: "choices",
          message: "validation.vote.everyCandidate",
          params: { missing: missing.map((m) => m.name).join(", ") },
        },
      ]);
    if (
      Object.values(result).some(
        (choice) => !APPROVAL_CHOICES.includes(choice as (typeof APPROVAL_CHOICES)[number]),
      )
    )
      throw invalid([{ path: "choices", message: "validation.vote.choices" }]);
    return result;
  }

  if (session.method === "PICK_UP_TO_QUOTA") {
    const parsed = pickChoicesSchema.safeParse(choices);
    if (!parsed.success) throw invalid([{ path: "choices", message: "validation.vote.choices" }]);
    const picks = new Set(parsed.data.map(idOf));
    if (picks.size !== parsed.data.length)
      throw invalid([{ path: "choices", message: "validation.vote.duplicatePick" }]);
    const quota = rulesOfSession(session).quota ?? candidates.length;
    if (picks.size > quota)
      throw invalid([{ path: "choices", message: "validation.vote.tooManyPicks", params: { max: quota } }]);
    return Object.fromEntries([...picks].map((id) => [id, "FOR"]));
  }

  const parsed = electionChoicesSchema.safeParse(choices);
  if (!parsed.success) throw invalid([{ path: "choices", message: "validation.vote.choices" }]);
  const result: BallotChoices = {};
  for (const post of POSTS) result[post] = parsed.data[post] === null ? null : idOf(parsed.data[post]);
  if (result.LEADER && result.LEADER === result.DEPUTY)
    throw invalid([{ path: "choices.DEPUTY", message: "validation.vote.samePostTwice" }]);
  return result;
}

/**
 * Casts the actor's agency's ballot, after the leader re-enters their password. Returns the receipt,
 * shown once and never stored (only its hash is).
 */
export async function castBallot(
  actor: Actor,
  sessionId: string,
  input: unknown,
): Promise<{ receipt: string }> {
  if (scopeOf(actor, "vote.cast") === undefined || !actor.agencyId)
    throw forbidden("errors.vote.onlyLeaders");
  const { password, choices } = parseInput(castBallotSchema, input);
  const { session, year } = await sessionForActor(db, actor, sessionId);
  if (!can(actor, "vote.cast", yearScope(year))) throw forbidden("errors.vote.onlyLeaders");
  const voter: Candidate | undefined = rollOf(session).find((entry) => entry.agencyId === actor.agencyId);
  if (!voter) throw forbidden("errors.vote.notOnRoll");
  assertVotingPhase(year);
  assertAcceptsBallots(session);
  if (session.participations.some((p) => p.agencyId === voter.agencyId))
    throw conflict("errors.vote.alreadyVoted");
  const stored = ballotChoicesOf(session, choices);

  await reauthenticate(actor, password, "vote.cast");

  return transaction(TRANSACTION.edit, async (tx) => {
    await lockYearInPhase(tx, year.id, ["VOTING"], "errors.vote.wrongPhase");
    // Shares the lock that closing and cancelling take exclusively: a ballot is counted or refused.
    const [locked] = await tx.$queryRaw<
      { opensAt: Date; closesAt: Date; closedAt: Date | null; cancelledAt: Date | null }[]
    >`
      SELECT "opensAt", "closesAt", "closedAt", "cancelledAt" FROM "VoteSession" WHERE id = ${session.id}::uuid FOR SHARE`;
    assertAcceptsBallots(locked!);
    const participation = await tx.$executeRaw`
      INSERT INTO "VoteParticipation" ("sessionId", "agencyId", "votedById")
      VALUES (${session.id}::uuid, ${voter.agencyId}::uuid, ${actor.id}::uuid)
      ON CONFLICT ("sessionId", "agencyId") DO NOTHING`;
    if (participation === 0) throw conflict("errors.vote.alreadyVoted");
    const receipt = newReceipt();
    try {
      await tx.$executeRaw`
        INSERT INTO "Ballot" ("sessionId", "receiptHash", "choices")
        VALUES (${session.id}::uuid, ${receiptHash(receipt)}, ${JSON.stringify(ballotChoicesColumn.write(stored))}::jsonb)`;
    } catch (error) {
      // A database error may quote the row it refused: never let the choices reach a log.
      if (isAppError(error)) throw error;
      throw new Error("The ballot could not be stored (details withheld: ballots are secret).");
    }
    await recordAudit(tx, actor, {
      action: "vote.cast",
      entity: "VoteSession",
      entityId: session.id,
      after: { agency: voter.code },
      blocId: year.blocId,
    });
    return { receipt };
  });
}

/** Whether a receipt is among the counted ballots of a closed session. */
export async function checkReceipt(
  actor: Actor,
  sessionId: string,
  input: unknown,
): Promise<{ counted: boolean; receiptHash: string }> {
  const { receipt } = parseInput(receiptCheckSchema, input);
  const { session } = await sessionForActor(db, actor, sessionId);
  if (!session.closedAt) throw conflict("errors.vote.resultsNotYet");
  const normalized = normalizeReceipt(receipt);
  if (!normalized) throw invalid([{ path: "receipt", message: "validation.vote.receiptFormat" }]);
  const hash = receiptHash(normalized);
  const found = await db.ballot.findFirst({
    where: { sessionId: session.id, receiptHash: hash },
    select: { sessionId: true },
  });
  return { counted: found !== null, receiptHash: hash };
}
