"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { CheckResult } from "@/lib/documents/schemas";
import { EntryDetails } from "./entry-details";

type State =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "error"; message: string }
  | { kind: "done"; result: CheckResult };

const TONE = {
  VALID: "border-green-300 bg-green-50 text-green-900",
  ALTERED: "border-red-300 bg-red-50 text-red-900",
  UNKNOWN: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/** Kiểm tra văn bản: a PDF is sent to POST /api/v1/documents/check and the verdict shown with its registry entry. */
export function DocumentCheck({ maxMb }: { maxMb: number }) {
  const t = useTranslations("documents.check");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: "error", message: t("noFile") });
    if (file.size > maxMb * 1024 * 1024)
      return setState({ kind: "error", message: t("tooLarge", { max: maxMb }) });
    setState({ kind: "checking" });
    const body = new FormData();
    body.set("file", file);
    try {
      const response = await fetch("/api/v1/documents/check", {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      const payload = (await response.json().catch(() => null)) as {
        data?: CheckResult;
        error?: { message?: string };
      } | null;
      if (response.ok && payload?.data) setState({ kind: "done", result: payload.data });
      else setState({ kind: "error", message: payload?.error?.message ?? t("failed") });
    } catch {
      setState({ kind: "error", message: t("failed") });
    }
  }

  const result = state.kind === "done" ? state.result : null;
  return (
    <div className="space-y-6">
      <form
        onSubmit={check}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      >
        <label htmlFor={`${id}-file`} className="block text-sm font-semibold">
          {t("fileLabel")}
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          aria-describedby={`${id}-hint`}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
          onChange={() => setState({ kind: "idle" })}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {t("fileHint", { max: maxMb })}
        </p>
        <Button type="submit" disabled={state.kind === "checking"} aria-busy={state.kind === "checking"}>
          {state.kind === "checking" ? t("checking") : t("submit")}
        </Button>
      </form>
      <div role="status" aria-live="polite" data-testid="check-result" data-verdict={result?.verdict ?? ""}>
        {state.kind === "error" ? (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {state.message}
          </p>
        ) : null}
        {result ? (
          <div className={cn("space-y-4 rounded-lg border p-4", TONE[result.verdict])}>
            <p className="text-lg font-bold">
              {result.verdict === "VALID"
                ? t("valid")
                : result.verdict === "ALTERED"
                  ? t("altered")
                  : t("unknown")}
            </p>
            {result.verdict === "ALTERED" ? <p className="text-sm">{t("alteredHint")}</p> : null}
            {result.verdict !== "UNKNOWN" ? (
              <div className="rounded-md bg-white p-3 text-slate-900">
                <EntryDetails entry={result.document} />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
