import { z } from "zod";
import { agencyCodeSchema } from "@/lib/agencies/schemas";
import { newPasswordSchema } from "@/lib/auth/schemas";
import { ROLES } from "@/lib/permissions";
import { optionalText, requiredText } from "@/lib/validation";

export const roleSchema = z.enum(ROLES, "validation.role");
export const AGENCY_ROLES = ["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.invalidEmail"));

/**
 * Agency roles need an agency; ADMIN and BOARD act for the province and have none. On an update an
 * absent agencyCode keeps the user's current agency, which the data layer checks against the role.
 */
function roleMatchesAgency(
  input: { role?: string; agencyCode?: string | null },
  ctx: z.RefinementCtx,
  keepsAgency: boolean,
): void {
  if (input.role === undefined) return;
  const needsAgency = (AGENCY_ROLES as readonly string[]).includes(input.role);
  const missing = keepsAgency ? input.agencyCode === null : !input.agencyCode;
  if (needsAgency && missing)
    ctx.addIssue({ code: "custom", path: ["agencyCode"], message: "validation.agencyRequiredForRole" });
  if (!needsAgency && input.agencyCode)
    ctx.addIssue({ code: "custom", path: ["agencyCode"], message: "validation.noAgencyForRole" });
}

const optionalAgencyCode = z.preprocess((value) => (value === "" ? null : value), agencyCodeSchema.nullish());

export const createUserSchema = z
  .object({
    email,
    name: requiredText(120),
    title: optionalText(120),
    role: roleSchema,
    agencyCode: optionalAgencyCode,
    /** Temporary password: the user must choose their own at first sign-in. */
    password: newPasswordSchema,
  })
  .strict()
  .superRefine((input, ctx) => roleMatchesAgency(input, ctx, false));

export const updateUserSchema = z
  .object({
    name: requiredText(120).optional(),
    title: optionalText(120).optional(),
    role: roleSchema.optional(),
    agencyCode: optionalAgencyCode,
    disabled: z.boolean().optional(),
  })
  .strict()
  .superRefine((input, ctx) => roleMatchesAgency(input, ctx, true));

export const resetPasswordSchema = z.object({ password: newPasswordSchema }).strict();

export const userFiltersSchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  agencyCode: agencyCodeSchema.optional(),
  disabled: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  role: roleSchema,
  agency: z.object({ code: z.string(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
});

export type UserDto = z.infer<typeof userSchema>;
