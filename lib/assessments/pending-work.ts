import "server-only";
import type { Tx } from "@/lib/db";
import type { PendingItem, YearFacts } from "@/lib/years/pending-work";

/** Leaving SELF_ASSESSMENT: members that have not submitted their self-assessment. */
export async function unsubmittedAssessmentWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const members = await tx.yearMember.findMany({
    where: { yearId: year.id, agency: { assessments: { none: { yearId: year.id, status: "SUBMITTED" } } } },
    select: { agency: { select: { name: true } } },
    orderBy: { agency: { name: "asc" } },
  });
  return members.map((member) => ({
    message: "pendingWork.assessmentNotSubmitted",
    params: { agency: member.agency.name },
  }));
}
