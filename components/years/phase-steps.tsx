import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { PHASES, phaseIndex, type Phase } from "@/lib/years/phases";

/** The eight phases of a year with the current one marked. */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const t = useTranslations("phases");
  const current = phaseIndex(phase);
  return (
    <ol className="flex flex-wrap gap-1 text-xs" aria-label={t("label")}>
      {PHASES.map((step, index) => (
        <li
          key={step}
          aria-current={index === current ? "step" : undefined}
          className={cn(
            "rounded-full px-2.5 py-1 font-semibold",
            index < current && "bg-green-100 text-green-800",
            index === current && "bg-brand-700 text-white",
            index > current && "bg-slate-100 text-slate-500",
          )}
        >
          {index + 1}. {t(step)}
        </li>
      ))}
    </ol>
  );
}
