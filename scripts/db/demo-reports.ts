// Renders the demo nominees' báo cáo thành tích (prisma/seed/demo-report-pdf.tsx) for the demo seed's
// process. @react-pdf/renderer needs React's client build, which the react-server condition of that
// process hides: the seed runs `renderDemoReportsApart`, which renders them in a child process of its own.
import { spawn } from "node:child_process";
import path from "node:path";
import { renderDemoReportPdf, type DemoReport } from "@/prisma/seed/demo-report-pdf";

const root = path.resolve(import.meta.dirname, "../..");

/** Renders `reports` in a separate Node.js process (without the react-server condition). */
export function renderDemoReportsApart(reports: DemoReport[]): Promise<Buffer[]> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), import.meta.filename],
    { cwd: root, stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(JSON.stringify(reports));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    // "close", not "exit": the output may still be arriving when the process exits.
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`Rendering the demo reports failed (exit code ${code}).`));
      resolve((JSON.parse(output) as string[]).map((base64) => Buffer.from(base64, "base64")));
    });
  });
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += String(chunk);
  const reports = (JSON.parse(input) as (Omit<DemoReport, "date"> & { date: string })[]).map((report) => ({
    ...report,
    date: new Date(report.date),
  }));
  const pdfs: string[] = [];
  for (const report of reports) pdfs.push((await renderDemoReportPdf(report)).toString("base64"));
  // Writes to a pipe are asynchronous: exiting before the callback would cut the output short.
  await new Promise<void>((resolve) => process.stdout.write(JSON.stringify(pdfs), () => resolve()));
}

if (process.argv[1] === import.meta.filename) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
