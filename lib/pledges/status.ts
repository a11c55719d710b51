import "server-only";
import { db } from "@/lib/db";

/** For the home page: per year, the open version and which agencies have signed it. */
export async function pledgeStatusOfYears(
  yearIds: string[],
): Promise<Map<string, { openVersionId: string; signedAgencyIds: Set<string> }>> {
  if (yearIds.length === 0) return new Map();
  const open = await db.pledgeVersion.findMany({
    where: { status: "OPEN", pledge: { yearId: { in: yearIds } } },
    select: { id: true, pledge: { select: { yearId: true } }, signatures: { select: { agencyId: true } } },
  });
  return new Map(
    open.map((version) => [
      version.pledge.yearId,
      { openVersionId: version.id, signedAgencyIds: new Set(version.signatures.map((s) => s.agencyId)) },
    ]),
  );
}
