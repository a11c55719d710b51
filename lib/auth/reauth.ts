import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, invalid } from "@/lib/errors";
import type { Actor } from "./actor";
import { verifyPassword } from "./password";
import { recordSignInFailure, signInLimit } from "./rate-limit";

/** How long a re-entered password counts as fresh for the act it was asked for. */
export const REAUTH_FRESH_MS = 5 * 60_000;

/**
 * Step-up authentication before an act with legal weight (signing, voting): the actor re-enters their
 * password. Wrong passwords count against the same per-account and per-IP limits as sign-in, under the
 * same lock. Returns when the password was checked.
 */
export async function reauthenticate(actor: Actor, password: string, purpose: string): Promise<Date> {
  const outcome = await transaction(TRANSACTION.auth, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${actor.email}`}, 0))`;
    const limit = await signInLimit(tx, actor.email, actor.request.ip);
    if (limit.limited) return { kind: "limited", minutes: limit.retryAfterMinutes } as const;
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
    if (await verifyPassword(user.passwordHash, password)) return { kind: "ok", at: new Date() } as const;
    await recordSignInFailure(tx, actor.email, actor.request.ip);
    await recordAudit(tx, actor, {
      action: "auth.reauth.failed",
      entity: "User",
      entityId: actor.id,
      after: { purpose },
    });
    return { kind: "wrong" } as const;
  });
  if (outcome.kind === "limited")
    throw new AppError("RATE_LIMITED", "errors.rateLimited", { params: { minutes: outcome.minutes } });
  if (outcome.kind === "wrong") throw invalid([{ path: "password", message: "validation.passwordWrong" }]);
  return outcome.at;
}
