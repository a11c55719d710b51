import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { closeRenderPool, renderPdf } from "@/lib/documents/render-pool";
import { savePledgeDraft } from "@/lib/pledges/pledges";
import { MARKDOWN_LIMITS } from "@/lib/pledges/markdown";
import { pledgeContentSchema, type PledgeContent } from "@/lib/pledges/schemas";
import { LETTERS_PARAGRAPH, pledgeFixture } from "../support/document-fixtures";
import { collapse, popplerText } from "../support/pdf-text";
import { pledgeContent, pledgingYear } from "../support/pledges";

// What a pledge may hold is what its PDF can print: the schema refuses, with a 422 naming the limit,
// the texts that broke the renderer (nesting that crashed the layout engine, thousands of line breaks
// that took minutes), and everything it accepts renders (tested on generated texts, at the limits, and
// on a realistic 20 KB pledge).

afterAll(async () => {
  await closeRenderPool();
});

const FIELDS = ["preamble", "goals", "targets", "movement", "commitments"] as const;
type Field = (typeof FIELDS)[number];

/** Renders a pledge with these Markdown fields (the rest from the fixture) and returns its text. */
async function render(body: Partial<Record<Field, string>>): Promise<string> {
  const bytes = await renderPdf({ kind: "PLEDGE", data: pledgeFixture(body), stamp: { status: "DRAFT" } });
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return collapse(popplerText(bytes));
}

const SENTENCES = [
  "Các cơ quan thành viên thi đua hoàn thành xuất sắc nhiệm vụ chính trị được giao.",
  "Nâng cao chất lượng tham mưu, giúp việc Ban Chấp hành, Ban Thường vụ Tỉnh ủy.",
  "Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan Đảng.",
  "Thực hiện nghiêm Quy định nêu gương của cán bộ, đảng viên.",
  "Ủy ban Kiểm tra Tỉnh ủy, Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh phối hợp chặt chẽ.",
];

