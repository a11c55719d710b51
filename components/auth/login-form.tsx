"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { TextInput, SubmitButton } from "@/components/ui/form";

/** Only a path of this app is a safe place to return to after signing in. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl &&
    callbackUrl.startsWith("/") &&
    !callbackUrl.startsWith("//") &&
    !callbackUrl.startsWith("/\\")
    ? callbackUrl
    : "/";
}

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(safeCallback(callbackUrl));
        router.refresh();
        return;
      }
      const [reason, minutes] = (result?.error ?? "").split(":");
      if (reason === "RATE_LIMITED") setError(t("errors.rateLimited", { minutes: Number(minutes) || 15 }));
      else if (reason === "DISABLED") setError(t("errors.disabled"));
      else if (reason === "INVALID_CREDENTIALS" || reason === "CredentialsSignin")
        setError(t("errors.invalid"));
      else setError(t("errors.unavailable"));
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <TextInput
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        inputMode="email"
      />
      <TextInput
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pending={pending} pendingLabel={t("signingIn")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
