import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import type { IssuedDocumentDto } from "@/lib/documents/schemas";
import { formatDate } from "@/lib/format";
import { DownloadLink } from "./download-link";

/** Sổ văn bản of a year: the documents issued so far that the user may read, each downloadable and checkable. */
export async function IssuedDocumentsCard({ documents }: { documents: IssuedDocumentDto[] }) {
  const t = await getTranslations("documents");
  return (
    <Card title={t("list.title")}>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("list.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="issued-documents">
          {documents.map((document) => (
            <li
              key={document.id}
              className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm"
              data-kind={document.kind}
              data-code={document.code}
            >
              <div className="min-w-0">
                <p className="font-semibold">{document.title}</p>
                <p className="text-slate-600">
                  <Badge>{document.code}</Badge> {t("list.issued", { date: formatDate(document.issuedAt) })}
                </p>
              </div>
              <div className="flex gap-3">
                <DownloadLink href={document.href} className="font-semibold text-brand-700 underline">
                  {t("list.download")}
                </DownloadLink>
                <Link
                  href={`/verify/documents/${document.id}`}
                  className="font-semibold text-brand-700 underline"
                >
                  {t("list.lookUp")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
