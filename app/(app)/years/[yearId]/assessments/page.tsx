import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { PhaseBadge } from "@/components/years/phase-badge";
import { getAssessmentProgress } from "@/lib/assessments/assessments";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getYear } from "@/lib/years/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assessment.progress"))("title") };
}

const STATUS_TONES = { DRAFT: "slate", SUBMITTED: "green", RETURNED: "amber" } as const;

/** The secretariat's (and the province's) board: where each member's self-assessment stands. */
export default async function AssessmentProgressPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const year = await load(() => getYear(actor, yearId));
  const progress = await load(() => getAssessmentProgress(actor, yearId));
  const t = await getTranslations("assessment");
  const submitted = progress.rows.filter((row) => row.status === "SUBMITTED").length;

  return (
    <>
      <PageHeader
        title={t("progress.pageTitle", { year: year.year })}
        description={year.blocName}
        actions={
          <div className="flex items-center gap-3">
            <PhaseBadge phase={year.phase} />
            <Link href={`/years/${year.id}`} className="text-sm font-semibold text-brand-700 underline">
              {t("backToYear")}
            </Link>
          </div>
        }
      />
      <Card>
        <p className="mb-4 text-sm font-semibold" data-testid="submitted-count">
          {t("progress.submittedCount", { submitted, count: progress.rows.length })}
        </p>
        <Table
          caption={t("progress.title")}
          head={
            <tr>
              <th className={th}>{t("progress.columns.agency")}</th>
              <th className={th}>{t("progress.columns.status")}</th>
              <th className={`${th} text-right`}>{t("progress.columns.filled")}</th>
              <th className={th}>{t("progress.columns.submittedAt")}</th>
            </tr>
          }
        >
          {progress.rows.map((row) => (
            <tr key={row.agency.code} data-agency={row.agency.code}>
              <td className={td}>
                <Link
                  href={`/years/${year.id}/assessment?agency=${encodeURIComponent(row.agency.code)}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {row.agency.name}
                </Link>
              </td>
              <td className={td}>
                <Badge tone={STATUS_TONES[row.status]}>{t(`status.${row.status}`)}</Badge>
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {row.filled}/{progress.criteria}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {row.submittedAt ? formatDateTime(row.submittedAt) : "—"}
              </td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
