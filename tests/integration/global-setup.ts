// One real PostgreSQL for the integration tier: embedded, in a temporary folder, migrated with the
// committed migrations, deleted afterwards.
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { selfSignedCertificate } from "../../scripts/db/database";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The document signing certificate of the tier (self-signed, in the temporary folder) and its password. */
    signingP12: string;
    signingP12Password: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-integration-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    persistent: false,
    trackCommitTimestamps: true,
  });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
  const certificate = selfSignedCertificate(dir, "kiểm thử tích hợp");
  project.provide("signingP12", certificate.DOCUMENT_SIGNING_P12);
  project.provide("signingP12Password", certificate.DOCUMENT_SIGNING_P12_PASSWORD);
  return async () => {
    await database.stop();
  };
}
