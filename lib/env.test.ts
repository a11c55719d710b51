import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env.ts caches the parsed environment: each case loads a fresh copy of the module.
async function loadEnv(values: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of [
    "NODE_ENV",
    "DATABASE_URL",
    "NEXTAUTH_SECRET",
    "SIGNATURE_SEAL_KEY",
    "SMTP_URL",
    "NEXTAUTH_URL",
    "DEMO_MODE",
    "TRUSTED_PROXY_COUNT",
    "LOG_LEVEL",
    "DOCUMENT_SIGNING_P12",
    "DOCUMENT_SIGNING_P12_PASSWORD",
  ])
    vi.stubEnv(name, values[name]);
  return import("./env");
}

const valid = {
  NODE_ENV: "test",
  DATABASE_URL: "postgresql://app@localhost:5432/khoithidua",
  NEXTAUTH_SECRET: "0123456789abcdef0123456789abcdef",
  SIGNATURE_SEAL_KEY: "seal-key-0123456789abcdef0123456789",
  DOCUMENT_SIGNING_P12: "/etc/khoithidua/document-signing.p12",
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getEnv", () => {
  it("applies defaults", async () => {
    const { getEnv, servedOverHttps } = await loadEnv(valid);
    expect(getEnv()).toMatchObject({
      NEXTAUTH_URL: "http://localhost:3000",
      DEMO_MODE: "0",
      TRUSTED_PROXY_COUNT: 0,
      LOG_LEVEL: "info",
    });
    expect(servedOverHttps()).toBe(false);
  });

  it("parses the proxy count and caches the result", async () => {
    const { getEnv } = await loadEnv({
      ...valid,
      TRUSTED_PROXY_COUNT: "2",
      NEXTAUTH_URL: "https://thidua.example.vn",
    });
    expect(getEnv().TRUSTED_PROXY_COUNT).toBe(2);
    vi.stubEnv("TRUSTED_PROXY_COUNT", "3");
    expect(getEnv().TRUSTED_PROXY_COUNT).toBe(2);
  });

  it("reads the document signing certificate's path; its password defaults to empty", async () => {
    const { getEnv } = await loadEnv(valid);
    expect(getEnv()).toMatchObject({
      DOCUMENT_SIGNING_P12: "/etc/khoithidua/document-signing.p12",
      DOCUMENT_SIGNING_P12_PASSWORD: "",
    });
    const missing = await loadEnv({ ...valid, DOCUMENT_SIGNING_P12: undefined });
    expect(missing.getEnv().DOCUMENT_SIGNING_P12).toBeUndefined();
  });

  it("requires a seal key and accepts only smtp URLs for mail", async () => {
    const missing = await loadEnv({ ...valid, SIGNATURE_SEAL_KEY: undefined });
    expect(() => missing.getEnv()).toThrow(/SIGNATURE_SEAL_KEY/);
    const badMail = await loadEnv({ ...valid, SMTP_URL: "http://mail.example" });
    expect(() => badMail.getEnv()).toThrow(/SMTP_URL/);
    const mail = await loadEnv({ ...valid, SMTP_URL: "smtp://mail.example:587" });
    expect(mail.getEnv()).toMatchObject({
      SMTP_URL: "smtp://mail.example:587",
      MAIL_FROM: expect.stringContaining("@"),
    });
  });

  it("refuses a short secret and a non-PostgreSQL URL, naming the variables", async () => {
    const { getEnv } = await loadEnv({
      ...valid,
      NEXTAUTH_SECRET: "short",
      DATABASE_URL: "mysql://localhost/db",
    });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters/);
    expect(() => getEnv()).toThrow(/DATABASE_URL/);
  });

  it("requires https in production unless in demo mode", async () => {
    const production = { ...valid, NODE_ENV: "production", NEXTAUTH_URL: "http://thidua.example.vn" };
    await expect(loadEnv(production).then(({ getEnv }) => getEnv())).rejects.toThrow(
      /NEXTAUTH_URL must be an https/,
    );
    await expect(
      loadEnv({ ...production, DEMO_MODE: "1" }).then(({ getEnv }) => getEnv().DEMO_MODE),
    ).resolves.toBe("1");
    const secure = await loadEnv({ ...production, NEXTAUTH_URL: "https://thidua.example.vn" });
    expect(secure.servedOverHttps()).toBe(true);
  });

  it("refuses an out-of-range proxy count", async () => {
    const { getEnv } = await loadEnv({ ...valid, TRUSTED_PROXY_COUNT: "9" });
    expect(() => getEnv()).toThrow(/TRUSTED_PROXY_COUNT/);
  });
});
