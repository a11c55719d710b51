"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { bulkApprove, recordDecision, reviewNomination } from "@/lib/nominations/review";

function revalidateBoard(yearId?: string) {
  revalidatePath("/board");
  if (yearId) {
    revalidatePath(`/board/years/${yearId}`);
    revalidatePath(`/years/${yearId}/nominations`);
    revalidatePath(`/years/${yearId}`);
  }
  revalidatePath("/");
}

/** One verdict of the board on one nomination: approve, return (comment required) or reject (reason required). */
export async function reviewNominationAction(yearId: string, nominationId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const { action, comment } = formToObject(form);
      const row = await reviewNomination(actor, nominationId, { action, ...(comment ? { comment } : {}) });
      revalidateBoard(yearId);
      return { status: row.status };
    },
    { successMessageKey: "board.reviewed" },
  );
}

/** "Duyệt các đề nghị đã chọn" from the inbox: all or nothing. */
export async function bulkApproveAction(form: FormData) {
  return runAction(
    async (actor) => {
      const ids = form.getAll("nominationIds[]").map(String);
      const rows = await bulkApprove(actor, { nominationIds: ids });
      for (const yearId of new Set(rows.map((row) => row.yearId))) revalidateBoard(yearId);
      revalidateBoard();
      return { count: rows.length };
    },
    { successMessageKey: "board.bulkApproved" },
  );
}

/** Records the award decision (số quyết định, ngày ký, người ký): approved nominations become awarded. */
export async function recordDecisionAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const values = formToObject(form);
      const awardCodes = form.getAll("awardCodes[]").map(String);
      const result = await recordDecision(actor, yearId, {
        number: values.number,
        signedOn: values.signedOn,
        signerName: values.signerName,
        ...(values.signerTitle ? { signerTitle: values.signerTitle } : {}),
        ...(awardCodes.length > 0 ? { awardCodes } : {}),
      });
      revalidateBoard(yearId);
      revalidatePath("/awards");
      return { awarded: result.awarded.length, closed: result.closed };
    },
    { successMessageKey: "board.decisionRecorded" },
  );
}
