import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BulkApproveForm } from "@/components/board/review-controls";
import { ClientMessages } from "@/components/i18n/client-messages";
import { NominationStatusBadge } from "@/components/nominations/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form";
import { Table, td, th } from "@/components/ui/table";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { formatPoints } from "@/lib/scores/points";
import { load, pageActor } from "@/lib/http/page";
import { getInbox } from "@/lib/nominations/board";
import { NOMINATION_STATUSES } from "@/lib/nominations/schemas";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("inbox.title") };
}

type Search = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["year", "blocId", "awardCode", "status", "page"] as const;
const BULK_FORM = "bulk-approve";

/** The filters of the address (GET form), without empty or repeated values. */
function filtersOf(search: Search): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) filters[key] = text;
  }
  return filters;
}

const hrefWith = (filters: Record<string, string>, changes: Record<string, string | null>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...changes })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/board?${text}` : "/board";
};

export default async function BoardInboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const filters = filtersOf(await searchParams);
  const actor = await pageActor();
  // A hand-edited address with a filter the data layer refuses shows the unfiltered inbox.
  const inbox = await load(() =>
    getInbox(actor, filters).catch((error: unknown) =>
      isAppError(error) && error.code === "VALIDATION" ? getInbox(actor, {}) : Promise.reject(error),
    ),
  );
  const t = await getTranslations("board.inbox");
  const statuses = await getTranslations("nominations.status");
  const mayReview = can(actor, "nomination.review");
  const pages = Math.max(1, Math.ceil(inbox.total / inbox.pageSize));
  const dossiers = [...new Map(inbox.items.map((item) => [item.yearId, item])).values()];
  const anySubmitted = mayReview && inbox.items.some((item) => item.status === "SUBMITTED");

  return (
    <ClientMessages namespaces={["board.inbox"]}>
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <Card className="mb-6">
          <form
            method="get"
            action="/board"
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
            aria-label={t("filters")}
          >
            <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
              {t("year")}
              <select name="year" defaultValue={filters.year ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {inbox.facets.years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
              {t("bloc")}
              <select name="blocId" defaultValue={filters.blocId ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {inbox.facets.blocs.map((bloc) => (
                  <option key={bloc.id} value={bloc.id}>
                    {bloc.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
              {t("award")}
              <select name="awardCode" defaultValue={filters.awardCode ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {inbox.facets.awards.map((award) => (
                  <option key={award.code} value={award.code}>
                    {award.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
              {t("status")}
              <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
                <option value="">{t("all")}</option>
                {NOMINATION_STATUSES.filter((status) => status !== "DRAFT" && status !== "WITHDRAWN").map(
                  (status) => (
                    <option key={status} value={status}>
                      {statuses(status)}
                    </option>
                  ),
                )}
              </select>
            </label>
            <div className="flex items-end gap-2">
              <button type="submit" className={buttonClass("primary")}>
                {t("apply")}
              </button>
              <Link href="/board" className={buttonClass("ghost")}>
                {t("clear")}
              </Link>
            </div>
          </form>
          <ul className="mt-4 flex flex-wrap gap-2 text-sm" data-testid="status-counts">
            {Object.entries(inbox.counts).map(([status, count]) => (
              <li key={status}>
                <Link
                  href={hrefWith(filters, { status, page: null })}
                  className="inline-flex min-h-10 items-center rounded-full border border-slate-200 px-3 hover:bg-slate-50"
                  data-status={status}
                >
                  {statuses(status)}: <span className="ml-1 font-semibold">{count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <div className="grid gap-6 lg:grid-cols-4">
          <div className="min-w-0 lg:col-span-3">
            <Card
              title={t("resultsTitle", { total: inbox.total })}
              actions={anySubmitted && <BulkApproveForm formId={BULK_FORM} />}
            >
              {inbox.items.length === 0 ? (
                <p className="text-sm text-slate-600">{t("empty")}</p>
              ) : (
                <Table
                  caption={t("title")}
                  head={
                    <tr>
                      {mayReview && (
                        <th className={th}>
                          <span className="sr-only">{t("select")}</span>
                        </th>
                      )}
                      <th className={th}>{t("agency")}</th>
                      <th className={th}>{t("award")}</th>
                      <th className={th}>{t("bloc")}</th>
                      <th className={th}>{t("status")}</th>
                      <th className={th}>{t("basis")}</th>
                      <th className={th}>{t("updated")}</th>
                    </tr>
                  }
                >
                  {/* Plain links in the rows: a client <Link> per row costs more to render than the rest of the page. */}
                  {inbox.items.map((item) => (
                    <tr key={item.id} data-testid={`inbox-${item.agency.code}`}>
                      {mayReview && (
                        <td className={td}>
                          {item.status === "SUBMITTED" && (
                            <input
                              type="checkbox"
                              form={BULK_FORM}
                              name="nominationIds[]"
                              value={item.id}
                              className="size-5"
                              aria-label={t("selectRow", {
                                agency: item.agency.name,
                                award: item.award.name,
                              })}
                            />
                          )}
                        </td>
                      )}
                      <td className={td}>
                        <a
                          href={`/agencies/${item.agency.code}`}
                          className="font-medium text-brand-700 underline"
                        >
                          {item.agency.name}
                        </a>
                      </td>
                      <td className={td}>{item.award.name}</td>
                      <td className={td}>
                        <a href={`/board/years/${item.yearId}`} className="text-brand-700 underline">
                          {t("blocYear", { bloc: item.bloc.name, year: item.year })}
                        </a>
                      </td>
                      <td className={td}>
                        <NominationStatusBadge status={item.status} />
                        {item.round > 1 && (
                          <span className="ml-1 text-xs text-slate-500">
                            {t("round", { round: item.round })}
                          </span>
                        )}
                      </td>
                      <td className={td}>
                        {t("basisValue", { rank: item.basis.rank, total: formatPoints(item.basis.total) })}
                      </td>
                      <td className={`${td} whitespace-nowrap`}>{formatDateTime(item.updatedAt)}</td>
                    </tr>
                  ))}
                </Table>
              )}
              {pages > 1 && (
                <nav
                  className="mt-4 flex items-center justify-between gap-2 text-sm"
                  aria-label={t("pagination")}
                >
                  {inbox.page > 1 ? (
                    <Link
                      href={hrefWith(filters, { page: String(inbox.page - 1) })}
                      className={buttonClass("secondary")}
                      rel="prev"
                    >
                      {t("previous")}
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span>{t("pageOf", { page: inbox.page, pages })}</span>
                  {inbox.page < pages ? (
                    <Link
                      href={hrefWith(filters, { page: String(inbox.page + 1) })}
                      className={buttonClass("secondary")}
                      rel="next"
                    >
                      {t("next")}
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              )}
            </Card>
          </div>
          <div className="min-w-0">
            <Card title={t("dossiersTitle")}>
              {dossiers.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noDossiers")}</p>
              ) : (
                <ul className="space-y-2 text-sm" data-testid="dossier-links">
                  {dossiers.map((item) => (
                    <li key={item.yearId}>
                      <Link
                        href={`/board/years/${item.yearId}`}
                        className="font-semibold text-brand-700 underline"
                      >
                        {t("blocYear", { bloc: item.bloc.name, year: item.year })}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
