import { describe, expect, it } from "vitest";
import {
  awardQuota,
  awardRuleSchema,
  DEFAULT_RULES,
  fractionSchema,
  yearDeadlinesSchema,
  yearRulesSchema,
  type YearRules,
} from "./rules";

/** A deep copy of the default rules, changed by `edit`. */
function rulesWith(edit: (rules: YearRules) => void): YearRules {
  const rules = structuredClone(DEFAULT_RULES);
  edit(rules);
  return rules;
}

function issuesOf(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string; code: string }[] };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path,
    message: issue.message,
    code: issue.code,
  }));
}

describe("yearRulesSchema", () => {
  it("accepts the default rules unchanged", () => {
    const result = yearRulesSchema.safeParse(DEFAULT_RULES);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(DEFAULT_RULES);
  });

  it("has the demo defaults of PRODUCT.md: five bands, three awards, the government flag capped at one", () => {
    expect(DEFAULT_RULES.classificationBands.map((band) => band.code)).toEqual([
      "XUAT_SAC",
      "TOT",
      "KHA",
      "TRUNG_BINH",
      "YEU",
    ]);
    expect(
      DEFAULT_RULES.awards.map((award) => [award.code, award.maxCount, award.minClassification]),
    ).toEqual([
      ["GOV_FLAG", 1, "XUAT_SAC"],
      ["PROVINCIAL_FLAG", 3, "XUAT_SAC"],
      ["PROVINCIAL_MERIT", null, "TOT"],
    ]);
  });

  it("requires bands strictly descending", () => {
    const equal = rulesWith((rules) => {
      rules.classificationBands[1]!.minTotal = 95;
    });
    expect(issuesOf(yearRulesSchema, equal)).toEqual([
      { path: ["classificationBands", 1, "minTotal"], message: "validation.bandsDescending", code: "custom" },
    ]);

    const rising = rulesWith((rules) => {
      rules.classificationBands[3]!.minTotal = 80;
    });
    expect(issuesOf(yearRulesSchema, rising)).toEqual([
      { path: ["classificationBands", 3, "minTotal"], message: "validation.bandsDescending", code: "custom" },
    ]);
  });

  it("rejects a band above the scale", () => {
    const above = rulesWith((rules) => {
      rules.scale = 90;
    });
    expect(issuesOf(yearRulesSchema, above)).toEqual([
      { path: ["classificationBands", 0, "minTotal"], message: "validation.bandAboveScale", code: "custom" },
    ]);
    // At the scale is fine.
    expect(yearRulesSchema.safeParse(rulesWith((rules) => (rules.scale = 95))).success).toBe(true);
  });

  it("rejects duplicate band and award codes and duplicate tie-breaks", () => {
    const bands = rulesWith((rules) => {
      rules.classificationBands[2]!.code = "TOT";
    });
    expect(issuesOf(yearRulesSchema, bands)).toContainEqual({
      path: ["classificationBands"],
      message: "validation.duplicateCodes",
      code: "custom",
    });

    const awards = rulesWith((rules) => {
      rules.awards[2]!.code = "GOV_FLAG";
    });
    expect(issuesOf(yearRulesSchema, awards)).toEqual([
      { path: ["awards"], message: "validation.duplicateCodes", code: "custom" },
    ]);

    const tieBreaks = rulesWith((rules) => {
      rules.tieBreaks = ["TOTAL", "TOTAL"];
    });
    expect(issuesOf(yearRulesSchema, tieBreaks)).toEqual([
      { path: ["tieBreaks"], message: "validation.duplicateCodes", code: "custom" },
    ]);
  });

  it("requires an award's minimum classification to be an existing band", () => {
    const unknown = rulesWith((rules) => {
      rules.awards[1]!.minClassification = "GIOI";
    });
    expect(issuesOf(yearRulesSchema, unknown)).toEqual([
      { path: ["awards", 1, "minClassification"], message: "validation.unknownBand", code: "custom" },
    ]);
    expect(
      yearRulesSchema.safeParse(rulesWith((rules) => (rules.awards[1]!.minClassification = null))).success,
    ).toBe(true);
  });

  it("rejects malformed codes", () => {
    const lower = rulesWith((rules) => {
      rules.awards[0]!.code = "gov_flag";
    });
    expect(issuesOf(yearRulesSchema, lower)).toContainEqual(
      expect.objectContaining({ path: ["awards", 0, "code"], message: "validation.ruleCode" }),
    );
  });

  it("keeps fractions at most one", () => {
    expect(fractionSchema.safeParse({ numerator: 3, denominator: 3 }).success).toBe(true);
    expect(issuesOf(fractionSchema, { numerator: 4, denominator: 3 })).toEqual([
      { path: [], message: "validation.fractionAboveOne", code: "custom" },
    ]);
    const quorum = rulesWith((rules) => {
      rules.voting.quorum = { numerator: 3, denominator: 2 };
    });
    expect(issuesOf(yearRulesSchema, quorum)).toEqual([
      { path: ["voting", "quorum"], message: "validation.fractionAboveOne", code: "custom" },
    ]);
    expect(issuesOf(fractionSchema, { numerator: 1, denominator: 0 })[0]?.path).toEqual(["denominator"]);
  });

  it("rejects unknown keys (strict)", () => {
    const extra = { ...DEFAULT_RULES, bonusCap: 10 };
    expect(issuesOf(yearRulesSchema, extra)).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", path: [] }),
    ]);
  });
});

