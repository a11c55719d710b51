import "server-only";
import type { Actor } from "@/lib/auth/actor";

import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { candidatesOf, resultsOf, rollOf, rulesOfSession, sessionSelect } from "./load";
import type { SessionRulesDto } from "./schemas";
import type { Candidate, Method, SessionResult } from "./tally";
import { loadYear, readYear, type YearContext } from "@/lib/years/context";

// Biên bản họp bình xét, suy tôn: what the minutes of a year's deliberation print. Only the closed
// (not cancelled) sessions, in closing order, with the tally stored when each closed, who voted (the
// participations) and never anything of a single ballot.

export interface MinutesPerson {
  name: string;
  title: string | null;
  agencyName: string | null;
}

export interface MinutesSession {
  id: string;
  title: string;
  kind: "AWARD_PROPOSAL" | "LEADERSHIP_ELECTION";
  method: Method;
  awardCode: string | null;
  /** The award's name under the year's rules (null for an election, or an award since removed). */
  awardName: string | null;
  rules: SessionRulesDto;
  opensAt: Date;
  closedAt: Date;
  candidates: Candidate[];
  results: SessionResult;
}

export interface VoteMinutes {
  bloc: { name: string; place: string | null };
  yearId: string;
  year: number;
  /** The first closed session's opening: when the deliberation began. */
  startedAt: Date;
  /** The last closing: the date of the minutes. */
  date: Date;
  /** Every agency on the roll of a closed session, by name; present = voted in at least one of them. */
  members: { code: string; name: string; present: boolean }[];
  /** The year's Khối trưởng agency and its leader (null: no leader agency, or it has no leader account). */
  chair: { agencyName: string; person: MinutesPerson | null } | null;
  /** The secretariat user who closed the last session. */
  secretary: MinutesPerson | null;
  sessions: MinutesSession[];
}

/** The minutes of a year the actor may read the votes of (NOT_FOUND while no session is closed). */
export async function getVoteMinutes(actor: Actor, yearId: string): Promise<VoteMinutes> {
  return voteMinutesOf(db, await loadYear(db, actor, yearId, "vote.read"));
}

/** The minutes of a year as they stand, read with `client` (for issuing them in a transaction). */
export async function voteMinutesOfYear(client: Tx | typeof db, yearId: string): Promise<VoteMinutes> {
  return voteMinutesOf(client, await readYear(client, yearId));
}

async function voteMinutesOf(client: Tx | typeof db, year: YearContext): Promise<VoteMinutes> {
  const rows = await client.voteSession.findMany({
    where: { yearId: year.id, closedAt: { not: null }, cancelledAt: null },
    select: sessionSelect,
    orderBy: [{ closedAt: "asc" }, { createdAt: "asc" }],
  });
  const closed = rows.filter((row) => row.closedAt && row.results);
  if (closed.length === 0) throw notFound("errors.vote.noMinutes");
  const last = closed[closed.length - 1]!;

  const awards = new Map(year.rules.awards.map((award) => [award.code, award.name]));
  const present = new Set(closed.flatMap((session) => session.participations.map((p) => p.agencyId)));
  const roll = new Map<string, Candidate>();
  for (const session of closed) for (const voter of rollOf(session)) roll.set(voter.agencyId, voter);
  const members = [...roll.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))
    .map((voter) => ({ code: voter.code, name: voter.name, present: present.has(voter.agencyId) }));

  const person = (
    user: { name: string; title: string | null; agency: { name: string } | null } | null | undefined,
  ): MinutesPerson | null =>
    user ? { name: user.name, title: user.title, agencyName: user.agency?.name ?? null } : null;

  let chair: VoteMinutes["chair"] = null;
  if (year.leaderAgencyId) {
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
    if (agency) {
      const leader = agency.users[0];
      chair = {
        agencyName: agency.name,
        person: leader ? { name: leader.name, title: leader.title, agencyName: agency.name } : null,
      };
    }
  }
  const secretary = last.closedById
    ? person(
        await client.user.findUnique({
          where: { id: last.closedById },
          select: { name: true, title: true, agency: { select: { name: true } } },
        }),
      )
    : null;

  return {
    bloc: { name: year.bloc.name, place: year.bloc.place },
    yearId: year.id,
    year: year.year,
    startedAt: new Date(Math.min(...closed.map((session) => session.opensAt.getTime()))),
    date: last.closedAt!,
    members,
    chair,
    secretary,
    sessions: closed.map((session) => ({
      id: session.id,
      title: session.title,
      kind: session.kind,
      method: session.method as Method,
      awardCode: session.awardCode,
      awardName: session.awardCode ? (awards.get(session.awardCode) ?? null) : null,
      rules: rulesOfSession(session),
      opensAt: session.opensAt,
      closedAt: session.closedAt!,
      candidates: candidatesOf(session),
      results: resultsOf(session)!,
    })),
  };
}
