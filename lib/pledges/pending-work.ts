import "server-only";
import type { Tx } from "@/lib/db";
import type { PendingItem, YearFacts } from "@/lib/years/pending-work";

/** Leaving PLEDGING: no version open for signing, or members that have not signed it. */
export async function unsignedPledgeWork(tx: Tx, year: YearFacts): Promise<PendingItem[]> {
  const open = await tx.pledgeVersion.findFirst({
    where: { pledge: { yearId: year.id }, status: "OPEN" },
    select: { id: true },
  });
  if (!open) return [{ message: "pendingWork.noOpenPledge" }];
  const unsigned = await tx.yearMember.findMany({
    where: { yearId: year.id, agency: { pledgeSignatures: { none: { versionId: open.id } } } },
    select: { agency: { select: { name: true } } },
    orderBy: { agency: { name: "asc" } },
  });
  return unsigned.map((member) => ({
    message: "pendingWork.unsignedPledge",
    params: { agency: member.agency.name },
  }));
}
