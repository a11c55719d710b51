// 2021's deliberation (bình xét, suy tôn), closed with the bloc's real outcome (PRODUCT.md): Ban Tuyên
// giáo proposed for the Government's flag; Ban Dân vận, Văn phòng Tỉnh ủy and Báo Nam Định for the
// provincial flag; the other six for the provincial merit; Ban Dân vận elected Khối trưởng for 2022
// (Văn phòng Tỉnh ủy Khối phó). One session per award and the election, every member voting; the
// ballots, participations and the results stored at closing are what lib/votes writes (the results
// come from lib/votes/tally.ts), with candidates taken from the published 2021 ranking and the rules.
import type { Prisma } from "@/lib/db/client";
import type { RankingEntry } from "@/lib/ranking/compute";
import { newReceipt, receiptHash } from "@/lib/votes/receipts";
import { tally, type BallotChoices, type Candidate, type Method, type Post } from "@/lib/votes/tally";
import { awardQuota, type AwardRule, type YearRules } from "@/lib/years/rules";

type Counts = { for: number; against: number; abstain: number };

/** Votes per candidate code of each award session (10 ballots each). */
export const AWARD_VOTES_2021: Record<string, Record<string, Counts>> = {
  GOV_FLAG: { btg: { for: 9, against: 0, abstain: 1 } },
  // Ban Tuyên giáo is proposed for the Government's flag: one achievement is rewarded once.
  PROVINCIAL_FLAG: {
    btg: { for: 1, against: 7, abstain: 2 },
    bdv: { for: 10, against: 0, abstain: 0 },
    vptu: { for: 9, against: 0, abstain: 1 },
    bao: { for: 8, against: 1, abstain: 1 },
  },
  PROVINCIAL_MERIT: {
    btg: { for: 0, against: 2, abstain: 8 },
    bdv: { for: 0, against: 2, abstain: 8 },
    vptu: { for: 0, against: 2, abstain: 8 },
    bao: { for: 1, against: 1, abstain: 8 },
    btc: { for: 10, against: 0, abstain: 0 },
    ubkt: { for: 10, against: 0, abstain: 0 },
    tct: { for: 9, against: 0, abstain: 1 },
    bnc: { for: 9, against: 1, abstain: 0 },
    dukcq: { for: 8, against: 1, abstain: 1 },
    bbvsk: { for: 8, against: 0, abstain: 2 },
  },
};

/** Votes per post: [agency code, votes][], the rest of the 10 ballots blank. */
export const ELECTION_VOTES_2021: Record<Post, [string, number][]> = {
  LEADER: [
    ["bdv", 8],
    ["vptu", 2],
  ],
  DEPUTY: [
    ["vptu", 7],
    ["bao", 2],
  ],
};

/** Ballot `index` of `total` given per-candidate counts: the first `for` ballots FOR, then AGAINST, then ABSTAIN. */
function approvalBallots(candidates: Candidate[], votes: Record<string, Counts>, total: number): BallotChoices[] {
  return Array.from({ length: total }, (_, index) =>
    Object.fromEntries(
      candidates.map((candidate) => {
        const counts = votes[candidate.code] ?? { for: 0, against: 0, abstain: total };
        return [candidate.agencyId, index < counts.for ? "FOR" : index < counts.for + counts.against ? "AGAINST" : "ABSTAIN"];
      }),
    ),
  );
}

function electionBallots(candidates: Candidate[], total: number): BallotChoices[] {
  const idOf = new Map(candidates.map((candidate) => [candidate.code, candidate.agencyId]));
  const column = (post: Post) => ELECTION_VOTES_2021[post].flatMap(([code, votes]) => Array<string | null>(votes).fill(idOf.get(code)!));
  const leader = column("LEADER");
  const deputy = column("DEPUTY");
  return Array.from({ length: total }, (_, index) => ({ LEADER: leader[index] ?? null, DEPUTY: deputy[index] ?? null }));
}

/** The members eligible for an award by the ranking and the rules, in rank order (as lib/votes/sessions.ts picks them). */
export function eligible(award: AwardRule, entries: RankingEntry[], rules: YearRules): Candidate[] {
  const band = (code: string | null | undefined) => (code ? rules.classificationBands.findIndex((b) => b.code === code) : -1);
  const worst = award.minClassification ? band(award.minClassification) : Infinity;
  return [...entries]
    .sort((a, b) => a.rank - b.rank || a.agency.name.localeCompare(b.agency.name, "vi"))
    .filter((entry) => award.maxRank === null || entry.rank <= award.maxRank)
    .filter((entry) => award.minClassification === null || (band(entry.classification?.code) >= 0 && band(entry.classification?.code) <= worst))
    .map((entry) => ({ agencyId: entry.agency.id, code: entry.agency.code, name: entry.agency.name }));
}

