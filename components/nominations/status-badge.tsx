import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { NOMINATION_STATUSES } from "@/lib/nominations/schemas";

export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

const TONES = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  RETURNED: "amber",
  APPROVED: "green",
  REJECTED: "red",
  AWARDED: "green",
  WITHDRAWN: "slate",
} as const;

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const t = useTranslations("nominations");
  return (
    <span data-testid="nomination-status" data-status={status}>
      <Badge tone={TONES[status]}>{t(`status.${status}`)}</Badge>
    </span>
  );
}
