import { z } from "zod";
import { pointsSchema } from "@/lib/scores/points";
import { optionalText, requiredText } from "@/lib/validation";

export const selfScoreSchema = z
  .object({
    criterionId: z.string(),
    /** null clears the score. */
    points: pointsSchema.nullable(),
    note: optionalText(4000).optional(),
  })
  .strict();

export const submitAssessmentSchema = z.object({ version: z.number().int().min(0).optional() }).strict();

export const returnAssessmentSchema = z.object({ comment: requiredText(2000) }).strict();
