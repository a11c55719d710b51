"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ChangeEvent } from "react";
import { deleteEvidenceAction } from "@/lib/assessments/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatNumber } from "@/lib/format";
import { postUpload } from "@/components/ui/upload";

/** What the file picker offers; the server decides from the content, never from the name. */
export const EVIDENCE_ACCEPT = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  ".pdf",
  ".png",
  ".jpg",
  ".jpeg",
  ".webp",
  ".doc",
  ".docx",
  ".xls",
  ".xlsx",
  ".ppt",
  ".pptx",
  ".odt",
  ".ods",
].join(",");

export interface EvidenceFile {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * The evidence files (minh chứng) of one criterion: download links, and while editable an upload
 * (to POST /api/v1/years/{yearId}/evidence, which takes files of up to EVIDENCE_MAX_MB) and deletion.
 */
export function EvidenceBox({
  yearId,
  criterion,
  files,
  editable,
  maxUploadMb,
  missing,
}: {
  yearId: string;
  criterion: { id: string; code: string };
  files: EvidenceFile[];
  editable: boolean;
  maxUploadMb: number;
  missing: boolean;
}) {
  const t = useTranslations("assessment.evidence");
  const fileErrors = useTranslations("errors.evidence");
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const reset = () => {
      if (input.current) input.current.value = "";
    };
    if (file.size === 0) {
      setMessage({ ok: false, text: fileErrors("empty") });
      return reset();
    }
    if (file.size > maxUploadMb * 1024 * 1024) {
      setMessage({ ok: false, text: fileErrors("tooLarge", { max: maxUploadMb }) });
      return reset();
    }
    setMessage(null);
    startTransition(async () => {
      const body = new FormData();
      body.set("criterionId", criterion.id);
      body.set("file", file, file.name);
      const outcome = await postUpload(`/api/v1/years/${yearId}/evidence`, body);
      reset();
      if (!outcome.ok) return setMessage({ ok: false, text: outcome.message ?? t("uploadFailed") });
      setMessage({ ok: true, text: t("uploaded", { name: file.name }) });
      router.refresh();
    });
  }

  function remove(file: EvidenceFile) {
    if (!window.confirm(t("confirmDelete", { name: file.fileName }))) return;
    startTransition(async () => {
      const outcome = await deleteEvidenceAction(yearId, file.id);
      setMessage(
        outcome.ok ? { ok: true, text: outcome.message ?? "" } : { ok: false, text: outcome.message },
      );
    });
  }

  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3" data-testid="evidence">
      <p className="text-sm font-semibold text-slate-800">{t("title")}</p>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <a
                href={`/api/v1/evidence/${file.id}`}
                className="break-all font-medium text-brand-700 underline"
                download={file.fileName}
              >
                {file.fileName}
              </a>
              <span className="text-xs text-slate-500">
                {fileSize(file.sizeBytes)} · {formatDateTime(file.uploadedAt)}
              </span>
              {editable && (
                <Button
                  variant="ghost"
                  className="min-h-8 px-2 py-1 text-red-700"
                  onClick={() => remove(file)}
                  disabled={pending}
                >
                  {t("delete")}
                  <span className="sr-only"> {file.fileName}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {missing && <p className="text-sm font-semibold text-amber-800">{t("missing")}</p>}
      {editable && (
        <div className="flex flex-col gap-1">
          {/* The native picker's own words follow the browser's language: a labelled button instead. */}
          <input
            ref={input}
            id={id}
            type="file"
            accept={EVIDENCE_ACCEPT}
            onChange={upload}
            disabled={pending}
            aria-describedby={`${id}-hint`}
            className="peer sr-only"
          />
          <label
            htmlFor={id}
            className={cn(
              buttonClass("secondary", "w-fit cursor-pointer"),
              "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
            )}
          >
            <span aria-hidden="true">⇪</span> {t("upload")}
            <span className="sr-only"> {criterion.code}</span>
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {t("uploadHint", { max: maxUploadMb })}
          </p>
        </div>
      )}
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
