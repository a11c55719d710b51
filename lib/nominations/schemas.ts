import { z } from "zod";
import { agencyCodeSchema } from "@/lib/agencies/schemas";
import { isoDay, optionalText, requiredText, uuid } from "@/lib/validation";

// Inputs and outputs of nominations (đề nghị khen thưởng), the dossier and the board's review.

export const NOMINATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "APPROVED",
  "REJECTED",
  "AWARDED",
  "WITHDRAWN",
] as const;
export const REVIEW_ACTIONS = ["approve", "return", "reject"] as const;

const awardCodeSchema = z.string().trim().min(1, "validation.required").max(32, "validation.tooLong");

export const createNominationSchema = z
  .object({ agencyCode: agencyCodeSchema, awardCode: awardCodeSchema, note: optionalText(2000) })
  .strict();

export const updateNominationSchema = z
  .object({ note: optionalText(2000), version: z.number().int().positive().optional() })
  .strict();

export const withdrawNominationSchema = z.object({ reason: requiredText(1000) }).strict();

export const reviewNominationSchema = z
  .object({ action: z.enum(REVIEW_ACTIONS, "validation.invalidOption"), comment: optionalText(4000) })
  .strict()
  .superRefine((input, ctx) => {
    // Returning says what to fix; rejecting says why.
    if (input.action !== "approve" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "validation.nomination.commentRequired" });
  });

export const bulkApproveSchema = z
  .object({
    nominationIds: z.array(uuid).min(1, "validation.tooFewItems").max(500),
    comment: optionalText(4000),
  })
  .strict();

export const recordDecisionSchema = z
  .object({
    /** Số quyết định, e.g. "125/QĐ-UBND". */
    number: requiredText(60),
    signedOn: isoDay,
    signerName: requiredText(200),
    signerTitle: optionalText(200),
    /** Only the approved nominations of these awards (default: every approved nomination of the year). */
    awardCodes: z.array(awardCodeSchema).max(20).optional(),
  })
  .strict();

export const inboxFiltersSchema = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    blocId: uuid.optional(),
    awardCode: z.string().trim().max(32).optional(),
    status: z.enum(NOMINATION_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export const awardSearchSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    awardCode: z.string().trim().max(32).optional(),
    blocId: uuid.optional(),
  })
  .strict();

const ref = z.object({ code: z.string(), name: z.string() });

export const nominationSchema = z.object({
  id: z.uuid(),
  yearId: z.uuid(),
  year: z.number().int(),
  bloc: z.object({ id: z.uuid(), name: z.string() }),
  agency: ref,
  award: ref,
  status: z.enum(NOMINATION_STATUSES),
  round: z.number().int().describe("submission rounds so far"),
  version: z.number().int(),
  basis: z.object({
    rank: z.number().int(),
    total: z.number(),
    classification: z.string().nullable(),
    vote: z.object({ sessionId: z.uuid(), for: z.number().int(), ballots: z.number().int() }).nullable(),
  }),
  note: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  report: z
    .object({
      id: z.uuid(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      mimeType: z.string(),
      uploadedAt: z.string(),
    })
    .nullable(),
  decision: z
    .object({
      number: z.string(),
      signedOn: z.string(),
      signerName: z.string(),
      signerTitle: z.string().nullable(),
    })
    .nullable(),
  updatedAt: z.string(),
});

export const nominationEventSchema = z.object({
  round: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(NOMINATION_STATUSES).nullable(),
  toStatus: z.enum(NOMINATION_STATUSES),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const awardSchema = z.object({
  year: z.number().int(),
  bloc: z.object({ id: z.uuid(), name: z.string() }),
  agency: ref,
  award: ref,
  decision: z.object({
    number: z.string(),
    signedOn: z.string(),
    signerName: z.string(),
    signerTitle: z.string().nullable(),
  }),
});

export type NominationDto = z.infer<typeof nominationSchema>;
export type NominationEventDto = z.infer<typeof nominationEventSchema>;
export type AwardDto = z.infer<typeof awardSchema>;
