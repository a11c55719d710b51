"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import {
  bulkApproveAction,
  recordDecisionAction,
  reviewNominationAction,
} from "@/lib/nominations/board-actions";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextInput, useActionForm } from "@/components/ui/form";

const ACTIONS = [
  { action: "approve", variant: "primary" },
  { action: "return", variant: "secondary" },
  { action: "reject", variant: "danger" },
] as const;

/**
 * The board's verdict on one submitted nomination: approve, return with what to fix, or reject with a
 * reason (the data layer requires the comment for the last two).
 */
export function ReviewControls({
  yearId,
  nominationId,
  agencyName,
}: {
  yearId: string;
  nominationId: string;
  agencyName: string;
}) {
  const t = useTranslations("board.review");
  const router = useRouter();
  const chosen = useRef<HTMLInputElement>(null);
  const form = useActionForm(reviewNominationAction.bind(null, yearId, nominationId), {
    onSuccess: () => router.refresh(),
    resetOnSuccess: true,
  });
  return (
    <form
      onSubmit={form.onSubmit}
      className="mt-3 space-y-2 rounded-md bg-slate-50 p-3"
      noValidate
      aria-label={t("formLabel", { agency: agencyName })}
    >
      <input ref={chosen} type="hidden" name="action" defaultValue="approve" />
      <TextArea
        label={t("comment")}
        name="comment"
        maxLength={4000}
        hint={t("commentHint")}
        error={form.fieldError("comment")}
        className="[&_textarea]:min-h-16"
      />
      <div className="flex flex-wrap gap-2">
        {ACTIONS.map(({ action, variant }) => (
          <Button
            key={action}
            type="submit"
            variant={variant}
            disabled={form.pending}
            onClick={() => {
              // Set before the submit event reads the form.
              if (chosen.current) chosen.current.value = action;
            }}
          >
            {t(action)}
          </Button>
        ))}
      </div>
      <FormMessage result={form.result} />
    </form>
  );
}

/** Records the award decision; approved nominations of the chosen awards (all when none chosen) become awarded. */
export function DecisionForm({
  yearId,
  awards,
}: {
  yearId: string;
  awards: { code: string; name: string; count: number }[];
}) {
  const t = useTranslations("board.decision");
  const router = useRouter();
  const form = useActionForm(recordDecisionAction.bind(null, yearId), { onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <TextInput
        label={t("number")}
        name="number"
        required
        maxLength={60}
        placeholder="125/QĐ-UBND"
        error={form.fieldError("number")}
      />
      <TextInput
        label={t("signedOn")}
        name="signedOn"
        type="date"
        required
        error={form.fieldError("signedOn")}
      />
      <TextInput
        label={t("signerName")}
        name="signerName"
        required
        maxLength={200}
        autoComplete="off"
        error={form.fieldError("signerName")}
      />
      <TextInput
        label={t("signerTitle")}
        name="signerTitle"
        maxLength={200}
        autoComplete="off"
        error={form.fieldError("signerTitle")}
      />
      {awards.length > 1 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-semibold text-slate-800">{t("awards")}</legend>
          <p className="text-xs text-slate-500">{t("awardsHint")}</p>
          {awards.map((award) => (
            <label key={award.code} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="awardCodes[]" value={award.code} className="size-4" />
              {t("awardOption", { award: award.name, count: award.count })}
            </label>
          ))}
        </fieldset>
      )}
      <Button type="submit" disabled={form.pending} aria-busy={form.pending}>
        {form.pending ? t("pending") : t("submit")}
      </Button>
      <FormMessage result={form.result} />
    </form>
  );
}

/** The inbox's row checkboxes live in the table; this button submits the ones checked. */
export function BulkApproveForm({ formId }: { formId: string }) {
  const t = useTranslations("board.inbox");
  const router = useRouter();
  const form = useActionForm(bulkApproveAction, { onSuccess: () => router.refresh() });
  return (
    <form id={formId} onSubmit={form.onSubmit} className="space-y-2">
      <Button type="submit" disabled={form.pending} aria-busy={form.pending}>
        {form.pending ? t("approving") : t("bulkApprove")}
      </Button>
      <FormMessage result={form.result} />
    </form>
  );
}
