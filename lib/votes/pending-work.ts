import "server-only";
import type { Tx } from "@/lib/db";
import type { PendingItem, YearFacts } from "@/lib/years/pending-work";
import { runningSessionTitles } from "./sessions";

/** Leaving VOTING: vote sessions neither closed nor cancelled (their ballots would never be counted). */
export async function runningVoteSessionWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const titles = await runningSessionTitles(tx, year.id);
  return titles.map((title) => ({ message: "pendingWork.voteSessionRunning", params: { title } }));
}
