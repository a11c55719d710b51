import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { YearScoringCard } from "@/components/assessments/year-scoring-card";
import { IssuedDocumentsCard } from "@/components/documents/issued-documents-card";
import { YearReviewCard } from "@/components/review/year-review-card";
import { Card, PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { PhaseMoveForm } from "@/components/years/phase-move-form";
import { PhaseSteps } from "@/components/years/phase-steps";
import { listIssuedDocuments } from "@/lib/documents/downloads";
import { formatDate } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { can } from "@/lib/permissions";
import { phaseMoveOptions } from "@/lib/years/move-phase";
import { getYear } from "@/lib/years/queries";
import { phaseIndex } from "@/lib/years/phases";
import { DEADLINE_PHASES } from "@/lib/years/rules";
import { yearScopeOf } from "@/lib/years/year-scope";

type Props = { params: Promise<{ yearId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("years"))("title") };
}

export default async function YearPage({ params }: Props) {
  const { yearId } = await params;
  const actor = await pageActor();
  const year = await load(() => getYear(actor, yearId));
  const moves = await load(() => phaseMoveOptions(actor, yearId));
  const documents = await load(() => listIssuedDocuments(actor, yearId));
  const t = await getTranslations();

  return (
    <ClientMessages
      namespaces={["years", "phases", "assessment.yearCard", "review.yearCard", "documents.download"]}
    >
      <>
        <PageHeader
          title={`${year.blocName} — ${t("home.yearLabel", { year: year.year })}`}
          actions={
            <div className="flex items-center gap-3">
              <PhaseBadge phase={year.phase} />
              {can(actor, "year.manage") && (
                <Link
                  href={`/admin/years/${year.id}`}
                  className="text-sm font-semibold text-brand-700 underline"
                >
                  {t("years.settingsLink")}
                </Link>
              )}
            </div>
          }
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card title={t("phases.label")}>
              <PhaseSteps phase={year.phase} />
            </Card>
            {phaseIndex(year.phase) >= phaseIndex("PLEDGING") && (
              <Card title={t("pledge.title")}>
                <p className="mb-3 text-sm text-slate-600">{t("pledge.yearCardText")}</p>
                <Link href={`/years/${year.id}/pledge`} className="font-semibold text-brand-700 underline">
                  {t("pledge.openLink")}
                </Link>
              </Card>
            )}
            <YearScoringCard year={year} actor={actor} />
            <YearReviewCard year={year} actor={actor} />
            {phaseIndex(year.phase) >= phaseIndex("VOTING") &&
              can(actor, "vote.read", yearScopeOf(actor, year)) && (
                <Card title={t("votes.title")}>
                  <p className="mb-3 text-sm text-slate-600">{t("votes.yearCardText")}</p>
                  <Link href={`/years/${year.id}/votes`} className="font-semibold text-brand-700 underline">
                    {t("votes.yearCardLink")}
                  </Link>
                </Card>
              )}
            {phaseIndex(year.phase) >= phaseIndex("NOMINATION") &&
              can(actor, "nomination.read", { ...yearScopeOf(actor, year), agencyId: actor.agencyId }) && (
                <Card title={t("nominations.title")}>
                  <p className="mb-3 text-sm text-slate-600">{t("nominations.yearCardText")}</p>
                  <Link
                    href={`/years/${year.id}/nominations`}
                    className="font-semibold text-brand-700 underline"
                  >
                    {t("nominations.yearCardLink")}
                  </Link>
                </Card>
              )}
            {phaseIndex(year.phase) >= phaseIndex("PLEDGING") && (
              <IssuedDocumentsCard documents={documents} />
            )}
            <Card title={t("years.membersTitle", { count: year.members.length })}>
              <ul className="grid gap-1 text-sm sm:grid-cols-2">
                {year.members.map((member) => (
                  <li key={member.code} className="flex items-center gap-2">
                    <span>{member.name}</span>
                    {year.leaderAgency?.code === member.code && (
                      <span className="text-xs font-semibold text-brand-700">({t("years.leader")})</span>
                    )}
                    {year.deputyAgency?.code === member.code && (
                      <span className="text-xs font-semibold text-blue-700">({t("years.deputy")})</span>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
          <div className="space-y-6">
            <Card title={t("years.deadlines")}>
              <dl className="space-y-1 text-sm">
                {DEADLINE_PHASES.map((phase) => (
                  <div key={phase} className="flex justify-between gap-3">
                    <dt className="text-slate-600">{t(`phases.${phase}`)}</dt>
                    <dd className="font-semibold">
                      {year.deadlines[phase] ? formatDate(year.deadlines[phase]) : "—"}
                    </dd>
                  </div>
                ))}
              </dl>
            </Card>
            {moves && (
              <Card title={t("years.movePhase")}>
                <PhaseMoveForm
                  yearId={year.id}
                  version={year.version}
                  current={moves.current}
                  targets={moves.targets}
                  blockers={moves.blockers.map((item) => t(item.message, item.params))}
                  pending={moves.pending.map((item) => t(item.message, item.params))}
                />
              </Card>
            )}
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
