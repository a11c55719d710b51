"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type KeyboardEvent } from "react";
import { completeCrossScoringAction, saveCrossScoreAction } from "@/lib/cross-scoring/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action";
import { formatPoints, fromX100, parsePoints, pointsText, roundX100 } from "@/lib/scores/points";

export interface CrossScoringFormProps {
  yearId: string;
  targets: { id: string; code: string; name: string }[];
  criteria: { id: string; code: string; title: string; max: number }[];
  /** The agency's saved scores, keyed "<targetAgencyId>:<criterionId>". */
  mine: Record<string, number>;
}

type FieldState = { saving: boolean; error: string | null; saved: boolean };

/**
 * A leader scores the other members, one agency at a time (phone-first: one column of inputs). Each
 * value saves when the field is left or Enter is pressed; "Hoàn thành" needs every cell filled.
 */
export function CrossScoringForm({ yearId, targets, criteria, mine }: CrossScoringFormProps) {
  const t = useTranslations();
  const router = useRouter();
  const id = useId();
  const [targetIndex, setTargetIndex] = useState(0);
  const [saved, setSaved] = useState<Record<string, number>>(mine);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(mine).map(([key, value]) => [key, pointsText(value)])),
  );
  const [fields, setFields] = useState<Record<string, FieldState>>({});
  const [confirming, setConfirming] = useState(false);
  const [completing, startCompleting] = useTransition();
  const [result, setResult] = useState<ActionResult<void> | null>(null);

  const target = targets[targetIndex]!;
  const filledFor = (targetId: string) =>
    criteria.filter((criterion) => saved[`${targetId}:${criterion.id}`] !== undefined).length;
  const filled = targets.reduce((sum, agency) => sum + filledFor(agency.id), 0);
  const expected = targets.length * criteria.length;

  const setField = (key: string, state: Partial<FieldState>) =>
    setFields((current) => ({
      ...current,
      [key]: { saving: false, error: null, saved: false, ...current[key], ...state },
    }));

  async function save(criterion: CrossScoringFormProps["criteria"][number]) {
    const key = `${target.id}:${criterion.id}`;
    const text = (texts[key] ?? "").trim();
    if (text === "" && saved[key] === undefined) return;
    const reading = parsePoints(text, { maxX100: roundX100(criterion.max) });
    if (!reading.ok)
      return setField(key, {
        error:
          reading.problem === "pointsNegative"
            ? t("validation.pointsNegative")
            : reading.problem === "pointsAboveMax"
              ? t("validation.pointsAboveMax", { max: formatPoints(criterion.max) })
              : t("validation.pointsNumber"),
        saved: false,
      });
    const points = fromX100(reading.x100);
    if (points === null) return setField(key, { error: t("validation.pointsNumber"), saved: false });
    if (points === saved[key]) return setField(key, { error: null });
    setField(key, { saving: true, error: null, saved: false });
    let outcome: ActionResult<void>;
    try {
      outcome = await saveCrossScoreAction(yearId, {
        targetAgencyCode: target.code,
        criterionId: criterion.id,
        points,
      });
    } catch {
      outcome = { ok: false, code: "INTERNAL", message: t("crossScoring.networkError") };
    }
    if (outcome.ok) {
      setSaved((current) => ({ ...current, [key]: points }));
      setField(key, { saving: false, saved: true });
    } else {
      setField(key, {
        saving: false,
        error: outcome.fields ? Object.values(outcome.fields)[0]! : outcome.message,
      });
    }
  }

  function onKey(event: KeyboardEvent<HTMLInputElement>, index: number) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = document.getElementById(`${id}-${index + 1}`);
    if (next) next.focus();
    else event.currentTarget.blur();
  }

  function complete() {
    startCompleting(async () => {
      const outcome = await completeCrossScoringAction(yearId);
      setResult(outcome);
      setConfirming(false);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:flex sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-target`} className="text-sm font-semibold text-slate-800">
            {t("crossScoring.target")}
          </label>
          <select
            id={`${id}-target`}
            className={inputClass}
            value={targetIndex}
            onChange={(event) => setTargetIndex(Number(event.target.value))}
            data-testid="cross-target"
          >
            {targets.map((agency, index) => (
              <option key={agency.id} value={index}>
                {t("crossScoring.targetOption", {
                  name: agency.name,
                  filled: filledFor(agency.id),
                  total: criteria.length,
                })}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          onClick={() => setTargetIndex((index) => (index + 1) % targets.length)}
          disabled={targets.length < 2}
        >
          {t("crossScoring.nextTarget")}
        </Button>
      </div>
      <p className="text-sm text-slate-700" data-testid="cross-own-progress">
        {t("crossScoring.ownProgress", { filled, expected })}
      </p>
      <ol
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        aria-label={t("crossScoring.listLabel", { name: target.name })}
      >
        {criteria.map((criterion, index) => {
          const key = `${target.id}:${criterion.id}`;
          const field = fields[key];
          const inputId = `${id}-${index}`;
          return (
            <li key={key} className="flex items-start gap-3 p-3" data-criterion={criterion.code}>
              <label htmlFor={inputId} className="min-w-0 flex-1 text-sm">
                <span className="font-semibold">{criterion.code}</span> {criterion.title}
                <span className="block text-xs text-slate-500">
                  {t("crossScoring.max", { max: formatPoints(criterion.max) })}
                </span>
              </label>
              <div className="w-24 shrink-0">
                <input
                  id={inputId}
                  value={texts[key] ?? ""}
                  onChange={(event) => {
                    const value = event.target.value;
                    setTexts((current) => ({ ...current, [key]: value }));
                    setField(key, { error: null, saved: false });
                  }}
                  onBlur={() => void save(criterion)}
                  onKeyDown={(event) => onKey(event, index)}
                  inputMode="decimal"
                  autoComplete="off"
                  aria-invalid={field?.error ? true : undefined}
                  aria-describedby={`${inputId}-state`}
                  className={cn(inputClass, "text-right tabular-nums")}
                />
                <p
                  id={`${inputId}-state`}
                  className={cn(
                    "mt-0.5 text-right text-xs",
                    field?.error ? "text-red-700" : "text-slate-500",
                  )}
                  aria-live="polite"
                >
                  {field?.error ??
                    (field?.saving ? t("crossScoring.saving") : field?.saved ? t("crossScoring.saved") : "")}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        {confirming ? (
          <div role="group" aria-labelledby={`${id}-confirm`} className="space-y-3">
            <p id={`${id}-confirm`} className="text-sm">
              {t("crossScoring.completeConfirmText", { filled, expected })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={complete} disabled={completing} aria-busy={completing} autoFocus>
                {completing ? t("common.saving") : t("crossScoring.completeConfirm")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <Button onClick={() => setConfirming(true)}>{t("crossScoring.complete")}</Button>
        )}
        <FormMessage result={result} />
      </div>
    </div>
  );
}
