// Offline migrations through Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm), driven by the pg adapter. Migrations are recorded in the standard
// `_prisma_migrations` table, so `prisma migrate deploy` stays compatible where engines can be downloaded.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { parse as parseConnectionString, toClientConfig } from "pg-connection-string";

const root = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(root, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(root, "prisma/migrations");
const NO_FILTERS = { externalTables: [], externalEnums: [] };

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMN_MARK = "\u0000pg_char";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgResult = { fields: { name: string; dataTypeID: number }[] };
type Internals = { performIO(query: unknown): Promise<PgResult>; onError(error: unknown): never };

/**
 * Two gaps of @prisma/adapter-pg when it drives the schema engine (the query engine never hits them):
 * - it runs a script by splitting it on every ";", which breaks PL/pgSQL bodies and comments holding
 *   one; PostgreSQL's simple query protocol takes the whole script at once (one implicit transaction);
 * - the engine reads catalog columns of PostgreSQL's internal one-byte "char" type (constraint kinds)
 *   as Character values, a type the adapter rejects; it is reported as text and retyped afterwards.
 */
function fitForSchemaEngine(adapter: PgAdapter): PgAdapter {
  const internals = adapter as unknown as Internals;
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        field.name += CHAR_COLUMN_MARK;
      }
    }
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames = result.columnNames.map((name, index) => {
      if (!name.endsWith(CHAR_COLUMN_MARK)) return name;
      result.columnTypes[index] = ColumnTypeEnum.Character;
      return name.slice(0, -CHAR_COLUMN_MARK.length);
    });
    return result;
  };
  return adapter;
}

class SchemaEnginePrismaPg extends PrismaPg {
  override async connect() {
    return fitForSchemaEngine(await super.connect());
  }
  override async connectToShadowDb() {
    return fitForSchemaEngine(await super.connectToShadowDb());
  }
}

let wasmReady: Promise<void> | undefined;

/** Instantiates the engine's wasm module once (Node 20 cannot `import` a .wasm file directly). */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The engine reports a Rust panic's message through this global before throwing.
    const registry = {
      message: "",
      set_message(message: string) {
        registry.message = message;
      },
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY = registry;
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm")),
      "schema_engine_bg.wasm",
    );
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineGlue });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Runs `work` with a schema engine connected to `databaseUrl`, then frees the engine.
 * The engine keeps a 10 s timer alive after its work: callers that are scripts should exit explicitly.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  // Discrete settings rather than a pool or a connection string: the adapter opens its shadow database
  // by spreading this config and overriding `database` (a pool hides its password from the spread, a
  // connection string would win over the override).
  const config = {
    ...toClientConfig(parseConnectionString(databaseUrl)),
    max: 2,
    allowExitOnIdle: true,
    idleTimeoutMillis: 1_000,
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(new SchemaEnginePrismaPg(config));
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const engine = await (engineGlue.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => undefined,
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const content = await readFile(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built by the committed migrations to the current schema.prisma; empty when
 * they agree. The engine replays the migrations in a shadow database it creates on the server of
 * `databaseUrl` (so that role needs CREATE DATABASE: use a throw-away server).
 */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const migrationsList = await readMigrationList();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? "").trim();
    return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
  });
}
