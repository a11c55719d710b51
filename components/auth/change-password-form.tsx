"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/auth/actions";
import { FormMessage, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const common = useTranslations("common");
  // The change ends every session: sign out locally and come back to the sign-in page.
  const form = useActionForm(changePasswordAction, {
    onSuccess: () => void signOut({ callbackUrl: "/login?reason=password-changed" }),
  });
  return (
    <form onSubmit={form.onSubmit} className="max-w-md space-y-3" noValidate>
      <TextInput
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldError("currentPassword")}
      />
      <TextInput
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordPolicy")}
        error={form.fieldError("newPassword")}
      />
      <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
        {t("changePassword")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
