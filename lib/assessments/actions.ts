"use server";

import { revalidatePath } from "next/cache";
import { returnSelfAssessment, saveSelfScore, submitSelfAssessment } from "@/lib/assessments/assessments";
import { deleteEvidence } from "@/lib/evidence/evidence";
import { runAction } from "@/lib/http/action";

/**
 * Saves one criterion's self score and note as the user types. No revalidation: the editor keeps its
 * own state, and re-rendering the page on every keystroke save would only cost time.
 */
export async function saveSelfScoreAction(
  yearId: string,
  input: { criterionId: string; points: number | null; note?: string },
) {
  return runAction((actor) => saveSelfScore(actor, yearId, input));
}

/** Removes an evidence file of the user's agency while its self-assessment is editable. */
export async function deleteEvidenceAction(yearId: string, evidenceId: string) {
  return runAction(
    async (actor) => {
      await deleteEvidence(actor, evidenceId);
      revalidatePath(`/years/${yearId}/assessment`);
    },
    { successMessageKey: "assessment.evidence.deleted" },
  );
}

/** The agency leader submits the self-assessment (editing locks). */
export async function submitSelfAssessmentAction(yearId: string, version: number) {
  return runAction(
    async (actor) => {
      const submitted = await submitSelfAssessment(actor, yearId, { version });
      revalidatePath(`/years/${yearId}/assessment`);
      revalidatePath(`/years/${yearId}/assessments`);
      revalidatePath("/");
      return submitted;
    },
    { successMessageKey: "assessment.submit.done" },
  );
}

/** The year's secretariat returns a submitted self-assessment with a comment. */
export async function returnSelfAssessmentAction(yearId: string, agencyCode: string, form: FormData) {
  return runAction(
    async (actor) => {
      await returnSelfAssessment(actor, yearId, agencyCode, { comment: String(form.get("comment") ?? "") });
      revalidatePath(`/years/${yearId}/assessment`);
      revalidatePath(`/years/${yearId}/assessments`);
    },
    { successMessageKey: "assessment.return.done" },
  );
}
