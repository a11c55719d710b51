import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { getEnv, servedOverHttps } from "@/lib/env";
import { AppError, unauthenticated } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { currentRequestMeta, type RequestMeta } from "@/lib/http/request-meta";
import type { Principal } from "@/lib/permissions";

/** The signed-in user, re-read from the database on every request, and where the request came from. */
export interface Actor extends Principal {
  id: string;
  email: string;
  name: string;
  title: string | null;
  role: Role;
  agencyId: string | null;
  agency: { id: string; code: string; name: string; shortName: string } | null;
  mustChangePassword: boolean;
  request: RequestMeta;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** next-auth's session cookie (Secure-prefixed over https), split in chunks when it is large. */
export function sessionCookieName(): string {
  return `${servedOverHttps() ? "__Secure-" : ""}next-auth.session-token`;
}

/** The decoded session token of the request, or null (absent, forged, expired). */
async function readSessionToken(): Promise<{ sub?: string; tv?: unknown } | null> {
  const name = sessionCookieName();
  const store = await cookies();
  const whole = store.get(name)?.value;
  const chunks = store
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
    .map((cookie) => cookie.value)
    .join("");
  const token = whole ?? chunks;
  if (!token) return null;
  try {
    return (await decode({ token, secret: getEnv().NEXTAUTH_SECRET })) as {
      sub?: string;
      tv?: unknown;
    } | null;
  } catch {
    return null;
  }
}

/**
 * The session token carries only the user id and a token version. Role, agency and disabled status
 * come from the database, so a change takes effect on the next request; a bumped token version (sign
 * out, password change, role change, disabling) ends every older session.
 */
const loadActor = cache(async (): Promise<Actor | null> => {
  const session = await readSessionToken();
  const id = session?.sub;
  const tokenVersion = session?.tv;
  if (typeof id !== "string" || typeof tokenVersion !== "number" || !UUID.test(id)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      title: true,
      role: true,
      agencyId: true,
      disabled: true,
      tokenVersion: true,
      mustChangePassword: true,
      agency: { select: { id: true, code: true, name: true, shortName: true } },
    },
  });
  if (!user || user.disabled || user.tokenVersion !== tokenVersion) return null;
  const { disabled: _disabled, tokenVersion: _version, ...actor } = user;
  return { ...actor, request: await currentRequestMeta() };
});

export async function currentActor(): Promise<Actor | null> {
  return loadActor();
}

/**
 * The acting user, or UNAUTHENTICATED. A user whose password was reset by an admin may only change it
 * (and read their own account) until they do.
 */
export async function requireActor(options: { allowPendingPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await loadActor();
  if (!actor) throw unauthenticated();
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) {
    throw new AppError("FORBIDDEN", "errors.passwordChangeRequired", { reason: "PASSWORD_CHANGE_REQUIRED" });
  }
  return actor;
}
