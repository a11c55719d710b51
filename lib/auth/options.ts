import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encode as defaultEncode, type JWTEncodeParams } from "next-auth/jwt";
import { getEnv, servedOverHttps } from "@/lib/env";
import { requestMetaFrom } from "@/lib/http/request-meta";
import { log } from "@/lib/log";
import { endSessions, verifyCredentials } from "./sign-in";

/** At most 12 hours from sign-in, whatever happens in between. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * next-auth re-encodes the token with a fresh expiry whenever the session endpoint is read; keeping the
 * first expiry makes the 12 hours absolute rather than rolling.
 */
async function encodeKeepingExpiry(params: JWTEncodeParams): Promise<string> {
  const exp = typeof params.token?.exp === "number" ? params.token.exp : undefined;
  const remaining = exp === undefined ? SESSION_MAX_AGE_SECONDS : exp - Math.floor(Date.now() / 1000);
  return defaultEncode({ ...params, maxAge: Math.max(1, Math.min(remaining, SESSION_MAX_AGE_SECONDS)) });
}

export const authOptions: NextAuthOptions = {
  // Read at request time; getEnv() validates it (required, ≥ 32 characters).
  get secret() {
    return getEnv().NEXTAUTH_SECRET;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeKeepingExpiry },
  get useSecureCookies() {
    return servedOverHttps();
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const meta = requestMetaFrom(req.headers ?? {});
        const user = await verifyCredentials(credentials ?? {}, meta);
        return { id: user.id, tokenVersion: user.tokenVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and the token version only; everything else is read per request.
    async jwt({ token, user }) {
      if (user) return { sub: user.id, tv: user.tokenVersion };
      return { sub: token.sub, tv: token.tv, exp: token.exp };
    },
    async session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" }, tokenVersion: token.tv ?? -1 };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub && typeof token.tv === "number") await endSessions(token.sub, token.tv);
    },
  },
  logger: {
    error(code, metadata) {
      // Expected sign-in failures are not errors of the app.
      if (code === "CREDENTIALS_SIGNIN_ERROR" || code === "SIGNIN_EMAIL_ERROR") return;
      log.error("next-auth error", { code, error: metadata instanceof Error ? metadata.message : undefined });
    },
    warn(code) {
      if (code === "NEXTAUTH_URL") return;
      log.warn("next-auth warning", { code });
    },
    debug() {},
  },
};
