import { z } from "zod";

// Points are kept in hundredths (X100) so that half and quarter points add up exactly; people see
// and type them in vi-VN ("2,5"), the API uses JSON numbers (2.5).

export const MAX_POINTS = 10_000;

/** 2.5 → 250; refuses more than two decimals. */
export function toX100(points: number): number {
  const x100 = Math.round(points * 100);
  if (Math.abs(x100 - points * 100) > 1e-6) throw new RangeError("more than two decimals");
  return x100;
}

export function fromX100(x100: number | null | undefined): number | null {
  return x100 === null || x100 === undefined ? null : x100 / 100;
}

/** Reads what a person typed: "2,5", "2.5", " 15 " → 2.5 / 15; null when it is not a number. */
export function parsePointsInput(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** 250 → "2,5" (vi-VN, no trailing zeros). */
export function formatX100(x100: number | null | undefined): string {
  if (x100 === null || x100 === undefined) return "";
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(x100 / 100);
}

/** A number of points as the API and forms send it: ≥ 0, at most two decimals. */
export const pointsSchema = z.coerce
  .number("validation.pointsNumber")
  .min(0, "validation.pointsNegative")
  .max(MAX_POINTS, "validation.tooBig")
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, "validation.pointsDecimals");
