"use server";

import { runAction } from "@/lib/http/action";
import { getCellHistory } from "@/lib/scores/review";
import { saveFinalScores } from "@/lib/scores/save";

export interface FinalScoreInput {
  agencyCode: string;
  criterionCode: string;
  points: number | null;
  version: number;
  reason: string | null;
}

/**
 * Saves one cell of the review grid with the version its editor read. No revalidatePath: the grid
 * keeps its own state from the answer, and re-rendering 30 × 80 cells after every save would make
 * typing stutter; the page is dynamic, so the next visit reads fresh data anyway.
 */
export async function saveFinalScoreAction(yearId: string, cell: FinalScoreInput) {
  return runAction(async (actor) => {
    const [saved] = await saveFinalScores(actor, yearId, [cell]);
    return saved!;
  });
}

/** The history of one cell, for the grid's side panel. */
export async function cellHistoryAction(yearId: string, agencyCode: string, criterionCode: string) {
  return runAction((actor) => getCellHistory(actor, yearId, agencyCode, criterionCode));
}
