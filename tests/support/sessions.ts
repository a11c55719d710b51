// Signing in for tests: a session cookie minted exactly as next-auth mints it (same secret, same
// claims), so the app's own code decodes it and re-reads the user from the database.
import { encode } from "next-auth/jwt";
import { setCookie } from "./request-context";

export async function sessionTokenFor(user: { id: string; tokenVersion: number }): Promise<string> {
  return encode({
    token: { sub: user.id, tv: user.tokenVersion },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: 12 * 3600,
  });
}

/** Makes the fake request carry `user`'s session; returns the cookie value. */
export async function signInAs(user: { id: string; tokenVersion: number }): Promise<string> {
  const token = await sessionTokenFor(user);
  setCookie("next-auth.session-token", token);
  return token;
}
