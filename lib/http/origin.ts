import { getEnv } from "@/lib/env";

/**
 * A state-changing request that carries the session cookie must come from the app's own pages: its
 * Origin must name this host (the host the browser addressed, or NEXTAUTH_URL's). A missing Origin is
 * refused too. This is the check Next.js applies to server actions, applied to route handlers.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  const forwardedHost = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = headers.get("host");
  if (forwardedHost) allowed.add(forwardedHost);
  if (host) allowed.add(host);
  try {
    allowed.add(new URL(getEnv().NEXTAUTH_URL).host);
  } catch {
    // validated elsewhere
  }
  return allowed.has(originHost);
}

export const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** True when the request carries a next-auth session cookie (plain or __Secure- prefixed, chunked or not). */
export function carriesSessionCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie") ?? "";
  return /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(cookie);
}
