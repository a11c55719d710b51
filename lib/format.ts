import { TIME_ZONE } from "@/lib/i18n/locales";

// Dates are shown dd/MM/yyyy in Asia/Ho_Chi_Minh whatever the interface language (PRODUCT.md).

const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(format: Intl.DateTimeFormat, date: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** 28/11/2026 */
export function formatDate(value: Date | string): string {
  const date =
    typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value) : value;
  const p = parts(dateFormat, date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 28/11/2026 14:05 */
export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const p = parts(timeFormat, date);
  return `${formatDate(date)} ${p.hour}:${p.minute}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Numbers in vi-VN: 1.234,5 */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format)
    numberFormats.set(
      maximumFractionDigits,
      (format = new Intl.NumberFormat("vi-VN", { maximumFractionDigits })),
    );
  return format.format(value);
}
