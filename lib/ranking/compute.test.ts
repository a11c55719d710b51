import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { classify, computeRanking, unscoredMembers, type RankCriterion } from "./compute";

const criteria: RankCriterion[] = [
  { id: "i1", kind: "BASE", maxX100: 1500, groupCode: "I", groupPosition: 1 },
  { id: "i2", kind: "BASE", maxX100: 3500, groupCode: "I", groupPosition: 1 },
  { id: "ii1", kind: "BASE", maxX100: 5000, groupCode: "II", groupPosition: 2 },
  { id: "v1", kind: "BONUS", maxX100: 500, groupCode: "V", groupPosition: 5 },
  { id: "vi1", kind: "DEDUCTION", maxX100: 500, groupCode: "VI", groupPosition: 6 },
];
const agency = (id: string, name = id.toUpperCase()) => ({ id, code: id, name });
const finals = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([id, cells]) => [id, new Map(Object.entries(cells))]));

describe("computeRanking", () => {
  it("adds base and bonus, subtracts deductions, capping every item at its maximum", () => {
    const [entry] = computeRanking({
      criteria,
      agencies: [agency("a")],
      finals: finals({ a: { i1: 2000, i2: 3000, ii1: 4000, v1: 900, vi1: 200 } }),
      rules: DEFAULT_RULES,
    });
    expect(entry).toMatchObject({
      baseX100: 1500 + 3000 + 4000,
      bonusX100: 500,
      deductionX100: 200,
      totalX100: 8500 + 500 - 200,
      rank: 1,
      tied: false,
    });
    expect(entry!.groups).toEqual([
      { code: "I", kind: "BASE", x100: 4500 },
      { code: "II", kind: "BASE", x100: 4000 },
      { code: "V", kind: "BONUS", x100: 500 },
      { code: "VI", kind: "DEDUCTION", x100: 200 },
    ]);
    expect(entry!.firstGroupBaseX100).toBe(4500);
  });

  it("counts missing cells as zero and never lets a cell go negative", () => {
    const [entry] = computeRanking({
      criteria,
      agencies: [agency("a")],
      finals: finals({ a: { i1: -300 } }),
      rules: DEFAULT_RULES,
    });
    expect(entry).toMatchObject({ totalX100: 0, baseX100: 0, classification: { code: "YEU" } });
  });

  it("classifies by the year's bands, at the band's exact minimum", () => {
    const bands = DEFAULT_RULES.classificationBands;
    expect(classify(9500, bands)?.code).toBe("XUAT_SAC");
    expect(classify(9499, bands)?.code).toBe("TOT");
    expect(classify(8500, bands)?.code).toBe("TOT");
    expect(classify(0, bands)?.code).toBe("YEU");
    expect(classify(5000, [{ code: "DAT", label: "Đạt", minTotal: 60 }])).toBeNull();
  });

  it("breaks a tie on the total by fewer deductions, then by the first group's base score", () => {
    const ranking = computeRanking({
      criteria,
      agencies: [agency("a"), agency("b"), agency("c"), agency("d")],
      finals: finals({
        a: { i1: 1500, i2: 3500, ii1: 4000, vi1: 100 }, // 89
        b: { i1: 1500, i2: 3400, ii1: 4000 }, // 89, no deduction
        c: { i1: 1500, i2: 3500, ii1: 3900 }, // 89, no deduction, first group 50
        d: { i1: 1500, i2: 3500, ii1: 4500 }, // 95
      }),
      rules: DEFAULT_RULES,
    });
    expect(ranking.map((entry) => [entry.agency.code, entry.rank])).toEqual([
      ["d", 1],
      ["c", 2],
      ["b", 3],
      ["a", 4],
    ]);
  });

  it("shares a rank when the whole chain ties, and the next rank skips", () => {
    const ranking = computeRanking({
      criteria,
      agencies: [agency("a", "Ban A"), agency("b", "Ban B"), agency("c", "Ban C")],
      finals: finals({ a: { i1: 1000 }, b: { i1: 1000 }, c: { i1: 500 } }),
      rules: DEFAULT_RULES,
    });
    expect(ranking.map((entry) => [entry.agency.code, entry.rank, entry.tied])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, false],
    ]);
  });

  it("follows the year's chain: without tie-breaks beyond the total, equal totals share the rank", () => {
    const ranking = computeRanking({
      criteria,
      agencies: [agency("a"), agency("b")],
      finals: finals({ a: { i1: 1500, vi1: 100 }, b: { i1: 1400 } }),
      rules: { ...DEFAULT_RULES, tieBreaks: ["TOTAL"] },
    });
    expect(ranking.map((entry) => entry.rank)).toEqual([1, 1]);
    const withChain = computeRanking({
      criteria,
      agencies: [agency("a"), agency("b")],
      finals: finals({ a: { i1: 1500, vi1: 100 }, b: { i1: 1400 } }),
      rules: DEFAULT_RULES,
    });
    expect(withChain.map((entry) => [entry.agency.code, entry.rank])).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
  });
});

