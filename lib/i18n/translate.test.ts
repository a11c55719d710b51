import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, resolveLocale } from "./locales";
import { translateIssue, translatorFor } from "./translate";

describe("translatorFor", () => {
  it("translates to Vietnamese by default, with ICU values", () => {
    const t = translatorFor();
    expect(DEFAULT_LOCALE).toBe("vi");
    expect(t("errors.forbidden")).toBe("Bạn không có quyền thực hiện thao tác này.");
    expect(t("errors.agency.codeTaken", { code: "btg" })).toBe("Mã cơ quan btg đã được dùng.");
  });

  it("translates to English when asked", () => {
    const t = translatorFor("en");
    expect(t("errors.agency.codeTaken", { code: "btg" })).toContain("btg");
    expect(t("errors.agency.codeTaken", { code: "btg" })).not.toBe(
      translatorFor("vi")("errors.agency.codeTaken", { code: "btg" }),
    );
  });

  it("gives back an unknown key (or an already translated text) unchanged", () => {
    const t = translatorFor("vi");
    expect(t("errors.noSuchKey")).toBe("errors.noSuchKey");
    expect(t("Tên đã có người dùng.")).toBe("Tên đã có người dùng.");
  });

  it("translates field issues with their params", () => {
    expect(
      translateIssue(translatorFor("vi"), {
        path: "name",
        message: "validation.tooLong",
        params: { max: 120 },
      }),
    ).toBe("Tối đa 120 ký tự.");
  });
});

describe("resolveLocale", () => {
  it("keeps a supported locale and falls back to Vietnamese otherwise", () => {
    expect(resolveLocale("en")).toBe("en");
    expect(resolveLocale("vi")).toBe("vi");
    expect(resolveLocale("fr")).toBe("vi");
    expect(resolveLocale("")).toBe("vi");
    expect(resolveLocale(undefined)).toBe("vi");
    expect(resolveLocale(null)).toBe("vi");
  });
});
