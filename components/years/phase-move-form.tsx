"use client";

import { useTranslations } from "next-intl";
import { moveYearPhaseAction } from "@/lib/years/actions";
import { FormMessage, Select, SubmitButton, TextArea, useActionForm } from "@/components/ui/form";
import type { Phase } from "@/lib/years/phases";

export interface PhaseMoveFormProps {
  yearId: string;
  version: number;
  current: Phase;
  targets: Phase[];
  /** Translated: what blocks any move, and what a move would leave undone. */
  blockers: string[];
  pending: string[];
}

export function PhaseMoveForm({ yearId, version, current, targets, blockers, pending }: PhaseMoveFormProps) {
  const t = useTranslations("years");
  const phases = useTranslations("phases");
  const common = useTranslations("common");
  const form = useActionForm(moveYearPhaseAction.bind(null, yearId));

  if (targets.length === 0) return <p className="text-sm text-slate-600">{t("noFurtherPhase")}</p>;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="version" value={version} />
      <p className="text-sm">{t("currentPhase", { phase: phases(current) })}</p>
      {blockers.length > 0 && (
        <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-semibold">{t("blockersTitle")}</p>
          <ul className="ml-5 list-disc">
            {blockers.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      {pending.length > 0 && (
        <div className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-semibold">{t("pendingTitle")}</p>
          <ul className="ml-5 list-disc">
            {pending.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      <Select
        label={t("targetPhase")}
        name="phase"
        defaultValue={targets[0]}
        error={form.fieldError("phase")}
      >
        {targets.map((phase) => (
          <option key={phase} value={phase}>
            {phases(phase)}
          </option>
        ))}
      </Select>
      <TextArea
        label={t("reason")}
        name="reason"
        hint={t("reasonHint")}
        maxLength={1000}
        error={form.fieldError("reason")}
      />
      <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
        {t("movePhase")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
