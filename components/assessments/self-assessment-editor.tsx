"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { saveSelfScoreAction, submitSelfAssessmentAction } from "@/lib/assessments/actions";
import { KIND_TONES } from "@/components/criteria/kind-tones";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FormMessage, inputClass } from "@/components/ui/form";
import type { SelfAssessmentView } from "@/lib/assessments/assessments";
import type { ActionResult } from "@/lib/http/action";
import { TIME_ZONE } from "@/lib/i18n/locales";
import {
  formatPoints,
  formatX100,
  fromX100,
  parsePoints,
  pointsText,
  roundX100,
  totalPoints,
} from "@/lib/scores/points";
import { EvidenceBox } from "./evidence-box";

type Criterion = SelfAssessmentView["groups"][number]["criteria"][number];

type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

interface Row {
  text: string;
  note: string;
  save: SaveState;
}

/** Reads a row's points field: empty is no score; at most the criterion's maximum. */
const readPoints = (text: string, max: number) => parsePoints(text, { maxX100: roundX100(max) });

/** Waiting time after the last keystroke before a row is saved. */
const SAVE_DELAY_MS = 800;

const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export interface SelfAssessmentEditorProps {
  view: SelfAssessmentView;
  maxUploadMb: number;
}

/**
 * The agency's self-assessment: points and a note per criterion that save as one types (each row on
 * its own, ~800 ms after the last keystroke or when the field is left), evidence files per criterion,
 * live totals, and the leader's submission.
 */
