import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, PageHeader } from "@/components/ui/card";
import { pageActor } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("changePassword") };
}

export default async function ChangePasswordPage() {
  const actor = await pageActor({ allowPendingPasswordChange: true });
  const t = await getTranslations("account");
  return (
    <ClientMessages namespaces={["account"]}>
      <>
        <PageHeader title={t("changePassword")} />
        {actor.mustChangePassword && (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("mustChange")}
          </p>
        )}
        <Card>
          <ChangePasswordForm />
        </Card>
      </>
    </ClientMessages>
  );
}
