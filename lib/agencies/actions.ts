"use server";

import { revalidatePath } from "next/cache";
import { createAgency, updateAgency } from "@/lib/agencies/agencies";
import { formToObject, runAction } from "@/lib/http/action";

export async function createAgencyAction(form: FormData) {
  return runAction(
    async (actor) => {
      const agency = await createAgency(actor, formToObject(form));
      revalidatePath("/admin/agencies");
      return agency;
    },
    { successMessageKey: "admin.agencies.created" },
  );
}

export async function updateAgencyAction(code: string, form: FormData) {
  return runAction(
    async (actor) => {
      const agency = await updateAgency(actor, code, formToObject(form));
      revalidatePath("/admin/agencies");
      return agency;
    },
    { successMessageKey: "common.saved" },
  );
}
