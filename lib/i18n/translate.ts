import { createTranslator } from "use-intl/core";
import type { FieldIssue, MessageParams } from "@/lib/errors";
import { catalogs } from "./catalogs";
import { DEFAULT_LOCALE, TIME_ZONE, type Locale } from "./locales";

export type Translate = (key: string, params?: MessageParams) => string;

/** A translator usable anywhere (route handlers, actions, scripts), not only inside a React render. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale], timeZone: TIME_ZONE });
  const has = (key: string) => (t as unknown as { has(key: string): boolean }).has(key);
  return (key, params) =>
    has(key) ? (t as unknown as (k: string, p?: MessageParams) => string)(key, params) : key;
}

export function translateIssue(t: Translate, issue: FieldIssue): string {
  return t(issue.message, issue.params);
}
