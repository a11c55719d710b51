import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SHARED_CLIENT_NAMESPACES } from "@/components/i18n/client-messages";
import { pickMessages } from "@/lib/i18n/pick";
import type { ReactNode } from "react";
import "./globals.css";

// The brand colour (--color-brand-700 in app/globals.css), also in public/manifest.webmanifest.
const BRAND_COLOR = "#991b1b";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    // Static files in public/, drawn from public/icon.svg.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "32x32" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: BRAND_COLOR };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Pages add the namespaces of their own client components (components/i18n/client-messages.tsx).
  const messages = pickMessages(
    (await getMessages()) as Parameters<typeof pickMessages>[0],
    SHARED_CLIENT_NAMESPACES,
  );
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
