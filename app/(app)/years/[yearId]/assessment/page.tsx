import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReturnForm } from "@/components/assessments/return-form";
import { SelfAssessmentEditor } from "@/components/assessments/self-assessment-editor";
import { AssessmentStatusBanner } from "@/components/assessments/status-banner";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form";
import { getAssessmentProgress, getSelfAssessment } from "@/lib/assessments/assessments";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { load, pageActor } from "@/lib/http/page";
import { rolesWith } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessment"))("title") };
}

type Props = { params: Promise<{ yearId: string }>; searchParams: Promise<{ agency?: string | string[] }> };

export default async function AssessmentPage({ params, searchParams }: Props) {
  const { yearId } = await params;
  const { agency } = await searchParams;
  const code = typeof agency === "string" && agency.trim() ? agency.trim() : null;
  const actor = await pageActor();
  // The secretariat and the province pick a member; they land on the progress board without one.
  const progress = rolesWith("score.read").includes(actor.role)
    ? await getAssessmentProgress(actor, yearId).catch((error: unknown) => {
        if (isAppError(error)) return null;
        throw error;
      })
    : null;
  const ownMember =
    actor.agency !== null &&
    (progress === null || progress.rows.some((row) => row.agency.code === actor.agency!.code));
  if (!code && progress && !ownMember) redirect(`/years/${yearId}/assessments`);
  const view = await load(() => getSelfAssessment(actor, yearId, code));
  const t = await getTranslations("assessment");

  return (
    <ClientMessages namespaces={["assessment", "criteriaTable", "errors.evidence"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: view.year.year })}
          description={`${view.agency.name} — ${view.year.blocName}`}
          actions={
            <div className="flex flex-wrap items-center gap-3">
              <Link
                href={`/years/${yearId}/criteria`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {t("criteriaLink")}
              </Link>
              {progress && (
                <Link
                  href={`/years/${yearId}/assessments`}
                  className="text-sm font-semibold text-brand-700 underline"
                >
                  {t("progress.title")}
                </Link>
              )}
            </div>
          }
        />
        <div className="space-y-6">
          {progress && (
            <form method="get" className="flex flex-wrap items-end gap-2">
              <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-md">
                <label htmlFor="agency-picker" className="text-sm font-semibold text-slate-800">
                  {t("agencyPicker")}
                </label>
                <select
                  id="agency-picker"
                  name="agency"
                  defaultValue={view.agency.code}
                  className={inputClass}
                >
                  {progress.rows.map((row) => (
                    <option key={row.agency.code} value={row.agency.code}>
                      {row.agency.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonClass("secondary")}>
                {t("agencyPickerButton")}
              </button>
            </form>
          )}
          <AssessmentStatusBanner view={view} />
          {view.mayReturn && (
            <Card title={t("return.title")}>
              <ReturnForm yearId={yearId} agencyCode={view.agency.code} />
            </Card>
          )}
          {view.groups.length === 0 ? (
            <Card>
              <p className="text-sm text-slate-600">{t("noCriteria")}</p>
            </Card>
          ) : (
            <SelfAssessmentEditor key={view.agency.code} view={view} maxUploadMb={getEnv().EVIDENCE_MAX_MB} />
          )}
        </div>
      </>
    </ClientMessages>
  );
}
