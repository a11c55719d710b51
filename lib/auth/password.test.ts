import { describe, expect, it } from "vitest";
import { PASSWORD_HASH_OPTIONS, hashPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id, m=19456 KiB, t=2, p=1 (OWASP minimum)", async () => {
    const hash = await hashPassword("ThiDua@2026");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(PASSWORD_HASH_OPTIONS).toEqual({ algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("ThiDua@2026"), hashPassword("ThiDua@2026")]);
    expect(a).not.toBe(b);
    expect(a).not.toContain("ThiDua@2026");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("Mật khẩu 2026");
    expect(await verifyPassword(hash, "Mật khẩu 2026")).toBe(true);
    expect(await verifyPassword(hash, "mật khẩu 2026")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answers false (never throws) for a garbage or empty hash", async () => {
    await expect(verifyPassword("not-a-hash", "ThiDua@2026")).resolves.toBe(false);
    await expect(verifyPassword("", "ThiDua@2026")).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$broken", "ThiDua@2026")).resolves.toBe(false);
  });

  it("verifyAgainstDummy always answers false, whatever the password", async () => {
    await expect(verifyAgainstDummy("khong-co-tai-khoan-nay")).resolves.toBe(false);
    await expect(verifyAgainstDummy("ThiDua@2026")).resolves.toBe(false);
  });
});
