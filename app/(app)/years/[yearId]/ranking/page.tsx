import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RankingActions } from "@/components/ranking/ranking-actions";
import { RankingChart } from "@/components/ranking/ranking-chart";
import { NotScoredMembers } from "@/components/ranking/not-scored-members";
import { RankingTable } from "@/components/ranking/ranking-table";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { getCriteriaTable } from "@/lib/criteria/criteria";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getRanking } from "@/lib/ranking/ranking";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ranking"))("title") };
}

export default async function RankingPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  // Before publication a member sees a notice, not a 404: the ranking exists, it is not out yet.
  const ranking = await load(() =>
    getRanking(actor, yearId).catch((error: unknown) =>
      isAppError(error) && error.reason === "RANKING_NOT_PUBLISHED" ? null : Promise.reject(error),
    ),
  );
  const table = await load(() => getCriteriaTable(actor, yearId));
  const t = await getTranslations("ranking");

  if (!ranking) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Card>
          <p className="text-sm text-slate-700" data-testid="ranking-not-published">
            {t("notPublished")}
          </p>
        </Card>
      </>
    );
  }

  const entries = ranking.published?.entries ?? ranking.preview ?? [];
  const groupTitles = Object.fromEntries(table.groups.map((group) => [group.code, group.title]));
  // Only those who may preview the ranking (the year's secretariat, the province) get a preview or the
  // publication history, and they are exactly those who read the review grid.
  const mayReview = ranking.preview !== null || ranking.history.length > 0;

  return (
    <ClientMessages namespaces={["ranking"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: ranking.year.year })}
          description={ranking.year.blocName}
          actions={
            <div className="flex flex-wrap items-center gap-3">
              {ranking.published ? (
                <Badge tone="green">{t("publishedAt", { at: formatDateTime(ranking.published.at) })}</Badge>
              ) : (
                <Badge tone="amber">{t("previewBadge")}</Badge>
              )}
              {mayReview && (
                <Link
                  href={`/years/${yearId}/review`}
                  className="text-sm font-semibold text-brand-700 underline"
                >
                  {t("reviewLink")}
                </Link>
              )}
            </div>
          }
        />
        {!ranking.published && (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("previewNotice")}
          </p>
        )}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <Card title={t("chartTitle")}>
              {entries.length === 0 ? (
                <p className="text-sm text-slate-600">{t("empty")}</p>
              ) : (
                <RankingChart entries={entries} bands={ranking.bands} />
              )}
            </Card>
          </div>
          <div className="min-w-0 space-y-6">
            {(ranking.mayPublish || ranking.mayReopen) && (
              <Card title={t("actionsTitle")}>
                <RankingActions
                  yearId={yearId}
                  mayPublish={ranking.mayPublish}
                  mayReopen={ranking.mayReopen}
                  counts={{
                    ranked: entries.length - ranking.notScored.length - ranking.unscored.length,
                    notScored: ranking.notScored.length,
                    unscored: ranking.unscored.length,
                  }}
                />
              </Card>
            )}
            {ranking.preview && (
              <Card title={t("unscoredTitle")}>
                <NotScoredMembers
                  yearId={yearId}
                  unscored={ranking.unscored}
                  notScored={ranking.notScored}
                  mayMark={ranking.mayMarkNotScored}
                />
              </Card>
            )}
            {ranking.history.length > 0 && (
              <Card title={t("historyTitle")}>
                <Table
                  caption={t("historyTitle")}
                  head={
                    <tr>
                      <th className={th}>{t("historyPublished")}</th>
                      <th className={th}>{t("historyReopened")}</th>
                    </tr>
                  }
                >
                  {ranking.history.map((item) => (
                    <tr key={item.id}>
                      <td className={td}>{formatDateTime(item.at)}</td>
                      <td className={td}>
                        {item.reopenedAt ? (
                          <>
                            <span className="block">{formatDateTime(item.reopenedAt)}</span>
                            {item.reopenReason && (
                              <span className="block text-xs text-slate-600">
                                {t("historyReason", { reason: item.reopenReason })}
                              </span>
                            )}
                          </>
                        ) : (
                          <Badge tone="green">{t("historyStanding")}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
              </Card>
            )}
          </div>
          <div className="min-w-0 lg:col-span-3">
            <Card title={t("tableTitle")}>
              <p className="mb-3 text-xs text-slate-600">{t("tableHint")}</p>
              <RankingTable
                entries={entries}
                bands={ranking.bands}
                groupTitles={groupTitles}
                ownAgencyCode={actor.agency?.code ?? null}
              />
            </Card>
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
