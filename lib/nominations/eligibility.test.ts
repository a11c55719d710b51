import { describe, expect, it } from "vitest";
import type { RankingEntry } from "@/lib/ranking/compute";
import { DEFAULT_RULES, type AwardRule } from "@/lib/years/rules";
import {
  suggestNominations,
  violationsOf,
  type ActiveNomination,
  type AwardVote,
  type EligibilityInput,
} from "./eligibility";

// The eligibility rules of PRODUCT.md "Awards", pinned on hand-made inputs: membership, ranking, one
// award per member per year, excluded awards, classification, rank, the proposal vote and the quota.

const BANDS = DEFAULT_RULES.classificationBands;
const band = (code: string) => {
  const found = BANDS.find((b) => b.code === code)!;
  return { code: found.code, label: found.label };
};

function award(overrides: Partial<AwardRule> = {}): AwardRule {
  return {
    code: "AWARD",
    name: "Giải",
    maxCount: null,
    maxPercent: null,
    rounding: "FLOOR",
    minClassification: null,
    maxRank: null,
    requiresVote: false,
    voteMethod: "APPROVAL",
    excludes: [],
    ...overrides,
  };
}

function entry(index: number, classification: string | null, rank = index + 1): RankingEntry {
  return {
    rank,
    tied: false,
    agency: { id: `a${index}`, code: `a${index}`, name: `Cơ quan ${String(index).padStart(2, "0")}` },
    baseX100: 9000,
    bonusX100: 0,
    deductionX100: 0,
    totalX100: 9000,
    firstGroupBaseX100: 5000,
    classification: classification ? band(classification) : null,
    groups: [],
  };
}

/** `count` members a0.., all ranked in order with the given classifications (Xuất sắc by default). */
function inputOf(
  options: {
    count?: number;
    classes?: (string | null)[];
    awards?: AwardRule[];
    votes?: Record<string, string[]>;
    active?: ActiveNomination[];
    unranked?: string[];
  } = {},
): EligibilityInput {
  const count = options.count ?? options.classes?.length ?? 10;
  const ids = Array.from({ length: count }, (_, index) => `a${index}`);
  const ranking = ids
    .map((_, index) =>
      entry(index, options.classes?.[index] === undefined ? "XUAT_SAC" : options.classes[index]!),
    )
    .filter((e) => !options.unranked?.includes(e.agency.id));
  const votes = new Map<string, AwardVote>(
    Object.entries(options.votes ?? {}).map(([code, passed]) => [code, { passed: new Set(passed) }]),
  );
  return {
    rules: { awards: options.awards ?? [award()], classificationBands: BANDS },
    memberIds: new Set(ids),
    ranking,
    votes,
    active: options.active ?? [],
  };
}

const rulesOf = (input: EligibilityInput, target: AwardRule, agencyId: string) =>
  violationsOf(input, target, agencyId).map((v) => v.rule);

