import { useTranslations } from "next-intl";
import Link from "next/link";
import { yearScopeOf } from "@/lib/years/year-scope";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/permissions";
import { phaseIndex } from "@/lib/years/phases";
import type { YearDto } from "@/lib/years/schemas";

/** The year overview's links to the review grid, the ranking and cross-scoring, from the review phase on. */
export function YearReviewCard({ year, actor }: { year: YearDto; actor: Actor }) {
  const t = useTranslations("review.yearCard");
  if (phaseIndex(year.phase) < phaseIndex("REVIEW")) return null;
  const scope = yearScopeOf(actor, year);
  const links = [
    can(actor, "score.read", scope) && { href: "review", label: t("review") },
    (can(actor, "ranking.preview", scope) || can(actor, "ranking.read", scope)) && {
      href: "ranking",
      label: t("ranking"),
    },
    year.rules.crossScoring.enabled &&
      can(actor, "crossScore.progress", scope) && { href: "cross-scoring", label: t("crossScoring") },
  ].filter((link) => link !== false);
  if (links.length === 0) return null;
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("text")}</p>
      <ul className="space-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={`/years/${year.id}/${link.href}`} className="font-semibold text-brand-700 underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
