import { getMe } from "@/lib/auth/account";
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor }) => getMe(actor), { allowPendingPasswordChange: true });
