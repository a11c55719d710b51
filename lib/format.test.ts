import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber } from "./format";

describe("formatDate", () => {
  it("gives dd/MM/yyyy in Asia/Ho_Chi_Minh (UTC+7)", () => {
    expect(formatDate("2026-11-27T20:00:00Z")).toBe("28/11/2026");
    expect(formatDate(new Date("2026-11-27T16:59:59Z"))).toBe("27/11/2026");
    expect(formatDate(new Date("2026-11-27T17:00:00Z"))).toBe("28/11/2026");
    expect(formatDate(new Date("2026-01-05T03:00:00Z"))).toBe("05/01/2026");
  });

  it("shows an ISO day as that day, not the day before or after", () => {
    expect(formatDate("2022-03-31")).toBe("31/03/2022");
    expect(formatDate("2022-01-01")).toBe("01/01/2022");
    expect(formatDate("2024-02-29")).toBe("29/02/2024");
  });
});

describe("formatDateTime", () => {
  it("adds the 24-hour local time", () => {
    expect(formatDateTime("2026-11-27T20:05:00Z")).toBe("28/11/2026 03:05");
    expect(formatDateTime(new Date("2026-11-28T07:05:00Z"))).toBe("28/11/2026 14:05");
    expect(formatDateTime(new Date("2026-11-27T17:00:00Z"))).toBe("28/11/2026 00:00");
    expect(formatDateTime(new Date("2026-11-28T16:59:00Z"))).toBe("28/11/2026 23:59");
  });
});

describe("formatNumber", () => {
  it("uses vi-VN separators", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1_000_000)).toBe("1.000.000");
    expect(formatNumber(95)).toBe("95");
    expect(formatNumber(-2.25)).toBe("-2,25");
  });

  it("rounds to two decimals by default, or as asked", () => {
    expect(formatNumber(87.456)).toBe("87,46");
    expect(formatNumber(87.456, 1)).toBe("87,5");
    expect(formatNumber(87.456, 0)).toBe("87");
  });
});
