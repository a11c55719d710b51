import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { load } from "@/lib/http/page";
import { verifyPledgeVersionPublicly } from "@/lib/pledges/verify";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title"), robots: { index: false } };
}

// Public: the URL and QR code printed on the signed document lead here.
export default async function VerifyPledgePage({ params }: { params: Promise<{ versionId: string }> }) {
  await connection();
  const { versionId } = await params;
  const result = await load(() => verifyPledgeVersionPublicly(versionId));
  const t = await getTranslations("verify");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("kicker")}</p>
      <h1 className="mt-1 text-2xl font-bold">{result.title}</h1>
      <p className="text-sm text-slate-600">
        {t("version", { number: result.number, status: t(`status.${result.status}`) })}
      </p>
      <div
        role="status"
        data-testid="verification-result"
        className={`mt-6 rounded-lg p-4 text-lg font-bold ${result.valid ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
      >
        {result.valid ? t("allValid") : t("notValid")}
      </div>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("document")}</h2>
        <p className="mt-1 break-all font-mono text-xs">{result.sha256}</p>
        <p className="mt-2">
          {result.documentValid ? (
            <Badge tone="green">{t("valid")}</Badge>
          ) : (
            <Badge tone="red">{t("invalid")}</Badge>
          )}
        </p>
      </section>
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t("signatures", { count: result.signatures.length })}</h2>
        <ul className="divide-y divide-slate-100">
          {result.signatures.map((signature) => (
            <li
              key={signature.agency.code}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
              data-agency={signature.agency.code}
            >
              <span>
                <span className="font-semibold">{signature.agency.name}</span> — {signature.signerName},{" "}
                {formatDateTime(signature.signedAt)}
              </span>
              {signature.valid ? (
                <Badge tone="green">{t("valid")}</Badge>
              ) : (
                <Badge tone="red">{t(`problem.${signature.problem ?? "SEAL_MISMATCH"}`)}</Badge>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p className="mt-6 text-xs text-slate-500">{t("howItWorks")}</p>
    </main>
  );
}
