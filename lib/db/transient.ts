import { AppError } from "@/lib/errors";

// Database failures that load causes, not bugs: the same request may succeed a moment later. They are
// classified from what Prisma (through the pg driver adapter) and the pg pool throw, without importing
// either, so that the web layer can recognise them too.

/**
 * - `conflict`: a serialization failure or a deadlock (PostgreSQL rolled one transaction back);
 * - `lock`: a lock held by another transaction for longer than lock_timeout;
 * - `timeout`: a statement past statement_timeout, or a transaction past its time limit;
 * - `pool`: no connection free in time (the pool is full), or the server refuses more connections.
 */
export type TransientFailure = "conflict" | "lock" | "timeout" | "pool";

const BY_SQLSTATE: Record<string, TransientFailure> = {
  "40001": "conflict", // serialization_failure
  "40P01": "conflict", // deadlock_detected
  "55P03": "lock", // lock_not_available (lock_timeout, NOWAIT)
  "57014": "timeout", // query_canceled (statement_timeout)
  "53300": "pool", // too_many_connections
  "57P03": "pool", // cannot_connect_now (the server is starting or shutting down)
};

/** The pg pool's own message when no connection frees up within connectionTimeoutMillis. */
const POOL_TIMEOUT_MESSAGE = "timeout exceeded when trying to connect";

interface PrismaLike {
  code?: unknown;
  message?: unknown;
  meta?: {
    driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown; kind?: unknown } };
    timeout?: unknown;
  } | null;
}

/** The kind of transient failure `error` is, or null when it is something else (a bug, a refusal...). */
export function transientFailure(error: unknown): TransientFailure | null {
  if (typeof error !== "object" || error === null) return null;
  const candidate = error as PrismaLike;
  const message = typeof candidate.message === "string" ? candidate.message : "";
  if (message.includes(POOL_TIMEOUT_MESSAGE)) return "pool";
  const cause = candidate.meta?.driverAdapterError?.cause;
  const sqlState =
    typeof cause?.originalCode === "string"
      ? cause.originalCode
      : typeof cause?.code === "string"
        ? cause.code
        : null;
  if (sqlState && sqlState in BY_SQLSTATE) return BY_SQLSTATE[sqlState]!;
  if (cause?.kind === "TransactionWriteConflict") return "conflict";
  if (cause?.kind === "TooManyConnections") return "pool";
  switch (candidate.code) {
    case "P2034": // write conflict or deadlock
      return "conflict";
    case "P2024": // timed out fetching a connection from the pool
      return "pool";
    case "P2028": // "Unable to start a transaction in the given time" (maxWait), or past its timeout
      return message.includes("Unable to start a transaction") ? "pool" : "timeout";
    default:
      return null;
  }
}

/** Seconds a client is told to wait (Retry-After) when the database is busy. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/** The UNAVAILABLE answer to a transient database failure: nothing was changed, try again shortly. */
export function databaseBusy(): AppError {
  return new AppError("UNAVAILABLE", "errors.busy", {
    details: { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
  });
}
