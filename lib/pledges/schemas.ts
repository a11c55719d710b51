import { z } from "zod";
import { requiredText } from "@/lib/validation";
import { MARKDOWN_LIMITS, markdownProblem, parseSafeMarkdown, printedLines } from "./markdown";

/** Safe Markdown within what the printed document holds (lib/pledges/markdown.ts, MARKDOWN_LIMITS). */
const markdownText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong")
    .superRefine((text, ctx) => {
      const problem = markdownProblem(text);
      if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: problem.params });
    });

const MARKDOWN_FIELDS = ["preamble", "goals", "targets", "movement", "commitments"] as const;

/** Bản giao ước: safe Markdown in every text but the title. */
export const pledgeContentSchema = z
  .object({
    title: requiredText(300),
    preamble: markdownText(20_000),
    goals: markdownText(20_000),
    targets: markdownText(20_000),
    movement: markdownText(20_000),
    commitments: markdownText(20_000),
    criteriaReference: requiredText(500),
  })
  .strict()
  .superRefine((content, ctx) => {
    // zod runs this even when a field failed: a field past its own limits is reported there only.
    if (
      MARKDOWN_FIELDS.some(
        (field) => typeof content[field] !== "string" || markdownProblem(content[field]) !== null,
      )
    )
      return;
    const lines = MARKDOWN_FIELDS.reduce(
      (sum, field) => sum + printedLines(parseSafeMarkdown(content[field])),
      0,
    );
    if (lines > MARKDOWN_LIMITS.linesPerDocument) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: "validation.markdown.documentTooLong",
        params: { max: MARKDOWN_LIMITS.linesPerDocument, count: lines },
      });
    }
  });

export const saveDraftSchema = pledgeContentSchema.extend({
  /** The draft revision the editor started from; a newer one on the server is a conflict. */
  revision: z.number().int().positive().optional(),
});

export const openPledgeSchema = z.object({ revision: z.number().int().positive().optional() }).strict();

export const signPledgeSchema = z
  .object({
    password: z.string().min(1, "validation.required").max(256, "validation.tooLong"),
    consent: z.literal(true, "validation.consentRequired"),
  })
  .strict();

export const PLEDGE_STATUSES = ["DRAFT", "OPEN", "SUPERSEDED"] as const;

export const pledgeSummarySchema = z.object({
  versionId: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLEDGE_STATUSES),
  sha256: z.string().nullable(),
  signatures: z.array(
    z.object({
      agency: z.object({ code: z.string(), name: z.string() }),
      signerName: z.string(),
      signerTitle: z.string().nullable(),
      signedAt: z.string(),
    }),
  ),
  pending: z.array(z.string()).describe("codes of member agencies that have not signed this version"),
});

export const signatureSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  agency: z.object({ code: z.string(), name: z.string() }),
  signerName: z.string(),
  signerTitle: z.string().nullable(),
  documentSha256: z.string(),
  authMethod: z.string(),
  signedAt: z.string(),
  seal: z.string(),
});

export const verificationSchema = z.object({
  versionId: z.uuid(),
  number: z.number().int(),
  status: z.enum(PLEDGE_STATUSES),
  title: z.string(),
  sha256: z.string().nullable(),
  documentValid: z.boolean(),
  valid: z.boolean().describe("the document and every signature are valid"),
  signatures: z.array(
    z.object({
      agency: z.object({ code: z.string(), name: z.string() }),
      signerName: z.string(),
      signedAt: z.string(),
      valid: z.boolean(),
      problem: z.enum(["SEAL_MISMATCH", "OTHER_DOCUMENT", "OTHER_KEY"]).nullable(),
    }),
  ),
});

export type PledgeContent = z.output<typeof pledgeContentSchema>;
export type PledgeSummary = z.infer<typeof pledgeSummarySchema>;
export type SignatureDto = z.infer<typeof signatureSchema>;
export type Verification = z.infer<typeof verificationSchema>;
