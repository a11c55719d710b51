import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DocumentCheck } from "@/components/documents/document-check";
import { MAX_CHECK_MB } from "@/lib/documents/check";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents.check"))("title") };
}

// Public: anyone holding a PDF the system issued (or said to have) can check it here.
export default async function CheckDocumentPage() {
  const t = await getTranslations("documents.check");
  const app = await getTranslations("app");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/" className="text-sm font-semibold text-brand-700 underline">
        {app("name")}
      </Link>
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-brand-700">{t("kicker")}</p>
      <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      <div className="mt-6">
        <ClientMessages namespaces={["documents"]}>
          <DocumentCheck maxMb={MAX_CHECK_MB} />
        </ClientMessages>
      </div>
    </main>
  );
}
