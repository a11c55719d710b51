import "server-only";
import type { Tx } from "@/lib/db";
import { unsubmittedAssessmentWork } from "@/lib/assessments/pending-work";
import { undecidedNominationWork, unsubmittedDossierWork } from "@/lib/nominations/pending-work";
import { unsignedPledgeWork } from "@/lib/pledges/pending-work";
import { unpublishedRankingWork } from "@/lib/ranking/pending-work";
import { runningVoteSessionWork } from "@/lib/votes/pending-work";
import type { MessageParams } from "@/lib/errors";
import type { Phase } from "./phases";

/** Work a phase leaves undone: moving on anyway needs a reason, which the audit trail keeps. */
export interface PendingItem {
  message: string;
  params?: MessageParams;
}

export interface YearFacts {
  id: string;
  phase: Phase;
  leaderAgencyId: string | null;
  deputyAgencyId: string | null;
  memberCount: number;
}

type PendingWorkCheck = (tx: Tx, year: YearFacts) => Promise<PendingItem[]>;

// Each feature adds the checks of the phase it belongs to (pledge signatures, submitted
// self-assessments, ...).
const CHECKS: Partial<Record<Phase, PendingWorkCheck[]>> = {
  SETUP: [async (_tx, year) => (year.deputyAgencyId ? [] : [{ message: "pendingWork.noDeputy" }])],
  PLEDGING: [unsignedPledgeWork],
  SELF_ASSESSMENT: [unsubmittedAssessmentWork],
  REVIEW: [unpublishedRankingWork],
  VOTING: [runningVoteSessionWork],
  NOMINATION: [unsubmittedDossierWork],
  BOARD_REVIEW: [undecidedNominationWork],
};

export async function pendingWorkOf(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const checks = CHECKS[year.phase] ?? [];
  return (await Promise.all(checks.map((check) => check(tx, year)))).flat();
}

/** Conditions without which the year cannot leave a phase at all (not even with a reason). */
export function blockersOf(year: YearFacts): PendingItem[] {
  if (year.phase !== "SETUP") return [];
  const blockers: PendingItem[] = [];
  if (!year.leaderAgencyId) blockers.push({ message: "pendingWork.noLeader" });
  if (year.memberCount < 2) blockers.push({ message: "pendingWork.tooFewMembers" });
  return blockers;
}