describe("yearDeadlinesSchema", () => {
  it("keeps set deadlines and drops empty ones", () => {
    const result = yearDeadlinesSchema.safeParse({
      PLEDGING: "2022-03-31",
      SELF_ASSESSMENT: null,
      REVIEW: undefined,
      VOTING: "2022-12-25",
    });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ PLEDGING: "2022-03-31", VOTING: "2022-12-25" });
    expect(yearDeadlinesSchema.parse({})).toEqual({});
  });

  it("rejects an empty string (forms send null for a blank date)", () => {
    expect(issuesOf(yearDeadlinesSchema, { PLEDGING: "" })).toContainEqual(
      expect.objectContaining({ path: ["PLEDGING"], message: "validation.date" }),
    );
  });

  it.each(["31/03/2022", "2022-13-45", "2022-02-30", "2023-02-29", "2022-3-31", "2022-03-31T00:00:00Z"])(
    "rejects the bad date %s",
    (day) => {
      const issues = issuesOf(yearDeadlinesSchema, { PLEDGING: day });
      expect(issues.length).toBeGreaterThan(0);
      expect(
        issues.every((issue) => issue.message === "validation.date" && issue.path.join(".") === "PLEDGING"),
      ).toBe(true);
    },
  );

  it("accepts real calendar days, leap days included", () => {
    expect(yearDeadlinesSchema.parse({ PLEDGING: "2024-02-29", SELF_ASSESSMENT: "2024-12-31" })).toEqual({
      PLEDGING: "2024-02-29",
      SELF_ASSESSMENT: "2024-12-31",
    });
  });

  it("rejects deadlines out of phase order, and unknown phases", () => {
    expect(
      issuesOf(yearDeadlinesSchema, {
        PLEDGING: "2022-03-31",
        SELF_ASSESSMENT: "2022-11-30",
        REVIEW: "2022-11-01",
      }),
    ).toEqual([{ path: ["REVIEW"], message: "validation.deadlinesOrder", code: "custom" }]);
    // Same day and gaps are fine.
    expect(
      yearDeadlinesSchema.safeParse({
        PLEDGING: "2022-03-31",
        SELF_ASSESSMENT: "2022-03-31",
        BOARD_REVIEW: "2023-02-28",
      }).success,
    ).toBe(true);
    expect(issuesOf(yearDeadlinesSchema, { SETUP: "2022-01-01" })).toEqual([
      expect.objectContaining({ code: "unrecognized_keys" }),
    ]);
  });
});

describe("awardQuota", () => {
  const award = (
    maxCount: number | null,
    maxPercent: number | null,
    rounding: "FLOOR" | "ROUND" | "CEIL" = "FLOOR",
  ) => ({ maxCount, maxPercent, rounding });

  it("is null without a cap, and the count cap whatever the bloc's size", () => {
    expect(awardQuota(award(null, null), 10)).toBeNull();
    expect(awardQuota(award(3, null), 10)).toBe(3);
    expect(awardQuota(award(3, null), 2)).toBe(3);
    expect(awardQuota(award(0, null), 10)).toBe(0);
  });

  it("takes an exact percentage of the members: 30 % of 10 is 3 under every rounding (never 2.9999)", () => {
    for (const rounding of ["FLOOR", "ROUND", "CEIL"] as const) {
      expect(awardQuota(award(null, 30, rounding), 10), rounding).toBe(3);
      expect(awardQuota(award(null, 70, rounding), 10), rounding).toBe(7);
      expect(awardQuota(award(null, 10, rounding), 30), rounding).toBe(3);
      expect(awardQuota(award(null, 100, rounding), 7), rounding).toBe(7);
      expect(awardQuota(award(null, 0, rounding), 7), rounding).toBe(0);
    }
  });

  it("rounds a fractional quota down (FLOOR), to the nearest with halves up (ROUND) or up (CEIL)", () => {
    // 25 % of 10 = 2.5; 15 % of 10 = 1.5; 33.33 % of 3 = 0.9999; 20 % of 12 = 2.4; 35 % of 10 = 3.5.
    const cases: [number, number, [number, number, number]][] = [
      [25, 10, [2, 3, 3]],
      [15, 10, [1, 2, 2]],
      [33.33, 3, [0, 1, 1]],
      [20, 12, [2, 2, 3]],
      [35, 10, [3, 4, 4]],
      [0.01, 10, [0, 0, 1]],
    ];
    for (const [percent, members, [floor, round, ceil]] of cases) {
      expect(
        [
          awardQuota(award(null, percent, "FLOOR"), members),
          awardQuota(award(null, percent, "ROUND"), members),
          awardQuota(award(null, percent, "CEIL"), members),
        ],
        `${percent} % of ${members}`,
      ).toEqual([floor, round, ceil]);
    }
  });

  it("takes the smaller of the two caps when both are set", () => {
    expect(awardQuota(award(3, 50), 10)).toBe(3);
    expect(awardQuota(award(3, 20), 10)).toBe(2);
    expect(awardQuota(award(2, 25, "CEIL"), 10)).toBe(2);
    expect(awardQuota(award(5, 25, "CEIL"), 10)).toBe(3);
  });

  it("is 0 for an empty bloc with a percentage cap", () => {
    expect(awardQuota(award(null, 30, "CEIL"), 0)).toBe(0);
  });

  it("reads an award stored without a vote method as APPROVAL", () => {
    const { voteMethod: _dropped, ...stored } = DEFAULT_RULES.awards[0]!;
    expect(awardRuleSchema.parse(stored).voteMethod).toBe("APPROVAL");
    expect(awardRuleSchema.parse({ ...stored, voteMethod: "PICK_UP_TO_QUOTA" }).voteMethod).toBe(
      "PICK_UP_TO_QUOTA",
    );
    expect(awardRuleSchema.safeParse({ ...stored, voteMethod: "RANKED" }).success).toBe(false);
  });
});
