import { writeSync } from "node:fs";
import { Document, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import type { DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { DecisionDocument } from "./decision";
import { DOCUMENT_FONT, registerFreshFonts } from "./fonts";
import type { PrintStamp, QrPath, RenderJob } from "./jobs";
import { MinutesDocument } from "./minutes";
import { ScoreTableDocument, ToTrinhDocument } from "./nomination-documents";
import { PledgeDocument } from "./pledge";

// The task of a render worker thread (lib/documents/render-pool.ts): one document in, its PDF bytes out.

function documentOf(job: RenderJob, stamp: PrintStamp): ReactElement<DocumentProps> {
  switch (job.kind) {
    case "PLEDGE":
      return <PledgeDocument doc={job.data} stamp={stamp} />;
    case "VOTE_MINUTES":
      return <MinutesDocument minutes={job.data} stamp={stamp} />;
    case "TO_TRINH":
      return <ToTrinhDocument doc={job.data} stamp={stamp} />;
    case "SCORE_TABLE":
      return <ScoreTableDocument table={job.data} stamp={stamp} />;
    case "AWARD_DECISION":
      return <DecisionDocument record={job.data} stamp={stamp} />;
  }
}

/** The QR code of `text` as vector art (sharp in print, and nothing to encode as an image). */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const margin = 2;
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    // One rectangle per run of dark modules on a row.
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      let end = column;
      while (end + 1 < modules.size && modules.get(row, end + 1)) end += 1;
      commands.push(`M${column + margin} ${row + margin}h${end - column + 1}v1h${-(end - column + 1)}z`);
      column = end;
    }
  }
  return { size: modules.size + 2 * margin, path: commands.join("") };
}

/** Renders one document (fresh fonts, no state kept from any earlier render). */
export async function renderDocument(job: RenderJob): Promise<Uint8Array> {
  await registerFreshFonts();
  const stamp: PrintStamp =
    job.stamp.status === "ISSUED" ? { ...job.stamp, qr: qrPath(job.stamp.url) } : job.stamp;
  return new Uint8Array(await renderToBuffer(documentOf(job, stamp)));
}

/**
 * Prints a one-line page, so that a fresh thread has its layout engine, fonts and PDF writer loaded
 * before the first real document (the pool runs it when the server starts).
 */
export async function warm(): Promise<number> {
  await registerFreshFonts();
  const bytes = await renderToBuffer(
    <Document>
      <Page size="A4" style={{ fontFamily: DOCUMENT_FONT }}>
        <Text>Khối thi đua</Text>
        <Text style={{ fontWeight: 700, fontStyle: "italic" }}>Khởi động</Text>
      </Page>
    </Document>,
  );
  return bytes.byteLength;
}

/** Exit code of a worker that gave up on a render (the pool retries once in a fresh worker). */
export const RENDER_FAILED_EXIT_CODE = 70;

/**
 * The worker's task. A render that throws may have left the layout engine's WebAssembly memory broken,
 * so the worker does not live on to render anything else: it logs the error and ends its thread; the
 * pool starts a fresh one.
 */
export default async function renderTask(job: RenderJob): Promise<Uint8Array> {
  try {
    return await renderDocument(job);
  } catch (error) {
    const line = {
      time: new Date().toISOString(),
      level: "error",
      message: "document render failed",
      kind: job.kind,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack:
        error instanceof Error
          ? error.stack
              ?.split("\n")
              .slice(1, 6)
              .map((line) => line.trim())
          : undefined,
    };
    // Synchronous: the thread ends right after.
    writeSync(2, `${JSON.stringify(line)}\n`);
    process.exit(RENDER_FAILED_EXIT_CODE);
  }
}
