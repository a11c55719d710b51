"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { castBallot, checkReceipt } from "@/lib/votes/ballots";
import { cancelVoteSession, closeVoteSession, createVoteSession } from "@/lib/votes/sessions";

/** A datetime-local value ("2022-12-20T17:00") is a time in Asia/Ho_Chi_Minh: ISO 8601 with +07:00. */
function instantOf(value: unknown): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return undefined;
  const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.exec(text);
  return local ? `${text}${local[1] ? "" : ":00"}+07:00` : text;
}

function revalidateVotes(yearId: string, sessionId?: string) {
  revalidatePath(`/years/${yearId}/votes`);
  if (sessionId) revalidatePath(`/years/${yearId}/votes/${sessionId}`);
  revalidatePath("/");
}

/** Opens a vote session (the year's secretariat): an award proposal or the leadership election. */
export async function createVoteSessionAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const values = formToObject(form);
      // The form's one select says both: "AWARD_PROPOSAL:<award code>" or "LEADERSHIP_ELECTION:".
      const [kind = "", awardCode = ""] = String(values.session ?? "").split(":");
      const session = await createVoteSession(actor, yearId, {
        kind,
        ...(kind === "AWARD_PROPOSAL" ? { awardCode } : {}),
        ...(instantOf(values.opensAt) ? { opensAt: instantOf(values.opensAt) } : {}),
        closesAt: instantOf(values.closesAt) ?? "",
      });
      revalidateVotes(yearId);
      return { id: session.id };
    },
    { successMessageKey: "votes.sessionOpened" },
  );
}

/**
 * Casts the agency's secret ballot. The form carries the password and the choices (JSON); the receipt
 * comes back once and is never kept anywhere.
 */
export async function castBallotAction(yearId: string, sessionId: string, form: FormData) {
  return runAction(async (actor) => {
    let choices: unknown = null;
    try {
      choices = JSON.parse(String(form.get("choices") ?? "null"));
    } catch {
      choices = null;
    }
    const { receipt } = await castBallot(actor, sessionId, {
      password: String(form.get("password") ?? ""),
      choices,
    });
    revalidateVotes(yearId, sessionId);
    return { receipt };
  });
}

export async function closeVoteSessionAction(yearId: string, sessionId: string) {
  return runAction(
    async (actor) => {
      await closeVoteSession(actor, sessionId);
      revalidateVotes(yearId, sessionId);
      return null;
    },
    { successMessageKey: "votes.closed" },
  );
}

export async function cancelVoteSessionAction(yearId: string, sessionId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await cancelVoteSession(actor, sessionId, { reason: String(form.get("reason") ?? "") });
      revalidateVotes(yearId, sessionId);
      return null;
    },
    { successMessageKey: "votes.cancelled" },
  );
}

/** Kiểm tra mã biên nhận: is the receipt among the counted ballots of the closed session? */
export async function checkReceiptAction(sessionId: string, form: FormData) {
  return runAction((actor) => checkReceipt(actor, sessionId, { receipt: String(form.get("receipt") ?? "") }));
}
