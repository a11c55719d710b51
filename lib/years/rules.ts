import { z } from "zod";
import { isoDay, requiredText } from "@/lib/validation";

// Rules of an emulation year: data of the year, edited per province, never constants in code.
// DEFAULT_RULES is only the starting point of a bloc's very first year; later years copy their
// predecessor's rules.

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,31}$/, "validation.ruleCode");

/** A fraction such as 2/3, kept exact (quorum and pass thresholds are compared without rounding). */
export const fractionSchema = z
  .object({ numerator: z.number().int().min(0).max(1000), denominator: z.number().int().min(1).max(1000) })
  .refine((f) => f.numerator <= f.denominator, { message: "validation.fractionAboveOne" });

export const classificationBandSchema = z.object({
  code: codeSchema,
  label: requiredText(60),
  minTotal: z.number().min(0).max(100_000),
});

export const TIE_BREAKS = ["TOTAL", "FEWER_DEDUCTIONS", "FIRST_GROUP_BASE"] as const;
export const QUOTA_ROUNDING = ["FLOOR", "ROUND", "CEIL"] as const;
export const AWARD_VOTE_METHODS = ["APPROVAL", "PICK_UP_TO_QUOTA"] as const;

export const awardRuleSchema = z.object({
  code: codeSchema,
  name: requiredText(200),
  /** At most this many per bloc (null: no cap). */
  maxCount: z.number().int().min(0).max(1000).nullable(),
  /** At most this percentage of the members (null: no cap), rounded by `rounding`. */
  maxPercent: z.number().min(0).max(100).nullable(),
  rounding: z.enum(QUOTA_ROUNDING),
  /** Lowest classification band code that is eligible (null: any). */
  minClassification: codeSchema.nullable(),
  /** Worst rank that is eligible (null: any). */
  maxRank: z.number().int().min(1).nullable(),
  /** A passing vote in the award's proposal session is needed. */
  requiresVote: z.boolean(),
  /**
   * How the proposal session's ballot answers: approve or disapprove each candidate, or pick at most
   * the award's quota of them. Years stored before this rule existed read as APPROVAL.
   */
  voteMethod: z.enum(AWARD_VOTE_METHODS).default("APPROVAL"),
  /** Codes of the year's other awards that a member proposed for this one may not also receive. */
  excludes: z.array(codeSchema).max(20).default([]),
});

/** The most members that may receive the award in a bloc of `memberCount` members (null: no cap). */
export function awardQuota(
  award: Pick<AwardRule, "maxCount" | "maxPercent" | "rounding">,
  memberCount: number,
): number | null {
  const caps: number[] = [];
  if (award.maxCount !== null) caps.push(award.maxCount);
  if (award.maxPercent !== null) {
    // Exact in hundredths of a percent: 30 % of 10 members is 3, never 2.9999.
    const hundredths = Math.round(award.maxPercent * 100) * memberCount;
    const whole = Math.floor(hundredths / 10_000);
    const remainder = hundredths % 10_000;
    caps.push(
      award.rounding === "FLOOR"
        ? whole
        : award.rounding === "CEIL"
          ? whole + (remainder > 0 ? 1 : 0)
          : whole + (remainder >= 5_000 ? 1 : 0),
    );
  }
  return caps.length === 0 ? null : Math.min(...caps);
}

export const yearRulesSchema = z
  .object({
    /** Thang điểm: 100 or 1000 points. */
    scale: z.number().int().min(10).max(10_000),
    /** Xếp loại, from the best band down. */
    classificationBands: z.array(classificationBandSchema).min(1).max(10),
    tieBreaks: z.array(z.enum(TIE_BREAKS)).min(1).max(TIE_BREAKS.length),
    crossScoring: z.object({ enabled: z.boolean(), trimExtremes: z.boolean() }),
    voting: z.object({
      quorum: fractionSchema,
      pass: fractionSchema,
      /** Pass strictly above the threshold ("more than 50%") or at it ("at least"). */
      passStrictlyAbove: z.boolean(),
      /** The threshold counts all members of the year, or only the ballots cast. */
      passBase: z.enum(["MEMBERS", "BALLOTS"]),
    }),
    awards: z.array(awardRuleSchema).max(20),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const bands = rules.classificationBands;
    bands.forEach((band, index) => {
      if (index > 0 && band.minTotal >= bands[index - 1]!.minTotal) {
        ctx.addIssue({
          code: "custom",
          path: ["classificationBands", index, "minTotal"],
          message: "validation.bandsDescending",
        });
      }
      if (band.minTotal > rules.scale) {
        ctx.addIssue({
          code: "custom",
          path: ["classificationBands", index, "minTotal"],
          message: "validation.bandAboveScale",
        });
      }
    });
    const bandCodes = new Set(bands.map((band) => band.code));
    if (bandCodes.size !== bands.length)
      ctx.addIssue({ code: "custom", path: ["classificationBands"], message: "validation.duplicateCodes" });
    if (new Set(rules.tieBreaks).size !== rules.tieBreaks.length)
      ctx.addIssue({ code: "custom", path: ["tieBreaks"], message: "validation.duplicateCodes" });
    const awardCodes = rules.awards.map((award) => award.code);
    if (new Set(awardCodes).size !== awardCodes.length)
      ctx.addIssue({ code: "custom", path: ["awards"], message: "validation.duplicateCodes" });
    rules.awards.forEach((award, index) => {
      award.excludes.forEach((code, position) => {
        if (code === award.code || !awardCodes.includes(code))
          ctx.addIssue({
            code: "custom",
            path: ["awards", index, "excludes", position],
            message: "validation.unknownAward",
          });
      });
      if (award.minClassification && !bandCodes.has(award.minClassification)) {
        ctx.addIssue({
          code: "custom",
          path: ["awards", index, "minClassification"],
          message: "validation.unknownBand",
        });
      }
    });
  });

