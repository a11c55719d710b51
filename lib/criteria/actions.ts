"use server";

import { revalidatePath } from "next/cache";
import { copyCriteriaFromPreviousYear, saveCriteriaTable } from "@/lib/criteria/criteria";
import { runAction } from "@/lib/http/action";

/** Saves the whole criteria table from the editor (the year's secretariat, while it is editable). */
export async function saveCriteriaTableAction(yearId: string, table: unknown) {
  return runAction(
    async (actor) => {
      const saved = await saveCriteriaTable(actor, yearId, table);
      revalidatePath(`/years/${yearId}/criteria`);
      return saved;
    },
    { successMessageKey: "criteriaTable.saved" },
  );
}

/** Replaces the table with the bloc's previous year's (the year's secretariat, while it is editable). */
export async function copyCriteriaAction(yearId: string) {
  return runAction(
    async (actor) => {
      const copied = await copyCriteriaFromPreviousYear(actor, yearId);
      revalidatePath(`/years/${yearId}/criteria`);
      return copied;
    },
    { successMessageKey: "criteriaTable.copied" },
  );
}
