"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/format";

export function NotificationList({
  items,
}: {
  items: { id: string; href: string; read: boolean; createdAt: string; text: string }[];
}) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      {items.some((item) => !item.read) && (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await markAllNotificationsReadAction();
              router.refresh();
            })
          }
        >
          {t("markAllRead")}
        </Button>
      )}
      <ul className="divide-y divide-slate-100" data-testid="notification-list">
        {items.map((item) => (
          <li
            key={item.id}
            className={cn("flex items-start justify-between gap-3 py-3", !item.read && "font-semibold")}
          >
            <Link
              href={item.href}
              onClick={() =>
                startTransition(async () => {
                  if (!item.read) await markNotificationReadAction(item.id);
                })
              }
              className="text-sm text-slate-900 underline-offset-2 hover:underline"
            >
              {item.text}
              <span className="block text-xs font-normal text-slate-500">
                {formatDateTime(item.createdAt)}
              </span>
            </Link>
            {!item.read && (
              <span className="mt-1 size-2 shrink-0 rounded-full bg-brand-600" aria-label={t("unread")} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
