import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format";
import type { NominationStatus } from "./status-badge";

export interface HistoryEvent {
  round: number;
  action: string;
  toStatus: NominationStatus | string;
  comment: string | null;
  actorName: string | null;
  at: string;
}

/** Every step of a nomination, grouped by submission round (round 0: before the first submission). */
export function NominationHistory({ events }: { events: HistoryEvent[] }) {
  const t = useTranslations("nominations.history");
  const rounds = [...new Set(events.map((event) => event.round))].sort((a, b) => a - b);
  if (events.length === 0) return null;
  return (
    <details className="mt-2 text-sm" data-testid="nomination-history">
      <summary className="cursor-pointer py-1 font-semibold text-brand-700">
        {t("title", { count: events.length })}
      </summary>
      <div className="mt-2 space-y-3">
        {rounds.map((round) => (
          <div key={round}>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
              {round === 0 ? t("draftRound") : t("round", { round })}
            </p>
            <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
              {events
                .filter((event) => event.round === round)
                .map((event, index) => (
                  <li key={`${event.at}-${index}`}>
                    <span className="font-medium">
                      {t.has(`action.${event.action}`) ? t(`action.${event.action}`) : event.action}
                    </span>
                    <span className="text-slate-500">
                      {" "}
                      · {event.actorName ?? "—"} · {formatDateTime(event.at)}
                    </span>
                    {event.comment && (
                      <p className="whitespace-pre-line text-slate-800" data-testid="history-comment">
                        {event.comment}
                      </p>
                    )}
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </div>
    </details>
  );
}
