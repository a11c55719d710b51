import { useTranslations } from "next-intl";
import Link from "next/link";
import { Table, td, th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AwardDto } from "@/lib/nominations/schemas";

/** Awards decided (năm, khối, cơ quan, hình thức, số quyết định); agency names link to the agency's page. */
export function AwardsTable({ awards, showAgency = true }: { awards: AwardDto[]; showAgency?: boolean }) {
  const t = useTranslations("awards.table");
  return (
    <Table
      caption={t("caption")}
      head={
        <tr>
          <th className={th}>{t("year")}</th>
          {showAgency && <th className={th}>{t("agency")}</th>}
          <th className={th}>{t("award")}</th>
          <th className={th}>{t("decision")}</th>
          <th className={th}>{t("bloc")}</th>
        </tr>
      }
    >
      {awards.map((award) => (
        <tr key={`${award.year}-${award.agency.code}-${award.award.code}`} data-testid={`award-${award.year}-${award.agency.code}`}>
          <td className={td}>{award.year}</td>
          {showAgency && (
            <td className={td}>
              <Link href={`/agencies/${award.agency.code}`} className="font-medium text-brand-700 underline">
                {award.agency.name}
              </Link>
            </td>
          )}
          <td className={td}>{award.award.name}</td>
          <td className={td}>
            <span className="font-semibold">{award.decision.number}</span>
            <span className="block text-xs text-slate-600">
              {t("signed", { date: formatDate(award.decision.signedOn), signer: award.decision.signerName })}
            </span>
          </td>
          <td className={td}>{award.bloc.name}</td>
        </tr>
      ))}
    </Table>
  );
}
