import { describe, expect, it } from "vitest";
import { currentActor, requireActor } from "@/lib/auth/actor";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from "@/lib/users/users";
import { makeAgency, makeUser, TEST_PASSWORD, uniqueToken } from "@/prisma/seed/factories";
import {
  actorFor,
  auditActorFields,
  auditCountBy,
  auditOf,
  newAdmin,
  signedIn,
  uniqueIp,
} from "../support/dal";
import { signInAs } from "../support/sessions";

const TEMP_PASSWORD = "TamThoi2026x";
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const tokenVersionOf = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id } })).tokenVersion;

/** Whether a session minted for `user` before a change still works after it. */
async function sessionStillWorks(session: { id: string; tokenVersion: number }): Promise<boolean> {
  await signInAs(session);
  return (await currentActor()) !== null;
}

describe("createUser", () => {
  it("creates an account that must change its password, returns a DTO without secrets and audits it", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const email = `Nguoi.Moi.${uniqueToken()}@Test.Local`;
    const user = await createUser(admin, {
      email: `  ${email} `,
      name: "Nguyễn Văn Mới",
      title: "Chuyên viên",
      role: "AGENCY_STAFF",
      agencyCode: agency.code.toUpperCase(),
      password: TEMP_PASSWORD,
    });

    expect(user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: "Nguyễn Văn Mới",
      title: "Chuyên viên",
      role: "AGENCY_STAFF",
      agency: { code: agency.code, name: agency.name },
      disabled: false,
      mustChangePassword: true,
      lastSignInAt: null,
    });
    expect(user).not.toHaveProperty("passwordHash");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ agencyId: agency.id, mustChangePassword: true, tokenVersion: 0 });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "user.create",
      entity: "User",
      entityId: user.id,
      before: null,
      after: {
        email: email.toLowerCase(),
        name: "Nguyễn Văn Mới",
        title: "Chuyên viên",
        role: "AGENCY_STAFF",
        agency: agency.code,
        disabled: false,
      },
      ...auditActorFields(admin),
    });
    expect(Object.keys(audit[0]!.after as object)).not.toContain("passwordHash");
    expect(JSON.stringify(audit[0]!.after)).not.toContain(TEMP_PASSWORD);

    // The temporary password signs in.
    await expect(
      verifyCredentials({ email, password: TEMP_PASSWORD }, { ip: uniqueIp(), userAgent: "vitest" }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it.each<[string, { role: string; agencyCode?: string }, string]>([
    ["an agency role without an agency", { role: "AGENCY_STAFF" }, "validation.agencyRequiredForRole"],
    [
      "SECRETARIAT without an agency",
      { role: "SECRETARIAT", agencyCode: "" },
      "validation.agencyRequiredForRole",
    ],
    ["ADMIN with an agency", { role: "ADMIN", agencyCode: "AGENCY" }, "validation.noAgencyForRole"],
    ["BOARD with an agency", { role: "BOARD", agencyCode: "AGENCY" }, "validation.noAgencyForRole"],
  ])("rejects %s", async (_label, fields, message) => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const email = `sai.${uniqueToken()}@test.local`;
    const input = { email, name: "Tên", password: TEMP_PASSWORD, ...fields };
    if (input.agencyCode === "AGENCY") input.agencyCode = agency.code;
    await expect(createUser(admin, input)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "agencyCode", message }],
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("rejects an unknown agency, an invalid email, a weak password and an unknown role", async () => {
    const admin = await newAdmin();
    const base = {
      email: `x.${uniqueToken()}@test.local`,
      name: "Tên",
      role: "AGENCY_STAFF",
      password: TEMP_PASSWORD,
    };
    await expect(createUser(admin, { ...base, agencyCode: "khong-co-ma-nay" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "agencyCode", message: "validation.unknownAgencies", params: { codes: "khong-co-ma-nay" } },
      ],
    });
    const agencyCode = (await makeAgency(db)).code;
    await expect(createUser(admin, { ...base, agencyCode, email: "khong-phai-email" })).rejects.toMatchObject(
      {
        code: "VALIDATION",
        fieldIssues: [expect.objectContaining({ path: "email", message: "validation.invalidEmail" })],
      },
    );
    await expect(createUser(admin, { ...base, agencyCode, password: "ngan1" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "password", message: "validation.passwordTooShort" })],
    });
    await expect(createUser(admin, { ...base, agencyCode, role: "SUPERUSER" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: expect.arrayContaining([
        expect.objectContaining({ path: "role", message: "validation.role" }),
      ]),
    });
    expect(await db.user.count({ where: { email: base.email } })).toBe(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("refuses an email that is taken in any case with CONFLICT and writes nothing", async () => {
    const admin = await newAdmin();
    const existing = await makeUser(db, { role: "BOARD" });
    await expect(
      createUser(admin, {
        email: existing.email.toUpperCase(),
        name: "Trùng",
        role: "BOARD",
        password: TEMP_PASSWORD,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.user.emailTaken",
      params: { email: existing.email },
    });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it.each(["BOARD", "SECRETARIAT", "AGENCY_LEADER"] as const)("is FORBIDDEN to %s", async (role) => {
    const agency = await makeAgency(db);
    const { actor } = await signedIn(role, role === "BOARD" ? null : agency.id);
    const email = `cam.${uniqueToken()}@test.local`;
    await expect(
      createUser(actor, {
        email,
        name: "Tên",
        role: "AGENCY_STAFF",
        agencyCode: agency.code,
        password: TEMP_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("updateUser", () => {
  it("changes name and title without ending the user's sessions", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const target = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agency.id });
    const updated = await updateUser(admin, target.id, { name: "Tên mới", title: "Phó phòng" });
    expect(updated).toMatchObject({
      id: target.id,
      name: "Tên mới",
      title: "Phó phòng",
      role: "AGENCY_STAFF",
      agency: { code: agency.code },
    });
    expect(await tokenVersionOf(target.id)).toBe(target.tokenVersion);
    expect(await sessionStillWorks(target)).toBe(true);

    const audit = await auditOf(target.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "user.update",
      before: { name: target.name, title: null },
      after: { name: "Tên mới", title: "Phó phòng" },
      ...auditActorFields(admin),
    });
  });

  it("ends the user's sessions at once when the role changes", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const target = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agency.id });
    expect(await sessionStillWorks(target)).toBe(true);

    // A role change that does not name an agency keeps the current one.
    await expect(updateUser(admin, target.id, { role: "AGENCY_LEADER" })).resolves.toMatchObject({
      role: "AGENCY_LEADER",
      agency: { code: agency.code },
    });
    expect(await tokenVersionOf(target.id)).toBe(target.tokenVersion + 1);
    expect(await sessionStillWorks(target)).toBe(false);
    expect((await auditOf(target.id))[0]).toMatchObject({
      action: "user.update",
      before: { role: "AGENCY_STAFF" },
      after: { role: "AGENCY_LEADER" },
    });
  });

  it("ends the user's sessions when the agency changes", async () => {
    const admin = await newAdmin();
    const [from, to] = [await makeAgency(db), await makeAgency(db)];
    const target = await makeUser(db, { role: "SECRETARIAT", agencyId: from.id });
    await expect(updateUser(admin, target.id, { agencyCode: to.code })).resolves.toMatchObject({
      agency: { code: to.code },
    });
    expect(await sessionStillWorks(target)).toBe(false);
    expect((await auditOf(target.id))[0]).toMatchObject({
      before: { agency: from.code },
      after: { agency: to.code },
    });
  });

  it("drops the agency when the role becomes province-wide", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const target = await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id });
    await expect(updateUser(admin, target.id, { role: "BOARD" })).resolves.toMatchObject({
      role: "BOARD",
      agency: null,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).agencyId).toBeNull();
    expect(await sessionStillWorks(target)).toBe(false);
  });

  it("needs an agency when a province-wide account gets an agency role", async () => {
    const admin = await newAdmin();
    const target = await makeUser(db, { role: "BOARD" });
    await expect(updateUser(admin, target.id, { role: "SECRETARIAT" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "agencyCode", message: "validation.agencyRequiredForRole" }],
    });
    await expect(
      updateUser(admin, target.id, { role: "SECRETARIAT", agencyCode: "khong-co-ma-nay" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "agencyCode", message: "validation.unknownAgencies" })],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("BOARD");
    expect(await auditOf(target.id)).toHaveLength(0);
    expect(await sessionStillWorks(target)).toBe(true);
  });

  it("disables (ending the sessions) and enables again, with their own audit actions", async () => {
    const admin = await newAdmin();
    const target = await makeUser(db, { role: "BOARD" });

    await expect(updateUser(admin, target.id, { disabled: true })).resolves.toMatchObject({ disabled: true });
    expect(await tokenVersionOf(target.id)).toBe(target.tokenVersion + 1);
    expect(await sessionStillWorks(target)).toBe(false);
    await expect(
      verifyCredentials(
        { email: target.email, password: TEST_PASSWORD },
        { ip: uniqueIp(), userAgent: null },
      ),
    ).rejects.toMatchObject({
      reason: "DISABLED",
    });

    await expect(updateUser(admin, target.id, { disabled: false })).resolves.toMatchObject({
      disabled: false,
    });
    // Enabling does not bring old sessions back.
    expect(await tokenVersionOf(target.id)).toBe(target.tokenVersion + 1);
    expect(await sessionStillWorks(target)).toBe(false);
    expect(await sessionStillWorks({ id: target.id, tokenVersion: target.tokenVersion + 1 })).toBe(true);

    const actions = (await auditOf(target.id))
      .filter((row) => row.action.startsWith("user."))
      .map((row) => row.action);
    expect(actions).toEqual(["user.disable", "user.enable"]);
  });

  it("does not let an admin disable or demote themself, and writes nothing", async () => {
    const { user, actor: admin } = await signedIn("ADMIN");
    await expect(updateUser(admin, user.id, { disabled: true })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.user.cannotLockOutSelf",
    });
    await expect(updateUser(admin, user.id, { role: "BOARD" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.user.cannotLockOutSelf",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ role: "ADMIN", disabled: false, tokenVersion: user.tokenVersion });
    expect(await auditCountBy(admin.id)).toBe(0);
    // Their own name is fine.
    await expect(updateUser(admin, user.id, { name: "Quản trị" })).resolves.toMatchObject({
      name: "Quản trị",
      role: "ADMIN",
    });
    expect(await sessionStillWorks(user)).toBe(true);
  });

  it("lets an admin disable another admin", async () => {
    const admin = await newAdmin();
    const other = await makeUser(db, { role: "ADMIN" });
    await expect(updateUser(admin, other.id, { disabled: true })).resolves.toMatchObject({ disabled: true });
    expect(await sessionStillWorks(other)).toBe(false);
  });

  it("is NOT_FOUND for a malformed or unknown id and FORBIDDEN to non-admins", async () => {
    const admin = await newAdmin();
    await expect(updateUser(admin, "abc", { name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.user.notFound",
    });
    await expect(updateUser(admin, MISSING_ID, { name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.user.notFound",
    });
    const target = await makeUser(db, { role: "BOARD" });
    const { actor: board } = await signedIn("BOARD");
    await expect(updateUser(board, target.id, { disabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).disabled).toBe(false);
  });

  it("does not let a user change their own role through it", async () => {
    const agency = await makeAgency(db);
    const { user, actor } = await signedIn("AGENCY_STAFF", agency.id);
    await expect(updateUser(actor, user.id, { role: "ADMIN", agencyCode: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("AGENCY_STAFF");
  });
});

describe("resetUserPassword", () => {
  it("sets a temporary password, ends the sessions, requires a change and audits without the password", async () => {
    const admin = await newAdmin();
    const target = await makeUser(db, { role: "BOARD" });
    expect(await sessionStillWorks(target)).toBe(true);

    const dto = await resetUserPassword(admin, target.id, { password: TEMP_PASSWORD });
    expect(dto).toMatchObject({ id: target.id, mustChangePassword: true });
    expect(dto).not.toHaveProperty("passwordHash");
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ tokenVersion: target.tokenVersion + 1, mustChangePassword: true });
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
    expect(await sessionStillWorks(target)).toBe(false);

    const ip = uniqueIp();
    await expect(
      verifyCredentials({ email: target.email, password: TEMP_PASSWORD }, { ip, userAgent: null }),
    ).resolves.toEqual({
      id: target.id,
      tokenVersion: target.tokenVersion + 1,
    });
    await expect(
      verifyCredentials({ email: target.email, password: TEST_PASSWORD }, { ip, userAgent: null }),
    ).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    // Signed in with the temporary password, the user may only change it.
    await signInAs({ id: target.id, tokenVersion: target.tokenVersion + 1 });
    await expect(requireActor()).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.passwordChangeRequired",
    });

    const audit = (await auditOf(target.id)).filter((entry) => entry.action === "user.password.reset");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "User", before: null, after: null, ...auditActorFields(admin) });
  });

  it("does not require a change when an admin resets their own password", async () => {
    const { user, actor: admin } = await signedIn("ADMIN");
    await expect(resetUserPassword(admin, user.id, { password: TEMP_PASSWORD })).resolves.toMatchObject({
      mustChangePassword: false,
    });
    expect(await tokenVersionOf(user.id)).toBe(user.tokenVersion + 1);
  });

  it("rejects a weak password and unknown users, and is FORBIDDEN to non-admins", async () => {
    const admin = await newAdmin();
    const target = await makeUser(db, { role: "BOARD" });
    await expect(resetUserPassword(admin, target.id, { password: "matkhauyeu" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "password", message: "validation.passwordWeak" })],
    });
    await expect(resetUserPassword(admin, MISSING_ID, { password: TEMP_PASSWORD })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(resetUserPassword(admin, "abc", { password: TEMP_PASSWORD })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { actor: board } = await signedIn("BOARD");
    await expect(resetUserPassword(board, target.id, { password: TEMP_PASSWORD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      tokenVersion: target.tokenVersion,
      passwordHash: target.passwordHash,
    });
    expect(await auditOf(target.id)).toHaveLength(0);
  });
});

describe("listUsers and getUser", () => {
  async function agencyWithUsers() {
    const agency = await makeAgency(db);
    const token = uniqueToken();
    const leader = await makeUser(db, {
      role: "AGENCY_LEADER",
      agencyId: agency.id,
      email: `lanhdao.${token}@test.local`,
      name: `Lãnh Đạo ${token}`,
    });
    const staff = await makeUser(db, {
      role: "AGENCY_STAFF",
      agencyId: agency.id,
      email: `canbo.${token}@test.local`,
    });
    const disabled = await makeUser(db, {
      role: "AGENCY_STAFF",
      agencyId: agency.id,
      disabled: true,
      email: `nghi.${token}@test.local`,
    });
    return { agency, token, leader, staff, disabled };
  }

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

  it("filters by agency, role, disabled and a case-insensitive search in email or name", async () => {
    const admin = await newAdmin();
    const { agency, token, leader, staff, disabled } = await agencyWithUsers();

    expect(ids(await listUsers(admin, { agencyCode: agency.code }))).toEqual(ids([leader, staff, disabled]));
    expect(ids(await listUsers(admin, { agencyCode: agency.code, role: "AGENCY_STAFF" }))).toEqual(
      ids([staff, disabled]),
    );
    expect(ids(await listUsers(admin, { agencyCode: agency.code, disabled: "true" }))).toEqual(
      ids([disabled]),
    );
    expect(ids(await listUsers(admin, { agencyCode: agency.code, disabled: "false" }))).toEqual(
      ids([leader, staff]),
    );
    expect(ids(await listUsers(admin, { q: `CANBO.${token.toUpperCase()}` }))).toEqual(ids([staff]));
    expect(ids(await listUsers(admin, { q: `lãnh đạo ${token}` }))).toEqual(ids([leader]));
    expect(ids(await listUsers(admin, { q: token, role: "AGENCY_LEADER" }))).toEqual(ids([leader]));

    const listed = (await listUsers(admin, { agencyCode: agency.code })).find((row) => row.id === leader.id)!;
    expect(listed).toEqual({
      id: leader.id,
      email: leader.email,
      name: leader.name,
      title: null,
      role: "AGENCY_LEADER",
      agency: { code: agency.code, name: agency.name },
      disabled: false,
      mustChangePassword: false,
      lastSignInAt: null,
    });
  });

  it("rejects invalid filters", async () => {
    const admin = await newAdmin();
    await expect(listUsers(admin, { role: "ROOT" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listUsers(admin, { disabled: "yes" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("gets one user, NOT_FOUND for malformed or unknown ids", async () => {
    const admin = await newAdmin();
    const { leader } = await agencyWithUsers();
    await expect(getUser(admin, leader.id)).resolves.toMatchObject({ id: leader.id, email: leader.email });
    await expect(getUser(admin, "abc")).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.user.notFound",
    });
    await expect(getUser(admin, MISSING_ID)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each(["BOARD", "SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const)(
    "is FORBIDDEN to %s",
    async (role) => {
      const { agency, leader } = await agencyWithUsers();
      const actor = await actorFor(
        await makeUser(db, { role, agencyId: role === "BOARD" ? null : agency.id }),
      );
      await expect(listUsers(actor, { agencyCode: agency.code })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(getUser(actor, leader.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );
});
