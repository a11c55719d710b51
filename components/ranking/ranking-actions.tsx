"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { publishRankingAction, reopenRankingAction } from "@/lib/ranking/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action";

export interface RankingActionsProps {
  yearId: string;
  mayPublish: boolean;
  mayReopen: boolean;
  /** Members the publication would rank, leave out ("không chấm") and that lack scores (which blocks it). */
  counts: { ranked: number; notScored: number; unscored: number };
}

/**
 * The secretariat's "Công bố kết quả" (after a confirmation: the scores lock, every member is told)
 * and "Mở lại" (with a required reason the audit trail keeps). One component for both, so that the
 * outcome stays on screen when the page refreshes from one state to the other.
 */
export function RankingActions({ yearId, mayPublish, mayReopen, counts }: RankingActionsProps) {
  const t = useTranslations("ranking");
  const common = useTranslations("common");
  const router = useRouter();
  const [step, setStep] = useState<"idle" | "confirmPublish" | "reopen">("idle");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<void> | null>(null);

  function publish() {
    startTransition(async () => {
      const outcome = await publishRankingAction(yearId);
      setResult(outcome);
      if (outcome.ok) {
        setStep("idle");
        router.refresh();
      }
    });
  }

  function reopen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const outcome = await reopenRankingAction(yearId, data);
      setResult(outcome);
      if (outcome.ok) {
        setStep("idle");
        router.refresh();
      }
    });
  }

  const reasonError = result && !result.ok ? result.fields?.reason : undefined;
  return (
    <div className="space-y-3">
      {mayPublish &&
        (step === "confirmPublish" ? (
          <div
            role="group"
            aria-labelledby="publish-confirm"
            className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
          >
            <p id="publish-confirm" className="text-sm text-amber-950">
              {t("publishConfirmText")}
            </p>
            <p className="text-sm font-semibold text-amber-950" data-testid="publish-counts">
              {t("publishCounts", counts)}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={publish}
                disabled={pending || counts.unscored > 0}
                aria-busy={pending}
                autoFocus
              >
                {pending ? t("publishing") : t("publishConfirm")}
              </Button>
              <Button variant="secondary" onClick={() => setStep("idle")} disabled={pending}>
                {common("cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <div className="space-y-1">
            <Button
              onClick={() => {
                setResult(null);
                setStep("confirmPublish");
              }}
              disabled={counts.unscored > 0}
              aria-describedby={counts.unscored > 0 ? "publish-blocked" : undefined}
            >
              {t("publish")}
            </Button>
            {counts.unscored > 0 && (
              <p id="publish-blocked" className="text-xs text-slate-600">
                {t("publishBlocked")}
              </p>
            )}
          </div>
        ))}
      {mayReopen &&
        (step === "reopen" ? (
          <form onSubmit={reopen} className="space-y-3" noValidate>
            <TextArea
              label={t("reopenReason")}
              name="reason"
              hint={t("reopenHint")}
              maxLength={1000}
              required
              autoFocus
              error={reasonError}
            />
            <div className="flex flex-wrap gap-2">
              <SubmitButton pending={pending} pendingLabel={common("saving")} variant="danger">
                {t("reopenConfirm")}
              </SubmitButton>
              <Button variant="secondary" onClick={() => setStep("idle")} disabled={pending}>
                {common("cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              setResult(null);
              setStep("reopen");
            }}
          >
            {t("reopen")}
          </Button>
        ))}
      <FormMessage result={result} />
    </div>
  );
}
