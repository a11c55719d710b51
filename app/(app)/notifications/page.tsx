import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/shell/notification-list";
import { Card, PageHeader } from "@/components/ui/card";
import { load, pageActor } from "@/lib/http/page";
import { listNotifications } from "@/lib/notifications/notifications";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const actor = await pageActor();
  const notifications = await load(() => listNotifications(actor));
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["notifications"]}>
      <>
        <PageHeader title={t("notifications.title")} />
        <Card>
          {notifications.length === 0 ? (
            <p className="text-sm text-slate-600">{t("notifications.empty")}</p>
          ) : (
            <NotificationList
              items={notifications.map((n) => ({
                id: n.id,
                href: n.href,
                read: n.read,
                createdAt: n.createdAt,
                text: t(n.messageKey, n.params),
              }))}
            />
          )}
        </Card>
      </>
    </ClientMessages>
  );
}
