import { describe, expect, it } from "vitest";
import { tally, thresholdCount, type BallotChoices, type Candidate, type SessionRules } from "./tally";

/** Candidates a, b, c... (agency id = code). */
const candidates = (...codes: string[]): Candidate[] =>
  codes.map((code) => ({ agencyId: code, code, name: code.toUpperCase() }));

/** The default rules of a year: quorum at least 2/3, pass more than 1/2 of all members. */
const DEFAULT: SessionRules = {
  quorum: { numerator: 2, denominator: 3 },
  pass: { numerator: 1, denominator: 2 },
  passStrictlyAbove: true,
  passBase: "MEMBERS",
  quota: null,
};
const rules = (overrides: Partial<SessionRules> = {}): SessionRules => ({ ...DEFAULT, ...overrides });

/** `n` copies of the same ballot. */
const times = (n: number, ballot: BallotChoices): BallotChoices[] =>
  Array.from({ length: n }, () => ({ ...ballot }));
/** APPROVAL ballots: `for` FOR, `against` AGAINST, `abstain` ABSTAIN on one candidate `a`. */
const approvalOnA = (votes: { for?: number; against?: number; abstain?: number }): BallotChoices[] => [
  ...times(votes.for ?? 0, { a: "FOR" }),
  ...times(votes.against ?? 0, { a: "AGAINST" }),
  ...times(votes.abstain ?? 0, { a: "ABSTAIN" }),
];
/** PICK_UP_TO_QUOTA ballot picking `codes`. */
const picks = (...codes: string[]): BallotChoices => Object.fromEntries(codes.map((code) => [code, "FOR"]));
const row = (result: ReturnType<typeof tally>, code: string, post: string | null = null) =>
  result.candidates.find((c) => c.code === code && c.post === post)!;

describe("thresholdCount", () => {
  it("is the exact ceiling for 'at least' and floor + 1 for 'more than', with no floating point error", () => {
    // At least 2/3 of 10 is 7 (6.67 rounded up); of 9 exactly 6; of 3 exactly 2.
    expect(thresholdCount({ numerator: 2, denominator: 3 }, 10, false)).toBe(7);
    expect(thresholdCount({ numerator: 2, denominator: 3 }, 9, false)).toBe(6);
    expect(thresholdCount({ numerator: 2, denominator: 3 }, 3, false)).toBe(2);
    // More than 1/2 of 10 is 6, of 9 is 5; at least 1/2 of 10 is 5, of 9 is 5.
    expect(thresholdCount({ numerator: 1, denominator: 2 }, 10, true)).toBe(6);
    expect(thresholdCount({ numerator: 1, denominator: 2 }, 9, true)).toBe(5);
    expect(thresholdCount({ numerator: 1, denominator: 2 }, 10, false)).toBe(5);
    expect(thresholdCount({ numerator: 1, denominator: 2 }, 9, false)).toBe(5);
    // More than 2/3 of 9 (exactly 6) needs 7.
    expect(thresholdCount({ numerator: 2, denominator: 3 }, 9, true)).toBe(7);
    // 0.1 + 0.2 style errors cannot creep in: 7/10 of 10 is exactly 7, 3/10 of 30 exactly 9.
    expect(thresholdCount({ numerator: 7, denominator: 10 }, 10, false)).toBe(7);
    expect(thresholdCount({ numerator: 3, denominator: 10 }, 30, false)).toBe(9);
    expect(thresholdCount({ numerator: 3, denominator: 10 }, 30, true)).toBe(10);
  });

  it("handles the extreme fractions and an empty base", () => {
    expect(thresholdCount({ numerator: 1, denominator: 1 }, 10, false)).toBe(10);
    expect(thresholdCount({ numerator: 1, denominator: 1 }, 10, true)).toBe(11);
    expect(thresholdCount({ numerator: 0, denominator: 1 }, 10, false)).toBe(0);
    expect(thresholdCount({ numerator: 0, denominator: 1 }, 10, true)).toBe(1);
    expect(thresholdCount({ numerator: 2, denominator: 3 }, 0, false)).toBe(0);
  });
});

