import { describe, expect, it } from "vitest";
import { currentActor, requireActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { makeAgency, makeUser } from "@/prisma/seed/factories";
import { setCookie } from "../support/request-context";
import { signInAs } from "../support/sessions";

describe("the acting user is re-read from the database on every request", () => {
  it("reads role and agency from the database, not from the token", async () => {
    const agency = await makeAgency(db);
    const user = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agency.id });
    await signInAs(user);
    const actor = await requireActor();
    expect(actor).toMatchObject({
      id: user.id,
      role: "AGENCY_STAFF",
      agencyId: agency.id,
      agency: { code: agency.code },
    });
    expect(actor.request.ip).toBe("203.0.113.7");
  });

  it("has no actor without a cookie, with a forged cookie, or for a disabled user", async () => {
    expect(await currentActor()).toBeNull();
    setCookie("next-auth.session-token", "forged.token.value");
    expect(await currentActor()).toBeNull();

    const user = await makeUser(db, { role: "BOARD" });
    await signInAs(user);
    expect(await currentActor()).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    expect(await currentActor()).toBeNull();
    await expect(requireActor()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("ends older sessions when the token version moves on", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    await signInAs(user);
    await db.user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
    expect(await currentActor()).toBeNull();
  });

  it("lets a user with a reset password only change it", async () => {
    const user = await makeUser(db, { role: "BOARD", mustChangePassword: true });
    await signInAs(user);
    await expect(requireActor()).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.passwordChangeRequired",
    });
    await expect(requireActor({ allowPendingPasswordChange: true })).resolves.toMatchObject({ id: user.id });
  });
});
