// Failures that load causes, forced on the real database: a lock held by another connection, a
// statement past its timeout, a full connection pool, a transaction past its time limit, a deadlock.
// Each is retried when the operation may run again, and otherwise answered 503 with Retry-After and a
// Vietnamese message, with nothing changed; never a 500.
import { NextRequest } from "next/server";
import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { GET as getScores } from "@/app/api/v1/years/[yearId]/scores/route";
import { PUT as putCrossScore } from "@/app/api/v1/years/[yearId]/cross-scores/route";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS, TRANSACTION, transaction } from "@/lib/db/transaction";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { uniqueToken } from "@/prisma/seed/factories";
import { signInAs } from "../support/sessions";
import { scoringSetup } from "../support/scoring";

const BUSY_MESSAGE =
  "Hệ thống đang bận nên chưa thực hiện được thao tác, chưa có gì thay đổi. Vui lòng thử lại sau ít giây.";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A REVIEW year with cross-scoring, its first member's leader signed in for the API. */
async function crossScoringYear() {
  const setup = await scoringSetup({
    memberCount: 3,
    rules: { ...DEFAULT_RULES, crossScoring: { enabled: true, trimExtremes: false } },
  });
  await signInAs(setup.leaders[1]!);
  const put = () =>
    putCrossScore(
      new NextRequest(`http://localhost:3000/api/v1/years/${setup.year.id}/cross-scores`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          targetAgencyCode: setup.agencies[2]!.code,
          criterionId: setup.criterionId("I.1"),
          points: 25,
        }),
      }),
      { params: Promise.resolve({ yearId: setup.year.id }) },
    );
  const written = () => db.crossScore.count({ where: { yearId: setup.year.id } });
  const audited = () =>
    db.auditLog.count({ where: { action: "crossScore.save", actorId: setup.leaders[1]!.id } });
  return { setup, put, written, audited };
}

/** Another connection, outside the app's pool (as another app instance, or a DBA's session). */
async function otherConnection() {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  return client;
}

async function expectBusy(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toEqual({
    error: { code: "UNAVAILABLE", message: BUSY_MESSAGE, details: { retryAfterSeconds: 5 } },
  });
}

/** The "database busy" warnings logged meanwhile (never an "unexpected error"). */
function watchLog() {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
  return {
    busy: () =>
      lines
        .filter((line) => line.includes('"message":"database busy"'))
        .map((line) => JSON.parse(line) as { failure: string; attempts?: number }),
    unexpected: () => lines.filter((line) => line.includes("unexpected error")),
  };
}

describe("a lock held by another connection", () => {
  it("is retried; when it is still held after the last attempt, the answer is 503 with Retry-After, nothing written", async () => {
    const { setup, put, written, audited } = await crossScoringYear();
    const other = await otherConnection();
    const log = watchLog();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT id FROM "EmulationYear" WHERE id = $1 FOR UPDATE`, [setup.year.id]);
      const started = Date.now();
      await expectBusy(await put());
      // Every attempt waited its lock_timeout.
      expect(Date.now() - started).toBeGreaterThanOrEqual(MAX_ATTEMPTS * TRANSACTION.edit.lockTimeoutMs);
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
    expect(await written()).toBe(0);
    expect(await audited()).toBe(0);
    expect(log.busy()).toEqual([expect.objectContaining({ failure: "lock", attempts: MAX_ATTEMPTS })]);
    expect(log.unexpected()).toEqual([]);
  }, 30_000);

  it("lets the write through once the lock is released between attempts: saved once, audited once", async () => {
    const { setup, put, written, audited } = await crossScoringYear();
    const other = await otherConnection();
    const log = watchLog();
    await other.query("BEGIN");
    await other.query(`SELECT id FROM "EmulationYear" WHERE id = $1 FOR UPDATE`, [setup.year.id]);
    // Held a little longer than one lock_timeout: the first attempt fails, the second gets the lock.
    const release = new Promise<void>((resolve) =>
      setTimeout(
        () =>
          void other
            .query("ROLLBACK")
            .then(() => other.end())
            .then(resolve),
        TRANSACTION.edit.lockTimeoutMs + 1_000,
      ),
    );
    const response = await put();
    await release;
    expect(response.status).toBe(200);
    expect(await written()).toBe(1);
    expect(await audited()).toBe(1);
    expect(log.busy()).toEqual([]);
  }, 30_000);
});

describe("a statement past its timeout", () => {
  it("is not retried (it would run as long again) and answers 503, nothing written", async () => {
    const { setup, put, written, audited } = await crossScoringYear();
    // A trigger that makes this year's cross-score insert slower than the statement timeout.
    const name = `slow_${uniqueToken().replace(/[^a-z0-9]/g, "")}`;
    await db.$executeRawUnsafe(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "CrossScore" FOR EACH ROW WHEN (NEW."yearId" = '${setup.year.id}'::uuid) EXECUTE FUNCTION ${name}()`,
    );
    const log = watchLog();
    try {
      const started = Date.now();
      await expectBusy(await put());
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TRANSACTION.edit.statementTimeoutMs);
      expect(elapsed).toBeLessThan(2 * TRANSACTION.edit.statementTimeoutMs);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "CrossScore"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    }
    expect(await written()).toBe(0);
    expect(await audited()).toBe(0);
    expect(log.busy()).toEqual([expect.objectContaining({ failure: "timeout", attempts: 1 })]);
  }, 30_000);
});

