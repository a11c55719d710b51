import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import type { Locale } from "./locales";

export type Messages = typeof vi;

export const catalogs: Record<Locale, Messages> = { vi, en };
