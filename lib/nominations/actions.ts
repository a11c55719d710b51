"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import {
  applySuggestions,
  createNomination,
  submitDossier,
  updateNomination,
  withdrawNomination,
} from "@/lib/nominations/nominations";

function revalidateNominations(yearId: string) {
  revalidatePath(`/years/${yearId}/nominations`);
  revalidatePath(`/years/${yearId}`);
  revalidatePath("/");
}

/** Proposes one member for one award (the form's selects, or a row of the suggested list). */
export async function createNominationAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const { agencyCode, awardCode, note } = formToObject(form);
      const created = await createNomination(actor, yearId, {
        agencyCode,
        awardCode,
        ...(note ? { note } : {}),
      });
      revalidateNominations(yearId);
      return { id: created.id };
    },
    { successMessageKey: "nominations.created" },
  );
}

/** "Áp dụng danh sách gợi ý": every suggested nomination at once. */
export async function applySuggestionsAction(yearId: string) {
  return runAction(
    async (actor) => {
      const created = await applySuggestions(actor, yearId);
      revalidateNominations(yearId);
      return { count: created.length };
    },
    { successMessageKey: "nominations.suggestionsApplied" },
  );
}

export async function updateNominationNoteAction(yearId: string, nominationId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const { note, version } = formToObject(form);
      await updateNomination(actor, nominationId, { note, ...(version ? { version: Number(version) } : {}) });
      revalidateNominations(yearId);
      return null;
    },
    { successMessageKey: "nominations.noteSaved" },
  );
}

export async function withdrawNominationAction(yearId: string, nominationId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await withdrawNomination(actor, nominationId, { reason: String(form.get("reason") ?? "") });
      revalidateNominations(yearId);
      return null;
    },
    { successMessageKey: "nominations.withdrawn" },
  );
}

/** "Gửi hồ sơ" (or, in BOARD_REVIEW, "Gửi lại"): the pending nominations go to the board. */
export async function submitDossierAction(yearId: string) {
  return runAction(
    async (actor) => {
      const result = await submitDossier(actor, yearId);
      revalidateNominations(yearId);
      revalidatePath("/board");
      return result;
    },
    { successMessageKey: "nominations.submitted" },
  );
}
