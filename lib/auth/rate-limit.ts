import "server-only";
import type { Tx } from "@/lib/db";

// Failed sign-ins are counted in PostgreSQL so that every app instance sees the same counts.
export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface LimitState {
  limited: boolean;
  /** Whole minutes until the oldest counted failure leaves the window. */
  retryAfterMinutes: number;
}

async function stateOf(tx: Tx, key: string, max: number, now: Date): Promise<LimitState> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const failures = await tx.signInFailure.findMany({
    where: { key, at: { gt: since } },
    orderBy: { at: "desc" },
    take: max,
    select: { at: true },
  });
  if (failures.length < max) return { limited: false, retryAfterMinutes: 0 };
  const oldestCounted = failures[failures.length - 1]!.at;
  const freeAt = oldestCounted.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
}

/** The stricter of the account and IP limits. */
export async function signInLimit(
  tx: Tx,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<LimitState> {
  const states = [await stateOf(tx, accountKey(email), MAX_FAILURES_PER_ACCOUNT, now)];
  if (ip) states.push(await stateOf(tx, ipKey(ip), MAX_FAILURES_PER_IP, now));
  const limited = states.filter((state) => state.limited);
  if (limited.length === 0) return { limited: false, retryAfterMinutes: 0 };
  return { limited: true, retryAfterMinutes: Math.max(...limited.map((state) => state.retryAfterMinutes)) };
}

export async function recordSignInFailure(tx: Tx, email: string, ip: string | null): Promise<void> {
  await tx.signInFailure.createMany({
    data: [{ key: accountKey(email) }, ...(ip ? [{ key: ipKey(ip) }] : [])],
  });
}

/** A successful sign-in clears the account's failures and drops rows that left every window. */
export async function clearSignInFailures(tx: Tx, email: string, now = new Date()): Promise<void> {
  await tx.signInFailure.deleteMany({
    where: { OR: [{ key: accountKey(email) }, { at: { lt: new Date(now.getTime() - 24 * 3600_000) } }] },
  });
}
