"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createVoteSessionAction } from "@/lib/votes/actions";
import { FormMessage, Select, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";

/**
 * The secretariat opens a session: an award proposal (one per award of the year's rules) or the
 * election. Times are typed in Vietnam time; the action sends them with +07:00.
 */
export function CreateSessionForm({
  yearId,
  year,
  awards,
}: {
  yearId: string;
  year: number;
  awards: { code: string; name: string }[];
}) {
  const t = useTranslations("votes.create");
  const router = useRouter();
  const form = useActionForm(createVoteSessionAction.bind(null, yearId), {
    onSuccess: (data) => router.push(`/years/${yearId}/votes/${data.id}`),
  });
  const kindError = form.fieldError("kind") ?? form.fieldError("awardCode");
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("notice")}</p>
      <Select
        label={t("kind")}
        name="session"
        defaultValue={awards[0] ? `AWARD_PROPOSAL:${awards[0].code}` : "LEADERSHIP_ELECTION:"}
        error={kindError}
      >
        {awards.map((award) => (
          <option key={award.code} value={`AWARD_PROPOSAL:${award.code}`}>
            {t("kindAward", { award: award.name })}
          </option>
        ))}
        <option value="LEADERSHIP_ELECTION:">{t("kindElection", { year: year + 1 })}</option>
      </Select>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput
          label={t("opensAt")}
          name="opensAt"
          type="datetime-local"
          hint={t("timeHint")}
          error={form.fieldError("opensAt")}
        />
        <TextInput
          label={t("closesAt")}
          name="closesAt"
          type="datetime-local"
          required
          hint={t("timeHint")}
          error={form.fieldError("closesAt")}
        />
      </div>
      <SubmitButton pending={form.pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
