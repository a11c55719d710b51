import { apiRoute } from "@/lib/http/api";
import { markNotificationRead } from "@/lib/notifications/notifications";

export const POST = apiRoute<{ notificationId: string }>(async ({ actor, params }) =>
  markNotificationRead(actor, params.notificationId),
);
