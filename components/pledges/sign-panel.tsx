"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { signPledgeAction } from "@/lib/pledges/actions";
import { FormMessage, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";

export interface SignPanelProps {
  yearId: string;
  versionId: string;
  year: number;
  number: number;
  shortHash: string;
  signer: { name: string; title: string | null; agency: string };
}

/** The leader's signing step: the consent statement, the password again, one button. Phone-first. */
export function SignPanel({ yearId, versionId, year, number, shortHash, signer }: SignPanelProps) {
  const t = useTranslations("pledge");
  const router = useRouter();
  const form = useActionForm(signPledgeAction.bind(null, yearId, versionId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-labelledby="sign-title">
      <h2 id="sign-title" className="text-lg font-bold">
        {t("signTitle")}
      </h2>
      <label className="flex items-start gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm">
        <input
          type="checkbox"
          name="consent"
          className="mt-1 size-5 shrink-0"
          required
          aria-invalid={form.fieldError("consent") ? true : undefined}
        />
        <span>
          {t("consentStatement", {
            name: signer.name,
            title: signer.title ?? t("leaderFallback"),
            agency: signer.agency,
            year,
            number,
            hash: shortHash,
          })}
        </span>
      </label>
      {form.fieldError("consent") && <p className="text-sm text-red-700">{form.fieldError("consent")}</p>}
      <TextInput
        label={t("passwordAgain")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        hint={t("passwordAgainHint")}
        error={form.fieldError("password")}
      />
      <SubmitButton pending={form.pending} pendingLabel={t("signing")}>
        {t("signButton")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
