"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ChangeEvent } from "react";
import {
  applySuggestionsAction,
  createNominationAction,
  submitDossierAction,
  updateNominationNoteAction,
  withdrawNominationAction,
} from "@/lib/nominations/actions";
import { EVIDENCE_ACCEPT } from "@/components/assessments/evidence-box";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, Select, SubmitButton, TextArea, useActionForm } from "@/components/ui/form";
import { postUpload } from "@/components/ui/upload";

type Ref = { code: string; name: string };

/** Proposes a member for an award; a refusal names the rule it breaks, under the form. */
export function AddNominationForm({
  yearId,
  members,
  awards,
}: {
  yearId: string;
  members: Ref[];
  awards: Ref[];
}) {
  const t = useTranslations("nominations.add");
  const router = useRouter();
  const form = useActionForm(createNominationAction.bind(null, yearId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" noValidate aria-label={t("title")}>
      <Select label={t("member")} name="agencyCode" required error={form.fieldError("agencyCode")}>
        {members.map((member) => (
          <option key={member.code} value={member.code}>
            {member.name}
          </option>
        ))}
      </Select>
      <Select label={t("award")} name="awardCode" required error={form.fieldError("awardCode")}>
        {awards.map((award) => (
          <option key={award.code} value={award.code}>
            {award.name}
          </option>
        ))}
      </Select>
      <SubmitButton pending={form.pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}

/** "Áp dụng danh sách gợi ý", and one "Thêm" per suggested row. */
export function ApplySuggestionsButton({ yearId }: { yearId: string }) {
  const t = useTranslations("nominations.suggestions");
  const router = useRouter();
  const form = useActionForm(applySuggestionsAction.bind(null, yearId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-2">
      <SubmitButton pending={form.pending} pendingLabel={t("applying")}>
        {t("apply")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}

export function AddSuggestionButton({ yearId, agency, award }: { yearId: string; agency: Ref; award: Ref }) {
  const t = useTranslations("nominations.suggestions");
  const router = useRouter();
  const form = useActionForm(createNominationAction.bind(null, yearId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-1">
      <input type="hidden" name="agencyCode" value={agency.code} />
      <input type="hidden" name="awardCode" value={award.code} />
      <SubmitButton pending={form.pending} pendingLabel={t("adding")} variant="secondary">
        {t("add")}
        <span className="sr-only">
          {" "}
          {agency.name}: {award.name}
        </span>
      </SubmitButton>
      {form.result && !form.result.ok && <FormMessage result={form.result} />}
    </form>
  );
}

/** "Gửi hồ sơ" (or "Gửi lại các đề nghị đã bổ sung"): the missing reports come back as a list. */
export function SubmitDossierButton({
  yearId,
  resubmit,
  count,
}: {
  yearId: string;
  resubmit: boolean;
  count: number;
}) {
  const t = useTranslations("nominations.submit");
  const router = useRouter();
  const form = useActionForm(submitDossierAction.bind(null, yearId), { onSuccess: () => router.refresh() });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" aria-label={resubmit ? t("resubmit") : t("submit")}>
      <p className="text-sm text-slate-600">
        {resubmit ? t("resubmitHint", { count }) : t("submitHint", { count })}
      </p>
      <SubmitButton pending={form.pending} pendingLabel={t("pending")}>
        {resubmit ? t("resubmit") : t("submit")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}

/** The note of a nomination the secretariat may still change. */
export function NoteForm({
  yearId,
  nominationId,
  note,
  version,
  agencyName,
}: {
  yearId: string;
  nominationId: string;
  note: string | null;
  version: number;
  agencyName: string;
}) {
  const t = useTranslations("nominations.note");
  const router = useRouter();
  const form = useActionForm(updateNominationNoteAction.bind(null, yearId, nominationId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-1 font-semibold text-brand-700">
        {t("edit")}
        <span className="sr-only"> {agencyName}</span>
      </summary>
      <form onSubmit={form.onSubmit} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="version" value={version} />
        <TextArea
          label={t("label")}
          name="note"
          defaultValue={note ?? ""}
          maxLength={2000}
          error={form.fieldError("note")}
        />
        <SubmitButton pending={form.pending} pendingLabel={t("saving")} variant="secondary">
          {t("save")}
        </SubmitButton>
        <FormMessage result={form.result} />
      </form>
    </details>
  );
}

/** Takes a nomination out, with a reason (its place in the quota frees up). */
export function WithdrawForm({
  yearId,
  nominationId,
  agencyName,
}: {
  yearId: string;
  nominationId: string;
  agencyName: string;
}) {
  const t = useTranslations("nominations.withdraw");
  const router = useRouter();
  const form = useActionForm(withdrawNominationAction.bind(null, yearId, nominationId), {
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-1 font-semibold text-red-700">
        {t("open")}
        <span className="sr-only"> {agencyName}</span>
      </summary>
      <form onSubmit={form.onSubmit} className="mt-2 space-y-2" noValidate>
        <TextArea
          label={t("reason")}
          name="reason"
          required
          maxLength={1000}
          error={form.fieldError("reason")}
        />
        <SubmitButton pending={form.pending} pendingLabel={t("pending")} variant="danger">
          {t("submit")}
        </SubmitButton>
        <FormMessage result={form.result} />
      </form>
    </details>
  );
}

/** Uploads the báo cáo thành tích (to POST /api/v1/nominations/{id}/report; the server checks the content). */
export function ReportUpload({
  nominationId,
  agencyName,
  replace,
}: {
  nominationId: string;
  agencyName: string;
  replace: boolean;
}) {
  const t = useTranslations("nominations.report");
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setMessage(null);
    startTransition(async () => {
      const body = new FormData();
      body.set("file", file, file.name);
      const outcome = await postUpload(`/api/v1/nominations/${nominationId}/report`, body);
      if (input.current) input.current.value = "";
      if (!outcome.ok) return setMessage({ ok: false, text: outcome.message ?? t("failed") });
      setMessage({ ok: true, text: t("uploaded", { name: file.name }) });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <input
        ref={input}
        id={id}
        type="file"
        accept={EVIDENCE_ACCEPT}
        onChange={upload}
        disabled={pending}
        className="peer sr-only"
        data-testid="report-input"
      />
      <label
        htmlFor={id}
        className={cn(
          buttonClass("secondary", "w-fit cursor-pointer"),
          "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        )}
      >
        <span aria-hidden="true">⇪</span> {replace ? t("replace") : t("upload")}
        <span className="sr-only"> {agencyName}</span>
      </label>
      <p
        className={cn("text-sm", message?.ok ? "text-green-800" : "text-red-700")}
        role={message && !message.ok ? "alert" : "status"}
        aria-live="polite"
      >
        {pending ? t("working") : message?.text}
      </p>
    </div>
  );
}
