import "server-only";
import os from "node:os";
import path from "node:path";
import { Piscina } from "piscina";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { RenderJob } from "./render/jobs";

// PDFs are rendered off the request thread, in a pool of worker threads (piscina): a long document
// never blocks the server, and a render that fails or runs away takes only its own thread down. Each
// render has a time limit and each thread a memory limit. A render whose thread failed is tried once
// more on a healthy thread; a thread that failed is never used again (render/render.tsx).

/** Heap limit of a render thread. */
export const RENDER_HEAP_MB = 512;

const WORKER = path.join(process.cwd(), "lib", "documents", "render", "worker.mjs");

// One pool per process, on globalThis: Next.js loads instrumentation.ts (which warms the pool) and the
// route handlers as separate module instances, which must share the warm threads.
const holder = globalThis as { khoiThiDuaRenderPool?: Piscina };

function renderPool(): Piscina {
  if (!holder.khoiThiDuaRenderPool) {
    const pool = new Piscina({
      filename: WORKER,
      minThreads: 1,
      maxThreads: getEnv().DOCUMENT_RENDER_THREADS ?? Math.max(1, Math.min(2, os.availableParallelism() - 1)),
      // Threads stay warm: starting one (compiling the templates, loading react-pdf) takes seconds.
      idleTimeout: 30 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: RENDER_HEAP_MB },
      // Not the parent's flags (e.g. --conditions=react-server, under which react-pdf cannot run).
      execArgv: [],
    });
    // A thread that dies between tasks is replaced by piscina; nothing to report to a caller.
    pool.on("error", (error: unknown) =>
      log.error("document render pool", { error: error instanceof Error ? error.message : String(error) }),
    );
    holder.khoiThiDuaRenderPool = pool;
  }
  return holder.khoiThiDuaRenderPool;
}

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/** Renders a document to PDF bytes in a worker thread; tries once more in a fresh thread if the first fails. */
export async function renderPdf(job: RenderJob): Promise<Buffer> {
  const limitMs = getEnv().DOCUMENT_RENDER_TIMEOUT_MS;
  const signal = AbortSignal.timeout(limitMs);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const bytes = (await renderPool().run(job, { signal })) as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isTimeout(error) || signal.aborted) {
        log.error("document render timed out", { kind: job.kind, limitMs });
        throw new AppError("UNAVAILABLE", "errors.document.renderBusy");
      }
      log.warn("document render failed", { kind: job.kind, attempt, error: message });
      // Twice, in two threads: not something the user can fix (logged with the request id).
      if (attempt >= 2) throw new Error(`Rendering the ${job.kind} document failed twice: ${message}`);
    }
  }
}

/** Starts a render thread and prints a page in it ahead of the first request (server start), so that the first print is quick. */
export async function warmRenderPool(): Promise<void> {
  const started = performance.now();
  try {
    await renderPool().run(null, {
      name: "warm",
      signal: AbortSignal.timeout(getEnv().DOCUMENT_RENDER_TIMEOUT_MS),
    });
    log.info("document render pool ready", { ms: Math.round(performance.now() - started) });
  } catch (error) {
    log.warn("document render pool warm-up failed", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The worker threads' resource limits as the pool sets them (for tests and operations). */
export function renderThreadLimits(): { maxOldGenerationSizeMb?: number } {
  return renderPool().options.resourceLimits ?? {};
}

/** Ends the threads (tests, scripts). */
export async function closeRenderPool(): Promise<void> {
  const current = holder.khoiThiDuaRenderPool;
  holder.khoiThiDuaRenderPool = undefined;
  await current?.destroy();
}
