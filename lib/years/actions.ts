"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { moveYearPhase } from "@/lib/years/move-phase";

/** Moves a year's phase (the year's secretariat forward, an admin anywhere). */
export async function moveYearPhaseAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const input = formToObject(form);
      const year = await moveYearPhase(actor, yearId, {
        ...input,
        version: input.version ? Number(input.version) : undefined,
      });
      revalidatePath(`/years/${yearId}`);
      revalidatePath(`/admin/years/${yearId}`);
      revalidatePath("/");
      return { phase: year.phase, version: year.version };
    },
    { successMessageKey: "years.phaseMoved" },
  );
}
