import { z } from "zod";

// The one home of points: reading what people type, showing them, capping a cell at its criterion's
// maximum and totalling a member's cells. Pure (no server-only, no database), so the server and the
// browser count the same way. Points are kept in hundredths (X100) so that half and quarter points add
// up exactly; people see and type them in vi-VN ("2,5"), the API uses JSON numbers (2.5).

export const MAX_POINTS = 10_000;

/** A criterion's kind (PRODUCT.md): base points add, bonus points add, deductions subtract. */
export type PointsKind = "BASE" | "BONUS" | "DEDUCTION";

const atMostTwoDecimals = (points: number) => Math.abs(Math.round(points * 100) - points * 100) < 1e-6;

/** The nearest hundredth, for a number that may carry more decimals (a classification band's minimum). */
export function roundX100(points: number): number {
  return Math.round(points * 100);
}

/** 2.5 → 250; refuses more than two decimals. */
export function toX100(points: number): number {
  if (!atMostTwoDecimals(points)) throw new RangeError("more than two decimals");
  return roundX100(points);
}

/** 250 → 2.5 (points as the API and the forms carry them); null stays null. */
export function fromX100(x100: number): number;
export function fromX100(x100: number | null | undefined): number | null;
export function fromX100(x100: number | null | undefined): number | null {
  return x100 === null || x100 === undefined ? null : x100 / 100;
}

// Reading -----------------------------------------------------------------------------------------

/** Why a typed number of points is refused: keys of the "validation." messages. */
export type PointsProblem =
  "pointsNumber" | "pointsNegative" | "pointsDecimals" | "pointsAboveMax" | "pointsPositive";

/** What was typed, in hundredths (null: left empty, no score), or why it is refused. */
export type PointsReading = { ok: true; x100: number | null } | { ok: false; problem: PointsProblem };

const POINTS_TEXT = /^(\d+)(?:[.,](\d{1,2}))?$/;
const TOO_MANY_DECIMALS = /^\d+[.,]\d{3,}$/;

/**
 * Reads what a person typed: "9,5", "9.5", " 15 " → 950 / 950 / 1500 (spaces anywhere are ignored);
 * empty is null (no score). Refuses negatives, more than two decimals, anything else that is not a
 * number, zero when `positive`, and more than `maxX100` when given. Exact: no floating point involved.
 */
export function parsePoints(
  text: string,
  limits: { maxX100?: number; positive?: boolean } = {},
): PointsReading {
  const typed = text.replace(/\s/g, "");
  if (typed === "") return { ok: true, x100: null };
  if (typed.startsWith("-")) return { ok: false, problem: "pointsNegative" };
  const match = POINTS_TEXT.exec(typed);
  if (!match)
    return { ok: false, problem: TOO_MANY_DECIMALS.test(typed) ? "pointsDecimals" : "pointsNumber" };
  const x100 = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (limits.positive && x100 <= 0) return { ok: false, problem: "pointsPositive" };
  if (limits.maxX100 !== undefined && x100 > limits.maxX100) return { ok: false, problem: "pointsAboveMax" };
  return { ok: true, x100 };
}

/**
 * Reads points carried as a number (a JSON number, a spreadsheet cell: a binary fraction, so 9.95 may
 * arrive as 9.9499999999999993) with the same refusals as parsePoints.
 */
export function readPointsNumber(
  points: number,
  limits: { maxX100?: number; positive?: boolean } = {},
): PointsReading {
  if (!Number.isFinite(points)) return { ok: false, problem: "pointsNumber" };
  if (points < 0) return { ok: false, problem: "pointsNegative" };
  if (!atMostTwoDecimals(points)) return { ok: false, problem: "pointsDecimals" };
  const x100 = roundX100(points);
  if (limits.positive && x100 <= 0) return { ok: false, problem: "pointsPositive" };
  if (limits.maxX100 !== undefined && x100 > limits.maxX100) return { ok: false, problem: "pointsAboveMax" };
  return { ok: true, x100 };
}

/** Reads what a person typed: "2,5", "2.5", " 15 " → 2.5 / 15; null when it is not a number (or empty). */
export function parsePointsInput(text: string): number | null {
  const reading = parsePoints(text);
  return reading.ok ? fromX100(reading.x100) : null;
}

// Showing -----------------------------------------------------------------------------------------

// One formatter for every cell: building an Intl.NumberFormat per call is slow at 2 400 cells.
const shown = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** 2.5 → "2,5", 1000 → "1.000" (for reading; vi-VN whatever the interface language). */
export function formatPoints(points: number): string {
  return shown.format(points);
}

/** 250 → "2,5" (vi-VN, no trailing zeros); null → "". */
export function formatX100(x100: number | null | undefined): string {
  if (x100 === null || x100 === undefined) return "";
  return formatPoints(x100 / 100);
}

/** A group's or a total's share as the ranking shows it: deductions with a minus sign ("−2,5"). */
export function formatSignedX100(x100: number, kind: PointsKind): string {
  return kind === "DEDUCTION" && x100 > 0 ? `−${formatX100(x100)}` : formatX100(x100);
}

/** 2.5 → "2,5", 1000 → "1000": what an input shows, without grouping so it can be typed back; null → "". */
export function pointsText(points: number | null | undefined): string {
  if (points === null || points === undefined) return "";
  return String(Math.round(points * 100) / 100).replace(".", ",");
}

// Counting ----------------------------------------------------------------------------------------

/** A cell as it counts toward a total: a missing cell is 0, never below 0, never above the maximum. */
export function capX100(x100: number | null | undefined, maxX100: number): number {
  return Math.min(Math.max(x100 ?? 0, 0), maxX100);
}

export interface PointsCriterion {
  kind: PointsKind;
  maxX100: number;
  /** The criterion's group, for the per-group sums. */
  groupCode?: string;
}

export interface PointsTotals {
  baseX100: number;
  bonusX100: number;
  /** The deductions, as a positive number. */
  deductionX100: number;
  /** Base + bonus − deductions. */
  totalX100: number;
  /** Capped points per group code (deductions as positive numbers), for criteria that name their group. */
  groups: Map<string, number>;
}

/**
 * Totals one member's cells (PRODUCT.md step 5): Σ base + Σ bonus − Σ deductions, every cell capped at
 * its criterion's maximum (bonus and deductions included) and never below 0; a missing cell counts 0.
 */
export function totalPoints<C extends PointsCriterion>(
  criteria: Iterable<C>,
  pointsOf: (criterion: C) => number | null | undefined,
): PointsTotals {
  const totals: PointsTotals = {
    baseX100: 0,
    bonusX100: 0,
    deductionX100: 0,
    totalX100: 0,
    groups: new Map(),
  };
  for (const criterion of criteria) {
    const capped = capX100(pointsOf(criterion), criterion.maxX100);
    if (criterion.groupCode !== undefined)
      totals.groups.set(criterion.groupCode, (totals.groups.get(criterion.groupCode) ?? 0) + capped);
    if (criterion.kind === "BASE") totals.baseX100 += capped;
    else if (criterion.kind === "BONUS") totals.bonusX100 += capped;
    else totals.deductionX100 += capped;
  }
  totals.totalX100 = totals.baseX100 + totals.bonusX100 - totals.deductionX100;
  return totals;
}

// Validating --------------------------------------------------------------------------------------

/** A number of points as the API and forms send it: ≥ 0, at most two decimals. */
export const pointsSchema = z.coerce
  .number("validation.pointsNumber")
  .min(0, "validation.pointsNegative")
  .max(MAX_POINTS, "validation.tooBig")
  .refine(atMostTwoDecimals, "validation.pointsDecimals");
