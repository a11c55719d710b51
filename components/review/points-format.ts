// One formatter for every cell: building an Intl.NumberFormat per call is slow at 2 400 cells.
const pointsFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** 2.5 → "2,5" (numbers are shown in vi-VN whatever the interface language). */
export function formatPoints(points: number): string {
  return pointsFormat.format(points);
}
