import "server-only";
import type ExcelJS from "exceljs";
import type { Actor } from "@/lib/auth/actor";
import { rankingPublished } from "@/lib/assessments/load";
import { criteriaEditable, readCriteriaTable } from "@/lib/criteria/criteria";
import { db } from "@/lib/db";
import {
  cellText,
  columnLetter,
  fileSlug,
  looseText,
  plainValue,
  readPoints,
  uploadName,
} from "@/lib/excel/cells";
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
import { AppError, forbidden, type MessageParams } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { translatorFor } from "@/lib/i18n/translate";
import { can } from "@/lib/permissions";
import { computeYearRanking } from "@/lib/ranking/ranking";
import type { RankingEntry } from "@/lib/ranking/compute";

import { formatX100, fromX100 } from "./points";
import { saveFinalScores } from "./save";
import { loadYear, yearScope, type YearContext } from "@/lib/years/context";

// Bảng điểm as an Excel workbook (PRODUCT.md step 4): criteria as rows, member agencies as columns,
// the final scores, then base, bonus, deduction, total, rank and classification; a second sheet with
// the self scores. The same sheet comes back as an import: every cell is checked (its address is named
// in the error), and only the cells whose value differs from the current final score are saved, all or
// nothing, through saveFinalScores (phase, lock after publication, per-cell versions, history, audit).

/** Written in the hidden row of the score sheet; an import refuses a sheet without it. */
export const SCORES_MARKER = "khoithidua:bang-diem:v1";
const META_ROW = 3;
const HEADER_ROW = 4;
const CODES_ROW = 5;
const FIRST_AGENCY_COLUMN = 4;
/** The very hidden sheet of what each cell was when exported: its version and its final score. */
const VERSIONS_SHEET = "khoithidua-phien-ban";
const VERSIONS_MARKER = "khoithidua:phien-ban:v1";
/** At most this many problems are listed (the rest are counted). */
const MAX_LISTED = 100;

const NUMBER_FORMAT = "0.00";

type Groups = Awaited<ReturnType<typeof readCriteriaTable>>;
type Agency = YearContext["members"][number]["agency"];

interface SheetLayout {
  title: string;
  subtitle: string;
  agencies: Agency[];
  groups: Groups;
  /** Points of a cell in hundredths, or null when empty. */
  cell: (agencyId: string, criterionId: string) => number | null;
  /** Points of a group row per agency (hundredths), if shown. */
  groupCell?: (agencyId: string, groupCode: string) => number | null;
}

