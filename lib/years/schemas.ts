import { z } from "zod";
import { agencyCodeSchema } from "@/lib/agencies/schemas";
import { optionalText } from "@/lib/validation";
import { PHASES } from "./phases";
import { yearDeadlinesSchema, yearRulesSchema } from "./rules";

export const phaseSchema = z.enum(PHASES, "validation.phase");

const yearNumber = z.coerce
  .number()
  .int("validation.integer")
  .min(2000, "validation.tooSmall")
  .max(2100, "validation.tooBig");

export const createYearSchema = z
  .object({
    year: yearNumber,
    /** Start from the members of the bloc's latest earlier year (default), unless memberCodes is given. */
    copyMembersFromPrevious: z.boolean().default(true),
    memberCodes: z.array(agencyCodeSchema).max(200).optional(),
    /** Start from the criteria table (groups and criteria) of the bloc's latest earlier year that has one (default). */
    copyCriteriaFromPrevious: z.boolean().default(true),
    leaderAgencyCode: agencyCodeSchema.nullish(),
    deputyAgencyCode: agencyCodeSchema.nullish(),
    rules: yearRulesSchema.optional(),
    deadlines: yearDeadlinesSchema.optional(),
  })
  .strict();

export const updateYearSettingsSchema = z
  .object({
    leaderAgencyCode: agencyCodeSchema.nullish(),
    deputyAgencyCode: agencyCodeSchema.nullish(),
    rules: yearRulesSchema.optional(),
    deadlines: yearDeadlinesSchema.optional(),
    /** The version the editor saw; a newer one on the server is a conflict. */
    version: z.number().int().positive().optional(),
  })
  .strict();

export const setYearMembersSchema = z
  .object({
    agencyCodes: z.array(agencyCodeSchema).min(2, "validation.tooFewMembers").max(200),
    version: z.number().int().positive().optional(),
  })
  .strict();

export const moveYearPhaseSchema = z
  .object({
    phase: phaseSchema,
    reason: optionalText(1000),
    version: z.number().int().positive().optional(),
  })
  .strict();

const agencyRef = z.object({ code: z.string(), name: z.string(), shortName: z.string() });

export const yearSchema = z.object({
  id: z.uuid(),
  blocId: z.uuid(),
  blocName: z.string(),
  year: z.number().int(),
  phase: phaseSchema,
  version: z.number().int(),
  leaderAgency: agencyRef.nullable(),
  deputyAgency: agencyRef.nullable(),
  members: z.array(agencyRef),
  rules: yearRulesSchema,
  deadlines: z.record(z.string(), z.string()),
});

export type YearDto = z.infer<typeof yearSchema>;
export type AgencyRef = z.infer<typeof agencyRef>;
