import "server-only";
import { log } from "@/lib/log";
import { db, type Tx } from "./index";
import { databaseBusy, transientFailure, type TransientFailure } from "./transient";

// Every transaction of the data layer runs through here, with limits chosen for what it does, never the
// library's defaults. A failure that load causes (a deadlock, a lock held too long, a full pool) is
// retried when running the operation again is harmless, and otherwise (or when retries run out) answers
// UNAVAILABLE (503, Retry-After) with a message that nothing was changed: never a 500.

export interface TransactionLimits {
  /** Longest the whole transaction may take, ms (Prisma's `timeout`). */
  timeoutMs: number;
  /** Longest to wait for a connection from the pool before starting, ms (Prisma's `maxWait`). */
  maxWaitMs: number;
  /** Longest one statement waits for a row or table lock another transaction holds (lock_timeout), ms. */
  lockTimeoutMs: number;
  /** Longest one statement may run (statement_timeout), ms. */
  statementTimeoutMs: number;
  /**
   * Whether the operation may run again after a transient failure. True when everything it does is in
   * the transaction (rolled back on failure); false when it also does something outside the database
   * (stores a file) or is too heavy to repeat (renders documents).
   */
  retry: boolean;
}

/** The limits of each kind of work. */
export const TRANSACTION = {
  /** One person's change of a few rows: a cell, a draft, a nomination, a verdict, a ballot. */
  edit: { timeoutMs: 10_000, maxWaitMs: 3_000, lockTimeoutMs: 4_000, statementTimeoutMs: 8_000, retry: true },
  /** A password check inside (argon2 takes ~100 ms, more on a busy machine): sign-in, re-authentication. */
  auth: { timeoutMs: 15_000, maxWaitMs: 3_000, lockTimeoutMs: 5_000, statementTimeoutMs: 8_000, retry: true },
  /** Many rows at once: a whole score grid, an Excel import, cross-scores applied, a criteria table. */
  bulk: {
    timeoutMs: 30_000,
    maxWaitMs: 5_000,
    lockTimeoutMs: 8_000,
    statementTimeoutMs: 20_000,
    retry: true,
  },
  /** A change that stores a file too (evidence, báo cáo thành tích): not run twice. */
  upload: {
    timeoutMs: 20_000,
    maxWaitMs: 3_000,
    lockTimeoutMs: 4_000,
    statementTimeoutMs: 8_000,
    retry: false,
  },
  /** Issuing documents: PDFs are rendered (and may queue for the render pool) inside. Not run twice. */
  issue: {
    timeoutMs: 90_000,
    maxWaitMs: 8_000,
    lockTimeoutMs: 10_000,
    statementTimeoutMs: 20_000,
    retry: false,
  },
} as const satisfies Record<string, TransactionLimits>;

/** Attempts in all (the first and the retries) of an operation that may run again. */
export const MAX_ATTEMPTS = 3;

/** What waiting another moment can cure: not a statement or transaction past its time (it would again). */
const RETRYABLE: ReadonlySet<TransientFailure> = new Set(["conflict", "lock", "pool"]);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction under `limits` (READ COMMITTED; the work takes the row locks it needs,
 * e.g. lockYearInPhase). All or nothing; see TransactionLimits for retries.
 */
export async function transaction<T>(limits: TransactionLimits, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${limits.lockTimeoutMs}ms`}, true), set_config('statement_timeout', ${`${limits.statementTimeoutMs}ms`}, true)`;
          return work(tx);
        },
        { timeout: limits.timeoutMs, maxWait: limits.maxWaitMs },
      );
    } catch (error) {
      const failure = transientFailure(error);
      if (!failure) throw error;
      if (limits.retry && RETRYABLE.has(failure) && attempt < MAX_ATTEMPTS) {
        // Backs off with jitter, so that the transactions that collided do not collide again.
        await pause(20 * 4 ** (attempt - 1) * (0.5 + Math.random()));
        continue;
      }
      log.warn("database busy", {
        failure,
        attempts: attempt,
        error: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
      throw databaseBusy();
    }
  }
}
