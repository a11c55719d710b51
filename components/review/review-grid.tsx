"use client";

import { useTranslations } from "next-intl";
import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from "react";
import { cellHistoryAction, saveFinalScoreAction } from "@/lib/scores/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/http/action";
import type { CellConflict, SavedCell } from "@/lib/scores/save";
import { unpackCells, type GridCells } from "@/lib/scores/grid-cells";
import { CellEditor, type Move } from "./cell-editor";
import { ConflictPanel } from "./conflict-panel";
import {
  EMPTY_CELL,
  GridRow,
  type CellState,
  type CellWords,
  type GridAgency,
  type GridCriterion,
} from "./grid-row";
import { HistoryPanel, type HistoryState } from "./history-panel";
import { formatPoints, formatX100, pointsText, roundX100, totalPoints } from "@/lib/scores/points";

export interface ReviewGridProps {
  yearId: string;
  agencies: GridAgency[];
  criteria: GridCriterion[];
  groups: { code: string; title: string }[];
  /** The cells by row and column (lib/scores/grid-cells.ts), as JSON: one string for React to carry
   * to the browser instead of thousands of small arrays to serialize one by one. */
  initialCells: string;
  editable: boolean;
}

/** Cells by criterion id, then agency id: saving one cell replaces one row's object only. */
type Cells = Record<string, Record<string, CellState>>;
type Position = { row: number; col: number };
interface PendingConflict {
  position: Position;
  conflict: CellConflict;
  reason: string | null;
}

const subscribeNothing = () => () => undefined;
const clientSnapshot = () => true;
const serverSnapshot = () => false;

const STATUS_KEYS = {
  DRAFT: "statusDraft",
  SUBMITTED: "statusSubmitted",
  RETURNED: "statusReturned",
} as const;

function byCriterion(initial: GridCells, criteria: GridCriterion[], agencies: GridAgency[]): Cells {
  const rows = unpackCells(initial);
  const cells: Cells = {};
  criteria.forEach((criterion, row) => {
    const byAgency: Record<string, CellState> = {};
    rows[row]?.forEach((cell, col) => {
      const agency = agencies[col];
      if (cell && agency) byAgency[agency.id] = cell;
    });
    cells[criterion.id] = byAgency;
  });
  return cells;
}

/**
 * The secretariat's review grid (thẩm định): criteria as rows, member agencies as columns, keyboard
 * first. Cells are plain elements with one editor in the active cell; each cell saves alone with its
 * version, and a stale save opens the conflict panel instead of overwriting.
 */
