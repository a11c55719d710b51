import { describe, expect, it } from "vitest";
import { NOMINATION_STATUSES } from "./schemas";
import { nextStatus, TRANSITIONS } from "./review";

// The board's state machine: approve, return and reject only a SUBMITTED nomination; a decision awards
// only an APPROVED one. Every other (status, action) pair is refused.

const LEGAL: Record<
  keyof typeof TRANSITIONS,
  Partial<Record<(typeof NOMINATION_STATUSES)[number], string>>
> = {
  approve: { SUBMITTED: "APPROVED" },
  return: { SUBMITTED: "RETURNED" },
  reject: { SUBMITTED: "REJECTED" },
  award: { APPROVED: "AWARDED" },
};

describe("nextStatus", () => {
  const cases = (Object.keys(LEGAL) as (keyof typeof TRANSITIONS)[]).flatMap((action) =>
    NOMINATION_STATUSES.map((from) => [from, action, LEGAL[action][from] ?? null] as const),
  );

  it.each(cases)("%s --%s--> %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it("has exactly the four moves of the board and the decision", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(["approve", "award", "reject", "return"]);
    expect(cases.filter(([, , to]) => to !== null)).toHaveLength(4);
  });

  it("never leaves a final status (awarded, rejected, withdrawn)", () => {
    for (const from of ["AWARDED", "REJECTED", "WITHDRAWN"] as const) {
      for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[])
        expect(nextStatus(from, action)).toBeNull();
    }
  });
});
