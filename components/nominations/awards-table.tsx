import { useTranslations } from "next-intl";
import Link from "next/link";
import { th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AwardDto } from "@/lib/nominations/schemas";

const cell = "block py-0.5 sm:table-cell sm:px-3 sm:py-2 sm:align-top";
/** On a phone each row is a card and each cell names its column. */
const label = "mr-1 text-xs font-semibold uppercase tracking-wide text-slate-500 sm:hidden";

/**
 * Awards decided (năm, khối, cơ quan, hình thức, số quyết định); agency names link to the agency's page.
 * A table on a wide screen; on a phone, one card per award (no sideways scrolling).
 */
export function AwardsTable({ awards, showAgency = true }: { awards: AwardDto[]; showAgency?: boolean }) {
  const t = useTranslations("awards.table");
  return (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 sm:table-header-group">
        <tr>
          <th className={th}>{t("year")}</th>
          {showAgency && <th className={th}>{t("agency")}</th>}
          <th className={th}>{t("award")}</th>
          <th className={th}>{t("decision")}</th>
          <th className={th}>{t("bloc")}</th>
        </tr>
      </thead>
      <tbody className="block divide-y divide-slate-100 bg-white sm:table-row-group">
        {awards.map((award) => (
          <tr
            key={`${award.year}-${award.agency.code}-${award.award.code}`}
            className="block py-3 sm:table-row sm:py-0"
            data-testid={`award-${award.year}-${award.agency.code}`}
          >
            <td className={cell}>
              <span className={label}>{t("year")}</span>
              {award.year}
            </td>
            {showAgency && (
              <td className={cell}>
                <span className={label}>{t("agency")}</span>
                <Link
                  href={`/agencies/${award.agency.code}`}
                  className="font-medium text-brand-700 underline"
                >
                  {award.agency.name}
                </Link>
              </td>
            )}
            <td className={cell}>
              <span className={label}>{t("award")}</span>
              {award.award.name}
            </td>
            <td className={cell}>
              <span className={label}>{t("decision")}</span>
              <span className="font-semibold">{award.decision.number}</span>
              <span className="block text-xs text-slate-600">
                {t("signed", {
                  date: formatDate(award.decision.signedOn),
                  signer: award.decision.signerName,
                })}
              </span>
            </td>
            <td className={cell}>
              <span className={label}>{t("bloc")}</span>
              {award.bloc.name}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