describe("tally: quorum", () => {
  it("is met with exactly the quorum and missed by one ballot fewer (2/3 of 10 = 7)", () => {
    const met = tally({
      method: "APPROVAL",
      rules: rules(),
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 7 }),
    });
    expect(met).toMatchObject({
      rollSize: 10,
      ballots: 7,
      quorumRequired: 7,
      quorumMet: true,
      passBase: 10,
      passRequired: 6,
    });
    expect(row(met, "a")).toMatchObject({ for: 7, passed: true });

    const missed = tally({
      method: "APPROVAL",
      rules: rules(),
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 6 }),
    });
    expect(missed).toMatchObject({ ballots: 6, quorumRequired: 7, quorumMet: false });
    // Six FOR would reach the pass threshold (6 of 10), but without a quorum nobody passes.
    expect(row(missed, "a")).toMatchObject({ for: 6, passed: false, tied: false });
    expect(missed.hasTies).toBe(false);
  });

  it("needs at least one ballot even when the quorum fraction is zero", () => {
    const none = tally({
      method: "APPROVAL",
      rules: rules({ quorum: { numerator: 0, denominator: 1 }, passBase: "BALLOTS" }),
      candidates: candidates("a"),
      rollSize: 5,
      ballots: [],
    });
    expect(none).toMatchObject({ quorumRequired: 1, quorumMet: false, ballots: 0, passRequired: 1 });
    expect(row(none, "a")).toMatchObject({ for: 0, against: 0, abstain: 0, passed: false });
  });
});