/** The sessions of 2021 with their ballots, as plain data (the unit test checks their tally). */
interface DemoSession {
  kind: "AWARD_PROPOSAL" | "LEADERSHIP_ELECTION";
  awardCode: string | null;
  title: string;
  method: Method;
  rules: YearRules["voting"] & { quota: number | null };
  candidates: Candidate[];
  ballots: BallotChoices[];
}

export function demoSessions2021(entries: RankingEntry[], roll: Candidate[], rules: YearRules) {
  const sessions = rules.awards.map((award): DemoSession => {
    const candidates = eligible(award, entries, rules);
    const quota = awardQuota(award, roll.length);
    const method: Method = award.voteMethod === "PICK_UP_TO_QUOTA" && quota !== null ? "PICK_UP_TO_QUOTA" : "APPROVAL";
    return {
      kind: "AWARD_PROPOSAL",
      awardCode: award.code,
      title: `Bình xét, suy tôn ${award.name} năm 2021`,
      method,
      rules: { ...rules.voting, quota },
      candidates,
      ballots: approvalBallots(candidates, AWARD_VOTES_2021[award.code] ?? {}, roll.length),
    };
  });
  sessions.push({
    kind: "LEADERSHIP_ELECTION",
    awardCode: null,
    title: "Bầu Khối trưởng, Khối phó năm 2022",
    method: "ELECTION",
    rules: { ...rules.voting, quota: null },
    candidates: roll,
    ballots: electionBallots(roll, roll.length),
  });
  return sessions.map((session) => ({
    ...session,
    results: tally({ method: session.method, rules: session.rules, candidates: session.candidates, rollSize: roll.length, ballots: session.ballots }),
  }));
}

export async function seedDemoVotes(tx: Prisma.TransactionClient, yearId: string, secretaryId: string, leaderOf: (code: string) => Promise<string>, rules: YearRules): Promise<void> {
  if ((await tx.voteSession.count({ where: { yearId } })) > 0) return;
  const publication = await tx.rankingPublication.findFirst({ where: { yearId, reopenedAt: null }, orderBy: { publishedAt: "desc" }, select: { entries: true } });
  if (!publication) return;
  const entries = publication.entries as unknown as RankingEntry[];
  const members = await tx.yearMember.findMany({ where: { yearId }, select: { agency: { select: { id: true, code: true, name: true } } }, orderBy: { agency: { name: "asc" } } });
  const roll: Candidate[] = members.map(({ agency }) => ({ agencyId: agency.id, code: agency.code, name: agency.name }));

  // The meeting of 20/12/2021 from 08:30 (Asia/Ho_Chi_Minh): one session after the other, each closed
  // once every member had voted.
  const start = Date.parse("2021-12-20T01:30:00.000Z");
  const minute = 60_000;
  for (const [index, session] of demoSessions2021(entries, roll, rules).entries()) {
    const opensAt = new Date(start + index * 30 * minute);
    const created = await tx.voteSession.create({
      data: {
        yearId,
        kind: session.kind,
        method: session.method,
        awardCode: session.awardCode,
        title: session.title,
        rules: session.rules as unknown as object,
        candidates: session.candidates as unknown as object,
        roll: roll as unknown as object,
        opensAt,
        closesAt: new Date(opensAt.getTime() + 120 * minute),
        createdById: secretaryId,
        createdAt: opensAt,
        closedAt: new Date(opensAt.getTime() + 25 * minute),
        closedById: secretaryId,
        results: session.results as unknown as object,
      },
    });
    for (const [position, voter] of roll.entries()) {
      await tx.voteParticipation.create({
        data: { sessionId: created.id, agencyId: voter.agencyId, votedById: await leaderOf(voter.code), votedAt: new Date(opensAt.getTime() + (2 + position * 2) * minute) },
      });
    }
    // Receipts nobody holds: only their hashes are stored, as for any ballot.
    for (const choices of session.ballots) {
      await tx.ballot.create({ data: { sessionId: created.id, receiptHash: receiptHash(newReceipt()), choices: choices as unknown as object } });
    }
  }
}
