"use server";

import { revalidatePath } from "next/cache";
import { createBloc, updateBloc } from "@/lib/blocs/blocs";
import { formToObject, runAction } from "@/lib/http/action";

export async function createBlocAction(form: FormData) {
  return runAction(
    async (actor) => {
      const bloc = await createBloc(actor, formToObject(form));
      revalidatePath("/admin/blocs");
      return bloc;
    },
    { successMessageKey: "admin.blocs.created" },
  );
}

export async function updateBlocAction(blocId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const bloc = await updateBloc(actor, blocId, formToObject(form));
      revalidatePath("/admin/blocs");
      return bloc;
    },
    { successMessageKey: "common.saved" },
  );
}
