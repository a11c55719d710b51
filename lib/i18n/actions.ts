"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";

/** Chooses the interface language (vi or en); anyone may, signed in or not. */
export async function setLocaleAction(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, resolveLocale(locale), {
    path: "/",
    sameSite: "lax",
    maxAge: 365 * 86_400,
  });
}
