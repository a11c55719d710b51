import { describe, expect, it } from "vitest";
import { formatX100, fromX100, parsePointsInput, pointsSchema, toX100 } from "./points";

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
