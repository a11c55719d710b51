import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CriteriaEditor } from "@/components/criteria/criteria-editor";
import { CriteriaView } from "@/components/criteria/criteria-view";
import { PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { getCriteriaTable } from "@/lib/criteria/criteria";
import { load, pageActor } from "@/lib/http/page";
import { getYear } from "@/lib/years/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("criteriaTable"))("title") };
}

export default async function CriteriaPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const year = await load(() => getYear(actor, yearId));
  const table = await load(() => getCriteriaTable(actor, yearId));
  const t = await getTranslations("criteriaTable");

  return (
    <ClientMessages namespaces={["criteriaTable", "excel.panel"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: year.year })}
          description={year.blocName}
          actions={
            <div className="flex flex-wrap items-center gap-3">
              <PhaseBadge phase={year.phase} />
              <Link
                href={`/years/${year.id}/scores/excel`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {t("excelLink")}
              </Link>
              <Link href={`/years/${year.id}`} className="text-sm font-semibold text-brand-700 underline">
                {t("backToYear")}
              </Link>
            </div>
          }
        />
        {table.editable ? (
          <CriteriaEditor table={table} />
        ) : (
          <>
            {table.manageable && (
              <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("lockedNotice")}
              </p>
            )}
            <CriteriaView table={table} />
          </>
        )}
      </>
    </ClientMessages>
  );
}
