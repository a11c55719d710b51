// npm test — every tier, in order, stopping at the first failure:
// types, lint and formatting, unit tests, integration tests (embedded PostgreSQL), production build, crash safety (the
// server killed mid-save, against `next start`), end-to-end tests (Playwright in Chromium against
// `next start`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { recordBuild } from "./build-if-needed";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const steps: { name: string; command: string; args: string[]; after?: () => void }[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings=0", "."] },
  // The lint tier's second half: the code is formatted as Prettier writes it (`npm run format`).
  { name: "format", command: bin("prettier"), args: ["--check", "."] },
  { name: "unit", command: bin("vitest"), args: ["run", "--project", "unit"] },
  { name: "integration", command: bin("vitest"), args: ["run", "--project", "integration"] },
  { name: "build", command: bin("next"), args: ["build"], after: recordBuild },
  // The server killed mid-save (SIGKILL) and started again: all cells or none, audit rows matching.
  { name: "crash", command: bin("tsx"), args: ["--conditions=react-server", "scripts/crash-safety.ts"] },
  { name: "e2e", command: bin("playwright"), args: ["test"] },
];

const only = process.argv.slice(2);
const results: { name: string; seconds: number; ok: boolean }[] = [];
let failed = false;
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  console.log(`\n▶ ${step.name}: ${path.basename(step.command)} ${step.args.join(" ")}`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const ok = run.status === 0;
  results.push({ name: step.name, seconds: (Date.now() - started) / 1000, ok });
  if (ok) step.after?.();
  if (!ok) {
    failed = true;
    break;
  }
}

console.log("\nSummary");
for (const result of results)
  console.log(`  ${result.ok ? "✓" : "✗"} ${result.name.padEnd(12)} ${result.seconds.toFixed(1)} s`);
process.exit(failed ? 1 : 0);
