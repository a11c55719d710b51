import "server-only";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { cellText, looksLikeXlsx } from "./cells";

// Reading and writing the app's workbooks (score table, criteria table) with exceljs: the shared
// checks of an upload and the house style of an exported sheet.

export const MAX_XLSX_MB = 5;

/** An uploaded workbook, or VALIDATION when there is none, or it is too large, or not an XLSX file. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength === 0) throw new AppError("VALIDATION", "errors.excel.form");
  if (bytes.byteLength > MAX_XLSX_MB * 1024 * 1024)
    throw new AppError("VALIDATION", "errors.excel.tooLarge", { params: { max: MAX_XLSX_MB } });
  if (!looksLikeXlsx(bytes)) throw new AppError("VALIDATION", "errors.excel.notXlsx");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (JSZip reads either): a copy of exactly these bytes.
    await workbook.xlsx.load(Uint8Array.from(bytes).buffer);
  } catch {
    throw new AppError("VALIDATION", "errors.excel.notXlsx");
  }
  if (workbook.worksheets.length === 0) throw new AppError("VALIDATION", "errors.excel.notXlsx");
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs types its result as an ArrayBuffer; in Node it is a Buffer (a Uint8Array): copied either way.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first worksheet whose hidden marker cell (column A of the first rows) holds `marker`. */
export function sheetWithMarker(
  workbook: ExcelJS.Workbook,
  marker: string,
): { sheet: ExcelJS.Worksheet; row: ExcelJS.Row } | null {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 10); r += 1) {
      const row = sheet.getRow(r);
      if (cellText(row.getCell(1).value) === marker) return { sheet, row };
    }
  }
  return null;
}

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF94A3B8" } },
  left: { style: "thin", color: { argb: "FF94A3B8" } },
  bottom: { style: "thin", color: { argb: "FF94A3B8" } },
  right: { style: "thin", color: { argb: "FF94A3B8" } },
};

export const FONT = "Times New Roman";

export function fill(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/** A new workbook with the app as its author. */
export function newWorkbook(creator: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.created = new Date();
  return workbook;
}

/** Title rows: the document's name (row 1) and its subject (row 2), centred over `width` columns. */
export function writeTitle(sheet: ExcelJS.Worksheet, width: number, title: string, subtitle: string): void {
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  const head = sheet.getCell(1, 1);
  head.value = title;
  head.font = { name: FONT, size: 14, bold: true };
  head.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 24;
  const sub = sheet.getCell(2, 1);
  sub.value = subtitle;
  sub.font = { name: FONT, size: 12, italic: true };
  sub.alignment = { horizontal: "center", vertical: "middle" };
}

/** The hidden row the import reads to recognise the file: a marker, then the values given. */
export function writeMeta(sheet: ExcelJS.Worksheet, rowNumber: number, values: (string | number)[]): void {
  const row = sheet.getRow(rowNumber);
  values.forEach((value, index) => {
    row.getCell(index + 1).value = value;
  });
  row.hidden = true;
}
