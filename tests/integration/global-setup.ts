// One real PostgreSQL for the integration tier: embedded, in a temporary folder, migrated with the
// committed migrations, deleted afterwards.
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-integration-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}
