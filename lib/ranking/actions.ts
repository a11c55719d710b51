"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { clearNotScored, markNotScored } from "@/lib/ranking/not-scored";
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

export async function markNotScoredAction(yearId: string, agencyCode: string, form: FormData) {
  return runAction(
    async (actor) => {
      await markNotScored(actor, yearId, agencyCode, formToObject(form));
      revalidatePath(`/years/${yearId}/ranking`);
    },
    { successMessageKey: "ranking.marked" },
  );
}

export async function clearNotScoredAction(yearId: string, agencyCode: string) {
  return runAction(
    async (actor) => {
      await clearNotScored(actor, yearId, agencyCode);
      revalidatePath(`/years/${yearId}/ranking`);
    },
    { successMessageKey: "ranking.cleared" },
  );
}
