// Seeds the demo bloc (prisma/seed/demo.ts) into a database, in a child process run with the
// react-server condition: 2021 is played through the data layer, which is server-only code.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface DemoSeedEnv {
  DATABASE_URL: string;
  SIGNATURE_SEAL_KEY: string;
  NEXTAUTH_SECRET: string;
  /** The document certificate issued documents are signed with. */
  DOCUMENT_SIGNING_P12: string;
  DOCUMENT_SIGNING_P12_PASSWORD: string;
  /** Where the nominees' báo cáo thành tích files go: the app's EVIDENCE_DIR (inherited when not given). */
  EVIDENCE_DIR?: string;
}

export function runDemoSeed(env: DemoSeedEnv): Promise<{ created: boolean }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, LOG_LEVEL: "error", NODE_ENV: "development" };
  // Demo addresses never get mail, whatever the shell says.
  delete childEnv.SMTP_URL;
  const child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      path.join(root, "scripts/db/demo-seed-child.ts"),
    ],
    {
      cwd: root,
      env: childEnv,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`The demo seed failed (exit code ${code}).`));
      try {
        resolve(JSON.parse(output.trim().split("\n").at(-1)!) as { created: boolean });
      } catch {
        reject(new Error(`The demo seed answered ${JSON.stringify(output)}.`));
      }
    });
  });
}
