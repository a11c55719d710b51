import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";

/** Where a request came from, recorded in the audit trail and used for rate limiting. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | null {
  if (typeof (source as { get?: unknown }).get === "function")
    return (source as { get(n: string): string | null }).get(name);
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The client address. Next.js fills X-Forwarded-For with the socket address only when the header is
 * absent, so without a reverse proxy a client can write it: the per-account sign-in limit does not
 * depend on it. Behind N trusted proxies that each append (TRUSTED_PROXY_COUNT=N), the entry N from
 * the right is the one the outermost proxy saw.
 */
export function clientIp(source: HeaderSource, trustedProxies = getEnv().TRUSTED_PROXY_COUNT): string | null {
  const forwarded = (header(source, "x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const picked =
    forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))] ?? header(source, "x-real-ip");
  if (!picked) return null;
  return picked.replace(/^::ffff:/, "").slice(0, 64);
}

export function requestMetaFrom(source: HeaderSource): RequestMeta {
  return {
    ip: clientIp(source),
    userAgent: header(source, "user-agent")?.slice(0, 512) ?? null,
    requestId: header(source, "x-request-id")?.slice(0, 64) ?? randomUUID(),
  };
}

export async function currentRequestMeta(): Promise<RequestMeta> {
  return requestMetaFrom(await headers());
}
