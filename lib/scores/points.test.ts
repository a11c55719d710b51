import { describe, expect, it } from "vitest";
import {
  capX100,
  formatPoints,
  formatSignedX100,
  formatX100,
  fromX100,
  parsePoints,
  parsePointsInput,
  pointsSchema,
  pointsText,
  readPointsNumber,
  roundX100,
  toX100,
  totalPoints,
  type PointsCriterion,
  type PointsReading,
  type PointsTotals,
} from "./points";

describe("points in hundredths", () => {
  it("converts exactly, with at most two decimals", () => {
    expect(toX100(2.5)).toBe(250);
    expect(toX100(0.1 + 0.2)).toBe(30);
    expect(toX100(15)).toBe(1500);
    expect(() => toX100(1.005)).toThrow();
    expect(fromX100(250)).toBe(2.5);
    expect(fromX100(null)).toBeNull();
  });

  it("reads what people type, with a decimal comma or point", () => {
    expect(parsePointsInput("2,5")).toBe(2.5);
    expect(parsePointsInput(" 15 ")).toBe(15);
    expect(parsePointsInput("0.25")).toBe(0.25);
    for (const bad of ["", "-1", "abc", "1,234", "1.2.3", "2,555"]) expect(parsePointsInput(bad)).toBeNull();
  });

  it("shows vi-VN numbers without trailing zeros", () => {
    expect(formatX100(250)).toBe("2,5");
    expect(formatX100(1500)).toBe("15");
    expect(formatX100(null)).toBe("");
  });

  it("validates API numbers: not negative, two decimals at most", () => {
    expect(pointsSchema.parse(2.5)).toBe(2.5);
    expect(pointsSchema.safeParse(-1).error?.issues[0]?.message).toBe("validation.pointsNegative");
    expect(pointsSchema.safeParse(1.234).error?.issues[0]?.message).toBe("validation.pointsDecimals");
    expect(pointsSchema.safeParse("x").success).toBe(false);
  });
});

describe("parsePoints", () => {
  const cases: [typed: string, limits: Parameters<typeof parsePoints>[1], expected: PointsReading][] = [
    ["9,5", {}, { ok: true, x100: 950 }],
    ["9.5", {}, { ok: true, x100: 950 }],
    ["0,25", {}, { ok: true, x100: 25 }],
    ["0.75", {}, { ok: true, x100: 75 }],
    ["10", {}, { ok: true, x100: 1000 }],
    ["0", {}, { ok: true, x100: 0 }],
    ["007,5", {}, { ok: true, x100: 750 }],
    ["  9,5\t", {}, { ok: true, x100: 950 }],
    ["1 000", {}, { ok: true, x100: 100_000 }],
    ["0.29", {}, { ok: true, x100: 29 }],
    ["", {}, { ok: true, x100: null }],
    ["   ", {}, { ok: true, x100: null }],
    ["-1", {}, { ok: false, problem: "pointsNegative" }],
    [" -0,5", {}, { ok: false, problem: "pointsNegative" }],
    ["9,555", {}, { ok: false, problem: "pointsDecimals" }],
    ["1.234", {}, { ok: false, problem: "pointsDecimals" }],
    ["abc", {}, { ok: false, problem: "pointsNumber" }],
    ["9,", {}, { ok: false, problem: "pointsNumber" }],
    [",5", {}, { ok: false, problem: "pointsNumber" }],
    ["1.2.3", {}, { ok: false, problem: "pointsNumber" }],
    ["9,5,1", {}, { ok: false, problem: "pointsNumber" }],
    ["1e2", {}, { ok: false, problem: "pointsNumber" }],
    ["+1", {}, { ok: false, problem: "pointsNumber" }],
    ["10", { maxX100: 1000 }, { ok: true, x100: 1000 }],
    ["10,01", { maxX100: 1000 }, { ok: false, problem: "pointsAboveMax" }],
    ["10.25", { maxX100: 1000 }, { ok: false, problem: "pointsAboveMax" }],
    ["", { maxX100: 1000, positive: true }, { ok: true, x100: null }],
    ["0", { positive: true }, { ok: false, problem: "pointsPositive" }],
    ["0,00", { positive: true }, { ok: false, problem: "pointsPositive" }],
    ["0,01", { positive: true }, { ok: true, x100: 1 }],
  ];
  it.each(cases)("reads %j (%j)", (typed, limits, expected) => {
    expect(parsePoints(typed, limits)).toEqual(expected);
  });
});

describe("readPointsNumber", () => {
  it.each([
    [9.5, {}, { ok: true, x100: 950 }],
    [0.25, {}, { ok: true, x100: 25 }],
    [0.75, {}, { ok: true, x100: 75 }],
    [9.9499999999999993, {}, { ok: true, x100: 995 }],
    [0.1 + 0.2, {}, { ok: true, x100: 30 }],
    [0, {}, { ok: true, x100: 0 }],
    [0, { positive: true }, { ok: false, problem: "pointsPositive" }],
    [-0.5, {}, { ok: false, problem: "pointsNegative" }],
    [2.555, {}, { ok: false, problem: "pointsDecimals" }],
    [30.25, { maxX100: 3000 }, { ok: false, problem: "pointsAboveMax" }],
    [30, { maxX100: 3000 }, { ok: true, x100: 3000 }],
    [Number.NaN, {}, { ok: false, problem: "pointsNumber" }],
    [Number.POSITIVE_INFINITY, {}, { ok: false, problem: "pointsNumber" }],
  ] as const)("%s %o → %o", (points, limits, expected) => {
    expect(readPointsNumber(points, limits)).toEqual(expected);
  });
});

