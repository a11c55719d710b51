"use client";

import { memo, type ReactNode } from "react";
import type { GridCell } from "@/lib/scores/grid-cells";
import { formatPoints, type PointsKind } from "@/lib/scores/points";

export interface GridAgency {
  id: string;
  code: string;
  name: string;
  shortName: string;
  status: string;
}

export interface GridCriterion {
  id: string;
  code: string;
  title: string;
  kind: PointsKind;
  max: number;
  groupCode: string;
}

/** A cell as the grid holds it: the server's values, plus a save in flight or its error. */
export interface CellState extends GridCell {
  pending?: boolean;
  error?: string;
}

export interface CellWords {
  self: string;
  final: string;
  /** The tooltip of a cell with a note, a reason or an error; undefined for the others. */
  details: (cell: CellState) => string | undefined;
}

export const EMPTY_CELL: CellState = { self: null, final: null, version: 0, reason: null, note: null };

export interface GridRowProps {
  /** Index of the criterion among the criteria (the navigation row). */
  row: number;
  ariaRowIndex: number;
  criterion: GridCriterion;
  agencies: GridAgency[];
  /** This criterion's cells by agency id (the same object while none of them changes). */
  cells: Record<string, CellState> | undefined;
  /** False on the server and during hydration: the row then holds one empty placeholder cell. */
  showCells: boolean;
  /** The active column when the active cell is in this row, else -1. */
  activeCol: number;
  /** The editor, mounted in the active cell while editing. */
  editor: ReactNode;
  /** The criterion's maximum and kind as shown after its title ("Tối đa 2 · Điểm thưởng"). */
  limits: string;
  /** Words of the grid, made once for all rows: the two numbers' names and a cell's tooltip. */
  words: CellWords;
  onSelect: (row: number, col: number) => void;
  onEdit: (row: number, col: number) => void;
}

/**
 * One criterion's row: plain cells (no inputs), memoised, so moving the active cell or saving one
 * value re-renders one or two rows, never the whole grid.
 */
export const GridRow = memo(function GridRow({
  row,
  ariaRowIndex,
  criterion,
  agencies,
  cells,
  showCells,
  activeCol,
  editor,
  limits,
  words,
  onSelect,
  onEdit,
}: GridRowProps) {
  return (
    <tr role="row" aria-rowindex={ariaRowIndex} data-criterion={criterion.code}>
      <th
        role="rowheader"
        scope="row"
        aria-colindex={1}
        title={`${criterion.code}. ${criterion.title} (${limits})`}
        className="sticky left-0 z-10 w-40 min-w-40 max-w-40 border-b border-r border-slate-200 bg-white px-2 py-1 text-left font-normal sm:w-72 sm:min-w-72 sm:max-w-72"
      >
        <span className="flex items-baseline gap-2">
          <span className="shrink-0 font-semibold">{criterion.code}</span>
          <span className="min-w-0 flex-1 truncate text-xs text-slate-700 sm:text-sm">{criterion.title}</span>
          <span className="hidden shrink-0 text-xs text-slate-500 sm:inline">{limits}</span>
        </span>
      </th>
      {!showCells && <td colSpan={agencies.length} className="h-10 border-b border-slate-200" />}
      {(showCells ? agencies : []).map((agency, col) => {
        const cell = cells?.[agency.id] ?? EMPTY_CELL;
        const active = col === activeCol;
        const changed = cell.final !== null && cell.final !== cell.self;
        // Lean markup (styles in app/globals.css): 2 400 of these make the page.
        return (
          // Only the active cell is focusable (roving tabindex): the others carry no focus attributes.
          <td
            key={agency.id}
            data-agency={agency.code}
            {...(active ? { tabIndex: 0, "aria-selected": true, "data-cell": `${row}:${col}` } : {})}
            aria-busy={cell.pending || undefined}
            aria-invalid={cell.error ? true : undefined}
            data-changed={changed || undefined}
            data-editing={(active && editor !== null && editor !== undefined) || undefined}
            title={words.details(cell)}
            onClick={() => onSelect(row, col)}
            onDoubleClick={() => onEdit(row, col)}
          >
            <span>
              <span className="sr-only">{words.self} </span>
              {cell.self === null ? "—" : formatPoints(cell.self)}
            </span>
            <span className="sr-only">{words.final} </span>
            <span className="grid-final">{cell.final === null ? "" : formatPoints(cell.final)}</span>
            {cell.reason && changed && (
              <span aria-hidden="true" className="absolute top-0.5 right-0.5 text-xs text-amber-600">
                *
              </span>
            )}
            {active && editor}
          </td>
        );
      })}
    </tr>
  );
});
