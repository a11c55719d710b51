import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "./catalogs";
import { LOCALE_COOKIE, TIME_ZONE, resolveLocale } from "./locales";

// Vietnamese first; the chosen language is kept in a cookie (no locale in the URL).
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: catalogs[locale], timeZone: TIME_ZONE };
});
