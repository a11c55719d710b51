"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { createUser, resetUserPassword, updateUser } from "@/lib/users/users";

export async function createUserAction(form: FormData) {
  return runAction(
    async (actor) => {
      const user = await createUser(actor, formToObject(form));
      revalidatePath("/admin/users");
      return { id: user.id };
    },
    { successMessageKey: "admin.users.created" },
  );
}

export async function updateUserAction(userId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const input = formToObject(form);
      await updateUser(actor, userId, { ...input, disabled: input.disabled === "on" });
      revalidatePath("/admin/users");
      revalidatePath(`/admin/users/${userId}`);
    },
    { successMessageKey: "common.saved" },
  );
}

export async function resetUserPasswordAction(userId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await resetUserPassword(actor, userId, formToObject(form));
      revalidatePath(`/admin/users/${userId}`);
    },
    { successMessageKey: "admin.users.passwordReset" },
  );
}