describe("tally: pass threshold", () => {
  it("'more than 50 % of members': exactly half fails, one more passes", () => {
    const half = tally({
      method: "APPROVAL",
      rules: rules(),
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 5, against: 5 }),
    });
    expect(half.passRequired).toBe(6);
    expect(row(half, "a")).toMatchObject({ for: 5, against: 5, abstain: 0, passed: false });
    const more = tally({
      method: "APPROVAL",
      rules: rules(),
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 6, against: 4 }),
    });
    expect(row(more, "a")).toMatchObject({ for: 6, against: 4, passed: true });
  });

  it("'at least 50 % of members': exactly at the threshold passes, one below fails", () => {
    const atLeast = rules({ passStrictlyAbove: false });
    const half = tally({
      method: "APPROVAL",
      rules: atLeast,
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 5, against: 5 }),
    });
    expect(half.passRequired).toBe(5);
    expect(row(half, "a").passed).toBe(true);
    const below = tally({
      method: "APPROVAL",
      rules: atLeast,
      candidates: candidates("a"),
      rollSize: 10,
      ballots: approvalOnA({ for: 4, against: 6 }),
    });
    expect(row(below, "a").passed).toBe(false);
  });

  it("'at least 2/3' exactly at 2/3 passes and 'more than 2/3' does not", () => {
    const ballots = approvalOnA({ for: 6, against: 3 });
    const atLeast = tally({
      method: "APPROVAL",
      rules: rules({ pass: { numerator: 2, denominator: 3 }, passStrictlyAbove: false }),
      candidates: candidates("a"),
      rollSize: 9,
      ballots,
    });
    const moreThan = tally({
      method: "APPROVAL",
      rules: rules({ pass: { numerator: 2, denominator: 3 }, passStrictlyAbove: true }),
      candidates: candidates("a"),
      rollSize: 9,
      ballots,
    });
    expect([atLeast.passRequired, row(atLeast, "a").passed]).toEqual([6, true]);
    expect([moreThan.passRequired, row(moreThan, "a").passed]).toEqual([7, false]);
  });

  it("counts the threshold on all members (MEMBERS) or only on the ballots cast (BALLOTS)", () => {
    // 10 members, 8 ballots, 5 FOR: 5 is not more than half of 10, but it is more than half of 8.
    const ballots = approvalOnA({ for: 5, against: 3 });
    const members = tally({
      method: "APPROVAL",
      rules: rules({ passBase: "MEMBERS" }),
      candidates: candidates("a"),
      rollSize: 10,
      ballots,
    });
    const cast = tally({
      method: "APPROVAL",
      rules: rules({ passBase: "BALLOTS" }),
      candidates: candidates("a"),
      rollSize: 10,
      ballots,
    });
    expect(members).toMatchObject({ passBase: 10, passRequired: 6, quorumMet: true });
    expect(row(members, "a").passed).toBe(false);
    expect(cast).toMatchObject({ passBase: 8, passRequired: 5, quorumMet: true });
    expect(row(cast, "a").passed).toBe(true);
  });

  it("abstentions count against a candidate under BALLOTS (they are ballots cast) but are reported apart", () => {
    // 9 members, 9 ballots: 4 FOR, 1 AGAINST, 4 ABSTAIN. More than half of 9 ballots is 5.
    const result = tally({
      method: "APPROVAL",
      rules: rules({ passBase: "BALLOTS" }),
      candidates: candidates("a"),
      rollSize: 9,
      ballots: approvalOnA({ for: 4, against: 1, abstain: 4 }),
    });
    expect(row(result, "a")).toMatchObject({ for: 4, against: 1, abstain: 4, passed: false });
  });

  it("nobody passes when everyone abstains, even with a zero threshold", () => {
    const ballots = times(10, { a: "ABSTAIN", b: "ABSTAIN" });
    for (const r of [
      rules(),
      rules({ pass: { numerator: 0, denominator: 1 }, passStrictlyAbove: false }),
      rules({ passBase: "BALLOTS" }),
    ]) {
      const result = tally({
        method: "APPROVAL",
        rules: r,
        candidates: candidates("a", "b"),
        rollSize: 10,
        ballots,
      });
      expect(result.quorumMet).toBe(true);
      expect(result.passRequired).toBeGreaterThanOrEqual(1);
      expect(result.candidates.map((c) => [c.code, c.for, c.against, c.abstain, c.passed, c.tied])).toEqual([
        ["a", 0, 0, 10, false, false],
        ["b", 0, 0, 10, false, false],
      ]);
      expect(result.hasTies).toBe(false);
    }
  });

  it("counts an APPROVAL candidate missing from a ballot as an abstention", () => {
    const result = tally({
      method: "APPROVAL",
      rules: rules(),
      candidates: candidates("a", "b"),
      rollSize: 3,
      ballots: [{ a: "FOR" }, { a: "FOR", b: "FOR" }, { a: "AGAINST", b: null }],
    });
    expect(row(result, "b")).toMatchObject({ for: 1, against: 0, abstain: 2 });
    expect(row(result, "a")).toMatchObject({ for: 2, against: 1, abstain: 0, passed: true });
  });
});

