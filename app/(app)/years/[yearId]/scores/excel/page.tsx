import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { CriteriaXlsxPanel } from "@/components/criteria/xlsx-panel";
import { ScoresExcelPanel } from "@/components/scores/excel-panel";
import { PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { load, pageActor } from "@/lib/http/page";
import { getExcelOptions } from "@/lib/scores/excel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("excel.page"))("title") };
}

/** Excel import and export of a year: the score table (secretariat, province) and the criteria table. */
export default async function ExcelPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const options = await load(() => getExcelOptions(actor, yearId));
  const t = await getTranslations("excel.page");
  return (
    <ClientMessages namespaces={["excel.panel"]}>
      <>
        <PageHeader
          title={t("heading", { year: options.year.year })}
          description={options.year.blocName}
          actions={<PhaseBadge phase={options.year.phase} />}
        />
        <div className="space-y-6">
          {options.scores.read && (
            <ScoresExcelPanel yearId={options.year.id} canImport={options.scores.import} />
          )}
          <CriteriaXlsxPanel yearId={options.year.id} canImport={options.criteria.import} />
        </div>
      </>
    </ClientMessages>
  );
}
