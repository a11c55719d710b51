import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, fractionSchema, yearDeadlinesSchema, yearRulesSchema, type YearRules } from "./rules";

/** A deep copy of the default rules, changed by `edit`. */
function rulesWith(edit: (rules: YearRules) => void): YearRules {
  const rules = structuredClone(DEFAULT_RULES);
  edit(rules);
  return rules;
}

function issuesOf(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
}

describe("yearRulesSchema", () => {
  it("accepts the default rules unchanged", () => {
    const result = yearRulesSchema.safeParse(DEFAULT_RULES);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(DEFAULT_RULES);
  });

  it("has the demo defaults of PRODUCT.md: five bands, three awards, the government flag capped at one", () => {
    expect(DEFAULT_RULES.classificationBands.map((band) => band.code)).toEqual(["XUAT_SAC", "TOT", "KHA", "TRUNG_BINH", "YEU"]);
    expect(DEFAULT_RULES.awards.map((award) => [award.code, award.maxCount, award.minClassification])).toEqual([
      ["GOV_FLAG", 1, "XUAT_SAC"],
      ["PROVINCIAL_FLAG", 3, "XUAT_SAC"],
      ["PROVINCIAL_MERIT", null, "TOT"],
    ]);
  });

  it("requires bands strictly descending", () => {
    const equal = rulesWith((rules) => {
      rules.classificationBands[1]!.minTotal = 95;
    });
    expect(issuesOf(yearRulesSchema, equal)).toEqual([{ path: ["classificationBands", 1, "minTotal"], message: "validation.bandsDescending", code: "custom" }]);

    const rising = rulesWith((rules) => {
      rules.classificationBands[3]!.minTotal = 80;
    });
    expect(issuesOf(yearRulesSchema, rising)).toEqual([{ path: ["classificationBands", 3, "minTotal"], message: "validation.bandsDescending", code: "custom" }]);
  });

  it("rejects a band above the scale", () => {
    const above = rulesWith((rules) => {
      rules.scale = 90;
    });
    expect(issuesOf(yearRulesSchema, above)).toEqual([{ path: ["classificationBands", 0, "minTotal"], message: "validation.bandAboveScale", code: "custom" }]);
    // At the scale is fine.
    expect(yearRulesSchema.safeParse(rulesWith((rules) => (rules.scale = 95))).success).toBe(true);
  });

  it("rejects duplicate band and award codes and duplicate tie-breaks", () => {
    const bands = rulesWith((rules) => {
      rules.classificationBands[2]!.code = "TOT";
    });
    expect(issuesOf(yearRulesSchema, bands)).toContainEqual({ path: ["classificationBands"], message: "validation.duplicateCodes", code: "custom" });

    const awards = rulesWith((rules) => {
      rules.awards[2]!.code = "GOV_FLAG";
    });
    expect(issuesOf(yearRulesSchema, awards)).toEqual([{ path: ["awards"], message: "validation.duplicateCodes", code: "custom" }]);

    const tieBreaks = rulesWith((rules) => {
      rules.tieBreaks = ["TOTAL", "TOTAL"];
    });
    expect(issuesOf(yearRulesSchema, tieBreaks)).toEqual([{ path: ["tieBreaks"], message: "validation.duplicateCodes", code: "custom" }]);
  });

  it("requires an award's minimum classification to be an existing band", () => {
    const unknown = rulesWith((rules) => {
      rules.awards[1]!.minClassification = "GIOI";
    });
    expect(issuesOf(yearRulesSchema, unknown)).toEqual([{ path: ["awards", 1, "minClassification"], message: "validation.unknownBand", code: "custom" }]);
    expect(yearRulesSchema.safeParse(rulesWith((rules) => (rules.awards[1]!.minClassification = null))).success).toBe(true);
  });

  it("rejects malformed codes", () => {
    const lower = rulesWith((rules) => {
      rules.awards[0]!.code = "gov_flag";
    });
    expect(issuesOf(yearRulesSchema, lower)).toContainEqual(expect.objectContaining({ path: ["awards", 0, "code"], message: "validation.ruleCode" }));
  });

  it("keeps fractions at most one", () => {
    expect(fractionSchema.safeParse({ numerator: 3, denominator: 3 }).success).toBe(true);
    expect(issuesOf(fractionSchema, { numerator: 4, denominator: 3 })).toEqual([{ path: [], message: "validation.fractionAboveOne", code: "custom" }]);
    const quorum = rulesWith((rules) => {
      rules.voting.quorum = { numerator: 3, denominator: 2 };
    });
    expect(issuesOf(yearRulesSchema, quorum)).toEqual([{ path: ["voting", "quorum"], message: "validation.fractionAboveOne", code: "custom" }]);
    expect(issuesOf(fractionSchema, { numerator: 1, denominator: 0 })[0]?.path).toEqual(["denominator"]);
  });

  it("rejects unknown keys (strict)", () => {
    const extra = { ...DEFAULT_RULES, bonusCap: 10 };
    expect(issuesOf(yearRulesSchema, extra)).toEqual([expect.objectContaining({ code: "unrecognized_keys", path: [] })]);
  });
});

describe("yearDeadlinesSchema", () => {
  it("keeps set deadlines and drops empty ones", () => {
    const result = yearDeadlinesSchema.safeParse({ PLEDGING: "2022-03-31", SELF_ASSESSMENT: null, REVIEW: undefined, VOTING: "2022-12-25" });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ PLEDGING: "2022-03-31", VOTING: "2022-12-25" });
    expect(yearDeadlinesSchema.parse({})).toEqual({});
  });

  it("rejects an empty string (forms send null for a blank date)", () => {
    expect(issuesOf(yearDeadlinesSchema, { PLEDGING: "" })).toContainEqual(expect.objectContaining({ path: ["PLEDGING"], message: "validation.date" }));
  });

  it.each(["31/03/2022", "2022-13-45", "2022-02-30", "2023-02-29", "2022-3-31", "2022-03-31T00:00:00Z"])("rejects the bad date %s", (day) => {
    const issues = issuesOf(yearDeadlinesSchema, { PLEDGING: day });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((issue) => issue.message === "validation.date" && issue.path.join(".") === "PLEDGING")).toBe(true);
  });

  it("accepts real calendar days, leap days included", () => {
    expect(yearDeadlinesSchema.parse({ PLEDGING: "2024-02-29", SELF_ASSESSMENT: "2024-12-31" })).toEqual({ PLEDGING: "2024-02-29", SELF_ASSESSMENT: "2024-12-31" });
  });

  it("rejects deadlines out of phase order, and unknown phases", () => {
    expect(issuesOf(yearDeadlinesSchema, { PLEDGING: "2022-03-31", SELF_ASSESSMENT: "2022-11-30", REVIEW: "2022-11-01" })).toEqual([
      { path: ["REVIEW"], message: "validation.deadlinesOrder", code: "custom" },
    ]);
    // Same day and gaps are fine.
    expect(yearDeadlinesSchema.safeParse({ PLEDGING: "2022-03-31", SELF_ASSESSMENT: "2022-03-31", BOARD_REVIEW: "2023-02-28" }).success).toBe(true);
    expect(issuesOf(yearDeadlinesSchema, { SETUP: "2022-01-01" })).toEqual([expect.objectContaining({ code: "unrecognized_keys" })]);
  });
});
