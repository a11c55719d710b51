"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { CellConflict } from "@/lib/scores/save";
import { formatPoints } from "@/lib/scores/points";

export interface ConflictPanelProps {
  criterion: { code: string; title: string };
  agency: { name: string };
  conflict: CellConflict;
  /** More conflicts wait after this one. */
  more: number;
  onKeep: () => void;
  onOverwrite: () => void;
}

const shown = (points: number | null, empty: string) => (points === null ? empty : formatPoints(points));

/**
 * A stale save: someone saved the cell since this tab read it. Both values side by side, who saved
 * the current one and when; nothing is overwritten unless the user says so.
 */
export function ConflictPanel({
  criterion,
  agency,
  conflict,
  more,
  onKeep,
  onOverwrite,
}: ConflictPanelProps) {
  const t = useTranslations("review");
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), [conflict]);
  const known = conflict.version >= 0;
  return (
    <section
      role="alertdialog"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      className="mb-4 rounded-lg border-2 border-amber-500 bg-amber-50 p-4"
      data-testid="conflict-panel"
    >
      <h2 id="conflict-title" className="text-base font-bold text-amber-950">
        {t("conflictTitle", { criterion: criterion.code, agency: agency.name })}
      </h2>
      <p id="conflict-text" className="mt-1 text-sm text-amber-950">
        {known
          ? conflict.by && conflict.at
            ? t("conflictText", { by: conflict.by, at: formatDateTime(conflict.at) })
            : t("conflictTextUnknown")
          : t("conflictReload")}
      </p>
      <dl className="mt-3 grid max-w-md grid-cols-2 gap-2 text-sm">
        <div className="rounded-md bg-white p-2">
          <dt className="text-xs text-slate-600">{t("conflictYours")}</dt>
          <dd className="text-lg font-bold tabular-nums" data-testid="conflict-yours">
            {shown(conflict.yours, t("emptyValue"))}
          </dd>
        </div>
        <div className="rounded-md bg-white p-2">
          <dt className="text-xs text-slate-600">{t("conflictCurrent")}</dt>
          <dd className="text-lg font-bold tabular-nums" data-testid="conflict-current">
            {known ? shown(conflict.current, t("emptyValue")) : "?"}
          </dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <button ref={keepRef} type="button" className={buttonClass("secondary")} onClick={onKeep}>
          {known ? t("keepCurrent") : t("reload")}
        </button>
        <Button onClick={onOverwrite} disabled={!known}>
          {t("overwrite")}
        </Button>
      </div>
      {more > 0 && <p className="mt-2 text-xs text-amber-900">{t("moreConflicts", { count: more })}</p>}
    </section>
  );
}
