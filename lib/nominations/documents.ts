import "server-only";
import type { Actor } from "@/lib/auth/actor";

import { readCriteriaTable } from "@/lib/criteria/criteria";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { NominationStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import type { RankingEntry } from "@/lib/ranking/compute";

import { nominationBasisColumn } from "./columns";
import { readsNominations } from "./load";
import { standingPublication } from "@/lib/ranking/ranking";
import { loadYear, yearScope, type YearContext } from "@/lib/years/context";

// The documents of a bloc's dossier (hồ sơ đề nghị khen thưởng) as data: the tờ trình đề nghị khen
// thưởng (in the manner of Mẫu 01, Nghị định 98/2023/NĐ-CP) and the score table (bảng tổng hợp điểm).
// Both are read by the bloc's secretariat and the province (dossier.read); printed by lib/documents/render/nomination-documents.tsx.

export interface ToTrinhNominee {
  agency: { code: string; name: string };
  rank: number;
  /** Total points in hundredths, at nomination. */
  totalX100: number;
  classification: string | null;
  /** The proposal vote that passed: votes for and ballots cast (null: the award needs no vote). */
  vote: { for: number; ballots: number } | null;
  status: NominationStatus;
}

export interface ToTrinh {
  yearId: string;
  year: number;
  bloc: { name: string; place: string | null };
  /** When the document is made (its date). */
  date: Date;
  /** The year's Khối trưởng agency and its leader (who signs). */
  leader: { agencyName: string; person: { name: string; title: string | null } | null } | null;
  /** What the proposal rests on, as far as it exists. */
  basis: {
    pledge: { number: number; openedAt: Date | null; signed: number; members: number } | null;
    ranking: { publishedAt: Date } | null;
    minutes: { date: Date } | null;
  };
  /** Each award with nominees, in the order of the year's rules; nominees by rank. */
  awards: { code: string; name: string; nominees: ToTrinhNominee[] }[];
  total: number;
}

/** The year, if the actor may read its whole dossier (the bloc's secretariat, the board, the admin). */
export async function dossierYear(actor: Actor, yearId: string): Promise<YearContext> {
  const year = await loadYear(db, actor, yearId, readsNominations);
  if (!can(actor, "dossier.read", yearScope(year))) throw notFound("errors.year.notFound");
  return year;
}

/** The Khối trưởng agency of the year and its (first, active) leader account. */
async function leaderOf(client: Tx | typeof db, year: YearContext): Promise<ToTrinh["leader"]> {
  if (!year.leaderAgencyId) return null;
  const agency = await client.agency.findUnique({
    where: { id: year.leaderAgencyId },
    select: {
      name: true,
      users: {
        where: { role: "AGENCY_LEADER", disabled: false },
        select: { name: true, title: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  if (!agency) return null;
  const person = agency.users[0];
  return { agencyName: agency.name, person: person ? { name: person.name, title: person.title } : null };
}

/** The tờ trình đề nghị khen thưởng of a year whose dossier the actor may read, dated `date`. */
export async function getToTrinh(actor: Actor, yearId: string, date: Date): Promise<ToTrinh> {
  return toTrinhOf(db, await dossierYear(actor, yearId), date);
}

/** The tờ trình: every nomination of the year not withdrawn or rejected, per award; read with `client`. */
export async function toTrinhOf(client: Tx | typeof db, year: YearContext, date: Date): Promise<ToTrinh> {
  const [rows, pledge, publication, lastSession, leader] = await Promise.all([
    client.nomination.findMany({
      where: { yearId: year.id, status: { notIn: ["WITHDRAWN", "REJECTED"] } },
      select: {
        awardCode: true,
        awardName: true,
        status: true,
        basis: true,
        agency: { select: { code: true, name: true } },
      },
    }),
    client.pledgeVersion.findFirst({
      where: { pledge: { yearId: year.id }, status: "OPEN" },
      select: { number: true, openedAt: true, _count: { select: { signatures: true } } },
    }),
    standingPublication(client, year.id),
    client.voteSession.findFirst({
      where: { yearId: year.id, closedAt: { not: null }, cancelledAt: null },
      orderBy: { closedAt: "desc" },
      select: { closedAt: true },
    }),
    leaderOf(client, year),
  ]);
  const order = year.rules.awards.map((award) => award.code);
  const position = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  const awards = new Map<string, ToTrinh["awards"][number]>();
  for (const row of [...rows].sort(
    (a, b) => position(a.awardCode) - position(b.awardCode) || a.awardCode.localeCompare(b.awardCode),
  )) {
    const basis = nominationBasisColumn.read(row.basis);
    const award = awards.get(row.awardCode) ?? { code: row.awardCode, name: row.awardName, nominees: [] };
    award.nominees.push({
      agency: row.agency,
      rank: basis.rank,
      totalX100: basis.totalX100,
      classification: basis.classification,
      vote: basis.vote ? { for: basis.vote.for, ballots: basis.vote.ballots } : null,
      status: row.status,
    });
    awards.set(row.awardCode, award);
  }
  for (const award of awards.values())
    award.nominees.sort((a, b) => a.rank - b.rank || a.agency.name.localeCompare(b.agency.name, "vi"));
  return {
    yearId: year.id,
    year: year.year,
    bloc: { name: year.bloc.name, place: year.bloc.place },
    date,
    leader,
    basis: {
      pledge: pledge
        ? {
            number: pledge.number,
            openedAt: pledge.openedAt,
            signed: pledge._count.signatures,
            members: year.members.length,
          }
        : null,
      ranking: publication ? { publishedAt: publication.publishedAt } : null,
      minutes: lastSession?.closedAt ? { date: lastSession.closedAt } : null,
    },
    awards: [...awards.values()],
    total: rows.length,
  };
}

export interface ScoreTable {
  yearId: string;
  year: number;
  bloc: { name: string; place: string | null };
  publishedAt: Date;
  /** The criteria groups, in table order, with their maximum points (hundredths). */
  groups: { code: string; title: string; kind: string; maxX100: number }[];
  entries: RankingEntry[];
}

/** The score table of a year whose dossier the actor may read. */
export async function getScoreTable(actor: Actor, yearId: string): Promise<ScoreTable> {
  return scoreTableOf(db, await dossierYear(actor, yearId));
}

/** The published ranking (CONFLICT before publication) with the points of each criteria group; read with `client`. */
export async function scoreTableOf(client: Tx | typeof db, year: YearContext): Promise<ScoreTable> {
  const [publication, groups] = await Promise.all([
    standingPublication(client, year.id),
    readCriteriaTable(client, year.id),
  ]);
  if (!publication) throw conflict("errors.nominationDocs.noRanking");
  const entries = [...publication.entries].sort(
    (a, b) => a.rank - b.rank || a.agency.name.localeCompare(b.agency.name, "vi"),
  );
  return {
    yearId: year.id,
    year: year.year,
    bloc: { name: year.bloc.name, place: year.bloc.place },
    publishedAt: publication.publishedAt,
    groups: groups.map((group) => ({
      code: group.code,
      title: group.title,
      kind: group.kind,
      maxX100: group.maxX100,
    })),
    entries,
  };
}
