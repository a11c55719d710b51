import { createHash, randomBytes } from "node:crypto";

// Mã biên nhận: given once to the voter when their ballot is cast; only its SHA-256 is stored (on the
// ballot, which names no voter). After closing, the hashes of every counted ballot are published, so a
// voter can check theirs is among them. 80 random bits in Crockford base32, grouped by four.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReceipt(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let index = 0; index < 16; index += 1) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join("-");
}

/**
 * A typed receipt as it was given: case, spaces and dashes do not matter, and the letters Crockford
 * base32 reads as digits (O → 0, I and L → 1) are read so. Null when it cannot be a receipt.
 */
export function normalizeReceipt(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return null;
  return compact.match(/.{4}/g)!.join("-");
}

/** SHA-256 (hex) of the receipt in its canonical form (XXXX-XXXX-XXXX-XXXX). */
export function receiptHash(receipt: string): string {
  return createHash("sha256").update(receipt, "utf8").digest("hex");
}
