// The server of the end-to-end tier: a fresh embedded PostgreSQL (temporary folder), migrated and
// seeded with the demo bloc, then `next start` on the production build.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { selfSignedCertificate } from "../../scripts/db/database";
import { runDemoSeed } from "../../scripts/db/demo-seed";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { applyMigrations } from "../../scripts/db/migrations";
import { E2E_DB_PORT, E2E_PORT, E2E_SEAL_KEY, E2E_SECRET } from "./support/env";

const root = path.resolve(import.meta.dirname, "../..");

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No production build: run `npm run build` first (npm test does).");
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-e2e-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: E2E_DB_PORT,
    persistent: false,
  });
  await applyMigrations(database.url);
  // Files (evidence, báo cáo thành tích) of this server go to its temporary folder.
  const evidenceDir = path.join(dir, "evidence");
  const certificate = selfSignedCertificate(dir, "kiểm thử đầu cuối");
  await runDemoSeed({
    DATABASE_URL: database.url,
    SIGNATURE_SEAL_KEY: E2E_SEAL_KEY,
    NEXTAUTH_SECRET: E2E_SECRET,
    EVIDENCE_DIR: evidenceDir,
    ...certificate,
  });

  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(E2E_PORT)],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        EVIDENCE_DIR: evidenceDir,
        NEXTAUTH_SECRET: E2E_SECRET,
        SIGNATURE_SEAL_KEY: E2E_SEAL_KEY,
        ...certificate,
        NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
        DEMO_MODE: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const stop = async () => {
    child.kill("SIGTERM");
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", async (code) => {
    await database.stop();
    process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
