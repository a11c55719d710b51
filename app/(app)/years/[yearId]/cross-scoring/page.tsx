import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { ApplyCrossScores } from "@/components/cross-scoring/apply-cross-scores";
import { CrossScoringForm } from "@/components/cross-scoring/cross-scoring-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getCrossScoring } from "@/lib/cross-scoring/cross-scoring";
import { load, pageActor } from "@/lib/http/page";
import { can } from "@/lib/permissions";
import { getYear } from "@/lib/years/queries";
import { yearScopeOf } from "@/lib/years/year-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("crossScoring"))("title") };
}

export default async function CrossScoringPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const view = await load(() => getCrossScoring(actor, yearId));
  const year = await load(() => getYear(actor, yearId));
  const t = await getTranslations("crossScoring");
  const scope = yearScopeOf(actor, year);
  const inReview = year.phase === "REVIEW";
  const mayApply = view.enabled && inReview && can(actor, "crossScore.apply", scope);
  const isScorer = can(actor, "crossScore.enter", scope);
  const done = view.progress.filter((row) => row.completed).length;

  return (
    <ClientMessages namespaces={["crossScoring", "review"]}>
      <>
        <PageHeader title={t("pageTitle", { year: view.year.year })} description={view.year.blocName} />
        {!view.enabled ? (
          <Card>
            <p className="text-sm text-slate-700" data-testid="cross-disabled">
              {t("disabled")}
            </p>
          </Card>
        ) : (
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6 lg:col-span-2">
              <p className="text-sm text-slate-700">
                {t(view.trimExtremes ? "intro.trimmed" : "intro.mean")}
              </p>
              {view.mayScore ? (
                <Card title={t("formTitle", { agency: actor.agency?.name ?? "" })}>
                  <CrossScoringForm
                    yearId={yearId}
                    targets={view.targets}
                    criteria={view.criteria}
                    mine={view.mine}
                  />
                </Card>
              ) : view.completed ? (
                <p
                  role="status"
                  className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900"
                  data-testid="cross-completed"
                >
                  {t("ownCompleted")}
                </p>
              ) : isScorer && !inReview ? (
                <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {t("phaseNotice")}
                </p>
              ) : null}
            </div>
            <div className="min-w-0 space-y-6">
              <Card title={t("progressTitle")}>
                <p className="mb-3 text-sm font-semibold" data-testid="cross-done-count">
                  {t("doneCount", { done, total: view.progress.length })}
                </p>
                <ul className="divide-y divide-slate-100" data-testid="cross-progress">
                  {view.progress.map((row) => (
                    <li
                      key={row.agency.code}
                      className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                      data-agency={row.agency.code}
                    >
                      <span className="min-w-0 font-medium">{row.agency.name}</span>
                      <span className="flex items-center gap-2">
                        <span className="tabular-nums text-slate-600">
                          {t("filled", { filled: row.filled, expected: row.expected })}
                        </span>
                        {row.completed ? (
                          <Badge tone="green">{t("completedBadge")}</Badge>
                        ) : (
                          <Badge tone="amber">{t("pendingBadge")}</Badge>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </Card>
              {mayApply && (
                <Card title={t("applyTitle")}>
                  <ApplyCrossScores yearId={yearId} trimExtremes={view.trimExtremes} />
                </Card>
              )}
            </div>
          </div>
        )}
      </>
    </ClientMessages>
  );
}