describe("rounding to hundredths", () => {
  it.each([
    [95, 9500],
    [0.25, 25],
    [87.456, 8746],
    [0.1 + 0.2, 30],
  ])("roundX100(%d) is %d", (points, x100) => {
    expect(roundX100(points)).toBe(x100);
  });
});

describe("showing points", () => {
  it.each([
    [950, "9,5"],
    [25, "0,25"],
    [75, "0,75"],
    [1000, "10"],
    [0, "0"],
    [100_000, "1.000"],
    [-250, "-2,5"],
  ])("formatX100(%d) is %j", (x100, shown) => {
    expect(formatX100(x100)).toBe(shown);
    expect(formatPoints(x100 / 100)).toBe(shown);
  });

  it.each([
    [250, "DEDUCTION", "−2,5"],
    [0, "DEDUCTION", "0"],
    [250, "BONUS", "2,5"],
    [25, "BASE", "0,25"],
  ] as const)("formatSignedX100(%d, %s) is %j", (x100, kind, shown) => {
    expect(formatSignedX100(x100, kind)).toBe(shown);
  });

  it.each([
    [2.5, "2,5"],
    [0.25, "0,25"],
    [1000, "1000"],
    [0.1 + 0.2, "0,3"],
    [null, ""],
    [undefined, ""],
  ])("pointsText(%j) is %j, and reads back", (points, text) => {
    expect(pointsText(points)).toBe(text);
    if (points !== null && points !== undefined)
      expect(parsePointsInput(text)).toBe(Math.round(points * 100) / 100);
  });
});

describe("capping a cell", () => {
  it.each([
    [500, 1000, 500],
    [1500, 1000, 1000],
    [1000, 1000, 1000],
    [-300, 1000, 0],
    [null, 1000, 0],
    [undefined, 1000, 0],
    [25, 50, 25],
  ])("capX100(%j, %d) is %d", (x100, max, capped) => {
    expect(capX100(x100, max)).toBe(capped);
  });
});

describe("totalPoints", () => {
  const criteria: (PointsCriterion & { id: string })[] = [
    { id: "i1", kind: "BASE", maxX100: 1500, groupCode: "I" },
    { id: "i2", kind: "BASE", maxX100: 3500, groupCode: "I" },
    { id: "ii1", kind: "BASE", maxX100: 5000, groupCode: "II" },
    { id: "v1", kind: "BONUS", maxX100: 500, groupCode: "V" },
    { id: "v2", kind: "BONUS", maxX100: 300, groupCode: "V" },
    { id: "vi1", kind: "DEDUCTION", maxX100: 500, groupCode: "VI" },
    { id: "vi2", kind: "DEDUCTION", maxX100: 200, groupCode: "VI" },
  ];
  const cases: [
    name: string,
    cells: Record<string, number | null>,
    expected: Omit<PointsTotals, "groups">,
    groups: Record<string, number>,
  ][] = [
    [
      "nothing scored",
      {},
      { baseX100: 0, bonusX100: 0, deductionX100: 0, totalX100: 0 },
      { I: 0, II: 0, V: 0, VI: 0 },
    ],
    [
      "base, bonus and deductions within their maxima",
      { i1: 1000, i2: 3000, ii1: 4000, v1: 200, vi1: 100 },
      { baseX100: 8000, bonusX100: 200, deductionX100: 100, totalX100: 8100 },
      { I: 4000, II: 4000, V: 200, VI: 100 },
    ],
    [
      "a bonus above its maximum counts its maximum",
      { i1: 1500, v1: 900, v2: 1000 },
      { baseX100: 1500, bonusX100: 800, deductionX100: 0, totalX100: 2300 },
      { I: 1500, II: 0, V: 800, VI: 0 },
    ],
    [
      "a deduction above its maximum counts its maximum",
      { i1: 1500, vi1: 900, vi2: 250 },
      { baseX100: 1500, bonusX100: 0, deductionX100: 700, totalX100: 800 },
      { I: 1500, II: 0, V: 0, VI: 700 },
    ],
    [
      "quarter points add up exactly",
      { i1: 25, i2: 75, ii1: 25, v1: 75, vi1: 25 },
      { baseX100: 125, bonusX100: 75, deductionX100: 25, totalX100: 175 },
      { I: 100, II: 25, V: 75, VI: 25 },
    ],
    [
      "negative cells count 0, missing cells count 0",
      { i1: -300, i2: null, vi1: -100 },
      { baseX100: 0, bonusX100: 0, deductionX100: 0, totalX100: 0 },
      { I: 0, II: 0, V: 0, VI: 0 },
    ],
    [
      "deductions may take the total below zero",
      { i1: 100, vi1: 500, vi2: 200 },
      { baseX100: 100, bonusX100: 0, deductionX100: 700, totalX100: -600 },
      { I: 100, II: 0, V: 0, VI: 700 },
    ],
  ];
  it.each(cases)("%s", (_name, cells, expected, groups) => {
    const totals = totalPoints(criteria, (criterion) => cells[criterion.id]);
    expect(totals).toMatchObject(expected);
    expect(Object.fromEntries(totals.groups)).toEqual(groups);
  });

  it("adds what people typed as the server stores it: 9,5 + 0,1 + 0,2 is exactly 9,8", () => {
    const typed = ["9,5", "0.1", "0,2"].map((text) => parsePoints(text));
    const totals = totalPoints(
      typed.map((_, index) => ({ index, kind: "BASE" as const, maxX100: 1000 })),
      ({ index }) => {
        const reading = typed[index]!;
        return reading.ok ? reading.x100 : null;
      },
    );
    expect(totals.totalX100).toBe(980);
    expect(formatX100(totals.totalX100)).toBe("9,8");
  });

  it("leaves out per-group sums for criteria without a group", () => {
    expect(totalPoints([{ kind: "BASE", maxX100: 100 }], () => 50).groups.size).toBe(0);
  });
});
