import { createTranslator } from "use-intl/core";
import type { FieldIssue, MessageParams } from "@/lib/errors";
import { catalogs } from "./catalogs";
import { DEFAULT_LOCALE, TIME_ZONE, type Locale } from "./locales";

export type Translate = (key: string, params?: MessageParams) => string;

/** A translator usable anywhere (route handlers, actions, scripts), not only inside a React render. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale], timeZone: TIME_ZONE });
  // Keys arrive as strings (catalog keys carried by errors and notifications): a key the catalog lacks
  // comes back as it is; the parameters are checked by the catalog test (tests/unit), not by the type.
  type Key = Parameters<typeof t.has>[0];
  const translate: (key: Key, params?: MessageParams) => string = t;
  return (key, params) => (t.has(key as Key) ? translate(key as Key, params) : key);
}

export function translateIssue(t: Translate, issue: FieldIssue): string {
  return t(issue.message, issue.params);
}