export function ReviewGrid({
  yearId,
  agencies,
  criteria,
  groups,
  initialCells,
  editable: mayEdit,
}: ReviewGridProps) {
  const t = useTranslations("review");
  const helpId = useId();
  const [cells, setCells] = useState<Cells>(() =>
    byCriterion(JSON.parse(initialCells) as GridCells, criteria, agencies),
  );
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  /** The editor's starting text while editing (null: the current value). */
  const [editing, setEditing] = useState<{ initial: string | null } | null>(null);
  const [conflicts, setConflicts] = useState<PendingConflict[]>([]);
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** Set by a keyboard or pointer action: the active cell takes the focus after the next render. */
  const focusPending = useRef(false);
  const historyRequest = useRef(0);

  // The 2 400 cells are drawn in the browser, right after hydration: the server sends the page, the
  // headers and the data (compactly), not 2 400 rendered cells for every load of the grid.
  const hydrated = useSyncExternalStore(subscribeNothing, clientSnapshot, serverSnapshot);
  const lastRow = criteria.length - 1;
  const lastCol = agencies.length - 1;

  const layout = useMemo(() => {
    const titles = new Map(groups.map((group) => [group.code, group.title]));
    const items: (
      | { kind: "group"; code: string; title: string; aria: number }
      | { kind: "criterion"; index: number; criterion: GridCriterion; aria: number }
    )[] = [];
    let aria = 2;
    let group: string | null = null;
    criteria.forEach((criterion, index) => {
      if (criterion.groupCode !== group) {
        group = criterion.groupCode;
        items.push({ kind: "group", code: group, title: titles.get(group) ?? "", aria: aria++ });
      }
      items.push({ kind: "criterion", index, criterion, aria: aria++ });
    });
    return { items, rowCount: aria };
  }, [criteria, groups]);

  const limits = useMemo(
    () =>
      criteria.map((criterion) => {
        const max = t("maxShort", { max: formatPoints(criterion.max) });
        return criterion.kind === "BASE"
          ? max
          : `${max} · ${t(criterion.kind === "BONUS" ? "kindBonus" : "kindDeduction")}`;
      }),
    [criteria, t],
  );

  const words = useMemo<CellWords>(
    () => ({
      self: t("selfShort"),
      final: t("finalShort"),
      details: (cell) =>
        cell.note || cell.reason || cell.error
          ? [
              cell.note && t("noteTitle", { note: cell.note }),
              cell.reason && t("reasonTitle", { reason: cell.reason }),
              cell.error,
            ]
              .filter(Boolean)
              .join("\n")
          : undefined,
    }),
    [t],
  );

  /** The criteria as the totals count them: maxima in hundredths. */
  const counted = useMemo(
    () => criteria.map(({ id, kind, max }) => ({ id, kind, maxX100: roundX100(max) })),
    [criteria],
  );
  /**
   * Provisional totals per agency in hundredths (base + bonus − deductions, each capped at its
   * maximum), counted as the ranking counts them.
   */
  const totals = useMemo(
    () =>
      agencies.map(
        (agency) =>
          totalPoints(counted, (criterion) => {
            const final = cells[criterion.id]?.[agency.id]?.final;
            return final === null || final === undefined ? null : roundX100(final);
          }).totalX100,
      ),
    [agencies, counted, cells],
  );

  const patch = useCallback(
    (criterionId: string, agencyId: string, update: (cell: CellState) => CellState) => {
      setCells((current) => {
        const row = current[criterionId] ?? {};
        return { ...current, [criterionId]: { ...row, [agencyId]: update(row[agencyId] ?? EMPTY_CELL) } };
      });
    },
    [],
  );

  const onSelect = useCallback((row: number, col: number) => {
    focusPending.current = true;
    setActive((current) => (current.row === row && current.col === col ? current : { row, col }));
    setEditing(null);
  }, []);

  const onEdit = useCallback(
    (row: number, col: number) => {
      focusPending.current = true;
      setActive((current) => (current.row === row && current.col === col ? current : { row, col }));
      if (mayEdit) setEditing({ initial: null });
    },
    [mayEdit],
  );

  // The active cell takes the focus after a move (never on the first render: the page keeps it),
  // before the next key event arrives.
  useLayoutEffect(() => {
    if (!focusPending.current || editing) return;
    focusPending.current = false;
    const element = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  const activeCriterion = criteria[active.row]!;
  const activeAgency = agencies[active.col]!;
  const activeCell = cells[activeCriterion.id]?.[activeAgency.id] ?? EMPTY_CELL;

  function step(position: Position, move: Move): Position {
    const { row, col } = position;
    switch (move) {
      case "down":
        return { row: Math.min(lastRow, row + 1), col };
      // No wrapping: Tab past the last column (Shift+Tab before the first) leaves the grid, so the
      // keyboard is never trapped in 2 400 cells.
      case "right":
        return { row, col: Math.min(lastCol, col + 1) };
      case "left":
        return { row, col: Math.max(0, col - 1) };
      default:
        return position;
    }
  }

  async function save(
    position: Position,
    points: number | null,
    reason: string | null,
    version: number,
    previous: CellState,
  ) {
    const criterion = criteria[position.row]!;
    const agency = agencies[position.col]!;
    patch(criterion.id, agency.id, (cell) => ({ ...cell, final: points, pending: true, error: undefined }));
    let result: ActionResult<SavedCell>;
    try {
      result = await saveFinalScoreAction(yearId, {
        agencyCode: agency.code,
        criterionCode: criterion.code,
        points,
        version,
        reason,
      });
    } catch {
      result = { ok: false, code: "INTERNAL", message: t("networkError") };
    }
    const where = `${criterion.code} · ${agency.shortName}`;
    if (result.ok) {
      const saved = result.data;
      patch(criterion.id, agency.id, (cell) => ({
        ...cell,
        final: saved.final,
        version: saved.version,
        reason,
        pending: false,
        error: undefined,
      }));
      setStatus({
        error: false,
        text: t("saved", {
          cell: where,
          points: saved.final === null ? t("emptyValue") : formatPoints(saved.final),
        }),
      });
      return;
    }
    const conflict =
      result.code === "CONFLICT" ? (result.details?.conflicts as CellConflict[] | undefined)?.[0] : undefined;
    const fieldError = result.fields ? Object.values(result.fields)[0] : undefined;
    patch(criterion.id, agency.id, () => ({
      ...previous,
      pending: false,
      error: conflict ? undefined : (fieldError ?? result.message),
    }));
    if (conflict) {
      setConflicts((list) => [
        ...list.filter((item) => item.position.row !== position.row || item.position.col !== position.col),
        { position, conflict, reason },
      ]);
    }
    setStatus({ error: true, text: `${where}: ${fieldError ?? result.message}` });
  }

  function commit(points: number | null, reason: string | null, move: Move) {
    const position = active;
    const cell = activeCell;
    focusPending.current = true;
    setEditing(null);
    setActive(step(position, move));
    if (points === cell.final && reason === cell.reason) return;
    void save(position, points, reason, cell.version, { ...cell, error: undefined });
  }

  function startEdit(initial: string | null) {
    if (!mayEdit) return;
    if (activeCell.pending) {
      setStatus({ error: false, text: t("pendingCell") });
      return;
    }
    setEditing({ initial });
  }

  async function openHistory(position: Position) {
    const criterion = criteria[position.row]!;
    const agency = agencies[position.col]!;
    historyRequest.current += 1;
    const request = historyRequest.current;
    setHistory({ criterion, agency, loading: true, entries: [], error: null });
    let result;
    try {
      result = await cellHistoryAction(yearId, agency.code, criterion.code);
    } catch {
      result = { ok: false as const, code: "INTERNAL", message: t("networkError") };
    }
    if (request !== historyRequest.current) return;
    const outcome = result;
    setHistory(
      (current) =>
        current && {
          ...current,
          loading: false,
          entries: outcome.ok ? outcome.data : [],
          error: outcome.ok ? null : outcome.message,
        },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.target instanceof HTMLInputElement || event.altKey) return;
    const { row, col } = active;
    const jump = event.ctrlKey || event.metaKey;
    let next: Position;
    switch (event.key) {
      case "ArrowUp":
        next = { row: jump ? 0 : Math.max(0, row - 1), col };
        break;
      case "ArrowDown":
        next = { row: jump ? lastRow : Math.min(lastRow, row + 1), col };
        break;
      case "ArrowLeft":
        next = { row, col: jump ? 0 : Math.max(0, col - 1) };
        break;
      case "ArrowRight":
        next = { row, col: jump ? lastCol : Math.min(lastCol, col + 1) };
        break;
      case "Home":
        next = jump ? { row: 0, col: 0 } : { row, col: 0 };
        break;
      case "End":
        next = jump ? { row: lastRow, col: lastCol } : { row, col: lastCol };
        break;
      case "PageUp":
        next = { row: Math.max(0, row - 10), col };
        break;
      case "PageDown":
        next = { row: Math.min(lastRow, row + 10), col };
        break;
      case "Tab": {
        next = step(active, event.shiftKey ? "left" : "right");
        // At the row's ends Tab leaves the grid, as everywhere else on the page.
        if (next.row === row && next.col === col) return;
        break;
      }
      case "Enter":
      case "F2":
        event.preventDefault();
        startEdit(null);
        return;
      case "Delete":
      case "Backspace":
        event.preventDefault();
        startEdit("");
        return;
      case "h":
      case "H":
        if (jump) return;
        event.preventDefault();
        void openHistory(active);
        return;
      case "Escape":
        if (history) {
          event.preventDefault();
          setHistory(null);
        }
        return;
      default:
        if (!jump && /^[0-9,.-]$/.test(event.key)) {
          event.preventDefault();
          startEdit(event.key);
        }
        return;
    }
    event.preventDefault();
    focusPending.current = true;
    setActive(next);
  }

  function resolve(item: PendingConflict, overwrite: boolean) {
    const criterion = criteria[item.position.row]!;
    const agency = agencies[item.position.col]!;
    setConflicts((list) => list.filter((other) => other !== item));
    focusPending.current = true;
    if (item.conflict.version < 0) {
      window.location.reload();
      return;
    }
    const current: CellState = {
      ...(cells[criterion.id]?.[agency.id] ?? EMPTY_CELL),
      final: item.conflict.current,
      version: item.conflict.version,
      error: undefined,
    };
    if (overwrite) {
      void save(item.position, item.conflict.yours, item.reason, item.conflict.version, current);
    } else {
      patch(criterion.id, agency.id, () => current);
      setStatus({
        error: false,
        text: t("keptCurrent", { cell: `${criterion.code} · ${agency.shortName}` }),
      });
    }
  }

  const editor =
    editing && mayEdit && !activeCell.pending ? (
      <CellEditor
        key={`${active.row}:${active.col}`}
        initial={editing.initial ?? pointsText(activeCell.final)}
        max={activeCriterion.max}
        self={activeCell.self}
        final={activeCell.final}
        reason={activeCell.reason}
        label={`${activeCriterion.code} — ${activeAgency.name}`}
        onCommit={commit}
        onCancel={() => {
          focusPending.current = true;
          setEditing(null);
        }}
      />
    ) : null;

  const conflict = conflicts[0];
  return (
    <div className={cn("grid gap-4", history && "xl:grid-cols-[minmax(0,1fr)_20rem]")}>
      <div className="min-w-0">
        {conflict && (
          <ConflictPanel
            criterion={criteria[conflict.position.row]!}
            agency={agencies[conflict.position.col]!}
            conflict={conflict.conflict}
            more={conflicts.length - 1}
            onKeep={() => resolve(conflict, false)}
            onOverwrite={() => resolve(conflict, true)}
          />
        )}
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p id={helpId} className="text-xs text-slate-600">
            {t("cellLegend", { self: t("selfShort"), final: t("finalShort") })}{" "}
            {mayEdit ? t("keyboardHelp") : t("keyboardHelpReadOnly")}
          </p>
          <Button
            variant="secondary"
            className="min-h-8 px-3 py-1 text-xs"
            onClick={() => void openHistory(active)}
          >
            {t("historyButton")}
          </Button>
        </div>
        <div
          className="max-h-[70vh] w-fit max-w-full overflow-auto rounded-lg border border-slate-200 bg-white"
          data-grid-scroll
        >
          <table
            ref={tableRef}
            role="grid"
            aria-label={t("gridLabel")}
            aria-describedby={helpId}
            aria-rowcount={layout.rowCount}
            aria-colcount={agencies.length + 1}
            aria-readonly={mayEdit ? undefined : true}
            onKeyDown={onKeyDown}
            className="review-grid border-separate border-spacing-0 text-sm"
            data-testid="review-grid"
          >
            <thead>
              <tr role="row" aria-rowindex={1}>
                <th
                  role="columnheader"
                  aria-colindex={1}
                  scope="col"
                  className="sticky left-0 top-0 z-30 border-b border-r border-slate-200 bg-slate-100 px-2 py-2 text-left text-xs font-semibold text-slate-700"
                >
                  {t("criterionColumn")}
                </th>
                {agencies.map((agency, col) => (
                  <th
                    key={agency.id}
                    role="columnheader"
                    aria-colindex={col + 2}
                    scope="col"
                    title={agency.name}
                    className={cn(
                      "sticky top-0 z-20 min-w-20 border-b border-r border-slate-200 bg-slate-100 px-2 py-2 text-right align-bottom text-xs font-semibold",
                      col === active.col && "bg-brand-50",
                    )}
                  >
                    <span className="block text-slate-900">{agency.shortName}</span>
                    <span
                      className={cn(
                        "block font-normal",
                        agency.status === "SUBMITTED" ? "text-green-700" : "text-amber-700",
                      )}
                    >
                      {t(STATUS_KEYS[agency.status as keyof typeof STATUS_KEYS] ?? "statusDraft")}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {layout.items.map((item) =>
                item.kind === "group" ? (
                  <tr key={`g-${item.code}`} role="row" aria-rowindex={item.aria}>
                    <th
                      role="rowheader"
                      aria-colindex={1}
                      colSpan={agencies.length + 1}
                      aria-colspan={agencies.length + 1}
                      scope="rowgroup"
                      className="border-b border-slate-200 bg-slate-50 px-2 py-1 text-left text-xs font-bold uppercase tracking-wide text-slate-700"
                    >
                      <span className="sticky left-2">
                        {item.code}. {item.title}
                      </span>
                    </th>
                  </tr>
                ) : (
                  <GridRow
                    key={item.criterion.id}
                    row={item.index}
                    ariaRowIndex={item.aria}
                    criterion={item.criterion}
                    agencies={agencies}
                    cells={cells[item.criterion.id]}
                    showCells={hydrated}
                    activeCol={item.index === active.row ? active.col : -1}
                    editor={item.index === active.row ? editor : null}
                    limits={limits[item.index]!}
                    words={words}
                    onSelect={onSelect}
                    onEdit={onEdit}
                  />
                ),
              )}
            </tbody>
            <tfoot>
              <tr role="row" aria-rowindex={layout.rowCount}>
                <th
                  role="rowheader"
                  aria-colindex={1}
                  scope="row"
                  className="sticky bottom-0 left-0 z-30 border-r border-t border-slate-300 bg-slate-100 px-2 py-2 text-left text-xs font-semibold"
                >
                  {t("totalRow")}
                </th>
                {agencies.map((agency, col) => (
                  <td
                    key={agency.id}
                    role="gridcell"
                    aria-colindex={col + 2}
                    className="sticky bottom-0 z-20 border-r border-t border-slate-300 bg-slate-100 px-2 py-2 text-right font-bold tabular-nums"
                    data-total={agency.code}
                  >
                    {formatX100(totals[col]!)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        <p
          role="status"
          aria-live="polite"
          className={cn(
            "mt-2 min-h-5 text-sm",
            status?.error ? "font-semibold text-red-700" : "text-slate-700",
          )}
          data-testid="grid-status"
        >
          {status?.text}
        </p>
      </div>
      {history && <HistoryPanel history={history} onClose={() => setHistory(null)} />}
    </div>
  );
}
