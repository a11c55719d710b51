// npm start — serves the app on http://localhost:3000 (PORT to change it).
// Without DATABASE_URL: starts the embedded PostgreSQL in ./.data (demo mode), applies migrations,
// seeds the demo bloc on the first run only, builds when the sources changed, then runs `next start`.
// `npm run dev` does the same with `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { demoAlreadySeeded } from "@/prisma/seed/demo-data";
import { buildIsCurrent, recordBuild } from "./build-if-needed";
import { DATA_DIR, openDatabase, secrets, signingCertificate } from "./db/database";
import { runDemoSeed } from "./db/demo-seed";
import { applyMigrations } from "./db/migrations";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.resolve(import.meta.dirname, "../node_modules/next/dist/bin/next");

function say(message: string) {
  console.log(`[khoi-thi-dua] ${message}`);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  const external = Boolean(process.env.DATABASE_URL);
  const { nextAuthSecret, sealKey } = secrets();
  const certificate = signingCertificate();
  say(
    external
      ? "Using the database of DATABASE_URL."
      : `Starting the embedded PostgreSQL in ${path.relative(process.cwd(), DATA_DIR)}/postgres ...`,
  );
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.url);
    say(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database schema is up to date.");

    if (database.embedded) {
      const db = createPrismaClient(database.url, { max: 2 });
      const seeded = await demoAlreadySeeded(db).finally(() => db.$disconnect());
      if (seeded) say("Demo data present (seeded on the first run).");
      else {
        say("Seeding the demo bloc (2021 played through the app: review, votes, nominations, decision) ...");
        await runDemoSeed({
          DATABASE_URL: database.url,
          SIGNATURE_SEAL_KEY: sealKey,
          NEXTAUTH_SECRET: nextAuthSecret,
          ...certificate,
        });
        say("Demo bloc seeded: sign in with the accounts in README.md (password ThiDua@2026).");
      }
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: nextAuthSecret,
      SIGNATURE_SEAL_KEY: sealKey,
      ...certificate,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      DEMO_MODE: database.embedded ? "1" : (process.env.DEMO_MODE ?? "0"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (dev) return await run(["dev", "-p", port], { ...env, NODE_ENV: "development" });

    if (!buildIsCurrent()) {
      say("Building the app (first run or sources changed) ...");
      const code = await run(["build"], { ...env, NODE_ENV: "production" });
      if (code !== 0) return code;
      recordBuild();
    }
    say(`Serving on ${env.NEXTAUTH_URL}`);
    return await run(["start", "-p", port], { ...env, NODE_ENV: "production" });
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
