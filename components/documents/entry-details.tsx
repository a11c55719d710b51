import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { PublicDocumentEntry } from "@/lib/documents/schemas";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";

/** A registry entry as anyone may read it: on its public page and under the result of a check. */
export function EntryDetails({ entry }: { entry: PublicDocumentEntry }) {
  const t = useTranslations("documents.entry");
  const kinds = useTranslations("documents.kind");
  const rows: [string, string][] = [
    [t("code"), entry.code],
    [t("kind"), kinds(entry.kind)],
    [t("bloc"), entry.bloc],
    [t("year"), String(entry.year)],
    [
      t("version"),
      entry.version === entry.latestVersion
        ? String(entry.version)
        : t("versionOf", { version: entry.version, latest: entry.latestVersion }),
    ],
    [t("issuedAt"), formatDateTime(entry.issuedAt)],
    ...(entry.issuedBy ? ([[t("issuedBy"), entry.issuedBy]] as [string, string][]) : []),
    [t("size"), `${formatNumber(entry.sizeBytes / 1024, 0)} KB`],
  ];
  return (
    <div className="space-y-4" data-testid="document-entry" data-code={entry.code}>
      <div>
        <p className="text-lg font-semibold">{entry.title}</p>
        {entry.version !== entry.latestVersion ? (
          <p className="mt-1 text-sm text-amber-800">{t("newer")}</p>
        ) : null}
      </div>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <dt className="font-semibold text-slate-600">{t("sha256")}</dt>
        <dd className="break-all font-mono text-xs">{entry.sha256}</dd>
      </dl>
      <section className="rounded-md border border-slate-200 p-3 text-sm">
        <h3 className="font-semibold">{t("certificate")}</h3>
        <p className="mt-1">{entry.certificate.subject}</p>
        <p className="text-slate-600">
          {t("validity", {
            from: formatDate(entry.certificate.notBefore),
            to: formatDate(entry.certificate.notAfter),
          })}
        </p>
        <p className="mt-1 text-slate-600">{t("fingerprint")}:</p>
        <p className="break-all font-mono text-xs">{entry.certificate.fingerprint}</p>
      </section>
      {entry.pledge ? (
        <section className="rounded-md border border-slate-200 p-3 text-sm">
          <h3 className="mb-2 font-semibold">{t("signatures", { count: entry.pledge.signatures.length })}</h3>
          <ul className="divide-y divide-slate-100">
            {entry.pledge.signatures.map((signature) => (
              <li
                key={signature.agency.code}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-agency={signature.agency.code}
              >
                <span>
                  <span className="font-semibold">{signature.agency.name}</span> — {signature.signerName},{" "}
                  {formatDateTime(signature.signedAt)}
                </span>
                {signature.valid ? (
                  <Badge tone="green">{t("signatureValid")}</Badge>
                ) : (
                  <Badge tone="red">{t("signatureInvalid")}</Badge>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
