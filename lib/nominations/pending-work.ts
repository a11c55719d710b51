import "server-only";
import type { Tx } from "@/lib/db";
import type { PendingItem, YearFacts } from "@/lib/years/pending-work";
import { UNDECIDED_STATUSES } from "./load";

/**
 * Leaving NOMINATION by hand: the dossier was never sent to the board, or drafts are still unsent
 * (sending it moves the year on by itself).
 */
export async function unsubmittedDossierWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const [submissions, drafts] = await Promise.all([
    tx.dossierSubmission.count({ where: { yearId: year.id } }),
    tx.nomination.count({ where: { yearId: year.id, status: "DRAFT" } }),
  ]);
  return submissions === 0 || drafts > 0
    ? [{ message: "pendingWork.dossierNotSubmitted", params: { count: drafts } }]
    : [];
}

/** Leaving BOARD_REVIEW by hand: nominations the board has not decided (awarded or rejected). */
export async function undecidedNominationWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const rows = await tx.nomination.findMany({
    where: { yearId: year.id, status: { in: UNDECIDED_STATUSES } },
    select: { awardName: true, agency: { select: { name: true } } },
    orderBy: [{ awardCode: "asc" }, { agency: { name: "asc" } }],
  });
  return rows.map((row) => ({
    message: "pendingWork.nominationUndecided",
    params: { agency: row.agency.name, award: row.awardName },
  }));
}
