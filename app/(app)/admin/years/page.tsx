import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateYearForm } from "@/components/admin/year-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { PhaseBadge } from "@/components/years/phase-badge";
import { listBlocsToManage } from "@/lib/blocs/blocs";
import { load, pageActor } from "@/lib/http/page";
import { listYearsToManage } from "@/lib/years/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.years"))("title") };
}

export default async function AdminYearsPage() {
  const actor = await pageActor();
  const [years, blocs] = await load(() => Promise.all([listYearsToManage(actor), listBlocsToManage(actor)]));
  const t = await getTranslations();
  const defaultYear = Math.max(new Date().getFullYear(), ...years.map((year) => year.year + 1));
  return (
    <ClientMessages namespaces={["admin.years"]}>
      <>
        <PageHeader title={t("admin.years.title")} description={t("admin.years.description")} />
        <div className="space-y-6">
          <Card title={t("admin.years.create")}>
            {blocs.length === 0 ? (
              <p className="text-sm text-slate-600">{t("admin.years.noBlocs")}</p>
            ) : (
              <CreateYearForm blocs={blocs} defaultYear={defaultYear} />
            )}
          </Card>
          <Card title={t("admin.years.listTitle", { count: years.length })}>
            <Table
              caption={t("admin.years.title")}
              head={
                <tr>
                  <th className={th}>{t("admin.years.bloc")}</th>
                  <th className={th}>{t("admin.years.year")}</th>
                  <th className={th}>{t("years.phase")}</th>
                  <th className={th}>{t("years.leader")}</th>
                  <th className={th}>{t("years.deputy")}</th>
                  <th className={th}>{t("years.memberCount")}</th>
                </tr>
              }
            >
              {years.map((year) => (
                <tr key={year.id}>
                  <td className={td}>{year.blocName}</td>
                  <td className={td}>
                    <Link href={`/admin/years/${year.id}`} className="font-semibold text-brand-700 underline">
                      {year.year}
                    </Link>
                  </td>
                  <td className={td}>
                    <PhaseBadge phase={year.phase} />
                  </td>
                  <td className={td}>{year.leaderAgency?.shortName ?? "—"}</td>
                  <td className={td}>{year.deputyAgency?.shortName ?? "—"}</td>
                  <td className={td}>{year.members.length}</td>
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
