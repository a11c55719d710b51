"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { cancelVoteSessionAction, closeVoteSessionAction } from "@/lib/votes/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextArea, useActionForm } from "@/components/ui/form";

/** The secretariat closes a session (two steps: closing is final) or cancels it with a reason. */
export function ManageSession({
  yearId,
  sessionId,
  mayClose,
  mayCancel,
}: {
  yearId: string;
  sessionId: string;
  mayClose: boolean;
  mayCancel: boolean;
}) {
  const t = useTranslations("votes.manage");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const close = useActionForm(closeVoteSessionAction.bind(null, yearId, sessionId), {
    onSuccess: () => router.refresh(),
  });
  const cancel = useActionForm(cancelVoteSessionAction.bind(null, yearId, sessionId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="space-y-5">
      <form onSubmit={close.onSubmit} className="space-y-3" aria-label={t("close")}>
        <p className="text-sm text-slate-600" id="close-hint">
          {t("closeHint")}
        </p>
        {confirming ? (
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={close.pending} pendingLabel={t("closing")}>
              {t("closeConfirm")}
            </SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t("cancelStep")}
            </Button>
          </div>
        ) : (
          <Button onClick={() => setConfirming(true)} disabled={!mayClose} aria-describedby="close-hint">
            {t("close")}
          </Button>
        )}
        <FormMessage result={close.result} />
      </form>
      {mayCancel && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer py-1 text-sm font-semibold text-red-700">{t("cancel")}</summary>
          <form onSubmit={cancel.onSubmit} className="mt-3 space-y-3" noValidate>
            <TextArea
              label={t("cancelReason")}
              name="reason"
              required
              maxLength={1000}
              error={cancel.fieldError("reason")}
            />
            <SubmitButton pending={cancel.pending} pendingLabel={t("cancelling")} variant="danger">
              {t("cancelSubmit")}
            </SubmitButton>
            <FormMessage result={cancel.result} />
          </form>
        </details>
      )}
    </div>
  );
}
