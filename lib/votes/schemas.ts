import { z } from "zod";
import { agencyCodeSchema } from "@/lib/agencies/schemas";
import { fractionSchema } from "@/lib/years/rules";
import { APPROVAL_CHOICES, POSTS } from "./tally";

// Inputs and outputs of vote sessions (bình xét, suy tôn; bầu Khối trưởng, Khối phó).

export const VOTE_KINDS = ["AWARD_PROPOSAL", "LEADERSHIP_ELECTION"] as const;
export const VOTE_METHODS = ["APPROVAL", "PICK_UP_TO_QUOTA", "ELECTION"] as const;
/** SCHEDULED: before its window. OPEN: ballots accepted. ENDED: window over, not yet closed. */
export const SESSION_STATUSES = ["SCHEDULED", "OPEN", "ENDED", "CLOSED", "CANCELLED"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A moment with its offset (ISO 8601), as a datetime-local input sends it after the page adds +07:00. */
const instant = z.iso
  .datetime({ offset: true, message: "validation.vote.dateTime" })
  .transform((value) => new Date(value));

/** A session's window may be at most this long. */
export const MAX_WINDOW_DAYS = 31;

export const createSessionSchema = z
  .object({
    kind: z.enum(VOTE_KINDS, "validation.invalidOption"),
    /** The award proposed (AWARD_PROPOSAL only). */
    awardCode: z.string().trim().max(32).nullish(),
    /** When ballots are first accepted (default: now). */
    opensAt: instant.optional(),
    closesAt: instant,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === "AWARD_PROPOSAL" && !input.awardCode)
      ctx.addIssue({ code: "custom", path: ["awardCode"], message: "validation.required" });
    if (input.kind === "LEADERSHIP_ELECTION" && input.awardCode)
      ctx.addIssue({ code: "custom", path: ["awardCode"], message: "validation.vote.noAwardForElection" });
  });

export const approvalChoicesSchema = z.record(
  agencyCodeSchema,
  z.enum(APPROVAL_CHOICES, "validation.invalidOption"),
);
export const pickChoicesSchema = z.array(agencyCodeSchema).max(200);
export const electionChoicesSchema = z
  .object(
    Object.fromEntries(POSTS.map((post) => [post, agencyCodeSchema.nullable()])) as Record<
      (typeof POSTS)[number],
      z.ZodNullable<typeof agencyCodeSchema>
    >,
  )
  .strict();

export const castBallotSchema = z
  .object({
    password: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
    /**
     * APPROVAL: { "<candidate code>": "FOR" | "AGAINST" | "ABSTAIN" } for every candidate.
     * PICK_UP_TO_QUOTA: ["<candidate code>", ...], at most the quota (none: a blank ballot).
     * ELECTION: { "LEADER": "<member code>" | null, "DEPUTY": "<member code>" | null }.
     */
    choices: z.union(
      [pickChoicesSchema, electionChoicesSchema, approvalChoicesSchema],
      "validation.vote.choices",
    ),
  })
  .strict();

export const cancelSessionSchema = z
  .object({ reason: z.string().trim().min(1, "validation.required").max(1000, "validation.tooLong") })
  .strict();

export const receiptCheckSchema = z
  .object({ receipt: z.string().trim().min(1, "validation.required").max(64, "validation.tooLong") })
  .strict();

const agencyRef = z.object({ code: z.string(), name: z.string() });

export const sessionRulesSchema = z.object({
  quorum: fractionSchema,
  pass: fractionSchema,
  passStrictlyAbove: z.boolean(),
  passBase: z.enum(["MEMBERS", "BALLOTS"]),
  quota: z.number().int().nullable().describe("the award's quota (null: no cap or an election)"),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  yearId: z.uuid(),
  year: z.number().int(),
  kind: z.enum(VOTE_KINDS),
  method: z.enum(VOTE_METHODS),
  awardCode: z.string().nullable(),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  rules: sessionRulesSchema,
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  candidates: z.array(agencyRef),
  roll: z
    .array(agencyRef.extend({ voted: z.boolean() }))
    .describe("the voters frozen at opening, and who has voted (never how)"),
  votedCount: z.number().int(),
  /** What the asking user may do. */
  you: z.object({
    mayVote: z.boolean(),
    hasVoted: z.boolean(),
    mayClose: z.boolean(),
    mayCancel: z.boolean(),
  }),
});

export const candidateResultSchema = agencyRef.extend({
  post: z.enum(POSTS).nullable(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  passed: z.boolean(),
  tied: z.boolean(),
});

export const resultsSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  method: z.enum(VOTE_METHODS),
  closedAt: z.string(),
  rules: sessionRulesSchema,
  rollSize: z.number().int(),
  ballots: z.number().int(),
  quorumRequired: z.number().int(),
  quorumMet: z.boolean(),
  passBase: z.number().int(),
  passRequired: z.number().int(),
  candidates: z.array(candidateResultSchema),
  elected: z.object({ LEADER: agencyRef.nullable(), DEPUTY: agencyRef.nullable() }).nullable(),
  hasTies: z.boolean(),
  receiptHashes: z.array(z.string()).describe("SHA-256 of every counted ballot's receipt code, sorted"),
});

export type CreateSessionInput = z.output<typeof createSessionSchema>;
export type SessionDto = z.infer<typeof sessionSchema>;
export type ResultsDto = z.infer<typeof resultsSchema>;
export type SessionRulesDto = z.infer<typeof sessionRulesSchema>;
