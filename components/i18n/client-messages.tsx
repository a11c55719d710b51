import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/lib/i18n/pick";

/** Messages sent to the browser with every page: the shell's and the ones all pages share. */
export const SHARED_CLIENT_NAMESPACES = ["app", "shell", "common", "errorsPage", "validation"] as const;

/**
 * Gives the client components inside it the catalog namespaces they use (plus the shared ones), and
 * no more: the whole catalog would be sent with every page otherwise.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Parameters<typeof pickMessages>[0];
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...SHARED_CLIENT_NAMESPACES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
