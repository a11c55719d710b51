import { z } from "zod";
import { optionalText, requiredText } from "@/lib/validation";

export const createBlocSchema = z
  .object({
    name: requiredText(200),
    shortName: optionalText(80),
    description: optionalText(2000),
    /** Địa danh on the bloc's documents, e.g. "Nam Định". */
    place: optionalText(100),
  })
  .strict();

export const updateBlocSchema = createBlocSchema.partial().strict();

export const blocSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  place: z.string().nullable(),
  yearCount: z.number().int(),
  latestYear: z.number().int().nullable(),
});

export type BlocDto = z.infer<typeof blocSchema>;
