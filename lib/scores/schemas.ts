import { z } from "zod";
import { agencyCodeSchema } from "@/lib/agencies/schemas";
import { optionalText } from "@/lib/validation";
import { pointsSchema } from "./points";

/** One cell of the review grid as saved: the final score, the version the editor saw, a reason. */
export const finalScoreCellSchema = z
  .object({
    agencyCode: agencyCodeSchema,
    criterionCode: z.string().trim().min(1, "validation.required").max(50),
    /** null clears the final score. */
    points: pointsSchema.nullable(),
    /** The cell's version as read (0 for a cell never saved). */
    version: z.number().int().min(0),
    /** Required when the final score differs from the self score. */
    reason: optionalText(1000),
  })
  .strict();

/** Cells one save may carry (a whole grid of 30 members × 80 criteria is 2,400). */
export const MAX_CELLS_PER_SAVE = 5000;

export const finalScoresSchema = z
  .array(finalScoreCellSchema)
  .min(1, "validation.tooFewItems")
  .max(MAX_CELLS_PER_SAVE, "validation.tooManyItems");

export const scoreFiltersSchema = z.object({ agency: agencyCodeSchema.optional() }).strict();

export const scoreRowSchema = z.object({
  agencyCode: z.string(),
  criterionCode: z.string(),
  self: z.number().nullable(),
  selfNote: z.string().nullable(),
  final: z.number().nullable(),
  reason: z.string().nullable(),
  version: z.number().int(),
});

export type FinalScoreCell = z.output<typeof finalScoreCellSchema>;
export type ScoreRow = z.infer<typeof scoreRowSchema>;