describe("the limits of a pledge's text", () => {
  it("refuses 800 nested quotes with a 422 naming the nesting limit, and writes nothing", async () => {
    const setup = await pledgingYear();
    const error = await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ movement: `${">".repeat(800)} quá sâu` }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "movement", message: "validation.markdown.tooDeep", params: { max: MARKDOWN_LIMITS.depth } },
      ],
    });
    // Lists nested on one line, and quotes with spaces between the markers, are counted the same way.
    for (const movement of [`${"- ".repeat(2_000)}x`, `${"> ".repeat(1_000)}x`]) {
      expect(pledgeContentSchema.safeParse(pledgeContent({ movement })).error?.issues[0]).toMatchObject({
        path: ["movement"],
        message: "validation.markdown.tooDeep",
      });
    }
    expect(await pledgeDraftCount(setup.year.id)).toBe(0);
  });

  it("refuses a 3,900-line paragraph (20 KB) with a 422 naming the line-break limit", async () => {
    const setup = await pledgingYear();
    const movement = Array.from({ length: 3_900 }, (_, index) => `d${index % 10}`)
      .join("\n")
      .slice(0, 20_000);
    const error = await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ movement }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "VALIDATION",
      fieldIssues: expect.arrayContaining([
        {
          path: "movement",
          message: "validation.markdown.tooManyBreaks",
          params: { max: 30, block: 1, count: expect.any(Number) },
        },
      ]),
    });
    expect(await pledgeDraftCount(setup.year.id)).toBe(0);
  });

  it("accepts 300 short paragraphs, and prints every one of them", async () => {
    const setup = await pledgingYear();
    const movement = Array.from({ length: 300 }, (_, index) => `Đoạn số ${index + 1}.`).join("\n\n");
    await expect(
      savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ movement })),
    ).resolves.toMatchObject({ status: "DRAFT" });
    const text = await render({ movement });
    for (const index of [1, 150, 299, 300]) expect(text).toContain(`Đoạn số ${index}.`);
  }, 60_000);

  it("refuses a text with more paragraphs and lines than a document holds, per part and over the whole pledge", () => {
    const lines = (count: number) =>
      Array.from({ length: count }, (_, index) => `Đoạn ${index}.`).join("\n\n");
    expect(pledgeContentSchema.safeParse(pledgeContent({ movement: lines(301) })).error?.issues).toEqual([
      expect.objectContaining({
        path: ["movement"],
        message: "validation.markdown.tooManyLines",
        params: { max: 300, count: 301 },
      }),
    ]);
    const whole = pledgeContentSchema.safeParse(
      pledgeContent({ preamble: lines(250), goals: lines(250), targets: lines(101) }),
    );
    expect(whole.error?.issues).toEqual([
      expect.objectContaining({
        path: [],
        message: "validation.markdown.documentTooLong",
        params: { max: 600, count: 603 },
      }),
    ]);
  });

  it("prints a realistic 20 KB pledge", async () => {
    const section = (field: Field) =>
      [
        `## ${field === "goals" ? "Mục tiêu chung" : "Nội dung trọng tâm"}`,
        ...Array.from(
          { length: 9 },
          (_, index) =>
            `${SENTENCES[index % SENTENCES.length]} ${SENTENCES[(index + 2) % SENTENCES.length]} **${SENTENCES[(index + 1) % SENTENCES.length]}**`,
        ),
        Array.from(
          { length: 10 },
          (_, index) =>
            `${index + 1}. *${SENTENCES[index % SENTENCES.length]}* ${SENTENCES[(index + 3) % SENTENCES.length]}`,
        ).join("\n"),
        `> ${SENTENCES[0]}\n> ${SENTENCES[1]}`,
        Array.from({ length: 6 }, (_, index) => `- ${SENTENCES[index % SENTENCES.length]}`).join("\n"),
      ].join("\n\n");
    const body = Object.fromEntries(FIELDS.map((field) => [field, section(field)])) as Record<Field, string>;
    const size = FIELDS.reduce((sum, field) => sum + body[field].length, 0);
    expect(size).toBeGreaterThanOrEqual(20_000);
    expect(pledgeContentSchema.safeParse(pledgeContent(body)).success).toBe(true);
    const text = await render(body);
    expect(text).toContain(collapse(SENTENCES[4]!));
    expect(text).toContain("Mục tiêu chung");
  }, 120_000);

  it("prints the largest pledge the schema accepts: every part at its limit of lines, the whole pledge at its", async () => {
    // 300 + 297 + 3 = 600 lines: paragraphs of 30 lines (29 breaks each), and short paragraphs in the four faces.
    const broken = Array.from({ length: 10 }, (_, block) =>
      Array.from({ length: 30 }, (_, line) => `${block}.${line} Thi đua hoàn thành nhiệm vụ.`).join("\n"),
    ).join("\n\n");
    const styled = Array.from({ length: 297 }, (_, index) => {
      const mark = ["", "**", "*", "***"][index % 4];
      return `${mark}Đoạn ${index} của giao ước.${mark}`;
    }).join("\n\n");
    const body = {
      preamble: broken,
      goals: styled,
      targets: "a",
      movement: LETTERS_PARAGRAPH,
      commitments: "b",
    };
    const parsed = pledgeContentSchema.safeParse(pledgeContent(body));
    expect(parsed.error?.issues).toBeUndefined();
    const started = performance.now();
    const text = await render(body);
    expect(text).toContain(LETTERS_PARAGRAPH);
    expect(text).toContain("9.29 Thi đua hoàn thành nhiệm vụ.");
    expect(text).toContain("Đoạn 296 của giao ước.");
    // Well inside the render time limit (45 s), on a busy two-core machine.
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 120_000);
});

