// Kiểm phiếu: the tally of one closed vote session, from its frozen rules, candidates and roll and the
// ballots' choices (never who cast them). Pure: the data layer feeds it, the unit tests pin it.
// Fractions are compared exactly in integers: "more than 1/2 of 10" needs 6, "at least 2/3 of 10" 7.

export const APPROVAL_CHOICES = ["FOR", "AGAINST", "ABSTAIN"] as const;
export type ApprovalChoice = (typeof APPROVAL_CHOICES)[number];
export const POSTS = ["LEADER", "DEPUTY"] as const;
export type Post = (typeof POSTS)[number];

export interface Fraction {
  numerator: number;
  denominator: number;
}

/** The rules a session froze when it opened. */
export interface SessionRules {
  quorum: Fraction;
  pass: Fraction;
  /** "More than" the threshold (true) or "at least" (false). */
  passStrictlyAbove: boolean;
  /** The threshold counts every voter on the roll, or only the ballots cast. */
  passBase: "MEMBERS" | "BALLOTS";
  /** The award's quota (null: no cap, and always null for an election). */
  quota: number | null;
}

export interface Candidate {
  agencyId: string;
  code: string;
  name: string;
}

export type Method = "APPROVAL" | "PICK_UP_TO_QUOTA" | "ELECTION";

/**
 * A ballot's choices as stored. APPROVAL: every candidate FOR, AGAINST or ABSTAIN. PICK_UP_TO_QUOTA:
 * the picked candidates FOR (the others absent). ELECTION: one agency id (or null, a blank) per post.
 */
export type BallotChoices = Record<string, ApprovalChoice | string | null>;

export interface CandidateResult extends Candidate {
  /** ELECTION: the post this row counts. */
  post: Post | null;
  for: number;
  /** APPROVAL: disapprovals. PICK_UP_TO_QUOTA: ballots that did not pick the candidate. ELECTION: 0. */
  against: number;
  /** APPROVAL: abstentions on this candidate. ELECTION: blank ballots for the post. Else 0. */
  abstain: number;
  /** Passed the threshold (and, with a quota, within it). */
  passed: boolean;
  /** Tied with others for the last places of the quota, or for the post: a new vote decides. */
  tied: boolean;
}

export interface SessionResult {
  rollSize: number;
  ballots: number;
  /** Ballots needed for the quorum. */
  quorumRequired: number;
  quorumMet: boolean;
  /** Number of voters (roll or ballots) the threshold is a fraction of. */
  passBase: number;
  /** The fewest votes FOR that pass. */
  passRequired: number;
  candidates: CandidateResult[];
  /** ELECTION: the agency elected to each post (null: none, e.g. a tie or no majority). */
  elected: Record<Post, string | null> | null;
  /** Some candidate is tied: the outcome of those places is not decided by this vote. */
  hasTies: boolean;
}

/** The fewest of `base` that reach the fraction: ceil(n·base/d), or one more when strictly above. */
export function thresholdCount(fraction: Fraction, base: number, strictlyAbove: boolean): number {
  const scaled = fraction.numerator * base;
  return strictlyAbove
    ? Math.floor(scaled / fraction.denominator) + 1
    : Math.ceil(scaled / fraction.denominator);
}

export function tally(input: {
  method: Method;
  rules: SessionRules;
  candidates: Candidate[];
  rollSize: number;
  ballots: BallotChoices[];
}): SessionResult {
  const { method, rules, candidates, rollSize, ballots } = input;
  const quorumRequired = Math.max(1, thresholdCount(rules.quorum, rollSize, false));
  const quorumMet = ballots.length >= quorumRequired;
  const passBase = rules.passBase === "MEMBERS" ? rollSize : ballots.length;
  // A candidate nobody voted for never passes, whatever the fraction.
  const passRequired = Math.max(1, thresholdCount(rules.pass, passBase, rules.passStrictlyAbove));
  const base = { rollSize, ballots: ballots.length, quorumRequired, quorumMet, passBase, passRequired };

  if (method === "ELECTION") {
    const rows: CandidateResult[] = [];
    const elected = { LEADER: null, DEPUTY: null } as Record<Post, string | null>;
    for (const post of POSTS) {
      const blank = ballots.filter((ballot) => !ballot[post]).length;
      const postRows = candidates.map((candidate) => ({
        ...candidate,
        post,
        for: ballots.filter((ballot) => ballot[post] === candidate.agencyId).length,
        against: 0,
        abstain: blank,
        passed: false,
        tied: false,
      }));
      const top = Math.max(0, ...postRows.map((row) => row.for));
      const leaders = postRows.filter((row) => row.for === top && top > 0);
      if (leaders.length > 1) leaders.forEach((row) => (row.tied = true));
      else if (leaders.length === 1 && quorumMet && top >= passRequired) {
        const winner = leaders[0]!;
        // One agency cannot hold both posts: a deputy who also won the leadership is not elected.
        if (!(post === "DEPUTY" && elected.LEADER === winner.agencyId)) {
          winner.passed = true;
          elected[post] = winner.agencyId;
        }
      }
      rows.push(...postRows);
    }
    return { ...base, candidates: rows, elected, hasTies: rows.some((row) => row.tied) };
  }

  const rows: CandidateResult[] = candidates.map((candidate) => {
    const votes = ballots.map((ballot) => ballot[candidate.agencyId]);
    const votesFor = votes.filter((choice) => choice === "FOR").length;
    const against =
      method === "APPROVAL"
        ? votes.filter((choice) => choice === "AGAINST").length
        : ballots.length - votesFor;
    const abstain =
      method === "APPROVAL"
        ? votes.filter((choice) => choice === "ABSTAIN" || choice === undefined || choice === null).length
        : 0;
    return {
      ...candidate,
      post: null,
      for: votesFor,
      against,
      abstain,
      passed: quorumMet && votesFor >= passRequired,
      tied: false,
    };
  });

  // More candidates passed than the quota allows: the most votes FOR keep their place; those tied
  // across the last place are flagged and none of them passes.
  const passing = rows.filter((row) => row.passed).sort((a, b) => b.for - a.for);
  if (rules.quota !== null && passing.length > rules.quota) {
    const cutoff = rules.quota === 0 ? Infinity : passing[rules.quota - 1]!.for;
    const above = passing.filter((row) => row.for > cutoff);
    const atCutoff = passing.filter((row) => row.for === cutoff);
    for (const row of passing)
      row.passed = row.for > cutoff || (row.for === cutoff && above.length + atCutoff.length <= rules.quota);
    if (above.length + atCutoff.length > rules.quota) atCutoff.forEach((row) => (row.tied = true));
  }
  return { ...base, candidates: rows, elected: null, hasTies: rows.some((row) => row.tied) };
}
