import type { FieldIssue } from "@/lib/errors";
import { fromX100, toX100 } from "@/lib/scores/points";
import type { CriteriaTableInput } from "./schemas";

/**
 * Invariants of a criteria table: codes unique, the criteria of a group never exceed the group's
 * maximum, no criterion above its group, and the base groups together within the year's scale.
 */
export function criteriaTableIssues(table: CriteriaTableInput, scale: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const groupCodes = new Set<string>();
  const criterionCodes = new Set<string>();
  let baseX100 = 0;
  table.groups.forEach((group, g) => {
    if (groupCodes.has(group.code))
      issues.push({ path: `groups.${g}.code`, message: "validation.duplicateCodes" });
    groupCodes.add(group.code);
    const groupMax = toX100(group.max);
    if (group.kind === "BASE") baseX100 += groupMax;
    let sum = 0;
    group.criteria.forEach((criterion, c) => {
      if (criterionCodes.has(criterion.code))
        issues.push({ path: `groups.${g}.criteria.${c}.code`, message: "validation.duplicateCodes" });
      criterionCodes.add(criterion.code);
      const max = toX100(criterion.max);
      if (max > groupMax)
        issues.push({
          path: `groups.${g}.criteria.${c}.max`,
          message: "validation.criterionAboveGroup",
          params: { max: group.max },
        });
      sum += max;
    });
    if (sum > groupMax)
      issues.push({
        path: `groups.${g}.max`,
        message: "validation.groupOverflow",
        params: { sum: fromX100(sum), max: group.max },
      });
  });
  if (baseX100 > scale * 100)
    issues.push({
      path: "groups",
      message: "validation.baseAboveScale",
      params: { sum: fromX100(baseX100), scale },
    });
  return issues;
}
