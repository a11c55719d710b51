// npm run crash-check — the server killed (SIGKILL) in the middle of a whole-grid score save and of an
// Excel import, then started again: every time, either all 2,400 cells were saved or none, and the audit
// rows and the cells' history match the cells exactly. Runs against the production build (`next start`)
// and an embedded PostgreSQL of its own; `npm test` runs it after the build.
//
// Each kind of save is killed several times: when the database shows the save's transaction holding
// its row locks (mid-transaction, so the kill lands before the commit), and at fixed fractions of the
// time an uninterrupted save takes (before the transaction, during it, around the commit). After each
// kill the server is started again and the year is checked; then one more save goes through, which
// shows no lock was left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { fillScoreWorkbook } from "@/tests/support/score-workbook";
import { selfSignedCertificate } from "./db/database";
import { freePort, startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/migrations";
import { waitForHealth } from "./next-server";

const root = path.resolve(import.meta.dirname, "..");
const SECRET = "crash-secret-0123456789abcdef0123456789";
const SEAL_KEY = "crash-seal-key-0123456789abcdef012345";
const REASON = "Thẩm định hồ sơ";

type Kind = "PUT" | "import";
type Kill = { mode: "mid-transaction" } | { mode: "timed"; fraction: number };
interface Trial {
  kind: Kind;
  kill: Kill | null;
  /** What the client saw: the server's answer, or the connection cut. */
  answered: number | "cut";
  /** Whether the kill landed while the save's transaction was open in the database. */
  inTransaction: boolean;
  outcome: "all" | "none";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-crash-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
  const sql = new pg.Client({ connectionString: database.url });
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(database.url);
    const certificate = selfSignedCertificate(dir, "kiểm tra an toàn khi sập");
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      SIGNATURE_SEAL_KEY: SEAL_KEY,
      LOG_LEVEL: "error",
      ...certificate,
    });

    // A REVIEW year of 30 members with the province's 80 criteria, every self score written.
    const { createPrismaClient } = await import("@/lib/db/client");
    const { makeBlocWithYear, makeCriteriaTable, provinceCriteriaTable } =
      await import("@/prisma/seed/factories");
    const setup = createPrismaClient(database.url, { max: 4 });
    const world = await makeBlocWithYear(setup, { phase: "REVIEW", memberCount: 30 });
    const criteria = [...(await makeCriteriaTable(setup, world.year.id, provinceCriteriaTable())).values()];
    await setup.score.createMany({
      data: world.agencies.flatMap((agency) =>
        criteria.map((criterion) => ({
          yearId: world.year.id,
          agencyId: agency.id,
          criterionId: criterion.id,
          selfX100: criterion.maxX100,
        })),
      ),
    });
    await setup.$disconnect();
    const yearId = world.year.id;
    const cellCount = world.agencies.length * criteria.length;
    await sql.connect();

    const port = await freePort();
    const base = `http://localhost:${port}`;
    const cookie = `next-auth.session-token=${await encode({ token: { sub: world.secretariat.id, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;
    const startServer = async () => {
      const child = spawn(
        process.execPath,
        [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
        {
          cwd: root,
          stdio: ["ignore", "ignore", "inherit"],
          env: {
            ...process.env,
            NODE_ENV: "production",
            NEXTAUTH_URL: base,
            DEMO_MODE: "1",
            NEXT_TELEMETRY_DISABLED: "1",
          },
        },
      );
      await waitForHealth(`${base}/api/health`, 60, child);
      return child;
    };
    const killServer = async (child: ChildProcess) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      // PostgreSQL ends the killed server's sessions (rolling back what they had open) when it sees
      // their sockets close: wait until none is left.
      for (let waited = 0; ; waited += 20) {
        const { rows } = await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        if (rows[0]!.n === 0) return;
        if (waited > 30_000) throw new Error("the killed server's database sessions did not end");
        await sleep(20);
      }
    };

    // The values of save number `round` (distinct per round, so the cells show which save they hold).
    const pointsOf = (maxX100: number, round: number) => Math.max(0, maxX100 - (round + 1)) / 100;
    const versions = async () => {
      const response = await fetch(`${base}/api/v1/years/${yearId}/scores`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`GET scores answered ${response.status}`);
      return new Map(
        (
          (await response.json()) as {
            data: { agencyCode: string; criterionCode: string; version: number }[];
          }
        ).data.map((cell) => [`${cell.agencyCode}:${cell.criterionCode}`, cell.version]),
      );
    };
    /** The request of save number `round`, prepared in full before it is sent (export and fill included). */
    const prepare = async (kind: Kind, round: number): Promise<() => Promise<Response>> => {
      if (kind === "PUT") {
        const current = await versions();
        const body = JSON.stringify(
          world.agencies.flatMap((agency) =>
            criteria.map((criterion) => ({
              agencyCode: agency.code,
              criterionCode: criterion.code,
              points: pointsOf(criterion.maxX100, round),
              version: current.get(`${agency.code}:${criterion.code}`)!,
              reason: REASON,
            })),
          ),
        );
        return () =>
          fetch(`${base}/api/v1/years/${yearId}/scores`, {
            method: "PUT",
            headers: { cookie, origin: base, "content-type": "application/json" },
            body,
          });
      }
      const exported = await fetch(`${base}/api/v1/years/${yearId}/scores.xlsx`, { headers: { cookie } });
      if (exported.status !== 200) throw new Error(`the workbook export answered ${exported.status}`);
      const maxOf = new Map(criteria.map((criterion) => [criterion.code, criterion.maxX100]));
      const filled = await fillScoreWorkbook(new Uint8Array(await exported.arrayBuffer()), (_, criterion) =>
        pointsOf(maxOf.get(criterion)!, round),
      );
      if (filled.cells !== cellCount) throw new Error(`the workbook holds ${filled.cells} cells`);
      return () => {
        const form = new FormData();
        form.set("file", new Blob([filled.bytes as BlobPart]), `bang-diem-${round}.xlsx`);
        form.set("reason", REASON);
        return fetch(`${base}/api/v1/years/${yearId}/scores.xlsx`, {
          method: "POST",
          headers: { cookie, origin: base },
          body: form,
        });
      };
    };
    /** Whether a save's transaction holds row locks in the database now (it has written or locked rows). */
    const writing = async () => {
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
      );
      return rows[0]!.n > 0;
    };

    const committed: number[] = [];
    /** Checks the year after save number `round` (killed or not): all of its cells or none, and the records. */
    const check = async (round: number, trial: Omit<Trial, "outcome">): Promise<Trial> => {
      const { rows: cells } = await sql.query<{
        finalX100: number | null;
        version: number;
        history: number;
        reason: string | null;
        maxX100: number;
      }>(
        `SELECT s."finalX100", s.version, s."finalReason" AS reason, c."maxX100",
                (SELECT count(*)::int FROM "ScoreHistory" h WHERE h."scoreId" = s.id AND h.field = 'FINAL') AS history
         FROM "Score" s JOIN "Criterion" c ON c.id = s."criterionId" WHERE s."yearId" = $1`,
        [yearId],
      );
      if (cells.length !== cellCount) throw new Error(`${cells.length} cells stored, not ${cellCount}`);
      const saved = cells.filter(
        (cell) =>
          cell.finalX100 === Math.round(pointsOf(cell.maxX100, round) * 100) &&
          cell.history === committed.length + 1,
      );
      if (saved.length !== 0 && saved.length !== cellCount)
        throw new Error(
          `save ${round} (${trial.kind}, ${JSON.stringify(trial.kill)}): ${saved.length} of ${cellCount} cells saved`,
        );
      const outcome = saved.length === cellCount ? "all" : "none";
      if (outcome === "all") committed.push(round);
      if (trial.answered === 200 && outcome === "none")
        throw new Error(`save ${round} was answered 200 but is not stored`);
      const last = committed.at(-1);
      for (const cell of cells) {
        const expected = last === undefined ? null : Math.round(pointsOf(cell.maxX100, last) * 100);
        if (
          cell.finalX100 !== expected ||
          cell.version !== committed.length + 1 ||
          cell.history !== committed.length
        ) {
          throw new Error(
            `after save ${round}: a cell holds ${cell.finalX100} at version ${cell.version} with ${cell.history} history rows; expected ${expected}, version ${committed.length + 1}, ${committed.length} rows`,
          );
        }
      }
      // One audit row per save that went through, each naming every cell; none for a save that did not.
      const { rows: audits } = await sql.query<{ cells: number }>(
        `SELECT jsonb_array_length(after->'cells')::int AS cells FROM "AuditLog" WHERE action = 'score.final.save' AND "entityId" = $1 ORDER BY id`,
        [yearId],
      );
      if (audits.length !== committed.length || audits.some((audit) => audit.cells !== cellCount)) {
        throw new Error(
          `after save ${round}: ${audits.length} audit rows (${audits.map((a) => a.cells).join(", ")} cells) for ${committed.length} saves of ${cellCount} cells`,
        );
      }
      return { ...trial, outcome };
    };

    const trials: Trial[] = [];
    let round = 0;
    server = await startServer();
    for (const kind of ["PUT", "import"] as const) {
      // An uninterrupted save: it must go through, and it times the kills below.
      const send = await prepare(kind, round);
      const t0 = performance.now();
      const response = await send();
      const took = performance.now() - t0;
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`an uninterrupted ${kind} answered ${response.status}`);
      trials.push(await check(round, { kind, kill: null, answered: 200, inTransaction: false }));
      console.log(`${kind}: an uninterrupted save of ${cellCount} cells took ${took.toFixed(0)} ms`);
      round += 1;

      const kills: Kill[] = [
        { mode: "mid-transaction" },
        { mode: "mid-transaction" },
        ...[0.3, 0.7, 1.0, 1.3].map((fraction) => ({ mode: "timed" as const, fraction })),
      ];
      for (const kill of kills) {
        const request = (await prepare(kind, round))();
        let answered: Trial["answered"] = "cut";
        const answer = request.then(
          async (reply) => {
            await reply.arrayBuffer();
            answered = reply.status;
          },
          () => undefined,
        );
        let inTransaction = false;
        if (kill.mode === "mid-transaction") {
          const deadline = performance.now() + 30_000;
          while (!(inTransaction = await writing())) {
            if (performance.now() > deadline)
              throw new Error(`the ${kind} save never opened its transaction`);
          }
        } else {
          await sleep(took * kill.fraction);
          inTransaction = await writing();
        }
        await killServer(server);
        await answer;
        const trial = await check(round, { kind, kill, answered, inTransaction });
        trials.push(trial);
        console.log(
          `${kind}: killed ${kill.mode === "timed" ? `at ${Math.round(kill.fraction * 100)} % of a save` : "while the transaction held its locks"} → ${trial.outcome === "all" ? `all ${cellCount} cells saved` : "no cell saved"} (client saw ${answered}), audit and history match`,
        );
        round += 1;
        server = await startServer();
      }
      // Nothing was left locked: the next save goes through at once.
      const next = await (await prepare(kind, round))();
      await next.arrayBuffer();
      if (next.status !== 200) throw new Error(`the save after the kills answered ${next.status}`);
      trials.push(await check(round, { kind, kill: null, answered: 200, inTransaction: false }));
      round += 1;
    }

    for (const kind of ["PUT", "import"] as const) {
      const mid = trials.filter((trial) => trial.kind === kind && trial.kill?.mode === "mid-transaction");
      if (!mid.some((trial) => trial.inTransaction && trial.outcome === "none"))
        throw new Error(`no ${kind} kill landed inside the transaction before its commit`);
    }
    console.log(`\n| save | kills | all saved | none saved | mid-transaction kills |\n|---|---|---|---|---|`);
    for (const kind of ["PUT", "import"] as const) {
      const killed = trials.filter((trial) => trial.kind === kind && trial.kill);
      console.log(
        `| ${kind === "PUT" ? "PUT of 2,400 cells" : "Excel import 30 × 80"} | ${killed.length} | ${killed.filter((t) => t.outcome === "all").length} | ${killed.filter((t) => t.outcome === "none").length} | ${killed.filter((t) => t.inTransaction).length} |`,
      );
    }
    console.log(
      `\n✓ every kill left all ${cellCount} cells saved or none; ${committed.length} saves stored, each with its audit row and every cell's history`,
    );
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await sql.end().catch(() => undefined);
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
