import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it, vi } from "vitest";

// One render thread and a short time limit for this file (set before lib/env reads them): a runaway
// render must end at the limit, and a failed one must not take any other document with it.
vi.hoisted(() => {
  process.env.DOCUMENT_RENDER_THREADS = "1";
  process.env.DOCUMENT_RENDER_TIMEOUT_MS = "6000";
});

import { GET as health } from "@/app/api/health/route";
import { closeRenderPool, RENDER_HEAP_MB, renderPdf, renderThreadLimits } from "@/lib/documents/render-pool";
import type { DocumentKind } from "@/lib/documents/render/jobs";
import { documentFixtures, pledgeFixture } from "../support/document-fixtures";
import { collapse, popplerText } from "../support/pdf-text";

// PDFs render off the request thread, in worker threads with a time and a memory limit: the server
// answers while a heavy document renders; a render past its limit is stopped; a render that crashes the
// layout engine is tried once more in a fresh thread and leaves every other document printable.

afterAll(async () => {
  await closeRenderPool();
});

/** What the texts the layout engine could not handle (stored before the schema's limits) print as. */
const HOSTILE = {
  nested: pledgeFixture({ movement: `${">".repeat(800)} quá sâu` }),
  // Thousands of line breaks in one paragraph: minutes of layout.
  endless: pledgeFixture({
    movement: Array.from({ length: 3_900 }, (_, index) => `d${index % 10}`)
      .join("\n")
      .slice(0, 20_000),
  }),
};

/** Every kind of document renders, with its text exact. */
async function everyKindRenders(): Promise<void> {
  for (const fixture of documentFixtures()) {
    const bytes = await renderPdf({ ...fixture.job, stamp: { status: "DRAFT" } } as Parameters<
      typeof renderPdf
    >[0]);
    const text = collapse(popplerText(bytes));
    // The first strings of each fixture sit on the first page, before any page break.
    for (const expected of fixture.expected.slice(0, 3))
      expect(text, `${fixture.kind as DocumentKind}: ${expected}`).toContain(collapse(expected));
  }
}

describe("the PDF render threads", () => {
  it("run with a heap limit", () => {
    expect(renderThreadLimits().maxOldGenerationSizeMb).toBe(RENDER_HEAP_MB);
  });

  it("keep the server answering while a heavy document renders: /api/health in well under 200 ms, the event loop free", async () => {
    await everyKindRenders(); // the thread is warm
    expect((await health()).status).toBe(200); // and so is the database client
    const heavy = renderPdf({ kind: "PLEDGE", data: HOSTILE.endless, stamp: { status: "DRAFT" } }).catch(
      (error: unknown) => error,
    );
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const timings: number[] = [];
    for (let probe = 0; probe < 8; probe += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const started = performance.now();
      const response = await health();
      timings.push(performance.now() - started);
      expect(response.status).toBe(200);
    }
    delay.disable();
    expect(Math.max(...timings)).toBeLessThan(200);
    expect(delay.max / 1e6).toBeLessThan(150);
    // It was still rendering all along: it ends at the time limit with a 503, not a hang.
    expect(await heavy).toMatchObject({ code: "UNAVAILABLE", messageKey: "errors.document.renderBusy" });
  }, 60_000);

  it("stop a render at its time limit and go on printing everything else", async () => {
    const started = performance.now();
    await expect(
      renderPdf({ kind: "PLEDGE", data: HOSTILE.endless, stamp: { status: "DRAFT" } }),
    ).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(performance.now() - started).toBeLessThan(10_000);
    await everyKindRenders();
  }, 60_000);

  it("retry a render that crashed the layout engine once in a fresh thread, then give up; every other document still renders", async () => {
    await expect(
      renderPdf({ kind: "PLEDGE", data: HOSTILE.nested, stamp: { status: "DRAFT" } }),
    ).rejects.toThrow(/failed twice/);
    await everyKindRenders();
    // Twice more, interleaved with good ones: a failure never poisons the next render.
    for (let round = 0; round < 2; round += 1) {
      await expect(
        renderPdf({ kind: "PLEDGE", data: HOSTILE.nested, stamp: { status: "DRAFT" } }),
      ).rejects.toThrow(/failed twice/);
      const fixture = documentFixtures()[round]!;
      const bytes = await renderPdf({ ...fixture.job, stamp: { status: "DRAFT" } } as Parameters<
        typeof renderPdf
      >[0]);
      expect(collapse(popplerText(bytes))).toContain(collapse(fixture.expected[0]!));
    }
  }, 120_000);
});
