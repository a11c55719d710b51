import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { idOrNotFound } from "@/lib/validation";
import { notificationParamsColumn } from "./columns";

export interface NotificationDto {
  id: string;
  kind: string;
  messageKey: string;
  params: Record<string, string | number>;
  href: string;
  createdAt: string;
  read: boolean;
}

/** The actor's own notifications, newest first. */
export async function listNotifications(
  actor: Actor,
  options: { take?: number } = {},
): Promise<NotificationDto[]> {
  authorize(actor, "notification.read", { userId: actor.id });
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: {
      id: true,
      kind: true,
      messageKey: true,
      params: true,
      href: true,
      createdAt: true,
      readAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    messageKey: row.messageKey,
    params: notificationParamsColumn.read(row.params),
    href: row.href,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  }));
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  authorize(actor, "notification.read", { userId: actor.id });
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

/** Marks one of the actor's notifications read; another user's id is not found. */
export async function markNotificationRead(actor: Actor, notificationId: string): Promise<void> {
  authorize(actor, "notification.read", { userId: actor.id });
  const id = idOrNotFound(notificationId, "errors.notification.notFound");
  const updated = await db.notification.updateMany({
    where: { id, userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
  if (
    updated.count === 0 &&
    !(await db.notification.findFirst({ where: { id, userId: actor.id }, select: { id: true } }))
  ) {
    throw notFound("errors.notification.notFound");
  }
}

export async function markAllNotificationsRead(actor: Actor): Promise<number> {
  authorize(actor, "notification.read", { userId: actor.id });
  return (
    await db.notification.updateMany({
      where: { userId: actor.id, readAt: null },
      data: { readAt: new Date() },
    })
  ).count;
}
