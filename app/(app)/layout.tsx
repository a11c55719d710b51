import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { load, pageActor } from "@/lib/http/page";
import { countUnreadNotifications } from "@/lib/notifications/notifications";
import { navigationFor } from "@/lib/navigation";

export default async function AppLayout({ children }: { children: ReactNode }) {
  await connection();
  // Pages check again (strictly): a layout is not re-rendered on client navigation.
  const actor = await pageActor({ allowPendingPasswordChange: true });
  const t = await getTranslations();
  const unread = await load(() => countUnreadNotifications(actor));
  const items = navigationFor(actor.role).map((item) => ({
    href: item.href,
    label: t(`nav.${item.key}`),
    ...(item.key === "notifications" && unread > 0 ? { badge: unread } : {}),
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        items={items}
        user={{
          name: actor.name,
          roleLabel: t(`roles.${actor.role}`),
          agency: actor.agency?.shortName ?? null,
        }}
      />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
