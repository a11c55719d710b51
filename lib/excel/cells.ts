import type { CellValue } from "exceljs";
import { parsePoints, readPointsNumber } from "@/lib/scores/points";

// Reading what people type into the cells of an exported workbook (pure: no exceljs at run time, so
// the unit tests pin it). Excel stores numbers as numbers, but a cell may also hold text ("2,5"), a
// formula with its cached result, rich text, a date or an error value.

/** A cell's content without formatting: formulas give their cached result, rich text its text. */
export function plainValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  )
    return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    return typeof result === "object" && !(result instanceof Date) ? `${result.error}` : result;
  }
  if ("error" in value) return `${value.error}`;
  return null;
}

/** A cell's content as trimmed text ("" when empty). */
export function cellText(value: CellValue): string {
  const plain = plainValue(value);
  if (plain === null) return "";
  if (plain instanceof Date) return plain.toISOString().slice(0, 10);
  return String(plain).normalize("NFC").trim();
}

/** The number a text holds: "2,5", "2.5", " -3 " (vi-VN or en decimal mark); null when it is not a number. */
export function numberFromText(text: string): number | null {
  const cleaned = text.replace(/\s/g, "").replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** What a score cell holds: nothing (leave the score as it is), points, or why it is refused. */
export type PointsReading =
  | { kind: "empty" }
  | { kind: "points"; x100: number }
  | { kind: "invalid"; problem: "notNumber" | "negative" | "decimals" | "aboveMax"; text: string };

function shown(value: number): string {
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6, useGrouping: false }).format(value);
}

const PROBLEMS = {
  pointsNumber: "notNumber",
  pointsNegative: "negative",
  pointsDecimals: "decimals",
  pointsAboveMax: "aboveMax",
  pointsPositive: "notNumber",
} as const;

/**
 * Reads a points cell: a number ≥ 0 with at most two decimals, not above `maxX100` when given. A text
 * cell is read as the forms read what people type (lib/scores/points); a number cell as Excel stores it
 * (a binary fraction: 9.95 may be 9.9499999999999993, still two decimals).
 */
export function readPoints(value: CellValue, maxX100?: number): PointsReading {
  const plain = plainValue(value);
  if (plain === null || (typeof plain === "string" && plain.trim() === "")) return { kind: "empty" };
  const text = typeof plain === "number" ? shown(plain) : cellText(value);
  const reading =
    typeof plain === "number"
      ? readPointsNumber(plain, { maxX100 })
      : typeof plain === "string"
        ? parsePoints(plain, { maxX100 })
        : ({ ok: false, problem: "pointsNumber" } as const);
  if (!reading.ok) return { kind: "invalid", problem: PROBLEMS[reading.problem], text };
  return reading.x100 === null ? { kind: "empty" } : { kind: "points", x100: reading.x100 };
}

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "Khối Đảng tỉnh" → "khoi-dang-tinh": a file name part in plain ASCII. */
export function fileSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** Text compared the forgiving way: case, diacritics and spacing ignored ("Tiêu chí" = "tieu  chi"). */
export function looseText(text: string): string {
  return fileSlug(text).replace(/-/g, " ");
}

/** The name of an uploaded file as we repeat it (no folders, at most 200 characters). */
export function uploadName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return base.slice(0, 200);
}
