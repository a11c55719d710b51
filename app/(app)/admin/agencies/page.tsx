import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { AgencyRow, CreateAgencyForm } from "@/components/admin/agency-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, th } from "@/components/ui/table";
import { listAgenciesToManage } from "@/lib/agencies/agencies";
import { load, pageActor } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.agencies"))("title") };
}

export default async function AgenciesPage() {
  const actor = await pageActor();
  const agencies = await load(() => listAgenciesToManage(actor));
  const t = await getTranslations("admin.agencies");
  return (
    <ClientMessages namespaces={["admin.agencies"]}>
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <div className="space-y-6">
          <Card title={t("create")}>
            <CreateAgencyForm />
          </Card>
          <Card title={t("listTitle", { count: agencies.length })}>
            <Table
              caption={t("title")}
              head={
                <tr>
                  <th className={th}>{t("code")}</th>
                  <th className={th}>{t("name")}</th>
                  <th className={th}>{t("shortName")}</th>
                  <th className={th}>
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              }
            >
              {agencies.map((agency) => (
                <AgencyRow key={agency.id} agency={agency} />
              ))}
            </Table>
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
