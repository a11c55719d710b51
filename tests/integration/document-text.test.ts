import { afterAll, describe, expect, it, vi } from "vitest";

// One render thread for this file: every document is rendered after the others in the same thread,
// which is where state left by one render used to garble the next (set before lib/env reads it).
vi.hoisted(() => {
  process.env.DOCUMENT_RENDER_THREADS = "1";
});

import { closeRenderPool, renderPdf } from "@/lib/documents/render-pool";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentStamp } from "@/lib/documents/render/jobs";
import { DOCUMENT_FACES, DOCUMENT_FONT } from "@/lib/documents/render/fonts";
import {
  documentFixtures,
  LETTERS_PARAGRAPH,
  LONG_NAMES,
  pledgeFixture,
  PRECOMPOSED_LETTERS,
} from "../support/document-fixtures";
import { collapse, pdfPages, popplerText } from "../support/pdf-text";

// The text layer of every generated PDF, as two PDF readers nobody here wrote (poppler's pdftotext and
// pdf.js) extract it, must give back exactly the strings the document prints: every Vietnamese letter
// in every face of the document font, and no line break inside a syllable, whatever was printed
// before in the same process and thread.

const fixtures = new Map(documentFixtures().map((fixture) => [fixture.kind, fixture]));
const fixture = (kind: DocumentKind) => fixtures.get(kind)!;

const ISSUED: DocumentStamp = {
  status: "ISSUED",
  id: "6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5",
  code: "XX-2022-6F1C2D3E",
  url: "http://localhost:3000/verify/documents/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5",
  issuedAt: new Date("2023-02-27T03:00:00Z"),
  signedBy: "Khối thi đua – kiểm thử",
};

async function render(kind: DocumentKind, stamp: DocumentStamp = ISSUED): Promise<Buffer> {
  return renderPdf({ ...fixture(kind).job, stamp } as Parameters<typeof renderPdf>[0]);
}

/**
 * The page furniture every page repeats (the footer with the document's label, code and page number;
 * a draft's marks): a reader gets it between the last line of a page and the first of the next, in
 * the middle of a paragraph that runs on.
 */
const PAGE_FURNITURE = [
  /(?:Giao ước thi đua năm \d{4}, phiên bản \d+|Biên bản họp bình xét, suy tôn năm \d{4}|Tờ trình đề nghị khen thưởng năm \d{4}|Bảng tổng hợp điểm thi đua năm \d{4}|Thông báo kết quả khen thưởng năm \d{4})(?: · Mã văn bản [A-Z0-9-]+)? Trang \d+\/\d+/g,
  /DỰ THẢO – văn bản chưa được phát hành, không có giá trị pháp lý/g,
  /DỰ THẢO/g,
];
const withoutFurniture = (text: string) =>
  collapse(PAGE_FURNITURE.reduce((rest, pattern) => rest.replace(pattern, " "), collapse(text)));

/** What poppler reads, collapsed: every expected string is in it exactly (a break inside a word would split it). */
function expectExactText(kind: DocumentKind, bytes: Buffer, reference?: string): string {
  const text = withoutFurniture(popplerText(bytes));
  for (const expected of fixture(kind).expected)
    expect(text, `${kind}: «${expected}»`).toContain(collapse(expected));
  if (reference !== undefined) expect(text, `${kind} differs from its first render`).toBe(reference);
  return text;
}

/** A first render of each kind, each in a fresh thread: what every later render must read the same. */
const reference = new Map<DocumentKind, string>();

afterAll(async () => {
  await closeRenderPool();
});

