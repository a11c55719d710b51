import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInLimit } from "./rate-limit";

/** Why a sign-in failed, as the sign-in page shows it. Unknown email and wrong password look the same. */
export type SignInFailure = "INVALID_CREDENTIALS" | "RATE_LIMITED" | "DISABLED";

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    readonly retryAfterMinutes = 0,
  ) {
    // next-auth passes this message to the client as the `error` of signIn(): keep it machine-readable.
    super(reason === "RATE_LIMITED" ? `${reason}:${retryAfterMinutes}` : reason);
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});

/**
 * Checks email and password. Failures are counted per account and per IP in PostgreSQL under an
 * advisory lock on the account, so parallel attempts cannot slip past the limit.
 * Returns the user id and token version that the session token will carry.
 */
export async function verifyCredentials(
  input: { email?: unknown; password?: unknown },
  request: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; tokenVersion: number }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new SignInError("INVALID_CREDENTIALS");
  const { email, password } = parsed.data;

  return transaction(TRANSACTION.auth, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`;
    const limit = await signInLimit(tx, email, request.ip);
    if (limit.limited) throw new SignInError("RATE_LIMITED", limit.retryAfterMinutes);

    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, email: true, role: true, passwordHash: true, disabled: true, tokenVersion: true },
    });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);
    const auditActor = {
      id: user?.id ?? null,
      email: user?.email ?? email,
      role: user?.role ?? null,
      request,
    };

    if (!user || !valid) {
      await recordSignInFailure(tx, email, request.ip);
      await recordAudit(tx, auditActor, {
        action: "auth.signIn.failed",
        entity: "User",
        entityId: user?.id ?? email,
        after: { email },
      });
      return "INVALID_CREDENTIALS" as const;
    }
    if (user.disabled) {
      await recordAudit(tx, auditActor, {
        action: "auth.signIn.disabled",
        entity: "User",
        entityId: user.id,
      });
      // Thrown after the commit (below): throwing here would roll the audit row back.
      return "DISABLED" as const;
    }
    await clearSignInFailures(tx, email);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, auditActor, { action: "auth.signIn", entity: "User", entityId: user.id });
    return { id: user.id, tokenVersion: user.tokenVersion };
  }).then((result) => {
    // The failure is committed (counted, audited) before the error is raised.
    if (typeof result === "string") throw new SignInError(result);
    return result;
  });
}

/** Ends every session of the user that carries this token version (sign-out). */
export async function endSessions(userId: string, tokenVersion: number): Promise<void> {
  await transaction(TRANSACTION.edit, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true },
    });
    if (!user) return;
    const bumped = await tx.user.updateMany({
      where: { id: userId, tokenVersion },
      data: { tokenVersion: { increment: 1 } },
    });
    if (bumped.count === 1) {
      await recordAudit(
        tx,
        { ...user, request: null },
        { action: "auth.signOut", entity: "User", entityId: user.id },
      );
    }
  });
}
