import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { BoardRow } from "@/lib/pledges/pledges";

/** Who has signed the open version: every member, signed (who, when) or pending. */
export function SigningBoard({ board }: { board: BoardRow[] }) {
  const t = useTranslations("pledge");
  const signed = board.filter((row) => row.signature).length;
  return (
    <div>
      <p className="mb-3 text-sm font-semibold" data-testid="signed-count">
        {t("signedCount", { signed, total: board.length })}
      </p>
      <ul className="divide-y divide-slate-100" data-testid="signing-board">
        {board.map((row) => (
          <li
            key={row.agency.code}
            className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            data-agency={row.agency.code}
          >
            <span className="font-medium">{row.agency.name}</span>
            {row.signature ? (
              <span className="text-right">
                <Badge tone="green">{t("signedBadge")}</Badge>
                <span className="ml-2 text-slate-700">
                  {row.signature.signerName}
                  {row.signature.signerTitle ? `, ${row.signature.signerTitle}` : ""} ·{" "}
                  {formatDateTime(row.signature.signedAt)}
                </span>
              </span>
            ) : (
              <Badge tone="amber">{t("pendingBadge")}</Badge>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