/** Writes the header rows and the criteria rows of a score sheet; returns the next free row. */
function writeScoreGrid(
  sheet: ExcelJS.Worksheet,
  layout: SheetLayout,
  t: ReturnType<typeof translatorFor>,
  options: { validate: boolean },
): number {
  const width = FIRST_AGENCY_COLUMN - 1 + layout.agencies.length;
  writeTitle(sheet, Math.max(width, FIRST_AGENCY_COLUMN), layout.title, layout.subtitle);
  sheet.getColumn(1).width = 9;
  sheet.getColumn(2).width = 56;
  sheet.getColumn(3).width = 9;
  layout.agencies.forEach((_, index) => {
    sheet.getColumn(FIRST_AGENCY_COLUMN + index).width = 12;
  });

  const header = sheet.getRow(HEADER_ROW);
  const codes = sheet.getRow(CODES_ROW);
  const headings = [
    t("excel.scores.code"),
    t("excel.scores.criterion"),
    t("excel.scores.max"),
    ...layout.agencies.map((agency) => agency.shortName),
  ];
  header.height = 48;
  for (let column = 1; column <= width; column += 1) {
    const cell = header.getCell(column);
    cell.value = headings[column - 1] ?? null;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = fill("FFE2E8F0");
    cell.border = THIN_BORDER;
    // Visible but small: the agency codes the import reads.
    const code = codes.getCell(column);
    code.value =
      column === 1
        ? t("excel.scores.agencyCodes")
        : column >= FIRST_AGENCY_COLUMN
          ? layout.agencies[column - FIRST_AGENCY_COLUMN]!.code
          : null;
    code.font = { name: FONT, size: 8, color: { argb: "FF64748B" } };
    code.alignment = { horizontal: column === 1 ? "left" : "center" };
    code.border = THIN_BORDER;
  }

  let rowNumber = CODES_ROW + 1;
  for (const group of layout.groups) {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).value = group.code;
    row.getCell(2).value = group.title;
    row.getCell(3).value = fromX100(group.maxX100);
    layout.agencies.forEach((agency, index) => {
      row.getCell(FIRST_AGENCY_COLUMN + index).value = fromX100(
        layout.groupCell?.(agency.id, group.code) ?? null,
      );
    });
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      cell.font = { name: FONT, bold: true, size: 11 };
      cell.fill = fill("FFF1F5F9");
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: "top", wrapText: column === 2 };
      if (column >= 3) cell.numFmt = NUMBER_FORMAT;
    }
    rowNumber += 1;
    for (const criterion of group.criteria) {
      const line = sheet.getRow(rowNumber);
      line.getCell(1).value = criterion.code;
      line.getCell(2).value = criterion.title;
      line.getCell(3).value = fromX100(criterion.maxX100);
      const max = fromX100(criterion.maxX100);
      layout.agencies.forEach((agency, index) => {
        const cell = line.getCell(FIRST_AGENCY_COLUMN + index);
        cell.value = fromX100(layout.cell(agency.id, criterion.id));
        if (options.validate) {
          cell.dataValidation = {
            type: "decimal",
            operator: "between",
            allowBlank: true,
            formulae: [0, max],
            showErrorMessage: true,
            errorStyle: "stop",
            errorTitle: t("excel.scores.invalidTitle"),
            error: t("excel.scores.invalidMessage", { max }),
          };
        }
      });
      for (let column = 1; column <= width; column += 1) {
        const cell = line.getCell(column);
        cell.font = { name: FONT, size: 11 };
        cell.border = THIN_BORDER;
        cell.alignment = { vertical: "top", wrapText: column === 2 };
        if (column >= 3) cell.numFmt = NUMBER_FORMAT;
      }
      rowNumber += 1;
    }
  }
  sheet.views = [
    {
      state: "frozen",
      xSplit: 3,
      ySplit: CODES_ROW,
      activeCell: `${columnLetter(FIRST_AGENCY_COLUMN)}${CODES_ROW + 1}`,
    },
  ];
  sheet.pageSetup = {
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${CODES_ROW}`,
  };
  return rowNumber;
}

/** The score table of a year as an XLSX workbook (the year's secretariat, the board, the admin). */
export async function exportScoresXlsx(
  actor: Actor,
  yearId: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.read", yearScope(year))) throw forbidden();
  const [groups, scores, entries, locked] = await Promise.all([
    readCriteriaTable(db, year.id),
    db.score.findMany({
      where: { yearId: year.id },
      select: { agencyId: true, criterionId: true, selfX100: true, finalX100: true, version: true },
    }),
    computeYearRanking(db, year),
    rankingPublished(db, year.id),
  ]);
  const t = translatorFor("vi");
  const agencies = year.members.map((member) => member.agency);
  const byCell = new Map(scores.map((score) => [`${score.agencyId}:${score.criterionId}`, score]));
  const entryOf = new Map(entries.map((entry) => [entry.agency.id, entry]));
  const subtitle = [
    year.bloc.name,
    t("excel.scores.exportedAt", { at: formatDateTime(new Date()) }),
    ...(locked ? [t("excel.scores.locked")] : []),
  ].join(" — ");

  const workbook = newWorkbook(t("app.name"));
  const sheet = workbook.addWorksheet(t("excel.scores.sheetName"));
  let rowNumber = writeScoreGrid(
    sheet,
    {
      title: t("excel.scores.title", { year: year.year }),
      subtitle,
      agencies,
      groups,
      cell: (agencyId, criterionId) => byCell.get(`${agencyId}:${criterionId}`)?.finalX100 ?? null,
      groupCell: (agencyId, groupCode) =>
        entryOf.get(agencyId)?.groups.find((group) => group.code === groupCode)?.x100 ?? null,
    },
    t,
    { validate: true },
  );
  writeMeta(sheet, META_ROW, [SCORES_MARKER, year.id, year.year, year.bloc.name]);

  const width = FIRST_AGENCY_COLUMN - 1 + agencies.length;
  // A member left out of the scoring ("không chấm"), or without scores yet, shows as such, never as 0 points.
  const points = (id: string, x100: (entry: RankingEntry) => number) => {
    const entry = entryOf.get(id);
    return entry?.notScored || entry?.unscored ? null : fromX100(entry ? x100(entry) : undefined);
  };
  const totalOf = (id: string) => {
    const entry = entryOf.get(id);
    if (entry?.notScored) return t("excel.scores.notScored");
    if (entry?.unscored) return t("excel.scores.unscored");
    return points(id, (scored) => scored.totalX100);
  };
  const summary: {
    label: string;
    value: (agencyId: string) => number | string | null;
    numFmt?: string;
    bold?: boolean;
  }[] = [
    {
      label: t("excel.scores.base"),
      value: (id) => points(id, (entry) => entry.baseX100),
      numFmt: NUMBER_FORMAT,
    },
    {
      label: t("excel.scores.bonus"),
      value: (id) => points(id, (entry) => entry.bonusX100),
      numFmt: NUMBER_FORMAT,
    },
    {
      label: t("excel.scores.deduction"),
      value: (id) => points(id, (entry) => entry.deductionX100),
      numFmt: NUMBER_FORMAT,
    },
    { label: t("excel.scores.total"), value: totalOf, numFmt: NUMBER_FORMAT, bold: true },
    { label: t("excel.scores.rank"), value: (id) => entryOf.get(id)?.rank ?? null, numFmt: "0", bold: true },
    {
      label: t("excel.scores.classification"),
      value: (id) => entryOf.get(id)?.classification?.label ?? "",
      bold: true,
    },
  ];
  for (const line of summary) {
    const row = sheet.getRow(rowNumber);
    row.getCell(2).value = line.label;
    agencies.forEach((agency, index) => {
      row.getCell(FIRST_AGENCY_COLUMN + index).value = line.value(agency.id);
    });
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      cell.font = { name: FONT, size: 11, bold: line.bold || column === 2 };
      cell.fill = fill("FFFEF3C7");
      cell.border = THIN_BORDER;
      cell.alignment = { horizontal: column >= FIRST_AGENCY_COLUMN ? "center" : undefined, wrapText: true };
      if (line.numFmt && column >= FIRST_AGENCY_COLUMN) cell.numFmt = line.numFmt;
    }
    rowNumber += 1;
  }
  const note = sheet.getRow(rowNumber + 1).getCell(2);
  note.value = t("excel.scores.note");
  note.font = { name: FONT, size: 10, italic: true, color: { argb: "FF475569" } };
  note.alignment = { wrapText: true };

  const selfSheet = workbook.addWorksheet(t("excel.scores.selfSheetName"));
  writeScoreGrid(
    selfSheet,
    {
      title: t("excel.scores.selfTitle", { year: year.year }),
      subtitle: year.bloc.name,
      agencies,
      groups,
      cell: (agencyId, criterionId) => byCell.get(`${agencyId}:${criterionId}`)?.selfX100 ?? null,
    },
    t,
    { validate: false },
  );

  // What each cell was when exported: an import saves only the cells edited in the file, and refuses
  // (CONFLICT) those someone else has changed since, instead of silently reverting their change.
  const versions = workbook.addWorksheet(VERSIONS_SHEET, { state: "veryHidden" });
  versions.addRow([VERSIONS_MARKER, year.id]);
  for (const agency of agencies) {
    for (const group of groups) {
      for (const criterion of group.criteria) {
        const score = byCell.get(`${agency.id}:${criterion.id}`);
        versions.addRow([agency.code, criterion.code, score?.version ?? 0, score?.finalX100 ?? null]);
      }
    }
  }

  return {
    fileName: `bang-diem-thi-dua-${year.year}-${fileSlug(year.bloc.name) || "khoi"}.xlsx`,
    bytes: await workbookBytes(workbook),
  };
}

interface Problem {
  message: string;
  params: MessageParams;
}

function refuse(messageKey: string, problems: Problem[], params: MessageParams = {}): AppError {
  const listed = problems.slice(0, MAX_LISTED);
  const more = problems.length - listed.length;
  return new AppError("VALIDATION", messageKey, {
    params: { count: problems.length, ...params },
    items: more > 0 ? [...listed, { message: "errors.excel.moreErrors", params: { count: more } }] : listed,
    details: { cells: problems.map((problem) => problem.params.cell) },
  });
}

/** Where the agency codes and criterion codes of an uploaded score sheet are. */
function readLayout(sheet: ExcelJS.Worksheet, metaRow: number, year: YearContext, groups: Groups) {
  const t = translatorFor("vi");
  const label = looseText(t("excel.scores.agencyCodes"));
  let codesRow = 0;
  for (let r = metaRow + 1; r <= Math.min(sheet.rowCount, metaRow + 10); r += 1) {
    if (looseText(cellText(sheet.getRow(r).getCell(1).value)) === label) {
      codesRow = r;
      break;
    }
  }
  if (codesRow === 0) throw new AppError("VALIDATION", "errors.excel.notScoresTemplate");

  const problems: Problem[] = [];
  const agencyByCode = new Map(year.members.map(({ agency }) => [agency.code, agency]));
  const columns: { column: number; agency: Agency }[] = [];
  const row = sheet.getRow(codesRow);
  for (let column = FIRST_AGENCY_COLUMN; column <= Math.max(sheet.columnCount, row.cellCount); column += 1) {
    const code = cellText(row.getCell(column).value).toLowerCase();
    if (!code) continue;
    const cell = `${columnLetter(column)}${codesRow}`;
    const agency = agencyByCode.get(code);
    if (!agency) problems.push({ message: "errors.excel.unknownAgency", params: { cell, code } });
    else if (columns.some((entry) => entry.agency.id === agency.id))
      problems.push({ message: "errors.excel.duplicateAgency", params: { cell, code } });
    else columns.push({ column, agency });
  }

  const criterionByCode = new Map(
    groups.flatMap((group) => group.criteria.map((criterion) => [criterion.code, criterion] as const)),
  );
  const groupCodes = new Set(groups.map((group) => group.code));
  const seenGroups = new Set<string>();
  const rows: { row: number; criterion: Groups[number]["criteria"][number] }[] = [];
  for (let r = codesRow + 1; r <= sheet.rowCount; r += 1) {
    const code = cellText(sheet.getRow(r).getCell(1).value);
    if (!code) continue;
    // A group's header row carries the group's code; a code that is both is the group first.
    if (groupCodes.has(code) && !seenGroups.has(code)) {
      seenGroups.add(code);
      continue;
    }
    const criterion = criterionByCode.get(code);
    const cell = `A${r}`;
    if (!criterion) problems.push({ message: "errors.excel.unknownCriterion", params: { cell, code } });
    else if (rows.some((entry) => entry.criterion.id === criterion.id))
      problems.push({ message: "errors.excel.duplicateCriterion", params: { cell, code } });
    else rows.push({ row: r, criterion });
  }
  if (problems.length > 0) throw refuse("errors.excel.scoresInvalid", problems);
  if (columns.length === 0 || rows.length === 0)
    throw new AppError("VALIDATION", "errors.excel.notScoresTemplate");
  return { columns, rows };
}

/** The cells as exported (version and final score by "agencyCode:criterionCode"), if the file still has them. */
function exportedCells(
  workbook: ExcelJS.Workbook,
  yearId: string,
): Map<string, { version: number; finalX100: number | null }> | null {
  const sheet = workbook.getWorksheet(VERSIONS_SHEET);
  if (
    !sheet ||
    cellText(sheet.getCell(1, 1).value) !== VERSIONS_MARKER ||
    cellText(sheet.getCell(1, 2).value) !== yearId
  )
    return null;
  const cells = new Map<string, { version: number; finalX100: number | null }>();
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const version = Number(plainValue(row.getCell(3).value));
    const final = plainValue(row.getCell(4).value);
    if (!Number.isInteger(version)) continue;
    cells.set(`${cellText(row.getCell(1).value)}:${cellText(row.getCell(2).value)}`, {
      version,
      finalX100: typeof final === "number" ? final : null,
    });
  }
  return cells;
}

/**
 * Imports the final scores of an exported (and edited) score sheet. Empty cells leave the score as it
 * is; every other cell must be a number from 0 to the criterion's maximum with at most two decimals.
 * Only the cells edited in the file (different from what was exported) and different from the current
 * final score are saved, with the version they were exported at: a cell someone else has saved since
 * is a CONFLICT naming it, never a silent revert. Returns how many cells changed.
 */
export async function importScoresXlsx(
  actor: Actor,
  yearId: string,
  input: { fileName: string; bytes: Uint8Array; reason?: string | null },
): Promise<{ changed: number }> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  if (!can(actor, "score.review", yearScope(year))) throw forbidden();
  if (year.phase !== "REVIEW") throw new AppError("WRONG_PHASE", "errors.scores.wrongPhase");
  if (await rankingPublished(db, year.id)) throw new AppError("WRONG_PHASE", "errors.scores.locked");

  const workbook = await readWorkbook(input.bytes);
  const found = sheetWithMarker(workbook, SCORES_MARKER);
  if (!found) throw new AppError("VALIDATION", "errors.excel.notScoresTemplate");
  const fileYearId = cellText(found.row.getCell(2).value);
  if (fileYearId !== year.id) {
    throw new AppError("VALIDATION", "errors.excel.wrongYear", {
      params: {
        fileYear: cellText(found.row.getCell(3).value) || "?",
        fileBloc: cellText(found.row.getCell(4).value) || "?",
        year: year.year,
        bloc: year.bloc.name,
      },
    });
  }

  const groups = await readCriteriaTable(db, year.id);
  const { columns, rows } = readLayout(found.sheet, found.row.number, year, groups);
  const problems: Problem[] = [];
  const readings: {
    agency: Agency;
    criterion: (typeof rows)[number]["criterion"];
    x100: number;
    cell: string;
  }[] = [];
  for (const { row, criterion } of rows) {
    const line = found.sheet.getRow(row);
    for (const { column, agency } of columns) {
      const reading = readPoints(line.getCell(column).value, criterion.maxX100);
      const cell = `${columnLetter(column)}${row}`;
      if (reading.kind === "points") readings.push({ agency, criterion, x100: reading.x100, cell });
      else if (reading.kind === "invalid") {
        const message = {
          notNumber: "errors.excel.cellNotNumber",
          negative: "errors.excel.cellNegative",
          decimals: "errors.excel.cellDecimals",
          aboveMax: "errors.excel.cellAboveMax",
        }[reading.problem];
        problems.push({
          message,
          params: { cell, value: reading.text, max: fromX100(criterion.maxX100), criterion: criterion.code },
        });
      }
    }
  }
  if (problems.length > 0) throw refuse("errors.excel.scoresInvalid", problems);

  const exported = exportedCells(workbook, year.id);
  const current = await db.score.findMany({
    where: { yearId: year.id },
    select: { agencyId: true, criterionId: true, finalX100: true, version: true },
  });
  const byCell = new Map(current.map((score) => [`${score.agencyId}:${score.criterionId}`, score]));
  const cells: { agencyCode: string; criterionCode: string; points: number; version: number }[] = [];
  const stale: Problem[] = [];
  for (const { agency, criterion, x100, cell } of readings) {
    const now = byCell.get(`${agency.id}:${criterion.id}`);
    const then = exported?.get(`${agency.code}:${criterion.code}`);
    // Not edited in the file (it still holds what was exported), or already so: nothing to save.
    if ((then && then.finalX100 === x100) || (now?.finalX100 ?? null) === x100) continue;
    const version = then ? then.version : (now?.version ?? 0);
    if ((now?.version ?? 0) !== version) {
      stale.push({
        message: "errors.excel.cellStale",
        params: {
          cell,
          current: now?.finalX100 === null || now?.finalX100 === undefined ? "—" : formatX100(now.finalX100),
        },
      });
      continue;
    }
    cells.push({ agencyCode: agency.code, criterionCode: criterion.code, points: fromX100(x100), version });
  }
  if (stale.length > 0) {
    const error = refuse("errors.excel.scoresStale", stale);
    throw new AppError("CONFLICT", error.messageKey, {
      params: error.params,
      items: error.items,
      details: error.details,
    });
  }
  if (cells.length === 0) return { changed: 0 };

  const reason =
    input.reason?.trim() ||
    translatorFor("vi")("excel.scores.importReason", {
      fileName: uploadName(input.fileName) || "bang-diem.xlsx",
    });
  const saved = await saveFinalScores(actor, year.id, cells, { reason: reason.slice(0, 1000) });
  return { changed: saved.length };
}

/** What the Excel page offers the actor for a year: the score table (read, import), the criteria table (import). */
export async function getExcelOptions(actor: Actor, yearId: string) {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const scope = yearScope(year);
  const locked = await rankingPublished(db, year.id);
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    scores: {
      read: can(actor, "score.read", scope),
      import: can(actor, "score.review", scope) && year.phase === "REVIEW" && !locked,
    },
    criteria: { import: can(actor, "criteria.manage", scope) && criteriaEditable(year.phase) },
  };
}
