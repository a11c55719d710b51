import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { Phase } from "@/lib/years/phases";

const tones: Record<Phase, "slate" | "green" | "amber" | "red" | "blue"> = {
  SETUP: "slate",
  PLEDGING: "blue",
  SELF_ASSESSMENT: "blue",
  REVIEW: "amber",
  VOTING: "amber",
  NOMINATION: "amber",
  BOARD_REVIEW: "red",
  CLOSED: "green",
};

export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useTranslations("phases");
  return <Badge tone={tones[phase]}>{t(phase)}</Badge>;
}
