"use server";

import { changeOwnPassword } from "@/lib/auth/account";
import { formToObject, runAction } from "@/lib/http/action";

/** Changes the user's own password; every session ends, so the form signs the user out after. */
export async function changePasswordAction(form: FormData) {
  return runAction(async (actor) => changeOwnPassword(actor, formToObject(form)), {
    successMessageKey: "account.passwordChanged",
    allowPendingPasswordChange: true,
  });
}
