import { apiRoute } from "@/lib/http/api";
import { resetUserPassword } from "@/lib/users/users";

/** Admin sets a temporary password; the user must change it at next sign-in. */
export const POST = apiRoute<{ userId: string }>(async ({ actor, params, body }) =>
  resetUserPassword(actor, params.userId, await body()),
);