describe("members not scored (“không chấm”)", () => {
  it("rank after every scored member, in one shared place, without points or classification, whatever their finals", () => {
    const ranking = computeRanking({
      criteria,
      agencies: [
        { ...agency("a"), notScoredReason: "Sáp nhập từ tháng 6" },
        agency("b"),
        { ...agency("c"), notScoredReason: "Giải thể" },
        agency("d"),
      ],
      finals: finals({ a: { i1: 1500, i2: 3500, ii1: 5000 }, b: { i1: 100 }, d: { i1: 200 } }),
      rules: DEFAULT_RULES,
    });
    expect(ranking.map((entry) => [entry.agency.code, entry.rank, entry.tied])).toEqual([
      ["d", 1, false],
      ["b", 2, false],
      ["a", 3, true],
      ["c", 3, true],
    ]);
    expect(ranking[2]).toMatchObject({
      notScored: "Sáp nhập từ tháng 6",
      totalX100: 0,
      baseX100: 0,
      classification: null,
    });
    expect(ranking[0]).toMatchObject({ notScored: null, classification: { code: "YEU" } });
    expect(ranking[0]!.agency).toEqual(agency("d"));
  });
});

describe("members without scores yet (a preview)", () => {
  it("rank after the scored members and before those not scored, without a classification (never “0 · Yếu”)", () => {
    const ranking = computeRanking({
      criteria,
      agencies: [agency("a"), { ...agency("b"), notScoredReason: "Giải thể" }, agency("c"), agency("d")],
      // a has only a bonus: still without scores; d has one base cell of 0: scored.
      finals: finals({ a: { v1: 500 }, d: { i1: 0 } }),
      rules: DEFAULT_RULES,
    });
    expect(
      ranking.map((entry) => [
        entry.agency.code,
        entry.rank,
        entry.tied,
        entry.unscored ?? false,
        entry.classification?.code ?? null,
      ]),
    ).toEqual([
      ["d", 1, false, false, "YEU"],
      ["a", 2, true, true, null],
      ["c", 2, true, true, null],
      ["b", 4, false, false, null],
    ]);
  });
});

describe("unscoredMembers", () => {
  it("names the members without a single final base score, leaving out those marked “không chấm”", () => {
    const input = {
      criteria,
      agencies: [agency("a"), agency("b"), agency("c"), { ...agency("d"), notScoredReason: "Giải thể" }],
      // b has only a bonus and a deduction: still unscored; c has one base cell: scored.
      finals: finals({ b: { v1: 500, vi1: 100 }, c: { ii1: 0 } }),
    };
    expect(unscoredMembers(input)).toEqual([agency("a"), agency("b")]);
  });

  it("counts any criterion when the table has no base criteria", () => {
    const bonusOnly = [criteria[3]!];
    expect(
      unscoredMembers({
        criteria: bonusOnly,
        agencies: [agency("a"), agency("b")],
        finals: finals({ a: { v1: 100 } }),
      }),
    ).toEqual([agency("b")]);
  });
});
