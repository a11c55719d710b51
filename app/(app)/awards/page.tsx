import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AwardsTable } from "@/components/nominations/awards-table";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form";
import { isAppError } from "@/lib/errors";
import { load, pageActor } from "@/lib/http/page";
import { awardSearchFacets, searchAwards } from "@/lib/nominations/history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("awards"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["q", "year", "awardCode", "blocId"] as const;
const LIMIT = 500;

function filtersOf(search: Search): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) filters[key] = text;
  }
  return filters;
}

/** Tra cứu khen thưởng: the province's awards by agency, year, award and bloc; the same query as XLSX. */
export default async function AwardsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const filters = filtersOf(await searchParams);
  const actor = await pageActor();
  const invalid = { value: false };
  const awards = await load(() =>
    searchAwards(actor, filters, LIMIT).catch((error: unknown) => {
      if (!isAppError(error) || error.code !== "VALIDATION") throw error;
      invalid.value = true;
      return [];
    }),
  );
  // Filter choices: the blocs, years and awards that have awards decided.
  const facets = await load(() => awardSearchFacets(actor));
  const { blocs, awards: awardNames } = facets;
  const t = await getTranslations("awards");
  const query = new URLSearchParams(filters).toString();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a
            href={`/api/v1/awards.xlsx${query ? `?${query}` : ""}`}
            className={buttonClass("secondary")}
            data-testid="awards-xlsx"
          >
            {t("export")}
          </a>
        }
      />
      <Card className="mb-6">
        <form
          method="get"
          action="/awards"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
          role="search"
          aria-label={t("filters")}
        >
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800 lg:col-span-2">
            {t("q")}
            <input
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              className={inputClass}
              maxLength={200}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
            {t("year")}
            <input
              type="number"
              name="year"
              inputMode="numeric"
              min={2000}
              max={2100}
              defaultValue={filters.year ?? ""}
              className={inputClass}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
            {t("award")}
            <select name="awardCode" defaultValue={filters.awardCode ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {awardNames.map((award) => (
                <option key={award.code} value={award.code}>
                  {award.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
            {t("bloc")}
            <select name="blocId" defaultValue={filters.blocId ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {blocs.map((bloc) => (
                <option key={bloc.id} value={bloc.id}>
                  {bloc.name}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-end gap-2 lg:col-span-5">
            <button type="submit" className={buttonClass("primary")}>
              {t("search")}
            </button>
            <Link href="/awards" className={buttonClass("ghost")}>
              {t("clear")}
            </Link>
          </div>
        </form>
      </Card>
      <Card title={t("resultsTitle", { count: awards.length })}>
        {invalid.value && (
          <p role="alert" className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("invalidFilters")}
          </p>
        )}
        {awards.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <>
            {awards.length >= LIMIT && (
              <p className="mb-3 text-sm text-amber-800">{t("limited", { limit: LIMIT })}</p>
            )}
            <AwardsTable awards={awards} />
          </>
        )}
      </Card>
    </>
  );
}
