import { z } from "zod";
import { requiredText } from "@/lib/validation";

/** Agency code used in accounts and APIs, e.g. "btg": lower-case letters, digits and hyphens. */
export const agencyCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{1,31}$/, "validation.agencyCode");

export const createAgencySchema = z
  .object({
    code: agencyCodeSchema,
    name: requiredText(200),
    shortName: requiredText(80),
  })
  .strict();

export const updateAgencySchema = createAgencySchema.partial().strict();

export const agencySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
});

export type AgencyDto = z.infer<typeof agencySchema>;
export type CreateAgencyInput = z.input<typeof createAgencySchema>;
export type UpdateAgencyInput = z.input<typeof updateAgencySchema>;
