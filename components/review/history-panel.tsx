"use client";

import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import { formatPoints } from "@/lib/scores/points";

export interface HistoryEntry {
  field: "SELF" | "FINAL";
  from: number | null;
  to: number | null;
  note: string | null;
  by: string | null;
  at: string;
}

export interface HistoryState {
  criterion: { code: string; title: string };
  agency: { name: string };
  loading: boolean;
  entries: HistoryEntry[];
  error: string | null;
}

/** The changes of one cell (self and final scores), newest first. */
export function HistoryPanel({ history, onClose }: { history: HistoryState; onClose: () => void }) {
  const t = useTranslations("review");
  const value = (points: number | null) => (points === null ? t("emptyValue") : formatPoints(points));
  return (
    <aside
      aria-labelledby="history-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="history-panel"
    >
      <header className="mb-3 flex items-start justify-between gap-2">
        <div>
          <h2 id="history-title" className="text-base font-semibold">
            {t("historyTitle", { criterion: history.criterion.code })}
          </h2>
          <p className="text-xs text-slate-600">
            {history.criterion.title} — {history.agency.name}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md px-2 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-100"
        >
          {t("closeHistory")}
        </button>
      </header>
      <div aria-live="polite" aria-busy={history.loading}>
        {history.loading ? (
          <p className="text-sm text-slate-600">{t("historyLoading")}</p>
        ) : history.error ? (
          <p className="text-sm text-red-700">{history.error}</p>
        ) : history.entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("historyEmpty")}</p>
        ) : (
          <ol className="space-y-3">
            {history.entries.map((entry, index) => (
              <li key={`${entry.at}-${index}`} className="border-l-2 border-slate-300 pl-3 text-sm">
                <p className="font-semibold">
                  {t(entry.field === "SELF" ? "historySelf" : "historyFinal")}:{" "}
                  <span className="tabular-nums">
                    {value(entry.from)} → {value(entry.to)}
                  </span>
                </p>
                {entry.note && <p className="text-slate-700">{entry.note}</p>}
                <p className="text-xs text-slate-500">
                  {entry.by ? `${entry.by} · ` : ""}
                  {formatDateTime(entry.at)}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
