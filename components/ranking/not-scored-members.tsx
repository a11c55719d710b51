"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { clearNotScoredAction, markNotScoredAction } from "@/lib/ranking/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextArea, useActionForm } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action";

export interface NotScoredMembersProps {
  yearId: string;
  /** Members without final scores: publishing waits for them. */
  unscored: { code: string; name: string }[];
  /** Members marked "không chấm", with the reason. */
  notScored: { code: string; name: string; reason: string }[];
  /** Whether the viewer may mark members or clear marks now. */
  mayMark: boolean;
}

/** One member without scores: a button that opens the form of the "không chấm" mark and its reason. */
function MarkForm({
  yearId,
  agency,
  onDone,
}: {
  yearId: string;
  agency: { code: string; name: string };
  onDone: () => void;
}) {
  const t = useTranslations("ranking");
  const common = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm((data) => markNotScoredAction(yearId, agency.code, data), {
    onSuccess: () => {
      setOpen(false);
      onDone();
      router.refresh();
    },
  });
  if (!open) {
    return (
      <Button
        variant="secondary"
        className="min-h-9 px-2 py-1 text-xs"
        onClick={() => setOpen(true)}
        aria-label={`${t("markNotScored")}: ${agency.name}`}
      >
        {t("markNotScored")}
      </Button>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="mt-2 w-full space-y-2" noValidate>
      <TextArea
        label={t("markReason", { agency: agency.name })}
        name="reason"
        hint={t("markHint")}
        maxLength={1000}
        required
        autoFocus
        rows={2}
        error={form.fieldError("reason")}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
          {t("markConfirm")}
        </SubmitButton>
        <Button variant="secondary" onClick={() => setOpen(false)} disabled={form.pending}>
          {common("cancel")}
        </Button>
      </div>
      {form.result && !form.result.ok && <FormMessage result={form.result} />}
    </form>
  );
}

/**
 * Who stands in the way of publishing (members without final scores) and who is left out of the
 * scoring ("không chấm", with the reason): counts first, then each member, with the mark and its
 * removal for the secretariat.
 */
export function NotScoredMembers({ yearId, unscored, notScored, mayMark }: NotScoredMembersProps) {
  const t = useTranslations("ranking");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<void> | null>(null);

  function clear(agencyCode: string) {
    startTransition(async () => {
      const outcome = await clearNotScoredAction(yearId, agencyCode);
      setResult(outcome);
      if (outcome.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-3 text-sm" data-testid="unscored-members">
      <p
        role="status"
        className={unscored.length > 0 ? "rounded-md bg-amber-50 px-3 py-2 text-amber-950" : "text-slate-700"}
        data-testid="unscored-count"
      >
        {t("unscoredCount", { count: unscored.length })}
      </p>
      {unscored.length > 0 && (
        <ul className="space-y-2" aria-label={t("unscoredTitle")}>
          {unscored.map((agency) => (
            <li
              key={agency.code}
              className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-2"
              data-agency={agency.code}
            >
              <span className="font-medium text-slate-900">{agency.name}</span>
              {mayMark && <MarkForm yearId={yearId} agency={agency} onDone={() => setResult(null)} />}
            </li>
          ))}
        </ul>
      )}
      {notScored.length > 0 && (
        <>
          <p className="text-slate-700" data-testid="not-scored-count">
            {t("notScoredCount", { count: notScored.length })}
          </p>
          <ul className="space-y-2">
            {notScored.map((agency) => (
              <li
                key={agency.code}
                className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-100 pb-2"
                data-agency={agency.code}
              >
                <span>
                  <span className="block font-medium text-slate-900">{agency.name}</span>
                  <span className="block text-xs text-slate-600">
                    {t("notScoredReason", { reason: agency.reason })}
                  </span>
                </span>
                {mayMark && (
                  <Button
                    variant="ghost"
                    className="min-h-9 px-2 py-1 text-xs"
                    onClick={() => clear(agency.code)}
                    disabled={pending}
                    aria-label={t("clearNotScoredOf", { agency: agency.name })}
                  >
                    {t("clearNotScored")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <FormMessage result={result} />
    </div>
  );
}
