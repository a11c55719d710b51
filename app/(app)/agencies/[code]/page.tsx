import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AwardsTable } from "@/components/nominations/awards-table";
import { Card, PageHeader } from "@/components/ui/card";
import { load, pageActor } from "@/lib/http/page";
import { listAgencyAwards } from "@/lib/nominations/history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("awards"))("agency.title") };
}

/** An agency's page: its awards across the years (lịch sử khen thưởng), with the decision numbers. */
export default async function AgencyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const actor = await pageActor();
  const { agency, awards } = await load(() => listAgencyAwards(actor, decodeURIComponent(code)));
  const t = await getTranslations("awards");
  return (
    <>
      <Link href="/awards" className="mb-2 inline-block text-sm font-semibold text-brand-700 underline">
        {t("agency.backToSearch")}
      </Link>
      <PageHeader title={agency.name} description={t("agency.description")} />
      <Card title={t("agency.awardsTitle", { count: awards.length })}>
        {awards.length === 0 ? (
          <p className="text-sm text-slate-600">{t("agency.none")}</p>
        ) : (
          <div data-testid="agency-awards">
            <AwardsTable awards={awards} showAgency={false} />
          </div>
        )}
      </Card>
    </>
  );
}
