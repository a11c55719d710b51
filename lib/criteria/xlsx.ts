import "server-only";
import type { Actor } from "@/lib/auth/actor";

import { db } from "@/lib/db";
import { cellText, fileSlug, looseText, plainValue } from "@/lib/excel/cells";
import {
  fill,
  FONT,
  newWorkbook,
  readWorkbook,
  sheetWithMarker,
  THIN_BORDER,
  workbookBytes,
  writeMeta,
  writeTitle,
} from "@/lib/excel/workbook";
import { AppError, forbidden, invalid, isAppError, type FieldIssue } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";
import { toFieldIssues } from "@/lib/validation";

import { criteriaEditable, getCriteriaTable, saveCriteriaTable } from "./criteria";
import { criteriaTableIssues } from "./rules";
import { criteriaTableInputSchema, CRITERION_KINDS, type CriteriaTable } from "./schemas";
import {
  CRITERIA_COLUMN,
  CRITERIA_COLUMNS,
  parseCriteriaRows,
  type CriteriaLabels,
  type SheetRow,
} from "./xlsx-rows";
import { loadYear, yearScope } from "@/lib/years/context";

// Bảng tiêu chí as an Excel workbook: one line per group (code, kind, title, maximum), then its
// criteria (code, title, guidance, maximum, evidence required). The same layout comes back as an
// import that replaces the whole table through saveCriteriaTable (all or nothing); every problem is
// named by the cell it comes from.

/** Written in the hidden row of the criteria sheet (with the year and the table's revision). */
export const CRITERIA_MARKER = "khoithidua:bang-tieu-chi:v1";
const META_ROW = 3;
const HEADER_ROW = 4;

function labels(t: ReturnType<typeof translatorFor>): CriteriaLabels {
  return {
    group: t("excel.criteria.group"),
    criterion: t("excel.criteria.criterion"),
    kinds: {
      BASE: t("excel.criteria.kinds.BASE"),
      BONUS: t("excel.criteria.kinds.BONUS"),
      DEDUCTION: t("excel.criteria.kinds.DEDUCTION"),
    },
    yes: t("excel.criteria.yes"),
    no: t("excel.criteria.no"),
  };
}

function headings(t: ReturnType<typeof translatorFor>): Record<(typeof CRITERIA_COLUMNS)[number], string> {
  return {
    code: t("excel.criteria.code"),
    level: t("excel.criteria.level"),
    kind: t("excel.criteria.kind"),
    title: t("excel.criteria.titleColumn"),
    guidance: t("excel.criteria.guidance"),
    max: t("excel.criteria.max"),
    evidence: t("excel.criteria.evidence"),
  };
}

/** The criteria table of a year as an XLSX workbook (whoever may read the table). */
export async function exportCriteriaXlsx(
  actor: Actor,
  yearId: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const table = await getCriteriaTable(actor, yearId);
  const year = await db.emulationYear.findUniqueOrThrow({
    where: { id: table.yearId },
    select: { year: true, bloc: { select: { name: true } } },
  });
  const t = translatorFor("vi");
  const words = labels(t);
  const width = CRITERIA_COLUMNS.length;

  const workbook = newWorkbook(t("app.name"));
  const sheet = workbook.addWorksheet(t("excel.criteria.sheetName"));
  writeTitle(
    sheet,
    width,
    t("excel.criteria.title", { year: year.year }),
    t("excel.criteria.subtitle", { bloc: year.bloc.name, scale: table.scale }),
  );
  writeMeta(sheet, META_ROW, [CRITERIA_MARKER, table.yearId, table.revision, year.year, year.bloc.name]);
  const widths = { code: 9, level: 10, kind: 14, title: 50, guidance: 50, max: 10, evidence: 13 };
  for (const column of CRITERIA_COLUMNS) sheet.getColumn(CRITERIA_COLUMN[column]).width = widths[column];

  const header = sheet.getRow(HEADER_ROW);
  const names = headings(t);
  header.height = 32;
  for (const column of CRITERIA_COLUMNS) {
    const cell = header.getCell(CRITERIA_COLUMN[column]);
    cell.value = names[column];
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = fill("FFE2E8F0");
    cell.border = THIN_BORDER;
  }

  let rowNumber = HEADER_ROW + 1;
  const style = (row: number, group: boolean) => {
    for (const column of CRITERIA_COLUMNS) {
      const cell = sheet.getRow(row).getCell(CRITERIA_COLUMN[column]);
      cell.font = { name: FONT, size: 11, bold: group };
      cell.border = THIN_BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: column === "title" || column === "guidance",
        horizontal: column === "max" || column === "evidence" ? "center" : undefined,
      };
      if (group) cell.fill = fill("FFF1F5F9");
      if (column === "max") cell.numFmt = "0.00";
    }
  };
  for (const group of table.groups) {
    const row = sheet.getRow(rowNumber);
    row.getCell(CRITERIA_COLUMN.code).value = group.code;
    row.getCell(CRITERIA_COLUMN.level).value = words.group;
    row.getCell(CRITERIA_COLUMN.kind).value = words.kinds[group.kind];
    row.getCell(CRITERIA_COLUMN.title).value = group.title;
    row.getCell(CRITERIA_COLUMN.max).value = group.max;
    style(rowNumber, true);
    rowNumber += 1;
    for (const criterion of group.criteria) {
      const line = sheet.getRow(rowNumber);
      line.getCell(CRITERIA_COLUMN.code).value = criterion.code;
      line.getCell(CRITERIA_COLUMN.level).value = words.criterion;
      line.getCell(CRITERIA_COLUMN.kind).value = words.kinds[criterion.kind];
      line.getCell(CRITERIA_COLUMN.title).value = criterion.title;
      line.getCell(CRITERIA_COLUMN.guidance).value = criterion.guidance || null;
      line.getCell(CRITERIA_COLUMN.max).value = criterion.max;
      line.getCell(CRITERIA_COLUMN.evidence).value = criterion.evidenceRequired ? words.yes : words.no;
      style(rowNumber, false);
      rowNumber += 1;
    }
  }
  // Drop-down lists for the columns with fixed words, on the lines people may add too.
  const last = Math.max(rowNumber + 100, 200);
  const list = (values: string[]) => ({
    type: "list" as const,
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
  });
  for (let r = HEADER_ROW + 1; r <= last; r += 1) {
    const row = sheet.getRow(r);
    row.getCell(CRITERIA_COLUMN.level).dataValidation = list([words.group, words.criterion]);
    row.getCell(CRITERIA_COLUMN.kind).dataValidation = list(CRITERION_KINDS.map((kind) => words.kinds[kind]));
    row.getCell(CRITERIA_COLUMN.evidence).dataValidation = list([words.yes, words.no]);
  }
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW }];
  sheet.pageSetup = {
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };

  return {
    fileName: `bang-tieu-chi-${year.year}-${fileSlug(year.bloc.name) || "khoi"}.xlsx`,
    bytes: await workbookBytes(workbook),
  };
}