describe("tally: quotas", () => {
  it("APPROVAL: more passing than the quota keeps the most votes FOR and flags a tie across the last place", () => {
    // Quota 2; a 9 FOR, b and c 7 FOR each, d 6 FOR: all pass the threshold (6 of 10), only 2 places.
    const ballots: BallotChoices[] = [
      ...times(6, { a: "FOR", b: "FOR", c: "FOR", d: "FOR" }),
      { a: "FOR", b: "FOR", c: "FOR", d: "AGAINST" },
      ...times(2, { a: "FOR", b: "AGAINST", c: "AGAINST", d: "AGAINST" }),
      { a: "AGAINST", b: "AGAINST", c: "AGAINST", d: "ABSTAIN" },
    ];
    const result = tally({
      method: "APPROVAL",
      rules: rules({ quota: 2 }),
      candidates: candidates("a", "b", "c", "d"),
      rollSize: 10,
      ballots,
    });
    expect(result.candidates.map((c) => [c.code, c.for, c.passed, c.tied])).toEqual([
      ["a", 9, true, false],
      ["b", 7, false, true],
      ["c", 7, false, true],
      ["d", 6, false, false],
    ]);
    expect(result.hasTies).toBe(true);
  });

  it("APPROVAL: a tie that fits within the quota is no tie", () => {
    // Quota 3: a 9, b and c 7, d 6. b and c share the 2nd and 3rd places: both fit in the quota.
    const ballots: BallotChoices[] = [
      ...times(6, { a: "FOR", b: "FOR", c: "FOR", d: "FOR" }),
      { a: "FOR", b: "FOR", c: "FOR", d: "AGAINST" },
      ...times(2, { a: "FOR", b: "AGAINST", c: "AGAINST", d: "AGAINST" }),
      { a: "AGAINST", b: "AGAINST", c: "AGAINST", d: "AGAINST" },
    ];
    const result = tally({
      method: "APPROVAL",
      rules: rules({ quota: 3 }),
      candidates: candidates("a", "b", "c", "d"),
      rollSize: 10,
      ballots,
    });
    expect(result.candidates.map((c) => [c.code, c.passed, c.tied])).toEqual([
      ["a", true, false],
      ["b", true, false],
      ["c", true, false],
      ["d", false, false],
    ]);
    expect(result.hasTies).toBe(false);
  });

  it("APPROVAL: passing candidates within the quota all pass; those below the threshold never count toward it", () => {
    const ballots: BallotChoices[] = [
      ...times(6, { a: "FOR", b: "FOR", c: "AGAINST" }),
      ...times(4, { a: "AGAINST", b: "AGAINST", c: "FOR" }),
    ];
    const result = tally({
      method: "APPROVAL",
      rules: rules({ quota: 2 }),
      candidates: candidates("a", "b", "c"),
      rollSize: 10,
      ballots,
    });
    expect(result.candidates.map((c) => [c.code, c.for, c.against, c.passed, c.tied])).toEqual([
      ["a", 6, 4, true, false],
      ["b", 6, 4, true, false],
      ["c", 4, 6, false, false],
    ]);
  });

  it("PICK_UP_TO_QUOTA: counts picks FOR and non-picks against, and flags a tie at the boundary", () => {
    // Quota 1, six ballots each picking one candidate: a 3 times, b 3 times.
    const ballots = [picks("a"), picks("a"), picks("a"), picks("b"), picks("b"), picks("b")];
    const tie = tally({
      method: "PICK_UP_TO_QUOTA",
      rules: rules({ quota: 1, passBase: "BALLOTS", passStrictlyAbove: false }),
      candidates: candidates("a", "b", "c"),
      rollSize: 6,
      ballots,
    });
    expect(tie.passRequired).toBe(3);
    expect(tie.candidates.map((c) => [c.code, c.for, c.against, c.abstain, c.passed, c.tied])).toEqual([
      ["a", 3, 3, 0, false, true],
      ["b", 3, 3, 0, false, true],
      ["c", 0, 6, 0, false, false],
    ]);
    expect(tie.hasTies).toBe(true);

    const decided = tally({
      method: "PICK_UP_TO_QUOTA",
      rules: rules({ quota: 1, passBase: "BALLOTS", passStrictlyAbove: false }),
      candidates: candidates("a", "b", "c"),
      rollSize: 6,
      ballots: [...ballots.slice(0, 5), picks("a")],
    });
    expect(decided.candidates.map((c) => [c.code, c.for, c.passed, c.tied])).toEqual([
      ["a", 4, true, false],
      ["b", 2, false, false],
      ["c", 0, false, false],
    ]);
    expect(decided.hasTies).toBe(false);
  });

  it("PICK_UP_TO_QUOTA: blank ballots count toward the quorum and against every candidate", () => {
    const result = tally({
      method: "PICK_UP_TO_QUOTA",
      rules: rules({ quota: 2 }),
      candidates: candidates("a", "b"),
      rollSize: 3,
      ballots: [{}, {}, picks("a", "b")],
    });
    expect(result).toMatchObject({ quorumMet: true, ballots: 3, passRequired: 2 });
    expect(result.candidates.map((c) => [c.code, c.for, c.against, c.passed])).toEqual([
      ["a", 1, 2, false],
      ["b", 1, 2, false],
    ]);
  });

  it("a quota of 0 lets nobody pass, without a tie", () => {
    for (const method of ["APPROVAL", "PICK_UP_TO_QUOTA"] as const) {
      const ballots = method === "APPROVAL" ? times(5, { a: "FOR", b: "FOR" }) : times(5, picks("a", "b"));
      const result = tally({
        method,
        rules: rules({ quota: 0 }),
        candidates: candidates("a", "b"),
        rollSize: 5,
        ballots,
      });
      expect(
        result.candidates.map((c) => [c.code, c.for, c.passed, c.tied]),
        method,
      ).toEqual([
        ["a", 5, false, false],
        ["b", 5, false, false],
      ]);
      expect(result.hasTies).toBe(false);
    }
  });

  it("no quota (null) lets every candidate over the threshold pass", () => {
    const result = tally({
      method: "APPROVAL",
      rules: rules({ quota: null }),
      candidates: candidates("a", "b", "c"),
      rollSize: 3,
      ballots: times(3, { a: "FOR", b: "FOR", c: "FOR" }),
    });
    expect(result.candidates.every((c) => c.passed && !c.tied)).toBe(true);
  });
});

