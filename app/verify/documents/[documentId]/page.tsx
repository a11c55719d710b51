import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { EntryDetails } from "@/components/documents/entry-details";
import { getPublicDocumentEntry } from "@/lib/documents/check";
import { load } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents.entry"))("title"), robots: { index: false } };
}

// Public: the QR code and the address printed on every issued document lead here.
export default async function DocumentEntryPage({ params }: { params: Promise<{ documentId: string }> }) {
  await connection();
  const { documentId } = await params;
  const entry = await load(() => getPublicDocumentEntry(documentId));
  const t = await getTranslations("documents.entry");
  const app = await getTranslations("app");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/" className="text-sm font-semibold text-brand-700 underline">
        {app("name")}
      </Link>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-brand-700">{t("kicker")}</p>
      <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <EntryDetails entry={entry} />
      </div>
      <p className="mt-6 text-sm text-slate-700">
        {t("howToCheck")}{" "}
        <Link href="/verify" className="font-semibold text-brand-700 underline">
          {t("checkLink")}
        </Link>
      </p>
    </main>
  );
}
