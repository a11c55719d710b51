import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { BlocEditor, CreateBlocForm } from "@/components/admin/bloc-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { listBlocsToManage } from "@/lib/blocs/blocs";
import { load, pageActor } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.blocs"))("title") };
}

export default async function BlocsPage() {
  const actor = await pageActor();
  const blocs = await load(() => listBlocsToManage(actor));
  const t = await getTranslations("admin.blocs");
  return (
    <ClientMessages namespaces={["admin.blocs"]}>
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <div className="space-y-6">
          <Card title={t("create")}>
            <CreateBlocForm />
          </Card>
          <Card title={t("listTitle", { count: blocs.length })}>
            <ul className="divide-y divide-slate-100">
              {blocs.map((bloc) => (
                <li key={bloc.id} className="py-3">
                  <BlocEditor bloc={bloc} />
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
