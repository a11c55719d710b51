"use client";

import { useTranslations } from "next-intl";
import { useState, type MouseEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** The file name a download response gives (Content-Disposition), else the last part of the address. */
function fileNameOf(response: Response, href: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? href.split("/").pop() ?? "van-ban.pdf";
}

/**
 * A link to a document download that says it is working while the server prepares the file (a draft is
 * printed on demand) and shows the API's message when it fails. Without JavaScript it is a plain link.
 */
export function DownloadLink({
  href,
  className,
  children,
  testId,
}: {
  href: string;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const t = useTranslations("documents.download");
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string }
  >({ kind: "idle" });

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (state.kind === "busy") return;
    setState({ kind: "busy" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ kind: "error", message: payload?.error?.message ?? t("failed") });
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = fileNameOf(response, href);
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "error", message: t("failed") });
    }
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <a
        href={href}
        onClick={download}
        className={cn(className, state.kind === "busy" && "cursor-progress opacity-70")}
        aria-busy={state.kind === "busy"}
        data-testid={testId}
      >
        {children}
      </a>
      <span role="status" aria-live="polite" className="text-xs">
        {state.kind === "busy" ? <span className="text-slate-600">{t("preparing")}</span> : null}
        {state.kind === "error" ? <span className="text-red-700">{state.message}</span> : null}
      </span>
    </span>
  );
}
