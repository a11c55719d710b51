import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/permissions";
import { phaseIndex } from "@/lib/years/phases";
import type { YearDto } from "@/lib/years/schemas";

/**
 * The year overview's links to the criteria table, the actor's own self-assessment (agency users of a
 * member, from self-assessment on) and the progress board (the secretariat and the province).
 */
export function YearScoringCard({ year, actor }: { year: YearDto; actor: Actor }) {
  const t = useTranslations("assessment.yearCard");
  const ownCode = actor.agency?.code;
  const member = ownCode !== undefined && year.members.some((agency) => agency.code === ownCode);
  // The year's facts as the permission map reads them, relative to the actor's own agency.
  const scope = {
    year: {
      leaderAgencyId: ownCode !== undefined && year.leaderAgency?.code === ownCode ? actor.agencyId : null,
      memberAgencyIds: member && actor.agencyId ? [actor.agencyId] : [],
    },
  };
  const started = phaseIndex(year.phase) >= phaseIndex("SELF_ASSESSMENT");
  const own = started && member && can(actor, "assessment.read", { ...scope, agencyId: actor.agencyId });
  const board = started && can(actor, "score.read", scope);
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("text")}</p>
      <ul className="space-y-2">
        <li>
          <Link href={`/years/${year.id}/criteria`} className="font-semibold text-brand-700 underline">
            {t("criteria")}
          </Link>
        </li>
        {own && (
          <li>
            <Link href={`/years/${year.id}/assessment`} className="font-semibold text-brand-700 underline">
              {t("own")}
            </Link>
          </li>
        )}
        {board && (
          <li>
            <Link href={`/years/${year.id}/assessments`} className="font-semibold text-brand-700 underline">
              {t("progress")}
            </Link>
          </li>
        )}
      </ul>
    </Card>
  );
}
