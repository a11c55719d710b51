import { fromX100 } from "@/lib/scores/points";

// Criteria as the pages and the API show them: the rows' maxima (hundredths in the database) in points.
// Pure, so every reader of the criteria table maps its rows the same way.

interface GroupRow<Kind extends string> {
  code: string;
  title: string;
  kind: Kind;
  maxX100: number;
}

interface CriterionRow {
  code: string;
  title: string;
  guidance: string;
  maxX100: number;
  evidenceRequired: boolean;
}

/** A criteria group's own fields (its criteria are the caller's, with what it adds to them). */
export function groupDto<Kind extends string>(group: GroupRow<Kind>) {
  return { code: group.code, title: group.title, kind: group.kind, max: fromX100(group.maxX100) };
}

/** A criterion's own fields, as the editor takes them back. */
export function criterionDto(criterion: CriterionRow) {
  return {
    code: criterion.code,
    title: criterion.title,
    guidance: criterion.guidance,
    max: fromX100(criterion.maxX100),
    evidenceRequired: criterion.evidenceRequired,
  };
}