export function SelfAssessmentEditor({ view, maxUploadMb }: SelfAssessmentEditorProps) {
  const t = useTranslations("assessment");
  const ct = useTranslations("criteriaTable");
  const v = useTranslations("validation");
  const yearId = view.year.id;
  const criteria = view.groups.flatMap((group) =>
    group.criteria.map((criterion) => ({ criterion, kind: group.kind })),
  );
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      criteria.map(({ criterion }) => [
        criterion.id,
        { text: pointsText(criterion.self), note: criterion.note, save: { kind: "idle" } },
      ]),
    ),
  );
  // What the server holds (to skip saves that change nothing) and what was typed last (for timers).
  const saved = useRef<Record<string, { points: number | null; note: string; at: string | null }>>(
    Object.fromEntries(
      criteria.map(({ criterion }) => [
        criterion.id,
        { points: criterion.self, note: criterion.note, at: null },
      ]),
    ),
  );
  const latest = useRef<Record<string, { text: string; note: string }>>({});
  /** Rows waiting for their save delay, with the save to run. */
  const timers = useRef<Record<string, { handle: ReturnType<typeof setTimeout>; run: () => void }>>({});
  const busy = useRef(new Set<string>());
  const again = useRef(new Set<string>());

  const checks = Object.fromEntries(
    criteria.map(({ criterion }) => [criterion.id, readPoints(rows[criterion.id]!.text, criterion.max)]),
  );
  const invalidCount = Object.values(checks).filter((check) => !check.ok).length;
  const unsavedCount = Object.values(rows).filter(
    (row) => row.save.kind === "pending" || row.save.kind === "saving",
  ).length;
  const failedCount = Object.values(rows).filter((row) => row.save.kind === "error").length;
  const typedX100 = (id: string) => {
    const check = checks[id]!;
    return check.ok ? check.x100 : null;
  };
  const filled = criteria.filter(({ criterion }) => typedX100(criterion.id) !== null).length;
  // The valid points typed so far, counted as the server counts them (lib/scores/points).
  const totalX100 = totalPoints(
    criteria.map(({ criterion, kind }) => ({ id: criterion.id, kind, maxX100: roundX100(criterion.max) })),
    (criterion) => typedX100(criterion.id),
  ).totalX100;

  useEffect(() => {
    if (unsavedCount === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsavedCount]);

  // Leaving the page inside the app (a link) saves what is still waiting instead of dropping it.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of Object.values(pending)) {
        clearTimeout(timer.handle);
        timer.run();
      }
    };
  }, []);

  const setSave = (id: string, save: SaveState) =>
    setRows((all) => ({ ...all, [id]: { ...all[id]!, save } }));

  async function flush(id: string, max: number) {
    clearTimeout(timers.current[id]?.handle);
    delete timers.current[id];
    const typed = latest.current[id];
    if (!typed) return;
    const check = readPoints(typed.text, max);
    if (!check.ok) return;
    const points = fromX100(check.x100);
    const last = saved.current[id]!;
    if (last.points === points && last.note === typed.note) {
      setSave(id, last.at ? { kind: "saved", at: last.at } : { kind: "idle" });
      return;
    }
    if (busy.current.has(id)) {
      again.current.add(id);
      return;
    }
    busy.current.add(id);
    setSave(id, { kind: "saving" });
    let outcome: ActionResult<{ savedAt: string }>;
    try {
      outcome = await saveSelfScoreAction(yearId, { criterionId: id, points, note: typed.note });
    } catch {
      outcome = { ok: false, code: "NETWORK", message: t("save.failed") };
    }
    busy.current.delete(id);
    if (outcome.ok) {
      saved.current[id] = { points, note: typed.note, at: outcome.data.savedAt };
      const now = latest.current[id]!;
      const changedSince = now.text !== typed.text || now.note !== typed.note;
      setSave(id, changedSince ? { kind: "pending" } : { kind: "saved", at: outcome.data.savedAt });
    } else {
      setSave(id, {
        kind: "error",
        message: outcome.fields?.points ?? outcome.fields?.note ?? outcome.message,
      });
    }
    if (again.current.delete(id)) void flush(id, max);
  }

  function change(criterion: Criterion, patch: Partial<Pick<Row, "text" | "note">>) {
    const id = criterion.id;
    const current = rows[id]!;
    const next = { text: patch.text ?? current.text, note: patch.note ?? current.note };
    latest.current[id] = next;
    clearTimeout(timers.current[id]?.handle);
    delete timers.current[id];
    const valid = readPoints(next.text, criterion.max).ok;
    setRows((all) => ({
      ...all,
      [id]: {
        ...all[id]!,
        ...next,
        save: valid ? { kind: "pending" } : all[id]!.save.kind === "error" ? all[id]!.save : { kind: "idle" },
      },
    }));
    if (valid) {
      const run = () => void flush(id, criterion.max);
      timers.current[id] = { handle: setTimeout(run, SAVE_DELAY_MS), run };
    }
  }

  function leave(criterion: Criterion) {
    if (timers.current[criterion.id]) void flush(criterion.id, criterion.max);
  }

  function indicator(save: SaveState) {
    switch (save.kind) {
      case "pending":
        return <span className="text-slate-500">{t("save.pending")}</span>;
      case "saving":
        return <span className="text-slate-600">{t("save.saving")}</span>;
      case "saved":
        return (
          <span className="text-green-700">
            {t("save.savedAt", { time: timeFormat.format(new Date(save.at)) })}
          </span>
        );
      case "error":
        return (
          <span className="font-semibold text-red-700">{t("save.error", { message: save.message })}</span>
        );
      default:
        return null;
    }
  }

  return (
    <div className="space-y-6">
      {view.groups.map((group) => (
        <section
          key={group.code}
          aria-labelledby={`group-${group.code}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          data-group={group.code}
        >
          <header className="mb-4 flex flex-wrap items-center gap-2">
            <h2 id={`group-${group.code}`} className="text-lg font-semibold text-slate-900">
              {group.code}. {group.title}
            </h2>
            <Badge tone={KIND_TONES[group.kind as keyof typeof KIND_TONES] ?? "slate"}>
              {ct(`kinds.${group.kind}`)}
            </Badge>
            <span className="text-sm text-slate-600">{ct("groupMax", { max: formatPoints(group.max) })}</span>
          </header>
          <ol className="divide-y divide-slate-100">
            {group.criteria.map((criterion) => {
              const row = rows[criterion.id]!;
              const check = checks[criterion.id]!;
              const pointsId = `points-${criterion.id}`;
              const noteId = `note-${criterion.id}`;
              const current = check.ok ? fromX100(check.x100) : criterion.self;
              return (
                <li
                  key={criterion.id}
                  className="space-y-3 py-4 first:pt-0 last:pb-0"
                  data-criterion={criterion.code}
                >
                  <div>
                    <h3 className="font-semibold text-slate-900">
                      <span className="tabular-nums">{criterion.code}</span> {criterion.title}
                    </h3>
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                      <span>{t("criterionMax", { max: formatPoints(criterion.max) })}</span>
                      {criterion.evidenceRequired && <Badge tone="amber">{t("evidence.required")}</Badge>}
                    </div>
                    {criterion.guidance && (
                      <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{criterion.guidance}</p>
                    )}
                  </div>
                  {view.editable ? (
                    <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
                      <div className="flex flex-col gap-1">
                        <label htmlFor={pointsId} className="text-sm font-semibold text-slate-800">
                          {t("fields.points")}
                          <span className="sr-only"> {criterion.code}</span>
                        </label>
                        <input
                          id={pointsId}
                          className={inputClass}
                          inputMode="decimal"
                          autoComplete="off"
                          value={row.text}
                          aria-invalid={check.ok ? undefined : true}
                          aria-describedby={`${pointsId}-hint${check.ok ? "" : ` ${pointsId}-error`}`}
                          onChange={(event) => change(criterion, { text: event.target.value })}
                          onBlur={() => leave(criterion)}
                        />
                        <p id={`${pointsId}-hint`} className="text-xs text-slate-500">
                          {t("pointsHint", { max: formatPoints(criterion.max) })}
                        </p>
                        {!check.ok && (
                          <p id={`${pointsId}-error`} className="text-sm text-red-700">
                            {v(check.problem, { max: formatPoints(criterion.max) })}
                          </p>
                        )}
                      </div>
                      <div className="flex flex-col gap-1">
                        <label htmlFor={noteId} className="text-sm font-semibold text-slate-800">
                          {t("fields.note")}
                          <span className="sr-only"> {criterion.code}</span>
                        </label>
                        <textarea
                          id={noteId}
                          className={cn(inputClass, "min-h-16")}
                          rows={2}
                          maxLength={4000}
                          value={row.note}
                          onChange={(event) => change(criterion, { note: event.target.value })}
                          onBlur={() => leave(criterion)}
                        />
                      </div>
                    </div>
                  ) : (
                    <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                      <dt className="font-semibold text-slate-800">{t("fields.points")}</dt>
                      <dd data-testid="self-points">
                        {criterion.self === null
                          ? t("notScored")
                          : t("pointsOf", {
                              points: formatPoints(criterion.self),
                              max: formatPoints(criterion.max),
                            })}
                      </dd>
                      <dt className="font-semibold text-slate-800">{t("fields.note")}</dt>
                      <dd className="whitespace-pre-line">{criterion.note || "—"}</dd>
                    </dl>
                  )}
                  {view.editable && (
                    <p className="min-h-5 text-sm" aria-live="polite" data-testid="save-state">
                      {indicator(row.save)}
                    </p>
                  )}
                  <EvidenceBox
                    yearId={yearId}
                    criterion={{ id: criterion.id, code: criterion.code }}
                    files={criterion.evidence}
                    editable={view.editable}
                    maxUploadMb={maxUploadMb}
                    missing={
                      criterion.evidenceRequired && (current ?? 0) > 0 && criterion.evidence.length === 0
                    }
                  />
                </li>
              );
            })}
          </ol>
        </section>
      ))}

      <div
        className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border"
        data-testid="assessment-totals"
      >
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span data-testid="filled-count">{t("totals.filled", { filled, count: criteria.length })}</span>
          <span className="font-semibold" data-testid="self-total">
            {t("totals.selfTotal", { total: formatX100(totalX100) })}
          </span>
        </p>
        {view.editable && (
          <p className="text-xs text-slate-600" aria-live="polite">
            {unsavedCount > 0
              ? t("save.unsaved")
              : failedCount > 0 || invalidCount > 0
                ? t("save.someFailed")
                : t("save.allSaved")}
          </p>
        )}
        {view.maySubmit && (
          <SubmitPanel
            yearId={yearId}
            version={view.version}
            blocked={unsavedCount > 0 ? "saving" : invalidCount > 0 || failedCount > 0 ? "invalid" : null}
          />
        )}
      </div>
    </div>
  );
}

/** The leader's submission, confirmed in a second step; errors (missing evidence) come back as a list. */
function SubmitPanel({
  yearId,
  version,
  blocked,
}: {
  yearId: string;
  version: number;
  blocked: "saving" | "invalid" | null;
}) {
  const t = useTranslations("assessment.submit");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    startTransition(async () => {
      const outcome = await submitSelfAssessmentAction(yearId, version);
      setResult(outcome);
      setConfirming(false);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      {confirming ? (
        <div
          role="group"
          aria-labelledby="submit-confirm-text"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="submit-confirm-text" className="text-sm text-amber-950">
            {t("confirmText")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={submit} disabled={pending || blocked !== null} aria-busy={pending}>
              {pending ? t("sending") : t("confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          onClick={() => {
            setResult(null);
            setConfirming(true);
          }}
          disabled={blocked !== null}
        >
          {t("button")}
        </Button>
      )}
      {blocked && (
        <p className="text-xs text-slate-600">{blocked === "saving" ? t("waitSaving") : t("fixInvalid")}</p>
      )}
      <FormMessage result={result} />
    </div>
  );
}
