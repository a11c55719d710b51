import { apiRoute } from "@/lib/http/api";
import { listNotifications } from "@/lib/notifications/notifications";

export const GET = apiRoute(async ({ actor }) => listNotifications(actor));
