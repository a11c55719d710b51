"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { inputClass, SubmitButton, TextInput } from "@/components/ui/form";

// The upload half of the Excel panels: posts the chosen workbook (multipart, same origin, so the
// session cookie goes along) to an /api/v1 route and shows the answer: a success line, or the
// server's message with the list of problems by cell.

type Outcome = { ok: true; message: string } | { ok: false; message: string; items: string[] };

interface ApiFailure {
  error?: { message?: string; details?: { items?: string[]; fields?: Record<string, string> } };
}

/** The problems of a failed import, one line each: the listed items, then "cell: problem". */
export function problemLines(body: ApiFailure): string[] {
  const details = body.error?.details;
  return [
    ...(details?.items ?? []),
    ...Object.entries(details?.fields ?? {}).map(([cell, message]) => `${cell}: ${message}`),
  ];
}

export function XlsxUpload<T>({
  url,
  withReason,
  done,
  testId,
}: {
  url: string;
  withReason?: boolean;
  done: (data: T) => string;
  testId: string;
}) {
  const t = useTranslations("excel.panel");
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ ok: false, message: t("chooseFile"), items: [] });
      fileInput.current?.focus();
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
      const body = (await response.json().catch(() => ({}))) as { data?: T } & ApiFailure;
      if (response.ok) {
        setOutcome({ ok: true, message: done(body.data as T) });
        form.reset();
        router.refresh();
      } else {
        setOutcome({ ok: false, message: body.error?.message ?? t("failed"), items: problemLines(body) });
      }
    } catch {
      setOutcome({ ok: false, message: t("network"), items: [] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid={testId}>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold text-slate-800">{t("file")}</span>
        <input
          ref={fileInput}
          type="file"
          name="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={inputClass}
          disabled={pending}
        />
      </label>
      {withReason && (
        <TextInput
          label={t("reason")}
          name="reason"
          maxLength={1000}
          hint={t("reasonHint")}
          disabled={pending}
        />
      )}
      <SubmitButton pending={pending} pendingLabel={t("importing")} variant="secondary">
        {t("import")}
      </SubmitButton>
      {pending && (
        <div role="status" className="space-y-1 text-sm text-slate-600">
          <progress className="h-2 w-full" aria-label={t("importing")} />
          <p>{t("importing")}</p>
        </div>
      )}
      {outcome && (
        <div
          role={outcome.ok ? "status" : "alert"}
          data-testid={`${testId}-result`}
          className={
            outcome.ok
              ? "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"
              : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          }
        >
          <p>{outcome.message}</p>
          {!outcome.ok && outcome.items.length > 0 && (
            <ul className="ml-5 mt-1 max-h-64 list-disc overflow-y-auto">
              {outcome.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
