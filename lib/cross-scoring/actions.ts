"use server";

import { revalidatePath } from "next/cache";
import { applyCrossScores, completeCrossScoring, saveCrossScore } from "@/lib/cross-scoring/cross-scoring";
import { runAction } from "@/lib/http/action";

export interface CrossScoreInput {
  targetAgencyCode: string;
  criterionId: string;
  points: number;
}

/** One peer score; the form keeps its own state (no revalidation per keystroke-sized save). */
export async function saveCrossScoreAction(yearId: string, input: CrossScoreInput) {
  return runAction((actor) => saveCrossScore(actor, yearId, input));
}

export async function completeCrossScoringAction(yearId: string) {
  return runAction(
    async (actor) => {
      await completeCrossScoring(actor, yearId);
      revalidatePath(`/years/${yearId}/cross-scoring`);
    },
    { successMessageKey: "crossScoring.completed" },
  );
}

export async function applyCrossScoresAction(yearId: string) {
  return runAction(async (actor) => {
    const result = await applyCrossScores(actor, yearId);
    revalidatePath(`/years/${yearId}`, "layout");
    return result;
  });
}
