import { parsePointsInput } from "@/lib/scores/points";

// Points as people type and read them in forms: vi-VN decimals ("2,5"), no thousands grouping (so
// that what is shown can be typed back).

/** 2.5 → "2,5"; null → "". */
export function pointsText(points: number | null | undefined): string {
  if (points === null || points === undefined) return "";
  return String(Math.round(points * 100) / 100).replace(".", ",");
}

/** 2.5 → "2,5", 1000 → "1.000" (for reading, not for inputs). */
export function pointsLabel(points: number): string {
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(points);
}

export type PointsProblem =
  "pointsNumber" | "pointsNegative" | "pointsDecimals" | "pointsAboveMax" | "pointsPositive";

/**
 * Reads a typed number of points: empty is null (no score); otherwise a number ≥ 0 with at most two
 * decimals, not above `max`, and above zero when `positive`.
 */
export function checkPoints(
  text: string,
  options: { max?: number; positive?: boolean } = {},
): { ok: true; value: number | null } | { ok: false; problem: PointsProblem } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (/^-/.test(trimmed)) return { ok: false, problem: "pointsNegative" };
  const value = parsePointsInput(trimmed);
  if (value === null)
    return {
      ok: false,
      problem: /^\d+[.,]\d{3,}$/.test(trimmed.replace(/\s/g, "")) ? "pointsDecimals" : "pointsNumber",
    };
  if (options.positive && value <= 0) return { ok: false, problem: "pointsPositive" };
  if (options.max !== undefined && value > options.max) return { ok: false, problem: "pointsAboveMax" };
  return { ok: true, value };
}