/**
 * Replaces a year's criteria table with the one in an uploaded sheet of the exported layout (the
 * year's secretariat, until self-assessment starts). Groups and criteria keep their identity by code.
 * A file exported from this year carries the table's revision: a table saved since is a CONFLICT.
 */
export async function importCriteriaXlsx(
  actor: Actor,
  yearId: string,
  input: { bytes: Uint8Array },
): Promise<CriteriaTable> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "criteria.manage", yearScope(year))) throw forbidden();
  if (!criteriaEditable(year.phase)) throw new AppError("WRONG_PHASE", "errors.criteria.locked");

  const workbook = await readWorkbook(input.bytes);
  const t = translatorFor("vi");
  const names = headings(t);
  // The sheet and its heading row: the marked sheet, else any sheet with the headings of the layout.
  const marked = sheetWithMarker(workbook, CRITERIA_MARKER);
  const candidates = marked ? [marked.sheet] : workbook.worksheets;
  let found: { sheet: (typeof candidates)[number]; headerRow: number } | null = null;
  for (const sheet of candidates) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 15) && !found; r += 1) {
      const row = sheet.getRow(r);
      const matches = (["code", "level", "title", "max"] as const).every(
        (column) =>
          looseText(cellText(row.getCell(CRITERIA_COLUMN[column]).value)) === looseText(names[column]),
      );
      if (matches) found = { sheet, headerRow: r };
    }
    if (found) break;
  }
  if (!found) throw new AppError("VALIDATION", "errors.excel.notCriteriaTemplate");
  const { sheet, headerRow } = found;

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells = Object.fromEntries(
      CRITERIA_COLUMNS.map((column) => [column, plainValue(row.getCell(CRITERIA_COLUMN[column]).value)]),
    ) as SheetRow["cells"];
    rows.push({ row: r, cells });
  }
  const parsed = parseCriteriaRows(rows, labels(t));
  if (parsed.groups.length === 0 && parsed.issues.length === 0)
    throw new AppError("VALIDATION", "errors.excel.criteriaEmpty");

  // Keep the identity of groups and criteria that are already there (matched by code).
  const current = await getCriteriaTable(actor, year.id);
  const groupIds = new Map(current.groups.map((group) => [group.code, group.id]));
  const criterionIds = new Map(
    current.groups.flatMap((group) =>
      group.criteria.map((criterion) => [criterion.code, criterion.id] as const),
    ),
  );
  const markedRevision =
    marked && cellText(marked.row.getCell(2).value) === year.id
      ? Number(cellText(marked.row.getCell(3).value))
      : NaN;
  const table = {
    groups: parsed.groups.map((group) => {
      const id = groupIds.get(group.code.toUpperCase());
      return {
        ...(id ? { id } : {}),
        ...group,
        criteria: group.criteria.map((criterion) => {
          const criterionId = criterionIds.get(criterion.code);
          return { ...(criterionId ? { id: criterionId } : {}), ...criterion };
        }),
      };
    }),
    ...(Number.isInteger(markedRevision) && markedRevision >= 0 ? { revision: markedRevision } : {}),
  };

  // Every problem at once: the sheet's own, the schema's, then the table's rules.
  const issues: FieldIssue[] = [...parsed.issues];
  const checked = criteriaTableInputSchema.safeParse(table, { reportInput: true });
  if (!checked.success)
    issues.push(
      ...toFieldIssues(checked.error).map((issue) => ({
        ...issue,
        path: parsed.cellOf(issue.path, headerRow),
      })),
    );
  else
    issues.push(
      ...criteriaTableIssues(checked.data, current.scale).map((issue) => ({
        ...issue,
        path: parsed.cellOf(issue.path, headerRow),
      })),
    );
  if (issues.length > 0) throw invalid(issues, "errors.excel.criteriaInvalid");

  try {
    return await saveCriteriaTable(actor, year.id, table, { action: "criteria.import" });
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION" && error.fieldIssues.length > 0) {
      throw invalid(
        error.fieldIssues.map((issue) => ({ ...issue, path: parsed.cellOf(issue.path, headerRow) })),
        "errors.excel.criteriaInvalid",
      );
    }
    throw error;
  }
}
