import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { SessionStatus } from "@/lib/votes/schemas";

const TONES = {
  SCHEDULED: "slate",
  OPEN: "green",
  ENDED: "amber",
  CLOSED: "blue",
  CANCELLED: "red",
} as const;

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const t = useTranslations("votes");
  return <Badge tone={TONES[status]}>{t(`status.${status}`)}</Badge>;
}
