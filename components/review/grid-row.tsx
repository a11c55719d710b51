"use client";

import { useTranslations } from "next-intl";
import { memo, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { GridCell } from "@/lib/scores/review";
import { formatPoints } from "./points-format";

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
  kind: string;
  max: number;
  groupCode: string;
}

/** A cell as the grid holds it: the server's values, plus a save in flight or its error. */
export interface CellState extends GridCell {
  pending?: boolean;
  error?: string;
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
  /** The active column when the active cell is in this row, else -1. */
  activeCol: number;
  /** The editor, mounted in the active cell while editing. */
  editor: ReactNode;
  onSelect: (row: number, col: number) => void;
  onEdit: (row: number, col: number) => void;
}

/**
 * One criterion's row: plain cells (no inputs), memoised, so moving the active cell or saving one
 * value re-renders one or two rows, never the whole grid.
 */
export const GridRow = memo(function GridRow({ row, ariaRowIndex, criterion, agencies, cells, activeCol, editor, onSelect, onEdit }: GridRowProps) {
  const t = useTranslations("review");
  return (
    <tr role="row" aria-rowindex={ariaRowIndex} data-criterion={criterion.code}>
      <th
        role="rowheader"
        scope="row"
        aria-colindex={1}
        title={`${criterion.code}. ${criterion.title} (${t("maxShort", { max: formatPoints(criterion.max) })})`}
        className="sticky left-0 z-10 w-40 min-w-40 max-w-40 border-b border-r border-slate-200 bg-white px-2 py-1 text-left font-normal sm:w-72 sm:min-w-72 sm:max-w-72"
      >
        <span className="flex items-baseline gap-2">
          <span className="shrink-0 font-semibold">{criterion.code}</span>
          <span className="min-w-0 flex-1 truncate text-xs text-slate-700 sm:text-sm">{criterion.title}</span>
          <span className="hidden shrink-0 text-xs text-slate-500 sm:inline">
            {t("maxShort", { max: formatPoints(criterion.max) })}
            {criterion.kind !== "BASE" && ` · ${t(criterion.kind === "BONUS" ? "kindBonus" : "kindDeduction")}`}
          </span>
        </span>
      </th>
      {agencies.map((agency, col) => {
        const cell = cells?.[agency.id] ?? EMPTY_CELL;
        const active = col === activeCol;
        const changed = cell.final !== null && cell.final !== cell.self;
        const details = [cell.note && t("noteTitle", { note: cell.note }), cell.reason && t("reasonTitle", { reason: cell.reason }), cell.error].filter(Boolean).join("\n");
        return (
          <td
            key={agency.id}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={active || undefined}
            aria-busy={cell.pending || undefined}
            aria-invalid={cell.error ? true : undefined}
            tabIndex={active ? 0 : -1}
            data-cell={`${row}:${col}`}
            data-agency={agency.code}
            title={details || undefined}
            onClick={() => onSelect(row, col)}
            // A cell focused another way (assistive technology, a test) becomes the active one.
            onFocus={(event) => {
              if (!active && event.target === event.currentTarget) onSelect(row, col);
            }}
            onDoubleClick={() => onEdit(row, col)}
            className={cn(
              "relative h-10 min-w-20 scroll-ml-40 scroll-mt-14 border-b border-r border-slate-200 px-2 py-0.5 text-right align-top tabular-nums outline-none sm:scroll-ml-72",
              changed ? "bg-amber-50" : "bg-white",
              active && "ring-2 ring-inset ring-brand-600 focus-visible:ring-4",
              // Above the sticky header, column and totals while its popover is open.
              active && (editor !== null && editor !== undefined ? "z-40" : "z-[5]"),
              cell.error && "bg-red-50 ring-2 ring-inset ring-red-600",
            )}
          >
            <span className="block text-[11px] leading-4 text-slate-500">
              <span className="sr-only">{t("selfShort")} </span>
              {cell.self === null ? "—" : formatPoints(cell.self)}
            </span>
            <span className={cn("block font-semibold leading-5", cell.pending && "text-slate-400")}>
              <span className="sr-only">{t("finalShort")} </span>
              <span data-testid="final">{cell.final === null ? "" : formatPoints(cell.final)}</span>
              {cell.reason && changed && (
                <span aria-hidden="true" className="ml-0.5 text-amber-600">
                  *
                </span>
              )}
            </span>
            {active && editor}
          </td>
        );
      })}
    </tr>
  );
});
