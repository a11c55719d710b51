"use client";

import { useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { RankingEntry } from "@/lib/ranking/compute";
import { formatSignedX100, formatX100 } from "@/lib/scores/points";
import { bandColor } from "./band-colors";

export interface RankingTableProps {
  entries: RankingEntry[];
  bands: { code: string; label: string }[];
  /** Titles of the criteria groups by code, for the breakdown. */
  groupTitles: Record<string, string>;
  /** The viewer's own agency, highlighted. */
  ownAgencyCode: string | null;
}

const th = "whitespace-nowrap px-3 py-2";
const num = "px-3 py-2 text-right tabular-nums";

/** The ranking table; each row expands to the agency's points per criteria group. */
export function RankingTable({ entries, bands, groupTitles, ownAgencyCode }: RankingTableProps) {
  const t = useTranslations("ranking");
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="ranking-table">
        <caption className="sr-only">{t("tableTitle")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className={th}>
              {t("rankColumn")}
            </th>
            <th scope="col" className={th}>
              {t("agencyColumn")}
            </th>
            <th scope="col" className={cn(th, "text-right")}>
              {t("baseColumn")}
            </th>
            <th scope="col" className={cn(th, "text-right")}>
              {t("bonusColumn")}
            </th>
            <th scope="col" className={cn(th, "text-right")}>
              {t("deductionColumn")}
            </th>
            <th scope="col" className={cn(th, "text-right")}>
              {t("totalColumn")}
            </th>
            <th scope="col" className={th}>
              {t("classificationColumn")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {entries.map((entry) => {
            const expanded = open.has(entry.agency.code);
            const detailId = `breakdown-${entry.agency.code}`;
            return (
              <Fragment key={entry.agency.code}>
                <tr
                  data-agency={entry.agency.code}
                  className={cn(entry.agency.code === ownAgencyCode && "bg-blue-50")}
                >
                  <td className="whitespace-nowrap px-3 py-2 font-bold tabular-nums" data-testid="rank">
                    {entry.rank}
                    {entry.tied && " "}
                    {entry.tied && (
                      <span className="ml-1 text-xs font-normal text-slate-600" data-testid="tied">
                        ({t("tied")})
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {entry.notScored || entry.unscored ? (
                      <span className="block min-w-52 pl-4 font-medium text-slate-900">
                        {entry.agency.name}
                        {entry.agency.code === ownAgencyCode && (
                          <span className="block text-xs font-normal text-blue-800">{t("ownAgency")}</span>
                        )}
                      </span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => toggle(entry.agency.code)}
                        aria-expanded={expanded}
                        aria-controls={detailId}
                        className="flex min-h-8 min-w-52 items-start gap-1 text-left font-medium text-slate-900 hover:text-brand-700"
                      >
                        <span aria-hidden="true" className="w-3 shrink-0 text-slate-500">
                          {expanded ? "▾" : "▸"}
                        </span>
                        <span>
                          {entry.agency.name}
                          {entry.agency.code === ownAgencyCode && (
                            <span className="block text-xs font-normal text-blue-800">{t("ownAgency")}</span>
                          )}
                        </span>
                        <span className="sr-only">— {t(expanded ? "hideBreakdown" : "showBreakdown")}</span>
                      </button>
                    )}
                  </td>
                  {entry.notScored || entry.unscored ? (
                    <>
                      <td className={num}>—</td>
                      <td className={num}>—</td>
                      <td className={num}>—</td>
                      <td className={cn(num, "whitespace-nowrap font-bold")} data-testid="total">
                        {entry.notScored ? t("notScored") : t("unscored")}
                      </td>
                      <td className="px-3 py-2 text-xs text-slate-600" data-testid="classification">
                        {entry.notScored
                          ? t("notScoredReason", { reason: entry.notScored })
                          : t("unscoredHint")}
                      </td>
                    </>
                  ) : (
                    <>
                      <td className={num}>{formatX100(entry.baseX100)}</td>
                      <td className={num}>{formatX100(entry.bonusX100)}</td>
                      <td className={num}>{formatSignedX100(entry.deductionX100, "DEDUCTION")}</td>
                      <td className={cn(num, "font-bold")} data-testid="total">
                        {formatX100(entry.totalX100)}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2" data-testid="classification">
                        <span className="inline-flex items-center gap-1.5">
                          <span
                            aria-hidden="true"
                            className={cn(
                              "inline-block size-2.5 rounded-full",
                              bandColor(bands, entry.classification?.code),
                            )}
                          />
                          {entry.classification ? (
                            entry.classification.label
                          ) : (
                            <Badge>{t("unclassified")}</Badge>
                          )}
                        </span>
                      </td>
                    </>
                  )}
                </tr>
                {expanded && !entry.notScored && !entry.unscored && (
                  <tr id={detailId} className="bg-slate-50">
                    <td />
                    <td colSpan={6} className="px-3 py-2">
                      <p className="mb-1 text-xs font-semibold text-slate-600">{t("breakdownTitle")}</p>
                      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                        {entry.groups.map((group) => (
                          <div
                            key={group.code}
                            className="flex justify-between gap-3 border-b border-slate-200 py-0.5"
                          >
                            <dt className="text-slate-700">
                              {group.code}. {groupTitles[group.code] ?? ""}
                            </dt>
                            <dd className="font-semibold tabular-nums">
                              {formatSignedX100(group.x100, group.kind)}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
