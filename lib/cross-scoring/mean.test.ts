import { describe, expect, it } from "vitest";
import { crossScoreFinal } from "./mean";

describe("crossScoreFinal", () => {
  it("is the mean of the peers' scores, rounded to the hundredth", () => {
    expect(crossScoreFinal([1000, 1100, 1300], false)).toBe(1133);
    expect(crossScoreFinal([250], false)).toBe(250);
  });

  it("drops the single highest and lowest when trimming and there are at least three", () => {
    expect(crossScoreFinal([1000, 1100, 1300, 200], true)).toBe(1050);
    expect(crossScoreFinal([1500, 1500, 1500], true)).toBe(1500);
    expect(crossScoreFinal([1000, 1500], true)).toBe(1250);
  });

  it("has no value without scores", () => {
    expect(crossScoreFinal([], true)).toBeNull();
  });
});
