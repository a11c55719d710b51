import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form";
import { Table, td, th } from "@/components/ui/table";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const FILTERS = ["actor", "action", "entity", "entityId", "from", "to", "cursor"] as const;
type Search = Partial<Record<(typeof FILTERS)[number], string>>;

function summary(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const actor = await pageActor();
  const filters = Object.fromEntries(FILTERS.filter((key) => params[key]).map((key) => [key, params[key]]));
  const { entries, nextCursor } = await load(() => listAuditEntries(actor, filters));
  const t = await getTranslations("audit");
  const next = new URLSearchParams({ ...filters, ...(nextCursor ? { cursor: nextCursor } : {}) });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <form className="mb-4 grid gap-2 sm:grid-cols-3 lg:grid-cols-6" role="search">
          <input
            className={inputClass}
            name="actor"
            defaultValue={params.actor ?? ""}
            placeholder={t("actor")}
            aria-label={t("actor")}
          />
          <input
            className={inputClass}
            name="action"
            defaultValue={params.action ?? ""}
            placeholder={t("action")}
            aria-label={t("action")}
          />
          <input
            className={inputClass}
            name="entity"
            defaultValue={params.entity ?? ""}
            placeholder={t("entity")}
            aria-label={t("entity")}
          />
          <input
            className={inputClass}
            name="from"
            type="date"
            defaultValue={params.from ?? ""}
            aria-label={t("from")}
          />
          <input
            className={inputClass}
            name="to"
            type="date"
            defaultValue={params.to ?? ""}
            aria-label={t("to")}
          />
          <button type="submit" className={buttonClass("secondary")}>
            {t("filter")}
          </button>
        </form>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table
            caption={t("title")}
            head={
              <tr>
                <th className={th}>{t("at")}</th>
                <th className={th}>{t("actor")}</th>
                <th className={th}>{t("action")}</th>
                <th className={th}>{t("entity")}</th>
                <th className={th}>{t("change")}</th>
                <th className={th}>{t("origin")}</th>
              </tr>
            }
          >
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td className={`${td} whitespace-nowrap`}>{formatDateTime(entry.at)}</td>
                <td className={td}>{entry.actorEmail ?? t("system")}</td>
                <td className={`${td} font-mono text-xs`}>{entry.action}</td>
                <td className={`${td} text-xs`}>
                  {entry.entity}
                  <br />
                  <span className="font-mono text-slate-500">{entry.entityId}</span>
                </td>
                <td className={`${td} max-w-md break-words font-mono text-xs`}>
                  {entry.before !== null && <div className="text-slate-500">− {summary(entry.before)}</div>}
                  {entry.after !== null && <div>+ {summary(entry.after)}</div>}
                  {entry.reason && (
                    <div className="mt-1 font-sans text-amber-800">
                      {t("reason", { reason: entry.reason })}
                    </div>
                  )}
                </td>
                <td className={`${td} text-xs text-slate-500`}>
                  {entry.ip ?? "—"}
                  <br />
                  <span className="line-clamp-1" title={entry.userAgent ?? undefined}>
                    {entry.userAgent ?? ""}
                  </span>
                </td>
              </tr>
            ))}
          </Table>
        )}
        {nextCursor && (
          <Link href={`/audit?${next.toString()}`} className={buttonClass("secondary", "mt-4")}>
            {t("older")}
          </Link>
        )}
      </Card>
    </>
  );
}
