"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/locales";
import { cn } from "@/components/ui/cn";

export function LocaleSwitch() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div
      role="group"
      aria-label={t("language")}
      className="inline-flex rounded-md border border-slate-300 bg-white text-xs"
    >
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          disabled={pending}
          aria-pressed={option === locale}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(option);
              router.refresh();
            })
          }
          className={cn(
            "min-h-8 px-2 font-semibold uppercase",
            option === locale ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {option}
        </button>
      ))}
    </div>
  );
}
