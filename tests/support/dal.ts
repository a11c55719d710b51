// Helpers for the integration tests of the data access layer: acting as a user, reading the audit
// trail of one entity, and client addresses that no other test uses (sign-in limits count per IP).
import { randomInt } from "node:crypto";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeUser } from "@/prisma/seed/factories";
import { signInAs } from "./sessions";

/** Signs in as `user` (fake request cookie) and returns the Actor the app reads back from the database. */
export async function actorFor(user: { id: string; tokenVersion: number }): Promise<Actor> {
  await signInAs(user);
  return requireActor({ allowPendingPasswordChange: true });
}

/** A new user of `role` (with `agencyId` for agency roles), signed in; returns the user and its Actor. */
export async function signedIn(role: Role, agencyId: string | null = null) {
  const user = await makeUser(db, { role, agencyId });
  return { user, actor: await actorFor(user) };
}

export async function newAdmin(): Promise<Actor> {
  return (await signedIn("ADMIN")).actor;
}

/** Audit rows of one entity, oldest first. */
export function auditOf(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

/** Number of audit rows written by one actor (a failed write must not add any). */
export function auditCountBy(actorId: string): Promise<number> {
  return db.auditLog.count({ where: { actorId } });
}

/** A random private client address, so that the per-IP sign-in counts of different tests never add up. */
export function uniqueIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** What every audit row written through a signed-in actor carries (the fake request of tests). */
export function auditActorFields(actor: Actor) {
  return {
    actorId: actor.id,
    actorEmail: actor.email,
    actorRole: actor.role,
    ip: "203.0.113.7",
    userAgent: "vitest",
  };
}
