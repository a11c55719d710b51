import { describe, expect, it } from "vitest";
import { BUSY_RETRY_AFTER_SECONDS, databaseBusy, transientFailure } from "./transient";

// The shapes below are what Prisma 7 through @prisma/adapter-pg throws, as recorded against
// PostgreSQL 18 (tests/integration/busy-database.test.ts forces each on the real database).
const adapterError = (code: string, originalCode: string, kind = "postgres") => ({
  name: "PrismaClientKnownRequestError",
  code,
  message: `Raw query failed. Code: \`${originalCode}\``,
  meta: {
    driverAdapterError: {
      name: "DriverAdapterError",
      cause: { originalCode, kind, ...(kind === "postgres" ? { code: originalCode } : {}) },
    },
  },
});

describe("transientFailure", () => {
  it.each([
    ["a serialization failure", adapterError("P2010", "40001", "TransactionWriteConflict"), "conflict"],
    ["a deadlock", adapterError("P2010", "40P01", "TransactionWriteConflict"), "conflict"],
    ["a lock timeout (model query)", adapterError("P2039", "55P03"), "lock"],
    ["a lock timeout (raw query)", adapterError("P2010", "55P03"), "lock"],
    ["a statement timeout", adapterError("P2010", "57014"), "timeout"],
    ["too many connections", adapterError("P2010", "53300"), "pool"],
    [
      "a transaction that could not start within maxWait",
      {
        code: "P2028",
        message: "Transaction API error: Unable to start a transaction in the given time.",
        meta: {},
      },
      "pool",
    ],
    [
      "a transaction past its timeout",
      {
        code: "P2028",
        message: "Transaction API error: A query cannot be executed on an expired transaction.",
        meta: { timeout: 400, timeTaken: 809 },
      },
      "timeout",
    ],
    ["the pool's own wait for a connection", new Error("timeout exceeded when trying to connect"), "pool"],
    [
      "Prisma's write conflict",
      { code: "P2034", message: "Transaction failed due to a write conflict or a deadlock", meta: {} },
      "conflict",
    ],
  ])("recognises %s", (_, error, failure) => {
    expect(transientFailure(error)).toBe(failure);
  });

  it.each([
    [
      "a unique violation",
      {
        code: "P2002",
        message: "Unique constraint failed",
        meta: { driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } } },
      },
    ],
    ["a check violation", adapterError("P2010", "23514")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a string", "timeout"],
    ["null", null],
  ])("leaves %s alone", (_, error) => {
    expect(transientFailure(error)).toBeNull();
  });
});

describe("databaseBusy", () => {
  it("is UNAVAILABLE (503) with the seconds to wait", () => {
    const error = databaseBusy();
    expect(error).toMatchObject({
      code: "UNAVAILABLE",
      messageKey: "errors.busy",
      details: { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    });
    expect(error.status).toBe(503);
  });
});
