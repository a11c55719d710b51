import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { awardSearchSchema, type AwardDto } from "./schemas";

// Award history (lịch sử khen thưởng): every award decided for an agency across the years, and a
// province-wide search. Decisions are public records: every signed-in user reads them.

const awardSelect = {
  awardCode: true,
  awardName: true,
  agency: { select: { code: true, name: true } },
  year: { select: { year: true, bloc: { select: { id: true, name: true } } } },
  decision: { select: { number: true, signedOn: true, signerName: true, signerTitle: true } },
} as const satisfies Prisma.NominationSelect;

type AwardRow = Prisma.NominationGetPayload<{ select: typeof awardSelect }>;

function toAwardDto(row: AwardRow): AwardDto {
  return {
    year: row.year.year,
    bloc: row.year.bloc,
    agency: row.agency,
    award: { code: row.awardCode, name: row.awardName },
    decision: {
      number: row.decision!.number,
      signedOn: row.decision!.signedOn.toISOString().slice(0, 10),
      signerName: row.decision!.signerName,
      signerTitle: row.decision!.signerTitle,
    },
  };
}

const ORDER: Prisma.NominationOrderByWithRelationInput[] = [
  { year: { year: "desc" } },
  { year: { bloc: { name: "asc" } } },
  { awardCode: "asc" },
  { agency: { name: "asc" } },
];

/** An agency's awards across the years, newest first. */
export async function listAgencyAwards(
  actor: Actor,
  agencyCode: string,
): Promise<{ agency: { code: string; name: string }; awards: AwardDto[] }> {
  authorize(actor, "award.read");
  const agency = await db.agency.findUnique({
    where: { code: agencyCode.trim().toLowerCase() },
    select: { id: true, code: true, name: true },
  });
  if (!agency) throw notFound("errors.agency.notFound", { code: agencyCode });
  const rows = await db.nomination.findMany({
    where: { agencyId: agency.id, status: "AWARDED" },
    select: awardSelect,
    orderBy: ORDER,
  });
  return { agency: { code: agency.code, name: agency.name }, awards: rows.map(toAwardDto) };
}

/** Province-wide search by agency name or code, year, award and bloc (at most `limit` rows). */
export async function searchAwards(actor: Actor, filters: unknown = {}, limit = 500): Promise<AwardDto[]> {
  authorize(actor, "award.read");
  const { q, year, awardCode, blocId } = parseInput(awardSearchSchema, filters);
  const rows = await db.nomination.findMany({
    where: {
      status: "AWARDED",
      ...(q
        ? {
            agency: {
              OR: [
                { name: { contains: q, mode: "insensitive" } },
                { shortName: { contains: q, mode: "insensitive" } },
                { code: { equals: q.toLowerCase() } },
              ],
            },
          }
        : {}),
      ...(year || blocId ? { year: { ...(year ? { year } : {}), ...(blocId ? { blocId } : {}) } } : {}),
      ...(awardCode ? { awardCode } : {}),
    },
    select: awardSelect,
    orderBy: ORDER,
    take: limit,
  });
  return rows.map(toAwardDto);
}

/** The search's filter choices: every bloc and award that has an award decided. */
export async function awardSearchFacets(
  actor: Actor,
): Promise<{ blocs: { id: string; name: string }[]; awards: { code: string; name: string }[] }> {
  authorize(actor, "award.read");
  const [blocs, awards] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT DISTINCT b.id, b.name FROM "Nomination" n JOIN "EmulationYear" y ON y.id = n."yearId" JOIN "Bloc" b ON b.id = y."blocId"
      WHERE n.status = 'AWARDED' ORDER BY b.name`,
    db.$queryRaw<{ code: string; name: string }[]>`
      SELECT DISTINCT ON (n."awardCode") n."awardCode" AS code, n."awardName" AS name FROM "Nomination" n
      WHERE n.status = 'AWARDED' ORDER BY n."awardCode", n."updatedAt" DESC`,
  ]);
  return { blocs, awards };
}