describe("violationsOf", () => {
  it("allows a ranked member when the award has no conditions", () => {
    const input = inputOf();
    expect(violationsOf(input, award(), "a0")).toEqual([]);
  });

  it("NOT_MEMBER: an agency outside the year, and nothing else is checked", () => {
    const input = inputOf({ count: 3 });
    expect(violationsOf(input, award({ name: "Cờ" }), "stranger")).toEqual([
      { rule: "NOT_MEMBER", params: { award: "Cờ" } },
    ]);
  });

  it("NOT_RANKED: a member missing from the published ranking (or no ranking at all)", () => {
    expect(rulesOf(inputOf({ count: 3, unranked: ["a2"] }), award(), "a2")).toEqual(["NOT_RANKED"]);
    const noRanking = { ...inputOf({ count: 3 }), ranking: [] };
    expect(rulesOf(noRanking, award(), "a0")).toEqual(["NOT_RANKED"]);
  });

  it("ONE_AWARD_PER_YEAR: a member already proposed for any award (the same one included), naming it", () => {
    const flag = award({ code: "FLAG", name: "Cờ thi đua" });
    const merit = award({ code: "MERIT", name: "Bằng khen" });
    const input = inputOf({ awards: [flag, merit], active: [{ agencyId: "a1", awardCode: "FLAG" }] });
    expect(violationsOf(input, merit, "a1")).toEqual([
      { rule: "ONE_AWARD_PER_YEAR", params: { award: "Bằng khen", other: "Cờ thi đua" } },
    ]);
    expect(rulesOf(input, flag, "a1")).toEqual(["ONE_AWARD_PER_YEAR"]);
    // Another member is not affected.
    expect(rulesOf(input, merit, "a2")).toEqual([]);
  });

  it("EXCLUDED: the award excludes the one already held, and the other way round", () => {
    const flag = award({ code: "FLAG", name: "Cờ thi đua", excludes: ["MERIT"] });
    const merit = award({ code: "MERIT", name: "Bằng khen" });
    const other = award({ code: "OTHER", name: "Giải khác" });
    // Held MERIT, proposed for FLAG (FLAG excludes MERIT).
    const heldMerit = inputOf({
      awards: [flag, merit, other],
      active: [{ agencyId: "a0", awardCode: "MERIT" }],
    });
    expect(violationsOf(heldMerit, flag, "a0")).toContainEqual({
      rule: "EXCLUDED",
      params: { award: "Cờ thi đua", other: "Bằng khen" },
    });
    // Held FLAG (which excludes MERIT), proposed for MERIT.
    const heldFlag = inputOf({
      awards: [flag, merit, other],
      active: [{ agencyId: "a0", awardCode: "FLAG" }],
    });
    expect(violationsOf(heldFlag, merit, "a0")).toContainEqual({
      rule: "EXCLUDED",
      params: { award: "Bằng khen", other: "Cờ thi đua" },
    });
    // An award neither excludes: only the one-award rule.
    expect(rulesOf(heldFlag, other, "a0")).toEqual(["ONE_AWARD_PER_YEAR"]);
  });

  it("MIN_CLASSIFICATION: at the band passes, better passes, below fails naming both bands, unclassified fails", () => {
    const target = award({ name: "Bằng khen", minClassification: "TOT" });
    const input = inputOf({ classes: ["XUAT_SAC", "TOT", "KHA", null] });
    expect(rulesOf(input, target, "a0")).toEqual([]);
    expect(rulesOf(input, target, "a1")).toEqual([]);
    expect(violationsOf(input, target, "a2")).toEqual([
      { rule: "MIN_CLASSIFICATION", params: { award: "Bằng khen", needed: "Tốt", actual: "Khá" } },
    ]);
    expect(violationsOf(input, target, "a3")).toEqual([
      { rule: "MIN_CLASSIFICATION", params: { award: "Bằng khen", needed: "Tốt", actual: "—" } },
    ]);
  });

  it("MAX_RANK: at the worst rank passes, below it fails with both ranks", () => {
    const target = award({ name: "Cờ", maxRank: 2 });
    const input = inputOf({ count: 3 });
    expect(rulesOf(input, target, "a0")).toEqual([]);
    expect(rulesOf(input, target, "a1")).toEqual([]);
    expect(violationsOf(input, target, "a2")).toEqual([
      { rule: "MAX_RANK", params: { award: "Cờ", maxRank: 2, rank: 3 } },
    ]);
  });

  it("VOTE_REQUIRED when no proposal session of the award was closed; VOTE_NOT_PASSED when it did not pass the member", () => {
    const target = award({ code: "FLAG", requiresVote: true });
    expect(rulesOf(inputOf({ count: 3 }), target, "a0")).toEqual(["VOTE_REQUIRED"]);
    // A session of another award does not count.
    expect(rulesOf(inputOf({ count: 3, votes: { OTHER: ["a0"] } }), target, "a0")).toEqual(["VOTE_REQUIRED"]);
    const voted = inputOf({ count: 3, votes: { FLAG: ["a0"] } });
    expect(rulesOf(voted, target, "a0")).toEqual([]);
    expect(rulesOf(voted, target, "a1")).toEqual(["VOTE_NOT_PASSED"]);
    // An award without a vote ignores sessions.
    expect(rulesOf(voted, award({ code: "FLAG" }), "a1")).toEqual([]);
  });

  it("QUOTA by count: refused once the count is taken by others, naming the quota", () => {
    const target = award({ code: "FLAG", name: "Cờ", maxCount: 2 });
    const one = inputOf({ awards: [target], active: [{ agencyId: "a0", awardCode: "FLAG" }] });
    expect(rulesOf(one, target, "a1")).toEqual([]);
    const two = inputOf({
      awards: [target],
      active: [
        { agencyId: "a0", awardCode: "FLAG" },
        { agencyId: "a1", awardCode: "FLAG" },
      ],
    });
    expect(violationsOf(two, target, "a2")).toEqual([{ rule: "QUOTA", params: { award: "Cờ", quota: 2 } }]);
    // Nominations for other awards do not count against it.
    const others = inputOf({
      awards: [target, award({ code: "MERIT" })],
      active: [
        { agencyId: "a0", awardCode: "MERIT" },
        { agencyId: "a1", awardCode: "MERIT" },
      ],
    });
    expect(rulesOf(others, target, "a2")).toEqual([]);
  });

  it("QUOTA of zero refuses everyone", () => {
    expect(rulesOf(inputOf(), award({ maxCount: 0 }), "a0")).toEqual(["QUOTA"]);
  });

  it("QUOTA counting leaves out the member itself (its own nomination is the one-award rule, not the quota)", () => {
    const target = award({ code: "FLAG", maxCount: 1 });
    const input = inputOf({ awards: [target], active: [{ agencyId: "a0", awardCode: "FLAG" }] });
    expect(rulesOf(input, target, "a0")).toEqual(["ONE_AWARD_PER_YEAR"]);
    expect(rulesOf(input, target, "a1")).toEqual(["QUOTA"]);
  });

  describe("QUOTA by percentage of the members, rounded", () => {
    // 25 % of 10 members is 2.5.
    const quotaOf = (rounding: AwardRule["rounding"], percent: number, members: number) => {
      const target = award({ code: "P", maxPercent: percent, rounding });
      let taken = 0;
      // Fill the award one member at a time until the rules refuse.
      const active: ActiveNomination[] = [];
      for (let index = 0; index < members; index += 1) {
        const input = inputOf({ count: members, awards: [target], active });
        if (rulesOf(input, target, `a${index}`).includes("QUOTA")) break;
        active.push({ agencyId: `a${index}`, awardCode: "P" });
        taken += 1;
      }
      return taken;
    };

    it("FLOOR rounds 2.5 down to 2", () => expect(quotaOf("FLOOR", 25, 10)).toBe(2));
    it("ROUND rounds 2.5 up to 3 and 2.4 down to 2", () => {
      expect(quotaOf("ROUND", 25, 10)).toBe(3);
      expect(quotaOf("ROUND", 24, 10)).toBe(2);
    });
    it("CEIL rounds 2.1 up to 3", () => expect(quotaOf("CEIL", 21, 10)).toBe(3));
    it("an exact percentage is not rounded (30 % of 10 is 3 in every mode)", () => {
      for (const rounding of ["FLOOR", "ROUND", "CEIL"] as const) expect(quotaOf(rounding, 30, 10)).toBe(3);
    });
    it("the smaller of count and percentage caps", () => {
      const target = award({ code: "P", name: "P", maxCount: 1, maxPercent: 50, rounding: "FLOOR" });
      const input = inputOf({ awards: [target], active: [{ agencyId: "a0", awardCode: "P" }] });
      expect(violationsOf(input, target, "a1")).toEqual([
        { rule: "QUOTA", params: { award: "P", quota: 1 } },
      ]);
    });
  });

  it("reports every rule broken at once, in order", () => {
    const target = award({
      code: "FLAG",
      name: "Cờ",
      minClassification: "XUAT_SAC",
      maxRank: 1,
      requiresVote: true,
      maxCount: 1,
    });
    const input = inputOf({
      classes: ["XUAT_SAC", "TOT", "TOT"],
      awards: [target, award({ code: "MERIT" })],
      votes: { FLAG: ["a0"] },
      active: [
        { agencyId: "a0", awardCode: "FLAG" },
        { agencyId: "a2", awardCode: "MERIT" },
      ],
    });
    expect(rulesOf(input, target, "a2")).toEqual([
      "ONE_AWARD_PER_YEAR",
      "MIN_CLASSIFICATION",
      "MAX_RANK",
      "VOTE_NOT_PASSED",
      "QUOTA",
    ]);
  });
});

