import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EditUserForm, ResetPasswordForm } from "@/components/admin/user-forms";
import { Card, PageHeader } from "@/components/ui/card";
import { listAgenciesToManage } from "@/lib/agencies/agencies";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getUser } from "@/lib/users/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("editTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await pageActor();
  const [user, agencies] = await load(() =>
    Promise.all([getUser(actor, userId), listAgenciesToManage(actor)]),
  );
  const t = await getTranslations("admin.users");
  return (
    <ClientMessages namespaces={["admin.users", "roles"]}>
      <>
        <PageHeader
          title={user.email}
          description={
            user.lastSignInAt
              ? t("lastSignIn", { at: formatDateTime(user.lastSignInAt) })
              : t("neverSignedIn")
          }
          actions={
            <Link
              href={`/audit?entityId=${user.id}`}
              className="text-sm font-semibold text-brand-700 underline"
            >
              {t("history")}
            </Link>
          }
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <Card title={t("editTitle")} className="lg:col-span-2">
            <EditUserForm user={user} agencies={agencies} />
          </Card>
          <Card title={t("resetPassword")}>
            <p className="mb-3 text-sm text-slate-600">{t("resetHint")}</p>
            <ResetPasswordForm userId={user.id} />
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
