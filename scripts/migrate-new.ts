// npm run db:migrate:new -- <name> — writes the next migration from the change in prisma/schema.prisma.
// Offline: Prisma's wasm schema engine replays the committed migrations in a shadow database on a
// throw-away embedded PostgreSQL and diffs the result against the schema.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finish } from "./db/database";
import { startEmbeddedPostgres } from "./db/embedded";
import { MIGRATIONS_DIR, diffMigrationsToSchema } from "./db/migrations";

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

finish(
  (async () => {
    const name = (process.argv[2] ?? "")
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "");
    if (!name) throw new Error("Usage: npm run db:migrate:new -- <name>");
    const shadow = await startEmbeddedPostgres({
      dataDir: path.join(await mkdtemp(path.join(os.tmpdir(), "ktd-shadow-")), "data"),
      persistent: false,
    });
    try {
      const sql = await diffMigrationsToSchema(shadow.url);
      if (!sql) {
        console.log("No schema change: no migration written.");
        return;
      }
      const dir = path.join(MIGRATIONS_DIR, `${timestamp()}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
      console.log(
        `Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate.`,
      );
    } finally {
      await shadow.stop();
    }
  })(),
);
