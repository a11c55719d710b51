import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { getMe } from "@/lib/auth/account";
import { load, pageActor } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await pageActor();
  const me = await load(async () => getMe(actor));
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("account.title")} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("account.name")}</dt>
            <dd className="font-semibold">{me.name}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("account.email")}</dt>
            <dd className="font-semibold">{me.email}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("account.titleField")}</dt>
            <dd className="font-semibold">{me.title ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("account.role")}</dt>
            <dd className="font-semibold">{t(`roles.${me.role}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("account.agency")}</dt>
            <dd className="font-semibold">{me.agency?.name ?? "—"}</dd>
          </div>
        </dl>
        <Link href="/account/password" className="mt-4 inline-block font-semibold text-brand-700 underline">
          {t("account.changePassword")}
        </Link>
      </Card>
    </>
  );
}
