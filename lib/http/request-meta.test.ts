import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clientIp, requestMetaFrom } from "./request-meta";

beforeAll(() => {
  // requestMetaFrom reads TRUSTED_PROXY_COUNT through getEnv(); clientIp is always given it explicitly.
  vi.stubEnv("DATABASE_URL", "postgresql://test@localhost:5432/test");
  vi.stubEnv("NEXTAUTH_SECRET", "unit-test-secret-unit-test-secret-0123456789");
  vi.stubEnv("SIGNATURE_SEAL_KEY", "unit-test-seal-key-unit-test-seal-key-0123");
  vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  vi.stubEnv("TRUSTED_PROXY_COUNT", "0");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("clientIp", () => {
  it("without a trusted proxy takes the last X-Forwarded-For entry (the one Next.js or the client wrote)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), 0)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy takes the entry that proxy appended", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "spoofed, 198.51.100.1 , 203.0.113.7" }), 1)).toBe(
      "203.0.113.7",
    );
  });

  it("behind two trusted proxies takes the second entry from the right, ignoring what the client wrote", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }), 2)).toBe(
      "203.0.113.7",
    );
    // Fewer entries than proxies: the leftmost one.
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 2)).toBe("203.0.113.7");
  });

  it("ignores empty entries", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7, , " }), 0)).toBe("203.0.113.7");
  });

  it("strips the IPv4-mapped IPv6 prefix", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::1" }), 0)).toBe("2001:db8::1");
  });

  it("falls back to X-Real-IP, and is null when neither header is there", () => {
    expect(clientIp(new Headers({ "x-real-ip": "::ffff:198.51.100.9" }), 0)).toBe("198.51.100.9");
    expect(clientIp(new Headers({ "x-forwarded-for": " , ", "x-real-ip": "198.51.100.9" }), 1)).toBe(
      "198.51.100.9",
    );
    expect(clientIp(new Headers(), 0)).toBeNull();
    expect(clientIp(new Headers(), 1)).toBeNull();
  });

  it("reads plain header records (Node's IncomingHttpHeaders) too", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, 1)).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": ["203.0.113.8"] }, 0)).toBe("203.0.113.8");
    expect(clientIp({}, 0)).toBeNull();
  });

  it("caps the address at 64 characters", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "x".repeat(500) }), 0)).toHaveLength(64);
  });
});

describe("requestMetaFrom", () => {
  it("collects ip, user agent and request id", () => {
    const meta = requestMetaFrom(
      new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "Mozilla/5.0", "x-request-id": "req-1" }),
    );
    expect(meta).toEqual({ ip: "203.0.113.7", userAgent: "Mozilla/5.0", requestId: "req-1" });
  });

  it("truncates a long user agent to 512 characters and a long request id to 64", () => {
    const meta = requestMetaFrom(
      new Headers({ "user-agent": "A".repeat(2000), "x-request-id": "r".repeat(100) }),
    );
    expect(meta.userAgent).toBe("A".repeat(512));
    expect(meta.requestId).toBe("r".repeat(64));
  });

  it("makes up a request id and leaves missing values null", () => {
    const meta = requestMetaFrom(new Headers());
    expect(meta.ip).toBeNull();
    expect(meta.userAgent).toBeNull();
    expect(meta.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestMetaFrom(new Headers()).requestId).not.toBe(meta.requestId);
  });
});
