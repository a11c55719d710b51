"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { returnSelfAssessmentAction } from "@/lib/assessments/actions";
import { FormMessage, SubmitButton, TextArea, useActionForm } from "@/components/ui/form";

/** The secretariat returns a submitted self-assessment to its agency, with a required comment. */
export function ReturnForm({ yearId, agencyCode }: { yearId: string; agencyCode: string }) {
  const t = useTranslations("assessment.return");
  const router = useRouter();
  const form = useActionForm(returnSelfAssessmentAction.bind(null, yearId, agencyCode), {
    onSuccess: () => router.refresh(),
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <TextArea
        label={t("comment")}
        name="comment"
        required
        maxLength={2000}
        rows={3}
        hint={t("commentHint")}
        error={form.fieldError("comment")}
      />
      <SubmitButton pending={form.pending} pendingLabel={t("returning")} variant="danger">
        {t("button")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
