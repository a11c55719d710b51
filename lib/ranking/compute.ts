import type { CriterionKind } from "@/lib/generated/prisma/enums";
import { roundX100, totalPoints } from "@/lib/scores/points";
import type { YearRules } from "@/lib/years/rules";

// Xếp hạng, xếp loại (PRODUCT.md step 5): total = Σ base points (each capped at its maximum)
// + Σ bonus points (each capped) − Σ deductions (each capped); classification by the year's bands;
// ties broken by the year's chain (total, then fewer deductions, then the first group's base score),
// else a shared rank. A member the secretariat marked "không chấm" ranks after every scored member, with
// no points and no classification. Pure: the data layer feeds it, the unit tests pin it.

export interface RankCriterion {
  id: string;
  kind: CriterionKind;
  maxX100: number;
  groupCode: string;
  groupPosition: number;
}

export interface RankAgency {
  id: string;
  code: string;
  name: string;
}

export interface RankMember extends RankAgency {
  /** The reason the secretariat left this member out of the scoring ("không chấm"); null or absent: scored. */
  notScoredReason?: string | null;
}

export interface RankingEntry {
  rank: number;
  /** Another agency holds the same rank. */
  tied: boolean;
  agency: RankAgency;
  baseX100: number;
  bonusX100: number;
  deductionX100: number;
  totalX100: number;
  /** Base points of the first criteria group (a tie-break). */
  firstGroupBaseX100: number;
  classification: { code: string; label: string } | null;
  /** Points per criteria group (capped), in group order: the per-agency breakdown. */
  groups: { code: string; kind: CriterionKind; x100: number }[];
  /**
   * Why the member was not scored ("không chấm"): it ranks last, without points or classification, shown
   * as "Chưa chấm". Null (or absent, in publications made before the mark existed): scored.
   */
  notScored?: string | null;
  /**
   * Not marked and without a single final score on the base criteria yet (only in a preview: publishing
   * is refused while any member is). Ranks after the scored members, without a classification, shown as
   * "Chưa có điểm" rather than as a total of 0.
   */
  unscored?: boolean;
}

export interface RankingInput {
  criteria: RankCriterion[];
  agencies: RankMember[];
  /** Final points per agency id and criterion id; a missing cell counts 0. */
  finals: ReadonlyMap<string, ReadonlyMap<string, number>>;
  rules: Pick<YearRules, "classificationBands" | "tieBreaks">;
}

export function classify(
  totalX100: number,
  bands: YearRules["classificationBands"],
): { code: string; label: string } | null {
  const band = [...bands]
    .sort((a, b) => b.minTotal - a.minTotal)
    .find((candidate) => totalX100 >= roundX100(candidate.minTotal));
  return band ? { code: band.code, label: band.label } : null;
}

type Comparator = (a: RankingEntry, b: RankingEntry) => number;
const COMPARATORS: Record<YearRules["tieBreaks"][number], Comparator> = {
  TOTAL: (a, b) => b.totalX100 - a.totalX100,
  FEWER_DEDUCTIONS: (a, b) => a.deductionX100 - b.deductionX100,
  FIRST_GROUP_BASE: (a, b) => b.firstGroupBaseX100 - a.firstGroupBaseX100,
};

export function computeRanking(input: RankingInput): RankingEntry[] {
  const groups = [
    ...new Map(
      input.criteria.map((c) => [
        c.groupCode,
        { code: c.groupCode, kind: c.kind, position: c.groupPosition },
      ]),
    ).values(),
  ].sort((a, b) => a.position - b.position);
  const firstBaseGroup = groups.find((group) => group.kind === "BASE")?.code;
  const unscored = new Set(unscoredMembers(input).map((agency) => agency.id));

  const entries: RankingEntry[] = input.agencies.map(({ notScoredReason = null, ...agency }) => {
    const finals = notScoredReason === null ? input.finals.get(agency.id) : undefined;
    const {
      baseX100,
      bonusX100,
      deductionX100,
      totalX100,
      groups: perGroup,
    } = totalPoints(input.criteria, (criterion) => finals?.get(criterion.id));
    return {
      rank: 0,
      tied: false,
      agency,
      baseX100,
      bonusX100,
      deductionX100,
      totalX100,
      firstGroupBaseX100: firstBaseGroup ? (perGroup.get(firstBaseGroup) ?? 0) : 0,
      classification:
        notScoredReason === null && !unscored.has(agency.id)
          ? classify(totalX100, input.rules.classificationBands)
          : null,
      groups: groups.map((group) => ({
        code: group.code,
        kind: group.kind,
        x100: perGroup.get(group.code) ?? 0,
      })),
      notScored: notScoredReason,
      ...(unscored.has(agency.id) ? { unscored: true } : {}),
    };
  });

  // The total always decides first; the year's chain then breaks ties in its order.
  const chain = [
    COMPARATORS.TOTAL,
    ...input.rules.tieBreaks.filter((rule) => rule !== "TOTAL").map((rule) => COMPARATORS[rule]),
  ];
  const compare = (a: RankingEntry, b: RankingEntry) => {
    // Members without scores yet, then members not scored, come last, each among themselves in one
    // shared place.
    const leftOut = (entry: RankingEntry) => (entry.notScored ? 2 : entry.unscored ? 1 : 0);
    if (leftOut(a) !== leftOut(b)) return leftOut(a) - leftOut(b);
    if (leftOut(a) > 0) return 0;
    for (const comparator of chain) {
      const order = comparator(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
  entries.sort((a, b) => compare(a, b) || a.agency.name.localeCompare(b.agency.name, "vi"));
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    entry.rank = previous && compare(previous, entry) === 0 ? previous.rank : index + 1;
  });
  for (const entry of entries)
    entry.tied = entries.some((other) => other !== entry && other.rank === entry.rank);
  return entries;
}

/**
 * Members that cannot be ranked yet: not marked "không chấm" and without a single final score on the
 * year's base criteria (on any criterion, when the table has none). Publishing is refused while any is.
 */
export function unscoredMembers(input: Pick<RankingInput, "criteria" | "agencies" | "finals">): RankAgency[] {
  const base = input.criteria.filter((criterion) => criterion.kind === "BASE");
  const counted = base.length > 0 ? base : input.criteria;
  return input.agencies
    .filter((agency) => !agency.notScoredReason)
    .filter((agency) => {
      const finals = input.finals.get(agency.id);
      return !counted.some((criterion) => finals?.has(criterion.id));
    })
    .map(({ id, code, name }) => ({ id, code, name }));
}
