"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { signPledge } from "@/lib/pledges/signatures";

const revisionOf = (form: FormData) => (form.get("revision") ? Number(form.get("revision")) : undefined);

function contentOf(form: FormData) {
  const { revision: _revision, ...content } = formToObject(form);
  return content;
}

export async function savePledgeDraftAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const draft = await savePledgeDraft(actor, yearId, { ...contentOf(form), revision: revisionOf(form) });
      revalidatePath(`/years/${yearId}/pledge`);
      return { number: draft.number, revision: draft.revision };
    },
    { successMessageKey: "pledge.draftSaved" },
  );
}

/** Saves what the form holds, then opens exactly that revision for signing. */
export async function openPledgeAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const draft = await savePledgeDraft(actor, yearId, { ...contentOf(form), revision: revisionOf(form) });
      const opened = await openPledgeForSigning(actor, yearId, { revision: draft.revision });
      revalidatePath(`/years/${yearId}/pledge`);
      revalidatePath("/");
      return { number: opened.number };
    },
    { successMessageKey: "pledge.opened" },
  );
}

export async function signPledgeAction(yearId: string, versionId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const { signature } = await signPledge(actor, versionId, {
        password: String(form.get("password") ?? ""),
        consent: form.get("consent") === "on",
      });
      revalidatePath(`/years/${yearId}/pledge`);
      revalidatePath("/");
      return { signedAt: signature.signedAt };
    },
    { successMessageKey: "pledge.signed" },
  );
}
