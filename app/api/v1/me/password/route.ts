import { changeOwnPassword } from "@/lib/auth/account";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute(async ({ actor, body }) => changeOwnPassword(actor, await body()), {
  allowPendingPasswordChange: true,
});
