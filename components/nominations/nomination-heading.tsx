import { useTranslations } from "next-intl";
import Link from "next/link";
import { formatPoints } from "@/lib/scores/points";
import type { NominationDto } from "@/lib/nominations/schemas";
import { NominationStatusBadge } from "./status-badge";

/** A nomination's agency (linked to its award history), award, round, status and the basis it rests on. */
export function NominationHeading({
  nomination,
}: {
  nomination: Pick<NominationDto, "agency" | "award" | "round" | "status" | "basis">;
}) {
  const t = useTranslations("nominations");
  const { basis } = nomination;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <Link
            href={`/agencies/${nomination.agency.code}`}
            className="font-semibold text-brand-700 underline"
          >
            {nomination.agency.name}
          </Link>
          <p className="text-sm text-slate-800">{nomination.award.name}</p>
        </div>
        <div className="flex items-center gap-2">
          {nomination.round > 0 && (
            <span className="text-xs text-slate-500">{t("round", { round: nomination.round })}</span>
          )}
          <NominationStatusBadge status={nomination.status} />
        </div>
      </div>
      <p className="mt-1 text-sm text-slate-600" data-testid="basis">
        {t("basis", {
          rank: basis.rank,
          total: formatPoints(basis.total),
          classification: basis.classification ?? "—",
        })}
        {basis.vote && <> · {t("basisVote", { for: basis.vote.for, ballots: basis.vote.ballots })}</>}
      </p>
    </>
  );
}