describe("a full connection pool", () => {
  it("answers a write (after its retries) and a read 503 while every connection is taken, and serves both once one frees up", async () => {
    const { setup, put, written } = await crossScoringYear();
    const log = watchLog();
    // Every connection of this process's pool (10), each in a transaction that sleeps for longer than a
    // write's attempts and a read's wait for a connection take.
    const holding = 14_000;
    const started: Promise<void>[] = [];
    const holders = Array.from({ length: 10 }, () => {
      let hold!: () => void;
      started.push(new Promise<void>((resolve) => (hold = resolve)));
      return db.$transaction(
        async (tx) => {
          hold();
          await tx.$queryRaw`SELECT pg_sleep(${holding / 1000})::text`;
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    });
    await Promise.all(started);
    const read = () =>
      getScores(new NextRequest(`http://localhost:3000/api/v1/years/${setup.year.id}/scores`), {
        params: Promise.resolve({ yearId: setup.year.id }),
      });
    const [write, scores] = await Promise.all([
      put(),
      (async () => {
        await signInAs(setup.secretariat);
        return read();
      })(),
    ]);
    await expectBusy(write);
    await expectBusy(scores);
    await Promise.all(holders);
    expect(await written()).toBe(0);
    expect(log.busy().map((entry) => entry.failure)).toEqual(["pool", "pool"]);
    expect(log.unexpected()).toEqual([]);

    // Free again: both go through.
    expect((await read()).status).toBe(200);
    await signInAs(setup.leaders[1]!);
    expect((await put()).status).toBe(200);
  }, 45_000);
});

describe("transaction()", () => {
  const quick = {
    timeoutMs: 400,
    maxWaitMs: 2_000,
    lockTimeoutMs: 1_000,
    statementTimeoutMs: 5_000,
    retry: true,
  };

  it("answers a transaction past its time limit UNAVAILABLE, not retried, and rolls it back", async () => {
    const table = `busy_${uniqueToken().replace(/[^a-z0-9]/g, "")}`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    let attempts = 0;
    const error = await transaction(quick, async (tx) => {
      attempts += 1;
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1)`);
      await tx.$queryRaw`SELECT pg_sleep(0.8)::text`;
      await tx.$executeRawUnsafe(`INSERT INTO ${table} VALUES (2)`);
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNAVAILABLE", messageKey: "errors.busy" });
    expect(attempts).toBe(1);
    expect(await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM ${table}`)).toEqual([{ n: 0 }]);
    await db.$executeRawUnsafe(`DROP TABLE ${table}`);
  });

  it("runs both of two deadlocked transactions to the end: PostgreSQL aborts one, which is run again", async () => {
    const table = `busy_${uniqueToken().replace(/[^a-z0-9]/g, "")}`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY, hits int NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1, 0), (2, 0)`);
    let attempts = 0;
    const crosswise = (first: number, second: number) =>
      transaction(TRANSACTION.edit, async (tx) => {
        attempts += 1;
        await tx.$executeRawUnsafe(`UPDATE ${table} SET hits = hits + 1 WHERE id = ${first}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.$executeRawUnsafe(`UPDATE ${table} SET hits = hits + 1 WHERE id = ${second}`);
      });
    await Promise.all([crosswise(1, 2), crosswise(2, 1)]);
    expect(attempts).toBe(3);
    expect(await db.$queryRawUnsafe(`SELECT id, hits FROM ${table} ORDER BY id`)).toEqual([
      { id: 1, hits: 2 },
      { id: 2, hits: 2 },
    ]);
    await db.$executeRawUnsafe(`DROP TABLE ${table}`);
  });

  it("does not run again an operation that may not (it stores a file): the deadlock is answered UNAVAILABLE", async () => {
    const table = `busy_${uniqueToken().replace(/[^a-z0-9]/g, "")}`;
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (id int PRIMARY KEY, hits int NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO ${table} VALUES (1, 0), (2, 0)`);
    let attempts = 0;
    const crosswise = (first: number, second: number) =>
      transaction(TRANSACTION.upload, async (tx) => {
        attempts += 1;
        await tx.$executeRawUnsafe(`UPDATE ${table} SET hits = hits + 1 WHERE id = ${first}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.$executeRawUnsafe(`UPDATE ${table} SET hits = hits + 1 WHERE id = ${second}`);
      });
    const results = await Promise.allSettled([crosswise(1, 2), crosswise(2, 1)]);
    expect(attempts).toBe(2);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "UNAVAILABLE" },
    });
    await db.$executeRawUnsafe(`DROP TABLE ${table}`);
  });

  it("leaves other failures alone: a refusal is thrown as it is, once", async () => {
    let attempts = 0;
    const refusal = new Error("a bug");
    await expect(
      transaction(TRANSACTION.edit, async () => {
        attempts += 1;
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(attempts).toBe(1);
  });
});
