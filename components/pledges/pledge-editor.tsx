"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import { openPledgeAction, savePledgeDraftAction } from "@/lib/pledges/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextArea, TextInput } from "@/components/ui/form";
import type { ActionResult } from "@/lib/http/action";
import { parseSafeMarkdown } from "@/lib/pledges/markdown";
import type { PledgeContent } from "@/lib/pledges/schemas";
import { PledgeText } from "./pledge-text";

const MARKDOWN = ["preamble", "goals", "targets", "movement", "commitments"] as const;

export interface PledgeEditorProps {
  yearId: string;
  content: PledgeContent;
  revision: number | null;
  number: number;
  openNumber: number | null;
}

/** Drafting the pledge: safe Markdown with a live preview (the same parser the server uses). */
export function PledgeEditor({
  yearId,
  content: initial,
  revision: initialRevision,
  number,
  openNumber,
}: PledgeEditorProps) {
  const t = useTranslations("pledge");
  const common = useTranslations("common");
  const router = useRouter();
  const [content, setContent] = useState(initial);
  const [revision, setRevision] = useState(initialRevision);
  const [preview, setPreview] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const rendered = useMemo(
    () =>
      Object.fromEntries(MARKDOWN.map((field) => [field, parseSafeMarkdown(content[field])])) as Record<
        (typeof MARKDOWN)[number],
        ReturnType<typeof parseSafeMarkdown>
      >,
    [content],
  );
  const fieldError = (name: string) => (result && !result.ok ? result.fields?.[name] : undefined);
  const set = (field: keyof PledgeContent) => (event: { target: { value: string } }) =>
    setContent((c) => ({ ...c, [field]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const opening = submitter?.value === "open";
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      if (opening) {
        const outcome = await openPledgeAction(yearId, data);
        setResult(outcome);
        if (outcome.ok) router.push(`/years/${yearId}/pledge`);
        return;
      }
      const outcome = await savePledgeDraftAction(yearId, data);
      setResult(outcome);
      if (outcome.ok) setRevision(outcome.data.revision);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {revision !== null && <input type="hidden" name="revision" value={revision} />}
      <p className="text-sm text-slate-600">{t("editingVersion", { number })}</p>
      <div className="flex gap-2" role="tablist">
        <Button
          variant={preview ? "secondary" : "primary"}
          role="tab"
          aria-selected={!preview}
          onClick={() => setPreview(false)}
        >
          {t("write")}
        </Button>
        <Button
          variant={preview ? "primary" : "secondary"}
          role="tab"
          aria-selected={preview}
          onClick={() => setPreview(true)}
        >
          {t("preview")}
        </Button>
      </div>
      <div hidden={preview} className="space-y-4">
        <TextInput
          label={t("fields.title")}
          name="title"
          value={content.title}
          onChange={set("title")}
          maxLength={300}
          required
          error={fieldError("title")}
        />
        {MARKDOWN.map((field) => (
          <TextArea
            key={field}
            label={t(`fields.${field}`)}
            name={field}
            value={content[field]}
            onChange={set(field)}
            rows={field === "preamble" ? 4 : 6}
            maxLength={20000}
            hint={t("markdownHint")}
            error={fieldError(field)}
          />
        ))}
        <TextInput
          label={t("fields.criteriaReference")}
          name="criteriaReference"
          value={content.criteriaReference}
          onChange={set("criteriaReference")}
          maxLength={500}
          required
          error={fieldError("criteriaReference")}
        />
      </div>
      {preview && (
        <div className="rounded-md border border-slate-200 bg-white p-4" data-testid="pledge-preview">
          <PledgeText content={content} rendered={rendered} />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={common("saving")} variant="secondary">
          {t("saveDraft")}
        </SubmitButton>
      </div>
      <fieldset className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
        <legend className="px-1 text-sm font-semibold text-amber-900">{t("openTitle")}</legend>
        <p className="text-sm text-amber-900">
          {openNumber ? t("openWarningSupersede", { open: openNumber, number }) : t("openWarning")}
        </p>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4"
            checked={confirmOpen}
            onChange={(event) => setConfirmOpen(event.target.checked)}
          />
          {t("openConfirm")}
        </label>
        <button
          type="submit"
          value="open"
          disabled={!confirmOpen || pending}
          className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white disabled:cursor-not-allowed disabled:opacity-60"
        >
          {t("openButton", { number })}
        </button>
      </fieldset>
      <FormMessage result={result} />
    </form>
  );
}