export type YearRules = z.output<typeof yearRulesSchema>;
export type AwardRule = z.output<typeof awardRuleSchema>;

export const DEFAULT_RULES: YearRules = {
  scale: 100,
  classificationBands: [
    { code: "XUAT_SAC", label: "Xuất sắc", minTotal: 95 },
    { code: "TOT", label: "Tốt", minTotal: 85 },
    { code: "KHA", label: "Khá", minTotal: 70 },
    { code: "TRUNG_BINH", label: "Trung bình", minTotal: 50 },
    { code: "YEU", label: "Yếu", minTotal: 0 },
  ],
  tieBreaks: ["TOTAL", "FEWER_DEDUCTIONS", "FIRST_GROUP_BASE"],
  crossScoring: { enabled: false, trimExtremes: false },
  voting: {
    quorum: { numerator: 2, denominator: 3 },
    pass: { numerator: 1, denominator: 2 },
    passStrictlyAbove: true,
    passBase: "MEMBERS",
  },
  awards: [
    {
      code: "GOV_FLAG",
      name: "Cờ thi đua của Chính phủ",
      maxCount: 1,
      maxPercent: null,
      rounding: "FLOOR",
      minClassification: "XUAT_SAC",
      maxRank: 1,
      requiresVote: true,
      voteMethod: "APPROVAL",
      excludes: [],
    },
    {
      code: "PROVINCIAL_FLAG",
      name: "Cờ thi đua của UBND tỉnh",
      maxCount: 3,
      maxPercent: null,
      rounding: "FLOOR",
      minClassification: "XUAT_SAC",
      maxRank: null,
      requiresVote: true,
      voteMethod: "APPROVAL",
      excludes: [],
    },
    {
      code: "PROVINCIAL_MERIT",
      name: "Bằng khen của Chủ tịch UBND tỉnh",
      maxCount: null,
      maxPercent: null,
      rounding: "FLOOR",
      minClassification: "TOT",
      maxRank: null,
      requiresVote: true,
      voteMethod: "APPROVAL",
      excludes: [],
    },
  ],
};

/** Deadlines: the last day of each working phase (ISO dates, Asia/Ho_Chi_Minh). */
export const DEADLINE_PHASES = [
  "PLEDGING",
  "SELF_ASSESSMENT",
  "REVIEW",
  "VOTING",
  "NOMINATION",
  "BOARD_REVIEW",
] as const;
type DeadlinePhase = (typeof DEADLINE_PHASES)[number];
export const yearDeadlinesSchema = z
  .object(
    Object.fromEntries(DEADLINE_PHASES.map((phase) => [phase, isoDay.nullish()])) as Record<
      DeadlinePhase,
      z.ZodOptional<z.ZodNullable<typeof isoDay>>
    >,
  )
  .strict()
  .transform(
    (deadlines) =>
      Object.fromEntries(Object.entries(deadlines).filter(([, value]) => value)) as Partial<
        Record<DeadlinePhase, string>
      >,
  )
  .superRefine((deadlines, ctx) => {
    // Each phase ends no earlier than the one before it (ISO dates compare as strings).
    let previous = "";
    for (const phase of DEADLINE_PHASES) {
      const day = deadlines[phase];
      if (!day) continue;
      if (day < previous)
        ctx.addIssue({ code: "custom", path: [phase], message: "validation.deadlinesOrder" });
      previous = day;
    }
  });

export type YearDeadlines = z.output<typeof yearDeadlinesSchema>;
