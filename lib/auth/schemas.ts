import { z } from "zod";

/** At least 10 characters with a letter and a digit; at most 128. */
export const newPasswordSchema = z
  .string()
  .min(10, "validation.passwordTooShort")
  .max(128, "validation.tooLong")
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), "validation.passwordWeak");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(256),
    newPassword: newPasswordSchema,
  })
  .strict()
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    message: "validation.passwordUnchanged",
  });
