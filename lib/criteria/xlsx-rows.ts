import type { FieldIssue } from "@/lib/errors";
import { columnLetter, looseText, numberFromText } from "@/lib/excel/cells";
import { CRITERION_KINDS } from "./schemas";

// The rows of a criteria sheet (one line per group, then its criteria) turned into the input of
// saveCriteriaTable, with every problem named by its cell. Pure: the unit tests pin it.

export const CRITERIA_COLUMNS = ["code", "level", "kind", "title", "guidance", "max", "evidence"] as const;
export type CriteriaColumn = (typeof CRITERIA_COLUMNS)[number];

/** Column number (1 = A) of each field. */
export const CRITERIA_COLUMN: Record<CriteriaColumn, number> = {
  code: 1,
  level: 2,
  kind: 3,
  title: 4,
  guidance: 5,
  max: 6,
  evidence: 7,
};

type Kind = (typeof CRITERION_KINDS)[number];

/** The words the sheet uses (Vietnamese in the exported file). */
export interface CriteriaLabels {
  group: string;
  criterion: string;
  kinds: Record<Kind, string>;
  yes: string;
  no: string;
}

/** A cell's plain content (see plainValue in lib/excel/cells.ts). */
export type PlainCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** Row number in the sheet (1-based). */
  row: number;
  cells: Record<CriteriaColumn, PlainCell>;
}

export interface ParsedCriterion {
  code: string;
  title: string;
  guidance: string;
  max: number | string | undefined;
  evidenceRequired: boolean;
}

export interface ParsedGroup {
  code: string;
  title: string;
  kind: Kind;
  max: number | string | undefined;
  criteria: ParsedCriterion[];
}

const FIELD_COLUMN: Record<string, CriteriaColumn> = {
  code: "code",
  title: "title",
  kind: "kind",
  max: "max",
  guidance: "guidance",
  evidenceRequired: "evidence",
  criteria: "code",
};

function text(value: PlainCell): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize("NFC").trim();
}

function points(value: PlainCell): number | string | undefined {
  if (typeof value === "number") return value;
  const raw = text(value);
  if (!raw) return undefined;
  return numberFromText(raw) ?? raw;
}

function kindOf(value: PlainCell, labels: CriteriaLabels): Kind | null | "invalid" {
  const raw = looseText(text(value));
  if (!raw) return null;
  for (const kind of CRITERION_KINDS) {
    if (raw === looseText(labels.kinds[kind]) || raw === looseText(kind)) return kind;
  }
  return "invalid";
}

function evidenceOf(value: PlainCell, labels: CriteriaLabels): boolean | "invalid" {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : "invalid";
  const raw = looseText(text(value));
  if (!raw || raw === looseText(labels.no) || ["no", "false", "0"].includes(raw)) return false;
  if (raw === looseText(labels.yes) || ["x", "yes", "true", "1", "co"].includes(raw)) return true;
  return "invalid";
}

/**
 * Reads the data rows of a criteria sheet. A row is a group when its "level" says so, otherwise a
 * criterion of the group above it; empty rows are skipped. `cellOf` turns a path of the table input
 * ("groups.0.criteria.1.max") into the address of the cell it came from ("F7").
 */
export function parseCriteriaRows(rows: SheetRow[], labels: CriteriaLabels) {
  const issues: FieldIssue[] = [];
  const groups: ParsedGroup[] = [];
  const groupRows: number[] = [];
  const criterionRows: number[][] = [];
  const at = (column: CriteriaColumn, row: number) => `${columnLetter(CRITERIA_COLUMN[column])}${row}`;
  const isGroup = looseText(labels.group);
  const isCriterion = looseText(labels.criterion);

  for (const { row, cells } of rows) {
    if (CRITERIA_COLUMNS.every((column) => text(cells[column]) === "")) continue;
    const level = looseText(text(cells.level));
    const kind = kindOf(cells.kind, labels);
    if (level === isGroup || level === "group") {
      if (kind === "invalid" || kind === null)
        issues.push({ path: at("kind", row), message: "errors.excel.kind" });
      groups.push({
        code: text(cells.code),
        title: text(cells.title),
        kind: kind === "invalid" || kind === null ? "BASE" : kind,
        max: points(cells.max),
        criteria: [],
      });
      groupRows.push(row);
      criterionRows.push([]);
      continue;
    }
    if (level !== "" && level !== isCriterion && level !== "criterion")
      issues.push({ path: at("level", row), message: "errors.excel.level" });
    const group = groups.at(-1);
    if (!group) {
      issues.push({ path: at("code", row), message: "errors.excel.noGroup" });
      continue;
    }
    if (kind === "invalid") issues.push({ path: at("kind", row), message: "errors.excel.kind" });
    else if (kind !== null && kind !== group.kind)
      issues.push({
        path: at("kind", row),
        message: "errors.excel.kindMismatch",
        params: { kind: labels.kinds[group.kind] },
      });
    const evidence = evidenceOf(cells.evidence, labels);
    if (evidence === "invalid") issues.push({ path: at("evidence", row), message: "errors.excel.evidence" });
    group.criteria.push({
      code: text(cells.code),
      title: text(cells.title),
      guidance: text(cells.guidance),
      max: points(cells.max),
      evidenceRequired: evidence === true,
    });
    criterionRows.at(-1)!.push(row);
  }

  /** "groups.0.criteria.1.max" → "F7"; a path of the whole table → the heading of the max column. */
  function cellOf(path: string, headerRow: number): string {
    const parts = path.split(".");
    if (parts[0] !== "groups" || parts.length < 2) return at("max", headerRow);
    const g = Number(parts[1]);
    const groupRow = groupRows[g];
    if (groupRow === undefined) return at("max", headerRow);
    if (parts[2] === "criteria" && parts.length >= 4) {
      const criterionRow = criterionRows[g]?.[Number(parts[3])];
      if (criterionRow !== undefined) return at(FIELD_COLUMN[parts[4] ?? "code"] ?? "code", criterionRow);
    }
    return at(FIELD_COLUMN[parts[2] ?? "code"] ?? "code", groupRow);
  }

  return { groups, issues, cellOf };
}
