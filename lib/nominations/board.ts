import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { authorize, can } from "@/lib/permissions";
import { standingPublication } from "@/lib/ranking/ranking";
import { fromX100 } from "@/lib/scores/points";
import { parseInput } from "@/lib/validation";
import { resultsOf } from "@/lib/votes/load";
import { submittedNominationsColumn } from "./columns";
import { nominationSelect, toNominationDto, readsNominations } from "./load";
import { inboxFiltersSchema, type NominationDto } from "./schemas";
import { loadYear, yearScope } from "@/lib/years/context";

// The board's side: an inbox of nominations across every bloc of the province, and one bloc's dossier
// (hồ sơ) with everything it rests on: ranking, votes, minutes, pledge signatures, reports.

/** Rows per inbox page: a page the board can scan, and light enough to serve fast under load. */
export const INBOX_PAGE_SIZE = 20;

export interface Inbox {
  items: NominationDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Filter choices: the years, blocs and awards that have nominations before the board. */
  facets: {
    years: number[];
    blocs: { id: string; name: string }[];
    awards: { code: string; name: string }[];
  };
  /** Counts per status under the other filters. */
  counts: Record<string, number>;
}

export async function getInbox(actor: Actor, filters: unknown = {}): Promise<Inbox> {
  authorize(actor, "dossier.read");
  if (!can(actor, "nomination.read")) throw forbidden();
  const { year, blocId, awardCode, status, page } = parseInput(inboxFiltersSchema, filters);
  // Only what has reached the board: drafts stay the bloc's business.
  const base: Prisma.NominationWhereInput = {
    status: { notIn: ["DRAFT", "WITHDRAWN"] },
    ...(year ? { year: { year } } : {}),
    ...(blocId ? { year: { blocId, ...(year ? { year } : {}) } } : {}),
    ...(awardCode ? { awardCode } : {}),
  };
  // A status filter narrows what reached the board (it never brings drafts or withdrawn ones in).
  const where: Prisma.NominationWhereInput = { ...base, ...(status ? { AND: [{ status }] } : {}) };
  // Four queries whatever the province's size: the page's ids in order (sorting only ids: the related
  // rows are then read for the page alone, not for every nomination sorted), the page, the counts per
  // status (the total is read from them), and the filters' choices as one JSON document.
  const [pageIds, grouped, [facets]] = await Promise.all([
    db.nomination.findMany({
      where,
      select: { id: true },
      orderBy: [
        { year: { year: "desc" } },
        { year: { bloc: { name: "asc" } } },
        { awardCode: "asc" },
        { agency: { name: "asc" } },
      ],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
    }),
    db.nomination.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    db.$queryRaw<{ facets: string }[]>`
      WITH reached AS (
        SELECT n."awardCode", n."awardName", y.year, y."blocId"
        FROM "Nomination" n JOIN "EmulationYear" y ON y.id = n."yearId"
        WHERE n.status NOT IN ('DRAFT', 'WITHDRAWN')
      )
      SELECT json_build_object(
        'years', (SELECT coalesce(json_agg(year ORDER BY year DESC), '[]') FROM (SELECT DISTINCT year FROM reached) t),
        'blocs', (SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name) ORDER BY b.name), '[]') FROM "Bloc" b WHERE b.id IN (SELECT "blocId" FROM reached)),
        'awards', (SELECT coalesce(json_agg(json_build_object('code', code, 'name', name) ORDER BY code), '[]') FROM (SELECT DISTINCT ON ("awardCode") "awardCode" AS code, "awardName" AS name FROM reached ORDER BY "awardCode") t)
      )::text AS facets`,
  ]);
  const rows = await db.nomination.findMany({
    where: { id: { in: pageIds.map((row) => row.id) } },
    select: nominationSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const counts = Object.fromEntries(grouped.map((group) => [group.status, group._count._all]));
  return {
    items: pageIds.flatMap(({ id }) => (byId.has(id) ? [toNominationDto(byId.get(id)!)] : [])),
    total: status ? (counts[status] ?? 0) : Object.values(counts).reduce((sum, count) => sum + count, 0),
    page,
    pageSize: INBOX_PAGE_SIZE,
    facets: JSON.parse(facets!.facets) as Inbox["facets"],
    counts,
  };
}

export interface Dossier {
  year: {
    id: string;
    year: number;
    phase: string;
    bloc: { id: string; name: string };
    leader: { code: string; name: string } | null;
  };
  nominations: (NominationDto & {
    events: {
      round: number;
      action: string;
      toStatus: string;
      comment: string | null;
      actorName: string | null;
      at: string;
    }[];
  })[];
  submissions: { round: number; submittedAt: string; count: number }[];
  ranking: {
    rank: number;
    agency: { code: string; name: string };
    total: number;
    classification: string | null;
    notScored: string | null;
  }[];
  votes: {
    id: string;
    title: string;
    closedAt: string;
    ballots: number;
    rollSize: number;
    quorumMet: boolean;
    passed: string[];
  }[];
  pledge: { versionId: string; number: number; signed: number; members: number } | null;
  decisions: {
    number: string;
    signedOn: string;
    signerName: string;
    signerTitle: string | null;
    count: number;
  }[];
  mayReview: boolean;
}

/** One bloc's dossier of a year: what the board reviews (also the secretariat's view of what it sent). */
export async function getDossier(actor: Actor, yearId: string): Promise<Dossier> {
  const year = await loadYear(db, actor, yearId, readsNominations);
  if (!can(actor, "dossier.read", yearScope(year))) throw notFound("errors.year.notFound");
  const [rows, submissions, publication, sessions, pledge, decisions, leader] = await Promise.all([
    db.nomination.findMany({
      where: { yearId: year.id, status: { not: "WITHDRAWN" } },
      select: {
        ...nominationSelect,
        events: {
          orderBy: { id: "asc" },
          select: { round: true, action: true, toStatus: true, comment: true, actorName: true, at: true },
        },
      },
      orderBy: [{ awardCode: "asc" }, { agency: { name: "asc" } }],
    }),
    db.dossierSubmission.findMany({
      where: { yearId: year.id },
      orderBy: { round: "asc" },
      select: { round: true, submittedAt: true, nominations: true },
    }),
    standingPublication(db, year.id),
    db.voteSession.findMany({
      where: { yearId: year.id, closedAt: { not: null }, cancelledAt: null },
      orderBy: { closedAt: "asc" },
      select: { id: true, title: true, closedAt: true, results: true, candidates: true },
    }),
    db.pledgeVersion.findFirst({
      where: { pledge: { yearId: year.id }, status: "OPEN" },
      select: { id: true, number: true, _count: { select: { signatures: true } } },
    }),
    db.awardDecision.findMany({
      where: { yearId: year.id },
      orderBy: { recordedAt: "asc" },
      select: {
        number: true,
        signedOn: true,
        signerName: true,
        signerTitle: true,
        _count: { select: { nominations: true } },
      },
    }),
    year.leaderAgencyId
      ? db.agency.findUnique({ where: { id: year.leaderAgencyId }, select: { code: true, name: true } })
      : null,
  ]);
  const entries = publication?.entries ?? [];
  return {
    year: {
      id: year.id,
      year: year.year,
      phase: year.phase,
      bloc: { id: year.bloc.id, name: year.bloc.name },
      leader,
    },
    nominations: rows.map((row) => ({
      ...toNominationDto(row),
      events: row.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    })),
    submissions: submissions.map((s) => ({
      round: s.round,
      submittedAt: s.submittedAt.toISOString(),
      count: submittedNominationsColumn.read(s.nominations).length,
    })),
    ranking: entries.map((e) => ({
      rank: e.rank,
      agency: { code: e.agency.code, name: e.agency.name },
      total: fromX100(e.totalX100),
      classification: e.classification?.label ?? null,
      notScored: e.notScored ?? null,
    })),
    votes: sessions.map((s) => {
      const results = resultsOf(s)!;
      return {
        id: s.id,
        title: s.title,
        closedAt: s.closedAt!.toISOString(),
        ballots: results.ballots,
        rollSize: results.rollSize,
        quorumMet: results.quorumMet,
        passed: results.candidates
          .filter((c) => c.passed)
          .map((c) => (c.post ? `${c.post === "LEADER" ? "Khối trưởng" : "Khối phó"}: ${c.name}` : c.name)),
      };
    }),
    pledge: pledge
      ? {
          versionId: pledge.id,
          number: pledge.number,
          signed: pledge._count.signatures,
          members: year.members.length,
        }
      : null,
    decisions: decisions.map((d) => ({
      number: d.number,
      signedOn: d.signedOn.toISOString().slice(0, 10),
      signerName: d.signerName,
      signerTitle: d.signerTitle,
      count: d._count.nominations,
    })),
    mayReview: can(actor, "nomination.review") && year.phase === "BOARD_REVIEW",
  };
}
