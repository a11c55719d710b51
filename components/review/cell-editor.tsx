"use client";

import { useTranslations } from "next-intl";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { formatPoints, fromX100, parsePoints, toX100 } from "@/lib/scores/points";

export type Move = "down" | "right" | "left" | "none";

export interface CellEditorProps {
  /** What the input starts with: the typed character, or the current final score. */
  initial: string;
  max: number;
  self: number | null;
  final: number | null;
  reason: string | null;
  /** Names the cell for assistive technology ("I.1 — Ban Tổ chức"). */
  label: string;
  onCommit: (points: number | null, reason: string | null, move: Move) => void;
  onCancel: () => void;
}

type Parsed = { ok: true; points: number | null } | { ok: false; error: string };

/**
 * The one editor of the review grid, mounted in the active cell. Its text lives here, so typing
 * re-renders nothing else. Enter checks the value (nothing is sent when it is negative, over the
 * maximum or not a number); a value that differs from the self score asks for a reason first.
 */
export function CellEditor({
  initial,
  max,
  self,
  final,
  reason,
  label,
  onCommit,
  onCancel,
}: CellEditorProps) {
  const t = useTranslations();
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<{ points: number; move: Move } | null>(null);
  /**
   * Where popovers open: above the cell near the bottom of the grid (its totals row is sticky
   * there), and rightwards near its left edge (they would be cut off).
   */
  const [place, setPlace] = useState({ above: false, left: false });
  const [reasonText, setReasonText] = useState(reason ?? "");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  // Focus before the next key event arrives: the first digit opened the editor, the next ones go in it.
  useLayoutEffect(() => {
    const input = step ? reasonRef.current : valueRef.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    if (step) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
  }, [step]);

  function parse(value: string): Parsed {
    const reading = parsePoints(value, { maxX100: toX100(max) });
    if (reading.ok) return { ok: true, points: fromX100(reading.x100) };
    if (reading.problem === "pointsNegative") return { ok: false, error: t("validation.pointsNegative") };
    if (reading.problem === "pointsAboveMax")
      return { ok: false, error: t("validation.pointsAboveMax", { max: formatPoints(max) }) };
    // The grid answers "not a number" to too many decimals as well.
    return { ok: false, error: t("validation.pointsNumber") };
  }

  function placePopover(height: number) {
    const input = valueRef.current;
    const box = input?.closest("[data-grid-scroll]");
    if (!input || !box) return;
    const outer = box.getBoundingClientRect();
    const cell = input.getBoundingClientRect();
    setPlace({ above: outer.bottom - cell.bottom < height, left: cell.right - outer.left < 300 });
  }

  function submitValue(move: Move) {
    const parsed = parse(text);
    if (!parsed.ok) {
      placePopover(100);
      setError(parsed.error);
      return;
    }
    const { points } = parsed;
    if (points === final) return onCommit(points, reason, move);
    if (points !== null && points !== self) {
      placePopover(190);
      setStep({ points, move });
      return;
    }
    onCommit(points, null, move);
  }

  function onValueKey(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      submitValue("down");
    } else if (event.key === "Tab") {
      event.preventDefault();
      submitValue(event.shiftKey ? "left" : "right");
    } else if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  function onReasonKey(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    if (!step) return;
    if (event.key === "Enter") {
      event.preventDefault();
      const trimmed = reasonText.trim();
      if (!trimmed) {
        setReasonError(t("validation.reasonRequired"));
        return;
      }
      onCommit(step.points, trimmed, step.move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setStep(null);
      setReasonError(null);
    }
  }

  return (
    <div className="absolute inset-0 z-20">
      <input
        ref={valueRef}
        value={text}
        readOnly={step !== null}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={onValueKey}
        inputMode="decimal"
        autoComplete="off"
        aria-label={t("review.editorLabel", { cell: label, max: formatPoints(max) })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="h-full w-full rounded-none border-2 border-brand-600 bg-white px-2 text-right text-base font-semibold text-slate-900 outline-none aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50"
        data-testid="cell-editor"
      />
      {error && (
        <p
          id={`${id}-error`}
          role="alert"
          className={`absolute z-30 w-56 ${place.left ? "left-0" : "right-0"} ${place.above ? "bottom-full mb-1" : "top-full mt-1"} rounded-md bg-red-700 px-2 py-1 text-left text-xs font-semibold text-white shadow-lg`}
          data-testid="cell-error"
        >
          {error}
        </p>
      )}
      {step && (
        <div
          role="group"
          aria-labelledby={`${id}-reason-label`}
          className={`absolute z-30 w-72 max-w-[80vw] rounded-md border border-slate-300 bg-white p-3 text-left shadow-lg ${place.left ? "left-0" : "right-0"} ${place.above ? "bottom-full mb-1" : "top-full mt-1"}`}
        >
          <label
            id={`${id}-reason-label`}
            htmlFor={`${id}-reason`}
            className="block text-xs font-semibold text-slate-800"
          >
            {t("review.reasonLabel", {
              self: self === null ? "—" : formatPoints(self),
              final: formatPoints(step.points),
            })}
          </label>
          <input
            id={`${id}-reason`}
            ref={reasonRef}
            value={reasonText}
            onChange={(event) => {
              setReasonText(event.target.value);
              setReasonError(null);
            }}
            onKeyDown={onReasonKey}
            maxLength={1000}
            autoComplete="off"
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${id}-reason-hint${reasonError ? ` ${id}-reason-error` : ""}`}
            className="mt-1 min-h-9 w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600"
            data-testid="reason-input"
          />
          <p id={`${id}-reason-hint`} className="mt-1 text-xs text-slate-500">
            {t("review.reasonHint")}
          </p>
          {reasonError && (
            <p id={`${id}-reason-error`} role="alert" className="mt-1 text-xs font-semibold text-red-700">
              {reasonError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
