// 2021's deliberation (bình xét, suy tôn), as the ten leaders voted at the meeting: Ban Tuyên giáo
// proposed for the Government's flag; Ban Dân vận, Văn phòng Tỉnh ủy and Báo Nam Định for the
// provincial flag; the other six for the provincial merit; Ban Dân vận elected Khối trưởng for 2022
// (Văn phòng Tỉnh ủy Khối phó). One session per award and the election; the sessions are opened, the
// ballots cast and the sessions closed through the data layer (demo-2021.ts), which tallies them.
import type { Post } from "@/lib/votes/tally";

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

/**
 * The ballot of voter `index` (of `total`, in the order of DEMO_AGENCIES) in a session of 2021, as
 * castBallot takes it (agency codes): in an award's session, the first `for` voters approve a
 * candidate, the next `against` disapprove, the others abstain; in the election, the first voters name
 * the agencies of ELECTION_VOTES_2021 in turn, the others leave the post blank.
 */
export function demoBallot2021(
  awardCode: string | null,
  candidateCodes: string[],
  index: number,
  total: number,
): Record<string, string | null> {
  if (awardCode === null) {
    const column = (post: Post) =>
      ELECTION_VOTES_2021[post].flatMap(([code, votes]) => Array<string>(votes).fill(code));
    return { LEADER: column("LEADER")[index] ?? null, DEPUTY: column("DEPUTY")[index] ?? null };
  }
  const votes = AWARD_VOTES_2021[awardCode] ?? {};
  return Object.fromEntries(
    candidateCodes.map((code) => {
      const counts = votes[code] ?? { for: 0, against: 0, abstain: total };
      return [code, index < counts.for ? "FOR" : index < counts.for + counts.against ? "AGAINST" : "ABSTAIN"];
    }),
  );
}
