import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { STATE_CHANGING_METHODS, carriesSessionCookie, isSameOrigin } from "./origin";

beforeAll(() => {
  // lib/env.ts validates and caches the environment on first use: set it before any getEnv() call.
  vi.stubEnv("DATABASE_URL", "postgresql://test@localhost:5432/test");
  vi.stubEnv("NEXTAUTH_SECRET", "unit-test-secret-unit-test-secret-0123456789");
  vi.stubEnv("SIGNATURE_SEAL_KEY", "unit-test-seal-key-unit-test-seal-key-0123");
  vi.stubEnv("NEXTAUTH_URL", "https://thidua.namdinh.gov.vn");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const request = (headers: Record<string, string>) => new Headers(headers);

describe("isSameOrigin", () => {
  it("accepts an Origin naming the host the browser addressed", () => {
    expect(isSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "http://10.0.0.5:8080", host: "10.0.0.5:8080" }))).toBe(true);
  });

  it("accepts the forwarded host of a reverse proxy", () => {
    expect(
      isSameOrigin(
        request({
          origin: "https://app.example.vn",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "app.example.vn, proxy.internal",
        }),
      ),
    ).toBe(true);
  });

  it("accepts NEXTAUTH_URL's host whatever the Host header says", () => {
    expect(isSameOrigin(request({ origin: "https://thidua.namdinh.gov.vn", host: "127.0.0.1:3000" }))).toBe(
      true,
    );
    expect(isSameOrigin(request({ origin: "https://thidua.namdinh.gov.vn" }))).toBe(true);
  });

  it("refuses a foreign Origin", () => {
    expect(isSameOrigin(request({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    // Same host name on another port is another origin host.
    expect(isSameOrigin(request({ origin: "http://localhost:4000", host: "localhost:3000" }))).toBe(false);
    expect(
      isSameOrigin(request({ origin: "https://thidua.namdinh.gov.vn.evil.example", host: "localhost:3000" })),
    ).toBe(false);
  });

  it('refuses "null", a missing and a malformed Origin', () => {
    expect(isSameOrigin(request({ origin: "null", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "not a url", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "", host: "localhost:3000" }))).toBe(false);
  });
});

describe("carriesSessionCookie", () => {
  it.each([
    ["next-auth.session-token=abc", true],
    ["theme=dark; next-auth.session-token=abc", true],
    ["__Secure-next-auth.session-token=abc", true],
    ["next-auth.session-token.0=abc; next-auth.session-token.1=def", true],
    ["a=1;__Secure-next-auth.session-token.0=abc", true],
    ["next-auth.csrf-token=abc; theme=dark", false],
    ["my-next-auth.session-token=abc", false],
    ["next-auth.session-token-old=abc", false],
    ["", false],
  ])("%j → %s", (cookie, expected) => {
    expect(carriesSessionCookie(request(cookie ? { cookie } : {}))).toBe(expected);
  });

  it("is false without a Cookie header", () => {
    expect(carriesSessionCookie(new Headers())).toBe(false);
  });
});

describe("STATE_CHANGING_METHODS", () => {
  it("are the unsafe HTTP methods", () => {
    expect([...STATE_CHANGING_METHODS].sort()).toEqual(["DELETE", "PATCH", "POST", "PUT"]);
    expect(STATE_CHANGING_METHODS.has("GET")).toBe(false);
  });
});
