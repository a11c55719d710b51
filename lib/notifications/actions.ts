"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/notifications";

export async function markNotificationReadAction(notificationId: string) {
  return runAction(async (actor) => {
    await markNotificationRead(actor, notificationId);
    revalidatePath("/notifications");
  });
}

export async function markAllNotificationsReadAction() {
  return runAction(async (actor) => {
    await markAllNotificationsRead(actor);
    revalidatePath("/notifications");
  });
}
