import "server-only";
import type { Tx } from "@/lib/db";
import type { PendingItem, YearFacts } from "@/lib/years/pending-work";

/** Leaving REVIEW: the ranking is not published. */
export async function unpublishedRankingWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const latest = await tx.rankingPublication.findFirst({
    where: { yearId: year.id },
    orderBy: { publishedAt: "desc" },
    select: { reopenedAt: true },
  });
  return latest && !latest.reopenedAt ? [] : [{ message: "pendingWork.rankingNotPublished" }];
}
