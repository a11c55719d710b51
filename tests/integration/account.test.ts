import { describe, expect, it } from "vitest";
import { changeOwnPassword, getMe } from "@/lib/auth/account";
import { currentActor, requireActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { makeAgency, makeUser, TEST_PASSWORD } from "@/prisma/seed/factories";
import { actorFor, auditActorFields, auditOf, uniqueIp } from "../support/dal";
import { signInAs } from "../support/sessions";

const NEW_PASSWORD = "MatKhauMoi2026";

describe("changeOwnPassword", () => {
  it("rejects a wrong current password on the currentPassword field and changes nothing", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const actor = await actorFor(user);
    await expect(
      changeOwnPassword(actor, { currentPassword: "KhongDung123", newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "currentPassword", message: "validation.currentPasswordWrong" }],
    });
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.passwordHash).toBe(user.passwordHash);
    expect(fresh.tokenVersion).toBe(user.tokenVersion);
    expect(await auditOf(user.id)).toHaveLength(0);
    expect(await currentActor()).not.toBeNull();
  });

  it.each([
    ["too short", "Ab1", "validation.passwordTooShort"],
    ["without a digit", "KhongCoChuSo", "validation.passwordWeak"],
    ["without a letter", "12345678901", "validation.passwordWeak"],
    ["the same as the current one", TEST_PASSWORD, "validation.passwordUnchanged"],
  ])("rejects a new password %s", async (_label, newPassword, message) => {
    const user = await makeUser(db, { role: "BOARD" });
    const actor = await actorFor(user);
    await expect(
      changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "newPassword", message })],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(
      user.passwordHash,
    );
    expect(await auditOf(user.id)).toHaveLength(0);
  });

  it("rejects unknown fields", async () => {
    const actor = await actorFor(await makeUser(db, { role: "BOARD" }));
    await expect(
      changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, role: "ADMIN" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ message: "validation.unknownFields" })],
    });
  });

  it("changes the password, ends every session, clears the reset flag and writes one audit row", async () => {
    const agency = await makeAgency(db);
    const user = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agency.id, mustChangePassword: true });
    await signInAs(user);
    // A user with a reset password can do nothing but change it.
    await expect(requireActor()).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.passwordChangeRequired",
    });
    const actor = await requireActor({ allowPendingPasswordChange: true });

    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.tokenVersion).toBe(user.tokenVersion + 1);
    expect(fresh.mustChangePassword).toBe(false);
    expect(fresh.passwordChangedAt).toBeInstanceOf(Date);
    expect(fresh.passwordHash).not.toBe(user.passwordHash);
    // The session that made the change ends too.
    expect(await currentActor()).toBeNull();

    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "user.password.change",
      entity: "User",
      entityId: user.id,
      ...auditActorFields(actor),
    });
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after).toBeNull();

    // The new password signs in, the old one does not.
    const ip = uniqueIp();
    await expect(
      verifyCredentials({ email: user.email, password: NEW_PASSWORD }, { ip, userAgent: "vitest" }),
    ).resolves.toEqual({
      id: user.id,
      tokenVersion: fresh.tokenVersion,
    });
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, { ip, userAgent: "vitest" }),
    ).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    // A new session works without the reset restriction.
    await signInAs(fresh);
    await expect(requireActor()).resolves.toMatchObject({ id: user.id, mustChangePassword: false });
  });

  it("lets only one of two simultaneous changes win", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const actor = await actorFor(user);
    const results = await Promise.allSettled([
      changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "MatKhauMot111" }),
      changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "MatKhauHai222" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "currentPassword", message: "validation.sessionChanged" }],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(
      user.tokenVersion + 1,
    );
    expect(await auditOf(user.id)).toHaveLength(1);
  });
});

describe("getMe", () => {
  it("returns the actor's own account without secrets", async () => {
    const agency = await makeAgency(db);
    const user = await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id, title: "Trưởng ban" });
    const actor = await actorFor(user);
    const me = getMe(actor);
    expect(me).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      title: "Trưởng ban",
      role: "AGENCY_LEADER",
      agency: { code: agency.code, name: agency.name },
      mustChangePassword: false,
    });
    expect(me).not.toHaveProperty("passwordHash");
    expect(me).not.toHaveProperty("tokenVersion");
  });

  it("has no agency for province-wide roles", async () => {
    const actor = await actorFor(await makeUser(db, { role: "ADMIN" }));
    expect(getMe(actor)).toMatchObject({ role: "ADMIN", agency: null });
  });
});
