import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import type { CriteriaTable } from "@/lib/criteria/schemas";
import { formatPoints, formatX100, roundX100 } from "@/lib/scores/points";
import { KIND_TONES } from "./kind-tones";

/** The year's criteria table as every member reads it: groups, their criteria, maxima and guidance. */
export function CriteriaView({ table }: { table: CriteriaTable }) {
  const t = useTranslations("criteriaTable");
  if (table.groups.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const baseX100 = table.groups
    .filter((group) => group.kind === "BASE")
    .reduce((sum, group) => sum + roundX100(group.max), 0);
  return (
    <div className="space-y-6" data-testid="criteria-view">
      <p className="text-sm text-slate-700">
        {t("baseSum", { sum: formatX100(baseX100), scale: formatPoints(table.scale) })}
      </p>
      {table.groups.map((group) => (
        <section
          key={group.id}
          aria-labelledby={`group-${group.id}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          data-group={group.code}
        >
          <header className="mb-3 flex flex-wrap items-center gap-2">
            <h2 id={`group-${group.id}`} className="text-lg font-semibold text-slate-900">
              {group.code}. {group.title}
            </h2>
            <Badge tone={KIND_TONES[group.kind]}>{t(`kinds.${group.kind}`)}</Badge>
            <span className="text-sm text-slate-600">{t("groupMax", { max: formatPoints(group.max) })}</span>
          </header>
          {group.criteria.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noCriteria")}</p>
          ) : (
            <Table
              caption={`${group.code}. ${group.title}`}
              head={
                <tr>
                  <th className={th}>{t("columns.criterion")}</th>
                  <th className={`${th} text-right`}>{t("columns.max")}</th>
                </tr>
              }
            >
              {group.criteria.map((criterion) => (
                <tr key={criterion.id} data-criterion={criterion.code}>
                  <td className={td}>
                    <span className="font-semibold">{criterion.code}</span> {criterion.title}
                    {criterion.evidenceRequired && (
                      <span className="ml-2 inline-block">
                        <Badge tone="amber">{t("evidenceRequired")}</Badge>
                      </span>
                    )}
                    {criterion.guidance && (
                      <p className="mt-1 whitespace-pre-line text-xs text-slate-600">{criterion.guidance}</p>
                    )}
                  </td>
                  <td className={`${td} text-right font-semibold tabular-nums`}>
                    {formatPoints(criterion.max)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      ))}
    </div>
  );
}
