import { describe, expect, it } from "vitest";
import { criteriaTableIssues } from "./rules";
import type { CriteriaTableInput } from "./schemas";

const table = (groups: CriteriaTableInput["groups"]): CriteriaTableInput => ({ groups });
const criterion = (code: string, max: number) => ({
  code,
  title: `Tiêu chí ${code}`,
  guidance: "",
  max,
  evidenceRequired: false,
});

describe("criteria table rules", () => {
  it("accepts a table within its group maxima and the scale", () => {
    expect(
      criteriaTableIssues(
        table([
          {
            code: "I",
            title: "Nhiệm vụ",
            kind: "BASE",
            max: 60,
            criteria: [criterion("I.1", 30), criterion("I.2", 30)],
          },
          { code: "II", title: "Xây dựng", kind: "BASE", max: 40, criteria: [criterion("II.1", 40)] },
          { code: "V", title: "Thưởng", kind: "BONUS", max: 10, criteria: [criterion("V.1", 5)] },
        ]),
        100,
      ),
    ).toEqual([]);
  });

  it("refuses criteria that exceed their group, a criterion above its group, and base groups above the scale", () => {
    const issues = criteriaTableIssues(
      table([
        {
          code: "I",
          title: "Nhiệm vụ",
          kind: "BASE",
          max: 60,
          criteria: [criterion("I.1", 40), criterion("I.2", 30)],
        },
        { code: "II", title: "Xây dựng", kind: "BASE", max: 50, criteria: [criterion("II.1", 55)] },
      ]),
      100,
    );
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ["groups.0.max", "validation.groupOverflow"],
      ["groups.1.criteria.0.max", "validation.criterionAboveGroup"],
      ["groups.1.max", "validation.groupOverflow"],
      ["groups", "validation.baseAboveScale"],
    ]);
  });

  it("refuses duplicate codes of groups and criteria", () => {
    const issues = criteriaTableIssues(
      table([
        {
          code: "I",
          title: "A",
          kind: "BASE",
          max: 10,
          criteria: [criterion("I.1", 5), criterion("I.1", 5)],
        },
        { code: "I", title: "B", kind: "BONUS", max: 10, criteria: [] },
      ]),
      100,
    );
    expect(issues.map((issue) => issue.path)).toEqual(["groups.0.criteria.1.code", "groups.1.code"]);
  });

  it("works with half points and a 1000-point scale", () => {
    expect(
      criteriaTableIssues(
        table([
          {
            code: "I",
            title: "A",
            kind: "BASE",
            max: 1000,
            criteria: [criterion("I.1", 500.5), criterion("I.2", 499.5)],
          },
        ]),
        1000,
      ),
    ).toEqual([]);
  });
});
