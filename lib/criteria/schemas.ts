import { z } from "zod";
import { pointsSchema } from "@/lib/scores/points";
import { requiredText } from "@/lib/validation";

export const CRITERION_KINDS = ["BASE", "BONUS", "DEDUCTION"] as const;

const groupCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,10}$/, "validation.groupCode");
const criterionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,10}(\.[A-Za-z0-9]{1,10}){0,3}$/, "validation.criterionCode");

export const criterionInputSchema = z
  .object({
    id: z.uuid().optional(),
    code: criterionCode,
    title: requiredText(500),
    guidance: z.string().trim().max(4000, "validation.tooLong").default(""),
    max: pointsSchema.refine((value) => value > 0, "validation.pointsPositive"),
    evidenceRequired: z.boolean().default(false),
  })
  .strict();

export const groupInputSchema = z
  .object({
    id: z.uuid().optional(),
    code: groupCode,
    title: requiredText(300),
    kind: z.enum(CRITERION_KINDS, "validation.criterionKind"),
    max: pointsSchema.refine((value) => value > 0, "validation.pointsPositive"),
    criteria: z.array(criterionInputSchema).max(200),
  })
  .strict();

/** The whole table as the editor (or an import) saves it: order is the array order. */
export const criteriaTableInputSchema = z
  .object({
    groups: z.array(groupInputSchema).max(30),
    /** The revision the editor started from. */
    revision: z.number().int().min(0).optional(),
  })
  .strict();

export type CriteriaTableInput = z.output<typeof criteriaTableInputSchema>;

export const criterionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  guidance: z.string(),
  kind: z.enum(CRITERION_KINDS),
  max: z.number(),
  evidenceRequired: z.boolean(),
});

export const criteriaTableSchema = z.object({
  yearId: z.uuid(),
  scale: z.number().int(),
  revision: z.number().int(),
  /** The reader is the year's secretariat (or an admin): the table is theirs to edit while the phase allows. */
  manageable: z.boolean(),
  /** Editable now: manageable, and the year has not reached self-assessment. */
  editable: z.boolean(),
  groups: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.string(),
      kind: z.enum(CRITERION_KINDS),
      max: z.number(),
      criteria: z.array(criterionSchema),
    }),
  ),
});

export type CriteriaTable = z.infer<typeof criteriaTableSchema>;
