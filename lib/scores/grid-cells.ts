import { fromX100 } from "./points";

// The review grid's cells as the data layer gives them and the page sends them to the browser: by
// criterion row and agency column, `[self, final, version]` or 0 for a cell never saved, with the few
// notes and reasons apart. A 30 × 80 grid is a few tens of kilobytes of JSON, built in one pass from
// the scores and read back in one pass by the grid (no keys made of ids on the way).
// Pure and shared: the server builds it, the client component reads it.

export interface GridCell {
  self: number | null;
  final: number | null;
  version: number;
  reason: string | null;
  note: string | null;
}

export interface GridCells {
  rows: (readonly [number | null, number | null, number] | 0)[][];
  /** "<row>:<col>" → [note, reason] */
  texts: Record<string, readonly [string | null, string | null]>;
}

/** One saved score as the data layer reads it: ids, points in hundredths, version, reason, note. */
export type ScoreTuple = readonly [
  agencyId: string,
  criterionId: string,
  selfX100: number | null,
  finalX100: number | null,
  version: number,
  reason: string | null,
  note: string | null,
];

/** Lays the scores out in the order of the criteria (rows) and the agencies (columns); others are left out. */
export function packCells(
  criteria: readonly { id: string }[],
  agencies: readonly { id: string }[],
  scores: readonly ScoreTuple[],
): GridCells {
  const rowOf = new Map(criteria.map((criterion, row) => [criterion.id, row]));
  const colOf = new Map(agencies.map((agency, col) => [agency.id, col]));
  const rows: GridCells["rows"] = criteria.map(() => new Array<0>(agencies.length).fill(0));
  const texts: GridCells["texts"] = {};
  for (const [agencyId, criterionId, selfX100, finalX100, version, reason, note] of scores) {
    const row = rowOf.get(criterionId);
    const col = colOf.get(agencyId);
    if (row === undefined || col === undefined) continue;
    rows[row]![col] = [fromX100(selfX100), fromX100(finalX100), version];
    if (note || reason) texts[`${row}:${col}`] = [note, reason];
  }
  return { rows, texts };
}

/** Back to whole cells, by row and column (undefined: never saved). */
export function unpackCells(cells: GridCells): (GridCell | undefined)[][] {
  const unpacked = cells.rows.map((row) =>
    row.map((values) =>
      values
        ? { self: values[0], final: values[1], version: values[2], note: null, reason: null }
        : undefined,
    ),
  );
  for (const [at, [note, reason]] of Object.entries(cells.texts)) {
    const [row, col] = at.split(":").map(Number);
    const cell = unpacked[row!]?.[col!];
    if (cell) Object.assign(cell, { note, reason });
  }
  return unpacked;
}