/** Markdown as people write it, from generated parts: paragraphs (with line breaks), headings, lists, quotes up to the nesting limit, bold and italic. */
const inline = fc
  .tuple(
    fc.constantFrom(...SENTENCES, LETTERS_PARAGRAPH, "Đảng ủy Khối", "100%"),
    fc.constantFrom("", "**", "*", "***"),
  )
  .map(([text, mark]) => `${mark}${text}${mark}`);
const paragraph = fc
  .array(inline, { minLength: 1, maxLength: 4 })
  .chain((parts) => fc.integer({ min: 0, max: 3 }).map((breaks) => parts.join(breaks > 0 ? "\n" : " ")));
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    paragraph,
    inline.map((text) => `## ${text}`),
    fc
      .array(inline, { minLength: 1, maxLength: 8 })
      .chain((items) =>
        fc
          .boolean()
          .map((ordered) =>
            items.map((item, index) => `${ordered ? `${index + 1}.` : "-"} ${item}`).join("\n"),
          ),
      ),
    tie("block").map((inner) =>
      inner
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n"),
    ),
  ),
})).block;
const markdownText = fc.array(block, { minLength: 1, maxLength: 12 }).map((blocks) => blocks.join("\n\n"));
/** Anything typed: Markdown punctuation, newlines, Vietnamese and other characters. */
const typed = fc.string({
  unit: fc.constantFrom(
    ">",
    "-",
    "*",
    "#",
    "`",
    "|",
    "_",
    " ",
    " ",
    "\n",
    "\n",
    "1",
    ".",
    "a",
    "ệ",
    "Đ",
    "\t",
    "[",
    "]",
    "(",
    ")",
  ),
  maxLength: 1_500,
});

describe("anything the schema accepts renders", () => {
  it("renders every generated pledge the schema accepts, and refuses the others only with the limits' messages", async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          Object.fromEntries(FIELDS.map((field) => [field, markdownText])) as Record<
            Field,
            fc.Arbitrary<string>
          >,
        ),
        async (body) => {
          const parsed = pledgeContentSchema.safeParse(pledgeContent(body));
          if (!parsed.success) {
            for (const issue of parsed.error.issues)
              expect(issue.message).toMatch(/^validation\.(markdown\.|tooLong)/);
            outcomes.push("refused");
            return;
          }
          const text = await render(
            Object.fromEntries(FIELDS.map((field) => [field, parsed.data[field]])) as Partial<
              Record<Field, string>
            >,
          );
          expect(text.length).toBeGreaterThan(100);
          outcomes.push("rendered");
        },
      ),
      { numRuns: 12, seed: 20_221_207, endOnFailure: true },
    );
    expect(outcomes.filter((outcome) => outcome === "rendered").length).toBeGreaterThan(6);
  }, 300_000);

  it("never fails on what anyone may type: the schema answers, and what it accepts renders", async () => {
    const accepted: Partial<PledgeContent>[] = [];
    fc.assert(
      fc.property(typed, (movement) => {
        const parsed = pledgeContentSchema.safeParse(pledgeContent({ movement }));
        if (parsed.success) accepted.push({ movement: parsed.data.movement });
        else for (const issue of parsed.error.issues) expect(issue.message).toMatch(/^validation\./);
      }),
      { numRuns: 300, seed: 2_022 },
    );
    expect(accepted.length).toBeGreaterThan(50);
    // The most awkward of those accepted (the most lines and markers), printed.
    const worst = [...accepted]
      .sort(
        (a, b) => (b.movement!.match(/[>\n*-]/g)?.length ?? 0) - (a.movement!.match(/[>\n*-]/g)?.length ?? 0),
      )
      .slice(0, 4);
    for (const body of worst) await render({ movement: body.movement! });
  }, 180_000);
});

async function pledgeDraftCount(yearId: string): Promise<number> {
  const { db } = await import("@/lib/db");
  return db.pledgeVersion.count({ where: { pledge: { yearId } } });
}
