import { describe, expect, it } from "vitest";
import { parseSafeMarkdown, plainText } from "./markdown";

describe("safe Markdown", () => {
  it("keeps paragraphs, headings, lists, quotes, bold, italic and line breaks", () => {
    const tree = parseSafeMarkdown(
      "## Mục tiêu\n\nHoàn thành **xuất sắc** nhiệm vụ *năm 2022*\ndòng hai\n\n1. Một\n2. Hai\n\n- A\n- B\n\n> Trích dẫn",
    );
    expect(tree).toEqual([
      { type: "heading", level: 3, content: [{ text: "Mục tiêu" }] },
      {
        type: "paragraph",
        content: [
          { text: "Hoàn thành " },
          { text: "xuất sắc", bold: true },
          { text: " nhiệm vụ " },
          { text: "năm 2022", italic: true, br: true },
          { text: "dòng hai" },
        ],
      },
      { type: "list", ordered: true, start: 1, items: [[{ text: "Một" }], [{ text: "Hai" }]] },
      { type: "list", ordered: false, start: 1, items: [[{ text: "A" }], [{ text: "B" }]] },
      { type: "quote", blocks: [{ type: "paragraph", content: [{ text: "Trích dẫn" }] }] },
    ]);
  });

  it("turns HTML, scripts, links and images into inert plain text", () => {
    const tree = parseSafeMarkdown(
      '<script>alert("x")</script>\n\nXem [trang](javascript:alert(1)) ![ảnh](http://evil/x.png) <b onmouseover="x">đậm</b>',
    );
    const json = JSON.stringify(tree);
    expect(json).not.toMatch(/javascript:|http:\/\/evil/);
    for (const block of tree) expect(["heading", "paragraph", "list", "quote"]).toContain(block.type);
    expect(plainText(tree)).toContain('<script>alert("x")</script>');
    expect(plainText(tree)).toContain("Xem trang ảnh");
  });

  it("decodes the entities marked adds, so texts round-trip", () => {
    expect(plainText(parseSafeMarkdown('Quy chế "dân chủ" & kỷ cương <5 năm>'))).toBe(
      'Quy chế "dân chủ" & kỷ cương <5 năm>',
    );
  });

  it("gives an empty tree for empty text", () => {
    expect(parseSafeMarkdown("  \n\n ")).toEqual([]);
  });
});
