"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { publishRanking, reopenRanking } from "@/lib/ranking/ranking";

export async function publishRankingAction(yearId: string) {
  return runAction(
    async (actor) => {
      await publishRanking(actor, yearId);
      revalidatePath(`/years/${yearId}`, "layout");
    },
    { successMessageKey: "ranking.published" },
  );
}

export async function reopenRankingAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await reopenRanking(actor, yearId, formToObject(form));
      revalidatePath(`/years/${yearId}`, "layout");
    },
    { successMessageKey: "ranking.reopened" },
  );
}
