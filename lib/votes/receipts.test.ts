import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newReceipt, normalizeReceipt, receiptHash } from "./receipts";

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe("newReceipt", () => {
  it("is four groups of four Crockford base32 characters (no I, L, O or U)", () => {
    for (let i = 0; i < 200; i += 1) {
      const receipt = newReceipt();
      expect(receipt).toMatch(FORMAT);
      expect(receipt).not.toMatch(/[ILOU]/);
      // A receipt as given is already in its canonical form.
      expect(normalizeReceipt(receipt)).toBe(receipt);
    }
  });

  it("never repeats over many draws and uses the whole alphabet in every position", () => {
    const receipts = Array.from({ length: 5000 }, () => newReceipt());
    expect(new Set(receipts).size).toBe(receipts.length);
    // 80 random bits: with 5000 draws every one of the 32 characters shows up in the first and last place.
    const compact = receipts.map((receipt) => receipt.replace(/-/g, ""));
    expect(new Set(compact.map((code) => code[0])).size).toBe(32);
    expect(new Set(compact.map((code) => code[15])).size).toBe(32);
  });
});

describe("normalizeReceipt", () => {
  const receipt = "7K2M-9QXA-0B1C-ZZ4T";

  it("ignores case, spaces and dashes", () => {
    expect(normalizeReceipt("7k2m-9qxa-0b1c-zz4t")).toBe(receipt);
    expect(normalizeReceipt("  7K2M 9QXA 0B1C ZZ4T  ")).toBe(receipt);
    expect(normalizeReceipt("7K2M9QXA0B1CZZ4T")).toBe(receipt);
    expect(normalizeReceipt("7k2m--9qxa - 0b1c\tzz4t")).toBe(receipt);
  });

  it("reads O as 0 and I, L as 1, in either case", () => {
    expect(normalizeReceipt("7K2M-9QXA-OB1C-ZZ4T")).toBe(receipt);
    expect(normalizeReceipt("7K2M-9QXA-0BIC-ZZ4T")).toBe(receipt);
    expect(normalizeReceipt("7K2M-9QXA-0BLC-ZZ4T")).toBe(receipt);
    expect(normalizeReceipt("7k2m-9qxa-obic-zz4t")).toBe(receipt);
    expect(normalizeReceipt("7k2m-9qxa-oblc-zz4t")).toBe(receipt);
  });

  it.each([
    ["too short", "7K2M-9QXA-0B1C-ZZ4"],
    ["too long", "7K2M-9QXA-0B1C-ZZ4T-1"],
    ["empty", ""],
    ["only dashes", "----"],
    ["U is not base32", "7K2M-9QXA-0B1C-ZZ4U"],
    ["punctuation", "7K2M-9QXA-0B1C-ZZ4!"],
    ["a Vietnamese letter", "7K2M-9QXA-0B1C-ZZ4Đ"],
  ])("rejects %s", (_label, input) => {
    expect(normalizeReceipt(input)).toBeNull();
  });
});

describe("receiptHash", () => {
  it("is the SHA-256 hex of the canonical receipt, the same for every way of typing it", () => {
    const receipt = newReceipt();
    const hash = receiptHash(receipt);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(receipt, "utf8").digest("hex"));
    expect(receiptHash(normalizeReceipt(receipt.toLowerCase().replace(/-/g, " "))!)).toBe(hash);
    expect(receiptHash(newReceipt())).not.toBe(hash);
  });
});
