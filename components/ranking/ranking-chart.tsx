import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatX100, roundX100 } from "@/lib/scores/points";
import type { RankingEntry } from "@/lib/ranking/compute";
import { bandColor } from "./band-colors";

export interface RankingChartProps {
  entries: RankingEntry[];
  bands: { code: string; label: string; minTotal: number }[];
}

/**
 * Totals as horizontal bars coloured by classification, with a legend of the bands. Plain HTML and
 * CSS: every bar is a list item whose text (rank, agency, total, classification) is read aloud.
 */
export function RankingChart({ entries, bands }: RankingChartProps) {
  const t = useTranslations("ranking");
  const top = Math.max(
    1,
    ...entries.map((entry) => entry.totalX100),
    ...bands.map((band) => roundX100(band.minTotal)),
  );
  return (
    <figure aria-labelledby="ranking-chart-title">
      <figcaption id="ranking-chart-title" className="sr-only">
        {t("chartTitle")}
      </figcaption>
      <ul className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
        {bands.map((band) => (
          <li key={band.code} className="flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cn("inline-block size-3 rounded-sm", bandColor(bands, band.code))}
            />
            {t("legendItem", { label: band.label, min: formatX100(roundX100(band.minTotal)) })}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className={cn("inline-block size-3 rounded-sm", bandColor(bands, null))} />
          {t("unclassified")}
        </li>
      </ul>
      <ol className="space-y-2" data-testid="ranking-chart">
        {entries.map((entry) => (
          <li
            key={entry.agency.code}
            className="grid grid-cols-1 gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[14rem_minmax(0,1fr)] sm:items-center"
            data-agency={entry.agency.code}
          >
            <span className="truncate" title={entry.agency.name}>
              <span className="font-semibold tabular-nums">{entry.rank}.</span> {entry.agency.name}
            </span>
            <span className="flex min-w-0 items-center gap-2">
              <span className="h-5 min-w-0 flex-1 rounded-sm bg-slate-100">
                {!entry.notScored && !entry.unscored && (
                  <span
                    aria-hidden="true"
                    className={cn("block h-5 rounded-sm", bandColor(bands, entry.classification?.code))}
                    style={{ width: `${(Math.max(0, entry.totalX100) / top) * 100}%` }}
                  />
                )}
              </span>
              <span className="w-28 shrink-0 text-right text-xs tabular-nums">
                {entry.notScored || entry.unscored ? (
                  <span className="font-semibold">{entry.notScored ? t("notScored") : t("unscored")}</span>
                ) : (
                  <>
                    <span className="font-semibold">{formatX100(entry.totalX100)}</span> ·{" "}
                    {entry.classification?.label ?? t("unclassified")}
                  </>
                )}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
