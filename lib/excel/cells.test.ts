import { describe, expect, it } from "vitest";
import {
  cellText,
  columnLetter,
  fileSlug,
  looksLikeXlsx,
  looseText,
  numberFromText,
  plainValue,
  readPoints,
  uploadName,
} from "./cells";

describe("plainValue and cellText", () => {
  it("gives formulas their result, rich text its text, and empty cells null", () => {
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(2.5)).toBe(2.5);
    expect(plainValue({ formula: "A1+1", result: 3 })).toBe(3);
    expect(plainValue({ formula: "A1+1" })).toBeNull();
    expect(plainValue({ sharedFormula: "B2", result: 4 })).toBe(4);
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue({ richText: [{ text: "Tổng " }, { text: "điểm" }] })).toBe("Tổng điểm");
    expect(plainValue({ text: "liên kết", hyperlink: "https://example.vn" })).toBe("liên kết");
    expect(plainValue({ error: "#N/A" })).toBe("#N/A");
    expect(cellText("  I.1 ")).toBe("I.1");
    expect(cellText(12)).toBe("12");
    expect(cellText(new Date("2022-03-01T00:00:00Z"))).toBe("2022-03-01");
    expect(cellText("Tie\u0302u chi\u0301")).toBe("Tiêu chí");
  });
});

describe("numberFromText", () => {
  it("reads a decimal comma or point, with spaces and a sign", () => {
    expect(numberFromText("2,5")).toBe(2.5);
    expect(numberFromText(" 2.25 ")).toBe(2.25);
    expect(numberFromText("-3")).toBe(-3);
    expect(numberFromText("1 000")).toBe(1000);
    expect(numberFromText(".5")).toBe(0.5);
  });

  it("refuses text that is not a number", () => {
    for (const text of ["", "abc", "1,2,3", "2.5đ", "1e3", "--1", "NaN"])
      expect(numberFromText(text), text).toBeNull();
  });
});

describe("readPoints", () => {
  it("leaves empty cells alone", () => {
    expect(readPoints(null)).toEqual({ kind: "empty" });
    expect(readPoints("   ")).toEqual({ kind: "empty" });
    expect(readPoints({ formula: "A1" })).toEqual({ kind: "empty" });
  });

  it("reads points in hundredths, from numbers, texts and formula results", () => {
    expect(readPoints(25, 3000)).toEqual({ kind: "points", x100: 2500 });
    expect(readPoints(0)).toEqual({ kind: "points", x100: 0 });
    expect(readPoints("2,75", 3000)).toEqual({ kind: "points", x100: 275 });
    expect(readPoints({ formula: "10+2.5", result: 12.5 }, 3000)).toEqual({ kind: "points", x100: 1250 });
    // Floating point noise of spreadsheet arithmetic is not a third decimal.
    expect(readPoints(0.1 + 0.2, 3000)).toEqual({ kind: "points", x100: 30 });
    expect(readPoints(30, 3000)).toEqual({ kind: "points", x100: 3000 });
  });

  it("names the problem of a refused cell and shows its value", () => {
    expect(readPoints("abc", 3000)).toEqual({ kind: "invalid", problem: "notNumber", text: "abc" });
    expect(readPoints(true, 3000)).toEqual({ kind: "invalid", problem: "notNumber", text: "true" });
    expect(readPoints({ error: "#REF!" }, 3000)).toEqual({
      kind: "invalid",
      problem: "notNumber",
      text: "#REF!",
    });
    expect(readPoints(-1, 3000)).toEqual({ kind: "invalid", problem: "negative", text: "-1" });
    expect(readPoints("-0,5", 3000)).toEqual({ kind: "invalid", problem: "negative", text: "-0,5" });
    expect(readPoints(2.555, 3000)).toEqual({ kind: "invalid", problem: "decimals", text: "2,555" });
    expect(readPoints(30.01, 3000)).toEqual({ kind: "invalid", problem: "aboveMax", text: "30,01" });
    expect(readPoints(Number.POSITIVE_INFINITY, 3000)).toMatchObject({
      kind: "invalid",
      problem: "notNumber",
    });
  });
});

describe("file helpers", () => {
  it("recognises a ZIP (XLSX) by its first bytes", () => {
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe(true);
    expect(looksLikeXlsx(new TextEncoder().encode("%PDF-1.7"))).toBe(false);
    expect(looksLikeXlsx(new Uint8Array([0x50, 0x4b]))).toBe(false);
  });

  it("names columns like a spreadsheet", () => {
    expect([1, 4, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "D", "Z", "AA", "AZ", "AAA"]);
  });

  it("makes ASCII file names and loose comparisons from Vietnamese text", () => {
    expect(fileSlug("Khối thi đua các cơ quan Đảng")).toBe("khoi-thi-dua-cac-co-quan-dang");
    expect(looseText("  Tiêu   chí ")).toBe(looseText("tieu chi"));
    expect(uploadName("C:\\Users\\thu ky\\bang-diem.xlsx")).toBe("bang-diem.xlsx");
    expect(uploadName("/tmp/a/b.xlsx")).toBe("b.xlsx");
  });
});
