import type { Metadata } from "next";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { currentActor } from "@/lib/auth/actor";
import { demoAccounts } from "@/lib/auth/demo";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string }>;
}) {
  await connection();
  if (await currentActor()) redirect("/");
  const { callbackUrl, reason } = await searchParams;
  const t = await getTranslations("login");
  const app = await getTranslations("app");
  const demo = demoAccounts();
  return (
    <ClientMessages namespaces={["login"]}>
      <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-10">
        <div className="flex items-start justify-between gap-4">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{app("name")}</p>
            <h1 className="mt-1 text-2xl font-bold">{t("title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{app("tagline")}</p>
          </div>
          <LocaleSwitch />
        </div>
        {reason === "password-changed" && (
          <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("passwordChanged")}
          </p>
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        <p className="text-sm text-slate-700">
          {t("checkDocumentHint")}{" "}
          <Link href="/verify" className="font-semibold text-brand-700 underline">
            {t("checkDocumentLink")}
          </Link>
        </p>
        {demo && (
          <details className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
            <summary className="cursor-pointer font-semibold text-amber-900">{t("demoTitle")}</summary>
            <p className="mt-2 text-amber-900">{t("demoHint", { password: demo.password })}</p>
            <ul className="mt-2 space-y-1 font-mono text-xs text-amber-950">
              {demo.emails.map((email) => (
                <li key={email}>{email}</li>
              ))}
            </ul>
          </details>
        )}
      </main>
    </ClientMessages>
  );
}
