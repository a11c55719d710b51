import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LeadershipForm, MembersForm } from "@/components/admin/year-forms";
import { RulesForm } from "@/components/admin/rules-form";
import { Card, PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { listAgenciesToManage } from "@/lib/agencies/agencies";
import { load, pageActor } from "@/lib/http/page";
import { membersEditable, rulesEditable } from "@/lib/years/phases";
import { getYearToManage } from "@/lib/years/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.years"))("settingsTitle") };
}

export default async function AdminYearPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const [year, agencies] = await load(() =>
    Promise.all([getYearToManage(actor, yearId), listAgenciesToManage(actor)]),
  );
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["admin.years", "admin.rules", "years", "phases"]}>
      <>
        <PageHeader
          title={`${year.blocName} — ${t("home.yearLabel", { year: year.year })}`}
          description={t("admin.years.settingsTitle")}
          actions={
            <div className="flex items-center gap-3">
              <PhaseBadge phase={year.phase} />
              <Link href={`/years/${year.id}`} className="text-sm font-semibold text-brand-700 underline">
                {t("admin.years.openYearPage")}
              </Link>
            </div>
          }
        />
        <div className="space-y-6">
          <Card title={t("admin.years.leadershipTitle")}>
            <LeadershipForm year={year} />
          </Card>
          <Card title={t("years.membersTitle", { count: year.members.length })}>
            {!membersEditable(year.phase) ? (
              <p className="text-sm text-slate-600">{t("admin.years.membersLocked")}</p>
            ) : (
              <MembersForm year={year} agencies={agencies} />
            )}
          </Card>
          <Card title={t("admin.rules.title")}>
            <RulesForm
              yearId={year.id}
              version={year.version}
              rules={year.rules}
              editable={rulesEditable(year.phase)}
            />
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
