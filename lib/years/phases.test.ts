import { describe, expect, it } from "vitest";
import {
  PHASES,
  classifyMove,
  membersEditable,
  nextPhase,
  phaseIndex,
  rulesEditable,
  type Phase,
} from "./phases";

describe("phases of a year", () => {
  it("run in the order of PRODUCT.md", () => {
    expect(PHASES).toEqual([
      "SETUP",
      "PLEDGING",
      "SELF_ASSESSMENT",
      "REVIEW",
      "VOTING",
      "NOMINATION",
      "BOARD_REVIEW",
      "CLOSED",
    ]);
    expect(PHASES.map(phaseIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("each phase is followed by the next one, and CLOSED by none", () => {
    expect(nextPhase("SETUP")).toBe("PLEDGING");
    expect(nextPhase("REVIEW")).toBe("VOTING");
    expect(nextPhase("BOARD_REVIEW")).toBe("CLOSED");
    expect(nextPhase("CLOSED")).toBeNull();
    for (const [index, phase] of PHASES.slice(0, -1).entries())
      expect(nextPhase(phase)).toBe(PHASES[index + 1]);
  });
});

describe("classifyMove", () => {
  it.each<[Phase, Phase, string]>([
    ["SETUP", "PLEDGING", "forward"],
    ["BOARD_REVIEW", "CLOSED", "forward"],
    ["SETUP", "SELF_ASSESSMENT", "skip"],
    ["PLEDGING", "CLOSED", "skip"],
    ["PLEDGING", "SETUP", "back"],
    ["CLOSED", "SETUP", "back"],
    ["CLOSED", "BOARD_REVIEW", "back"],
    ["REVIEW", "REVIEW", "none"],
  ])("%s → %s is %s", (from, to, expected) => {
    expect(classifyMove(from, to)).toBe(expected);
  });
});

describe("what can still change", () => {
  it("rules can change until review scoring starts", () => {
    expect(PHASES.filter(rulesEditable)).toEqual(["SETUP", "PLEDGING", "SELF_ASSESSMENT"]);
    expect(rulesEditable("SELF_ASSESSMENT")).toBe(true);
    expect(rulesEditable("REVIEW")).toBe(false);
  });

  it("membership can change until self-assessment starts", () => {
    expect(PHASES.filter(membersEditable)).toEqual(["SETUP", "PLEDGING"]);
    expect(membersEditable("PLEDGING")).toBe(true);
    expect(membersEditable("SELF_ASSESSMENT")).toBe(false);
    expect(membersEditable("CLOSED")).toBe(false);
  });
});
