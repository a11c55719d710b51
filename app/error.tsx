"use client";

import { useTranslations } from "next-intl";

// Unexpected errors: the server logged the details; the user sees only a reference.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorsPage");
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errorText")}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>
      )}
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white"
      >
        {t("retry")}
      </button>
    </main>
  );
}
