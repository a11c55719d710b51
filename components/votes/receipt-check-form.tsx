"use client";

import { useTranslations } from "next-intl";
import { checkReceiptAction } from "@/lib/votes/actions";
import { FormMessage, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";

/** Kiểm tra mã biên nhận: anyone who reads the session checks a receipt against the counted ballots. */
export function ReceiptCheckForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("votes.receiptCheck");
  const form = useActionForm(checkReceiptAction.bind(null, sessionId));
  const outcome = form.result?.ok ? form.result.data : null;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate aria-label={t("title")}>
      <TextInput
        label={t("label")}
        name="receipt"
        autoComplete="off"
        spellCheck={false}
        placeholder="XXXX-XXXX-XXXX-XXXX"
        className="font-mono"
        error={form.fieldError("receipt")}
      />
      <SubmitButton pending={form.pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      {outcome && (
        <div
          role="status"
          data-testid="receipt-check-result"
          className={
            outcome.counted
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-900"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-900"
          }
        >
          <p className="font-semibold">{outcome.counted ? `✓ ${t("counted")}` : t("notCounted")}</p>
          <p className="break-all font-mono text-xs">{t("hash", { hash: outcome.receiptHash })}</p>
        </div>
      )}
      {form.result && !form.result.ok && !form.result.fields && <FormMessage result={form.result} />}
    </form>
  );
}