describe("the text layer of generated PDFs", () => {
  it("covers every precomposed Vietnamese letter and đ/Đ (134) in the test paragraph", () => {
    expect(PRECOMPOSED_LETTERS).toHaveLength(134);
    expect(new Set(PRECOMPOSED_LETTERS).size).toBe(134);
    for (const letter of PRECOMPOSED_LETTERS) {
      expect(letter.normalize("NFC")).toHaveLength(1);
      expect(LETTERS_PARAGRAPH).toContain(letter);
    }
    // Regular, italic, bold and bold italic faces of the one document font.
    expect(DOCUMENT_FACES.map((face) => `${face.fontWeight} ${face.fontStyle}`)).toEqual([
      "400 normal",
      "400 italic",
      "700 normal",
      "700 italic",
    ]);
    expect(DOCUMENT_FONT).toBe("Tinos");
  });

  it("gives back every string exactly when each kind is the first document a render thread prints", async () => {
    for (const kind of DOCUMENT_KINDS) {
      await closeRenderPool();
      reference.set(kind, expectExactText(kind, await render(kind)));
    }
  }, 180_000);

  it("prints the letters paragraph in every face of the document font, regular and bold, italic and bold italic", async () => {
    await closeRenderPool();
    const pledge = await render("PLEDGE");
    const text = withoutFurniture(popplerText(pledge));
    // Four times in the pledge fixture, one per face (preamble, bold, italic and bold italic items).
    expect(text.split(LETTERS_PARAGRAPH).length - 1).toBe(4);
    const fonts = await import("node:child_process").then(({ execFileSync }) =>
      execFileSync("pdffonts", ["-"], { input: pledge }).toString(),
    );
    for (const face of ["Tinos-Regular", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"])
      expect(fonts).toContain(face);
    // pdf.js reads the same letters.
    expect(withoutFurniture((await pdfPages(pledge)).join(" "))).toContain(LETTERS_PARAGRAPH);
  }, 60_000);

  it("gives back the same text whatever was printed before: each kind after every other kind", async () => {
    await closeRenderPool();
    // A sequence in which every ordered pair of kinds follows each other once (an Eulerian circuit).
    const kinds = [...DOCUMENT_KINDS];
    const sequence: DocumentKind[] = [kinds[0]!];
    const used = new Set<string>();
    const walk = (from: DocumentKind) => {
      for (const to of kinds) {
        if (to === from || used.has(`${from}>${to}`)) continue;
        used.add(`${from}>${to}`);
        walk(to);
      }
      sequence.push(from);
    };
    sequence.length = 0;
    walk(kinds[0]!);
    sequence.reverse();
    expect(used.size).toBe(kinds.length * (kinds.length - 1));
    for (let index = 0; index < sequence.length; index += 1) {
      const kind = sequence[index]!;
      expectExactText(
        kind,
        await render(kind, index % 2 ? ISSUED : { status: "DRAFT" }),
        index % 2 ? reference.get(kind) : undefined,
      );
    }
  }, 300_000);

  it("gives back the same text across 30 documents in a row, kinds mixed", async () => {
    await closeRenderPool();
    let seed = 20_221;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let index = 0; index < 30; index += 1) {
      const kind = DOCUMENT_KINDS[next() % DOCUMENT_KINDS.length]!;
      expectExactText(kind, await render(kind), reference.get(kind));
    }
  }, 300_000);

  it("breaks long names and headings between syllables only, in narrow columns, upper case and every face", async () => {
    await closeRenderPool();
    // The pledge fixture prints its bold italic face with accented letters only; the next pledge
    // prints long names in that face, wrapped across the page.
    await render("PLEDGE");
    const names = `${LONG_NAMES.join(", ")}; ${LONG_NAMES.map((name) => name.toUpperCase()).join(", ")}`;
    const bytes = await renderPdf({
      kind: "PLEDGE",
      data: pledgeFixture({ movement: `***${names}***` }),
      stamp: ISSUED,
    });
    const text = popplerText(bytes);
    expect(withoutFurniture(text)).toContain(names);
    const lines = text.split("\n").map((line) => line.trim());
    expect(
      lines.filter((line) => names.includes(line)).length,
      "the names wrapped over several lines",
    ).toBeGreaterThan(1);

    /** How many lines the name takes where it is printed as a signature block's heading (0: not found whole). */
    const linesOf = (name: string) => {
      for (let first = 0; first < lines.length; first += 1) {
        for (let count = 1; count <= 4 && first + count <= lines.length; count += 1) {
          if (lines.slice(first, first + count).join(" ") === name) return count;
        }
      }
      return 0;
    };
    const wrapped = LONG_NAMES.map((name) => [name, linesOf(name.toUpperCase())] as const);
    // Each name is found whole, its lines joined by spaces: no line breaks inside a syllable.
    for (const [name, count] of wrapped) expect(count, name).toBeGreaterThan(0);
    // The long ones did wrap, so the breaks were put to the test.
    expect(wrapped.filter(([, count]) => count >= 2).map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "Ban Bảo vệ chăm sóc sức khỏe cán bộ tỉnh",
        "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
      ]),
    );
  }, 60_000);
});