describe("tally: election of Khối trưởng and Khối phó", () => {
  const members = candidates("a", "b", "c", "d", "e");
  const vote = (leader: string | null, deputy: string | null): BallotChoices => ({
    LEADER: leader,
    DEPUTY: deputy,
  });

  it("elects the member with a majority of all members to each post", () => {
    const ballots = [vote("a", "b"), vote("a", "b"), vote("a", "c"), vote("b", "c"), vote("a", "b")];
    const result = tally({ method: "ELECTION", rules: rules(), candidates: members, rollSize: 5, ballots });
    expect(result.elected).toEqual({ LEADER: "a", DEPUTY: "b" });
    expect(row(result, "a", "LEADER")).toMatchObject({
      for: 4,
      against: 0,
      abstain: 0,
      passed: true,
      tied: false,
    });
    expect(row(result, "b", "LEADER")).toMatchObject({ for: 1, passed: false });
    expect(row(result, "b", "DEPUTY")).toMatchObject({ for: 3, passed: true });
    expect(row(result, "c", "DEPUTY")).toMatchObject({ for: 2, passed: false });
    // One row per member and post.
    expect(result.candidates).toHaveLength(10);
    expect(result.hasTies).toBe(false);
  });

  it("flags a tie for a post and elects nobody to it", () => {
    const ballots = [vote("a", "c"), vote("a", "c"), vote("b", "c"), vote("b", "c"), vote(null, "d")];
    const result = tally({
      method: "ELECTION",
      rules: rules({ passBase: "BALLOTS", pass: { numerator: 1, denominator: 3 } }),
      candidates: members,
      rollSize: 5,
      ballots,
    });
    expect(result.elected).toEqual({ LEADER: null, DEPUTY: "c" });
    expect([
      row(result, "a", "LEADER").tied,
      row(result, "b", "LEADER").tied,
      row(result, "c", "LEADER").tied,
    ]).toEqual([true, true, false]);
    expect(row(result, "a", "LEADER").passed).toBe(false);
    expect(row(result, "c", "DEPUTY")).toMatchObject({ for: 4, passed: true, tied: false });
    expect(result.hasTies).toBe(true);
  });

  it("elects nobody without a majority (the most votes is not enough)", () => {
    // a has the most votes for leader (2 of 5) but 'more than half of 5' needs 3.
    const ballots = [vote("a", "b"), vote("a", "b"), vote("b", "c"), vote("c", "b"), vote("d", "e")];
    const result = tally({ method: "ELECTION", rules: rules(), candidates: members, rollSize: 5, ballots });
    expect(result.passRequired).toBe(3);
    expect(result.elected).toEqual({ LEADER: null, DEPUTY: "b" });
    expect(row(result, "a", "LEADER")).toMatchObject({ for: 2, passed: false, tied: false });
    expect(result.hasTies).toBe(false);
  });

  it("counts blank ballots per post as abstentions, toward the quorum and (MEMBERS) against a majority", () => {
    const ballots = [vote("a", null), vote("a", null), vote(null, null), vote("a", "b")];
    const result = tally({ method: "ELECTION", rules: rules(), candidates: members, rollSize: 5, ballots });
    expect(result).toMatchObject({ ballots: 4, quorumRequired: 4, quorumMet: true, passRequired: 3 });
    expect(row(result, "a", "LEADER")).toMatchObject({ for: 3, abstain: 1, passed: true });
    expect(row(result, "b", "DEPUTY")).toMatchObject({ for: 1, abstain: 3, passed: false });
    expect(result.elected).toEqual({ LEADER: "a", DEPUTY: null });
  });

  it("all-blank ballots elect nobody and flag no tie", () => {
    const result = tally({
      method: "ELECTION",
      rules: rules(),
      candidates: members,
      rollSize: 5,
      ballots: times(5, vote(null, null)),
    });
    expect(result.elected).toEqual({ LEADER: null, DEPUTY: null });
    expect(result.candidates.every((c) => c.for === 0 && c.abstain === 5 && !c.passed && !c.tied)).toBe(true);
    expect(result.hasTies).toBe(false);
  });

  it("never gives both posts to one agency: winning the leadership voids its deputy win", () => {
    // Different voters put a first for leader and for deputy (one ballot cannot name it twice).
    const ballots = [
      vote("a", "b"),
      vote("a", "b"),
      vote("a", "c"),
      vote("b", "a"),
      vote("c", "a"),
      vote("d", "a"),
      vote("e", "a"),
    ];
    const result = tally({
      method: "ELECTION",
      rules: rules({ passBase: "BALLOTS" }),
      candidates: candidates("a", "b", "c", "d", "e"),
      rollSize: 7,
      ballots,
    });
    // a: 3 of 7 for leader (not a majority: 4 needed), 4 of 7 for deputy.
    expect(result.elected).toEqual({ LEADER: null, DEPUTY: "a" });
    const both = tally({
      method: "ELECTION",
      rules: rules({ passBase: "BALLOTS", pass: { numerator: 1, denominator: 3 } }),
      candidates: candidates("a", "b", "c", "d", "e"),
      rollSize: 7,
      ballots,
    });
    // With 'more than a third' (3 of 7) a wins both posts; it takes the leadership and the deputy post stays open.
    expect(both.passRequired).toBe(3);
    expect(row(both, "a", "LEADER")).toMatchObject({ for: 3, passed: true });
    expect(row(both, "a", "DEPUTY")).toMatchObject({ for: 4, passed: false });
    expect(both.elected).toEqual({ LEADER: "a", DEPUTY: null });
  });

  it("elects nobody when the quorum is missed", () => {
    const result = tally({
      method: "ELECTION",
      rules: rules(),
      candidates: members,
      rollSize: 5,
      ballots: times(3, vote("a", "b")),
    });
    expect(result).toMatchObject({ quorumRequired: 4, quorumMet: false });
    expect(result.elected).toEqual({ LEADER: null, DEPUTY: null });
    expect(row(result, "a", "LEADER")).toMatchObject({ for: 3, passed: false });
  });
});
