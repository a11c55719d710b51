"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyCrossScoresAction } from "@/lib/cross-scoring/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action";

/** The secretariat sets the final scores to the peers' mean ("Áp dụng điểm chấm chéo"), after a confirmation. */
export function ApplyCrossScores({ yearId, trimExtremes }: { yearId: string; trimExtremes: boolean }) {
  const t = useTranslations("crossScoring");
  const common = useTranslations("common");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<void> | null>(null);

  function apply() {
    startTransition(async () => {
      const outcome = await applyCrossScoresAction(yearId);
      setConfirming(false);
      if (outcome.ok) {
        setResult({ ok: true, data: undefined, message: t("applied", { cells: outcome.data.cells }) });
        router.refresh();
      } else {
        setResult(outcome);
      }
    });
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t(trimExtremes ? "methodTrimmed" : "methodMean")}</p>
      {confirming ? (
        <div
          role="group"
          aria-labelledby="apply-confirm"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="apply-confirm" className="text-sm text-amber-950">
            {t("applyConfirmText")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={apply} disabled={pending} aria-busy={pending} autoFocus>
              {pending ? common("saving") : t("applyConfirm")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {common("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t("apply")}</Button>
      )}
      <FormMessage result={result} />
    </div>
  );
}
