import type { RankingEntry } from "@/lib/ranking/compute";
import { awardQuota, type AwardRule, type YearRules } from "@/lib/years/rules";

// Who may be proposed for which award (PRODUCT.md, "Awards"): the award's quota, its minimum
// classification and worst rank, a passing vote in its proposal session when the award requires one,
// the awards it excludes, and one award per member per year. Pure: the data layer feeds it the
// published ranking, the closed vote sessions and the nominations already made; the unit tests pin it.

export const NOMINATION_RULES = [
  "NOT_MEMBER",
  "NOT_RANKED",
  "ONE_AWARD_PER_YEAR",
  "EXCLUDED",
  "MIN_CLASSIFICATION",
  "MAX_RANK",
  "VOTE_REQUIRED",
  "VOTE_NOT_PASSED",
  "QUOTA",
] as const;
export type NominationRule = (typeof NOMINATION_RULES)[number];

export interface Violation {
  rule: NominationRule;
  params: Record<string, string | number>;
}

/** Nominations of the year that count (not withdrawn, not rejected). */
export interface ActiveNomination {
  agencyId: string;
  awardCode: string;
}

export interface AwardVote {
  /** Agencies the award's latest closed proposal session passed. */
  passed: ReadonlySet<string>;
}

export interface EligibilityInput {
  rules: Pick<YearRules, "awards" | "classificationBands">;
  memberIds: ReadonlySet<string>;
  /** The published ranking. */
  ranking: RankingEntry[];
  /** Per award code, its latest closed (not cancelled) proposal session; absent: none held. */
  votes: ReadonlyMap<string, AwardVote>;
  active: ActiveNomination[];
}

const bandRank = (rules: EligibilityInput["rules"], code: string | null | undefined) =>
  code ? rules.classificationBands.findIndex((band) => band.code === code) : -1;

/** Everything that stops `agencyId` being proposed for `award` now (empty: it may be). */
export function violationsOf(input: EligibilityInput, award: AwardRule, agencyId: string): Violation[] {
  const found: Violation[] = [];
  const award_ = { award: award.name };
  if (!input.memberIds.has(agencyId)) return [{ rule: "NOT_MEMBER", params: award_ }];
  const entry = input.ranking.find((candidate) => candidate.agency.id === agencyId);
  // A member left out of the scoring ("không chấm") is not ranked: no award rests on it.
  if (!entry || entry.notScored) return [{ rule: "NOT_RANKED", params: award_ }];

  const own = input.active.filter((nomination) => nomination.agencyId === agencyId);
  if (own.length > 0) {
    const other = input.rules.awards.find((candidate) => candidate.code === own[0]!.awardCode);
    found.push({
      rule: "ONE_AWARD_PER_YEAR",
      params: { ...award_, other: other?.name ?? own[0]!.awardCode },
    });
  }
  // The awards it excludes, either way round.
  for (const nomination of input.active) {
    if (nomination.agencyId !== agencyId) continue;
    const other = input.rules.awards.find((candidate) => candidate.code === nomination.awardCode);
    if (award.excludes.includes(nomination.awardCode) || other?.excludes.includes(award.code)) {
      found.push({ rule: "EXCLUDED", params: { ...award_, other: other?.name ?? nomination.awardCode } });
    }
  }
  if (award.minClassification !== null) {
    const needed = bandRank(input.rules, award.minClassification);
    const has = bandRank(input.rules, entry.classification?.code);
    if (has < 0 || has > needed) {
      const band = input.rules.classificationBands[needed];
      found.push({
        rule: "MIN_CLASSIFICATION",
        params: {
          ...award_,
          needed: band?.label ?? award.minClassification,
          actual: entry.classification?.label ?? "—",
        },
      });
    }
  }
  if (award.maxRank !== null && entry.rank > award.maxRank)
    found.push({ rule: "MAX_RANK", params: { ...award_, maxRank: award.maxRank, rank: entry.rank } });
  if (award.requiresVote) {
    const vote = input.votes.get(award.code);
    if (!vote) found.push({ rule: "VOTE_REQUIRED", params: award_ });
    else if (!vote.passed.has(agencyId)) found.push({ rule: "VOTE_NOT_PASSED", params: award_ });
  }
  const quota = awardQuota(award, input.memberIds.size);
  const taken = input.active.filter(
    (nomination) => nomination.awardCode === award.code && nomination.agencyId !== agencyId,
  ).length;
  if (quota !== null && taken >= quota) found.push({ rule: "QUOTA", params: { ...award_, quota } });
  return found;
}

export interface Suggestion {
  agencyId: string;
  awardCode: string;
}

/**
 * The suggested list: the awards in the order the year's rules list them (the highest first), each
 * filled in ranking order with members that satisfy every rule and hold no suggestion yet, up to its
 * quota. Nominations already made count as made.
 */
export function suggestNominations(input: EligibilityInput): Suggestion[] {
  const active = [...input.active];
  const suggestions: Suggestion[] = [];
  const ranked = [...input.ranking].sort(
    (a, b) => a.rank - b.rank || a.agency.name.localeCompare(b.agency.name, "vi"),
  );
  for (const award of input.rules.awards) {
    for (const entry of ranked) {
      if (active.some((nomination) => nomination.agencyId === entry.agency.id)) continue;
      if (violationsOf({ ...input, active }, award, entry.agency.id).length > 0) continue;
      suggestions.push({ agencyId: entry.agency.id, awardCode: award.code });
      active.push({ agencyId: entry.agency.id, awardCode: award.code });
    }
  }
  return suggestions;
}