describe("suggestNominations", () => {
  // The 2021 demo bloc's shape: 10 members, the first four Xuất sắc, the other six Tốt; GOV_FLAG voted
  // for the first, PROVINCIAL_FLAG for the first four, PROVINCIAL_MERIT for everyone.
  const ids = Array.from({ length: 10 }, (_, index) => `a${index}`);
  const demo = (overrides: Partial<Parameters<typeof inputOf>[0]> = {}) =>
    inputOf({
      classes: ["XUAT_SAC", "XUAT_SAC", "XUAT_SAC", "XUAT_SAC", "TOT", "TOT", "TOT", "TOT", "TOT", "TOT"],
      awards: DEFAULT_RULES.awards,
      votes: { GOV_FLAG: ["a0"], PROVINCIAL_FLAG: ["a0", "a1", "a2", "a3"], PROVINCIAL_MERIT: ids },
      ...overrides,
    });

  it("gives rank 1 the government flag, the next three the provincial flag and the rest the provincial merit", () => {
    expect(suggestNominations(demo())).toEqual([
      { agencyId: "a0", awardCode: "GOV_FLAG" },
      { agencyId: "a1", awardCode: "PROVINCIAL_FLAG" },
      { agencyId: "a2", awardCode: "PROVINCIAL_FLAG" },
      { agencyId: "a3", awardCode: "PROVINCIAL_FLAG" },
      ...ids.slice(4).map((agencyId) => ({ agencyId, awardCode: "PROVINCIAL_MERIT" })),
    ]);
  });

  it("fills the provincial flag only up to its quota of 3, the fifth Xuất sắc falling to the merit", () => {
    const input = demo({
      classes: [
        "XUAT_SAC",
        "XUAT_SAC",
        "XUAT_SAC",
        "XUAT_SAC",
        "XUAT_SAC",
        "TOT",
        "TOT",
        "TOT",
        "TOT",
        "TOT",
      ],
      votes: { GOV_FLAG: ["a0"], PROVINCIAL_FLAG: ["a0", "a1", "a2", "a3", "a4"], PROVINCIAL_MERIT: ids },
    });
    const suggestions = suggestNominations(input);
    expect(suggestions.filter((s) => s.awardCode === "PROVINCIAL_FLAG").map((s) => s.agencyId)).toEqual([
      "a1",
      "a2",
      "a3",
    ]);
    expect(suggestions).toContainEqual({ agencyId: "a4", awardCode: "PROVINCIAL_MERIT" });
  });

  it("leaves out members below Tốt and members the vote did not pass", () => {
    const input = demo({
      classes: ["XUAT_SAC", "XUAT_SAC", "XUAT_SAC", "XUAT_SAC", "TOT", "TOT", "KHA", "TOT", "TOT", "TOT"],
      votes: {
        GOV_FLAG: ["a0"],
        PROVINCIAL_FLAG: ["a0", "a1", "a2", "a3"],
        PROVINCIAL_MERIT: ids.filter((id) => id !== "a9"),
      },
    });
    const suggested = suggestNominations(input).map((s) => s.agencyId);
    expect(suggested).not.toContain("a6");
    expect(suggested).not.toContain("a9");
    expect(suggested).toHaveLength(8);
  });

  it("respects nominations already made: nobody twice, quotas counted", () => {
    const input = demo({
      active: [
        { agencyId: "a1", awardCode: "PROVINCIAL_FLAG" },
        { agencyId: "a5", awardCode: "PROVINCIAL_MERIT" },
      ],
    });
    const suggestions = suggestNominations(input);
    expect(suggestions.map((s) => s.agencyId)).not.toContain("a1");
    expect(suggestions.map((s) => s.agencyId)).not.toContain("a5");
    // Two more provincial flags fit the quota of 3.
    expect(suggestions.filter((s) => s.awardCode === "PROVINCIAL_FLAG").map((s) => s.agencyId)).toEqual([
      "a2",
      "a3",
    ]);
    expect(suggestions).toHaveLength(8);
  });

  it("suggests nobody for an award whose proposal vote was not held", () => {
    const input = demo({ votes: { GOV_FLAG: ["a0"], PROVINCIAL_FLAG: ["a0", "a1", "a2", "a3"] } });
    const suggestions = suggestNominations(input);
    expect(suggestions.filter((s) => s.awardCode === "PROVINCIAL_MERIT")).toEqual([]);
    expect(suggestions).toHaveLength(4);
  });

  it("goes down the ranking in rank order whatever the order of the entries", () => {
    const input = demo();
    const shuffled = { ...input, ranking: [...input.ranking].reverse() };
    expect(suggestNominations(shuffled)).toEqual(suggestNominations(input));
  });
});
