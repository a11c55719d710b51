import { describe, expect, it } from "vitest";
import { createAgency, updateAgency } from "@/lib/agencies/agencies";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { recordAudit } from "@/lib/audit/record";
import { createBloc } from "@/lib/blocs/blocs";
import { db } from "@/lib/db";
import { createUser, updateUser } from "@/lib/users/users";
import { createYear } from "@/lib/years/manage";
import { moveYearPhase } from "@/lib/years/move-phase";
import { makeAgency, makeBlocWithYear, makeUser, uniqueToken } from "@/prisma/seed/factories";
import { actorFor, auditCountBy, auditOf, newAdmin, signedIn } from "../support/dal";
import { setHeader } from "../support/request-context";

/** The calendar day of `at` in Asia/Ho_Chi_Minh (UTC+7), shifted by `plusDays`. */
function vnDay(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + 7 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** An admin with a unique email who creates `count` agencies and renames the first one. */
async function adminWithHistory(count = 5) {
  const admin = await newAdmin();
  const created = [];
  for (let i = 0; i < count; i += 1) {
    const token = uniqueToken();
    created.push(
      await createAgency(admin, { code: `nk-${token}`, name: `Nhật ký ${token}`, shortName: `NK ${token}` }),
    );
  }
  await updateAgency(admin, created[0]!.code, { shortName: "Đổi tên" });
  return { admin, created };
}

describe("the audit trail of writes", () => {
  it("records who wrote, from where, what and on which entity, once per write", async () => {
    setHeader("user-agent", "Mozilla/5.0 (kiem thu)");
    setHeader("x-forwarded-for", "198.51.100.23");
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const bloc = await createBloc(admin, { name: `Khối nhật ký ${uniqueToken()}` });
    const year = await createYear(admin, bloc.id, {
      year: 2030,
      memberCodes: [setup.leaderAgency.code, setup.deputyAgency.code],
    });
    const agency = await makeAgency(db);
    const user = await createUser(admin, {
      email: `nk.${uniqueToken()}@test.local`,
      name: "Người",
      role: "AGENCY_STAFF",
      agencyCode: agency.code,
      password: "TamThoi2026x",
    });
    await updateUser(admin, user.id, { title: "Chuyên viên" });

    const rows = await db.auditLog.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.entity, row.entityId])).toEqual([
      ["bloc.create", "Bloc", bloc.id],
      ["year.create", "EmulationYear", year.id],
      ["user.create", "User", user.id],
      ["user.update", "User", user.id],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actorId: admin.id,
        actorEmail: admin.email,
        actorRole: "ADMIN",
        ip: "198.51.100.23",
        userAgent: "Mozilla/5.0 (kiem thu)",
      });
      expect(row.at.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(rows[3]).toMatchObject({
      before: expect.objectContaining({ title: null }),
      after: expect.objectContaining({ title: "Chuyên viên" }),
    });
  });

  it("leaves no row for writes that fail validation, conflict, are forbidden or in the wrong phase", async () => {
    const admin = await newAdmin();
    const existing = await makeAgency(db);
    const setup = await makeBlocWithYear(db, { phase: "REVIEW" });
    const secretariat = await actorFor(setup.secretariat);

    const failures = [
      createAgency(admin, { code: "1sai", name: "Sai", shortName: "Sai" }),
      createAgency(admin, { code: existing.code, name: `Khác ${uniqueToken()}`, shortName: "Khác" }),
      createBloc(admin, { name: "" }),
      createYear(admin, setup.bloc.id, { year: setup.year.year }),
      moveYearPhase(admin, setup.year.id, { phase: "PLEDGING" }),
      moveYearPhase(secretariat, setup.year.id, { phase: "CLOSED" }),
      updateUser(admin, admin.id, { disabled: true }),
    ];
    const results = await Promise.allSettled(failures);
    expect(
      results.map((result) =>
        result.status === "rejected" ? (result.reason as { code: string }).code : "OK",
      ),
    ).toEqual(["VALIDATION", "CONFLICT", "VALIDATION", "CONFLICT", "VALIDATION", "FORBIDDEN", "CONFLICT"]);
    expect(await auditCountBy(admin.id)).toBe(0);
    expect(await auditCountBy(secretariat.id)).toBe(0);
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("records system writes without an actor", async () => {
    const entityId = `he-thong-${uniqueToken()}`;
    await db.$transaction((tx) =>
      recordAudit(tx, null, {
        action: "system.test",
        entity: "Test",
        entityId,
        after: { ok: true, at: new Date(0) },
      }),
    );
    const [row] = await auditOf(entityId);
    expect(row).toMatchObject({
      actorId: null,
      actorEmail: null,
      actorRole: null,
      ip: null,
      userAgent: null,
      before: null,
      after: { ok: true, at: "1970-01-01T00:00:00.000Z" },
    });
  });

  it("rolls the audit row back with the write it describes", async () => {
    const entityId = `rollback-${uniqueToken()}`;
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, null, { action: "system.test", entity: "Test", entityId });
        throw new Error("hủy giao dịch");
      }),
    ).rejects.toThrow("hủy giao dịch");
    expect(await auditOf(entityId)).toHaveLength(0);
  });
});

describe("the AuditLog table is append-only", () => {
  async function oneRow() {
    const entityId = `chi-them-${uniqueToken()}`;
    await db.$transaction((tx) => recordAudit(tx, null, { action: "system.test", entity: "Test", entityId }));
    return (await auditOf(entityId))[0]!;
  }

  it("rejects UPDATE", async () => {
    const row = await oneRow();
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditLog" SET "action" = 'sua' WHERE "id" = $1`, row.id),
    ).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("system.test");
  });

  it("rejects UPDATE through Prisma too", async () => {
    const row = await oneRow();
    await expect(db.auditLog.update({ where: { id: row.id }, data: { reason: "sửa" } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).reason).toBeNull();
  });

  it("rejects DELETE", async () => {
    const row = await oneRow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "id" = $1`, row.id)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.deleteMany({ where: { id: row.id } })).rejects.toThrow();
    expect(await db.auditLog.findUnique({ where: { id: row.id } })).not.toBeNull();
  });

  it("rejects TRUNCATE", async () => {
    const row = await oneRow();
    // Inside a transaction that is rolled back in any case, so a broken trigger cannot wipe the trail
    // that other test files are writing to.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "AuditLog"`);
        throw new Error("TRUNCATE was not rejected");
      }),
    ).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUnique({ where: { id: row.id } })).not.toBeNull();
  });
});

describe("listAuditEntries", () => {
  it("filters by actor email (case-insensitive part) and returns the newest first", async () => {
    const { admin } = await adminWithHistory();
    const { entries, nextCursor } = await listAuditEntries(admin, { actor: admin.email.toUpperCase() });
    expect(entries).toHaveLength(6);
    expect(nextCursor).toBeNull();
    expect(entries.map((entry) => entry.action)).toEqual([
      "agency.update",
      ...Array(5).fill("agency.create"),
    ]);
    const ids = entries.map((entry) => BigInt(entry.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    expect(entries[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actorId: admin.id,
      actorEmail: admin.email,
      actorRole: "ADMIN",
      action: "agency.update",
      entity: "Agency",
      entityId: expect.any(String),
      before: expect.any(Object),
      after: expect.objectContaining({ shortName: "Đổi tên" }),
      reason: null,
      ip: "203.0.113.7",
      userAgent: "vitest",
      blocId: null,
    });
  });

  it("filters by action prefix, entity and entity id", async () => {
    const { admin, created } = await adminWithHistory();
    const actor = admin.email;
    expect((await listAuditEntries(admin, { actor, action: "agency.cr" })).entries).toHaveLength(5);
    expect((await listAuditEntries(admin, { actor, action: "agency.update" })).entries).toHaveLength(1);
    expect((await listAuditEntries(admin, { actor, action: "agency" })).entries).toHaveLength(6);
    expect((await listAuditEntries(admin, { actor, action: "bloc." })).entries).toHaveLength(0);
    expect((await listAuditEntries(admin, { actor, entity: "Agency" })).entries).toHaveLength(6);
    expect((await listAuditEntries(admin, { actor, entity: "Bloc" })).entries).toHaveLength(0);
    const first = await listAuditEntries(admin, { entity: "Agency", entityId: created[0]!.id });
    expect(first.entries.map((entry) => entry.action)).toEqual(["agency.update", "agency.create"]);
    const other = await listAuditEntries(admin, { entityId: created[3]!.id });
    expect(other.entries.map((entry) => entry.action)).toEqual(["agency.create"]);
  });

  it("filters by bloc", async () => {
    const admin = await newAdmin();
    const bloc = await createBloc(admin, { name: `Khối lọc ${uniqueToken()}` });
    await createYear(admin, bloc.id, { year: 2031 });
    const { entries } = await listAuditEntries(admin, { blocId: bloc.id });
    expect(entries.map((entry) => entry.action)).toEqual(["year.create", "bloc.create"]);
    await expect(listAuditEntries(admin, { blocId: "khong-phai-id" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "blocId", message: "validation.invalidId" })],
    });
  });

  it("filters by inclusive days in Vietnam time", async () => {
    const { admin } = await adminWithHistory(1);
    const [latest] = (await listAuditEntries(admin, { actor: admin.email })).entries;
    const day = vnDay(new Date(latest!.at));
    const count = async (filters: { from?: string; to?: string }) =>
      (await listAuditEntries(admin, { actor: admin.email, ...filters })).entries.length;

    expect(await count({ from: day, to: day })).toBe(2);
    expect(await count({ from: day })).toBe(2);
    expect(await count({ to: day })).toBe(2);
    expect(await count({ from: vnDay(new Date(latest!.at), -1), to: vnDay(new Date(latest!.at), 1) })).toBe(
      2,
    );
    expect(await count({ to: vnDay(new Date(latest!.at), -1) })).toBe(0);
    expect(await count({ from: vnDay(new Date(latest!.at), 1) })).toBe(0);
    for (const from of ["01/01/2024", "2024-02-30"]) {
      await expect(listAuditEntries(admin, { from })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: expect.arrayContaining([
          expect.objectContaining({ path: "from", message: "validation.date" }),
        ]),
      });
    }
  });

  it("pages with a cursor, without gaps or repeats", async () => {
    const { admin } = await adminWithHistory();
    const all = (await listAuditEntries(admin, { actor: admin.email })).entries.map((entry) => entry.id);
    expect(all).toHaveLength(6);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEntries(admin, {
        actor: admin.email,
        limit: "4",
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
      if (cursor) expect(page.entries).toHaveLength(4);
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toEqual(all);

    // An exact fit leaves no next page.
    const exact = await listAuditEntries(admin, { actor: admin.email, limit: 6 });
    expect(exact.entries).toHaveLength(6);
    expect(exact.nextCursor).toBeNull();
  });

  it("rejects a malformed cursor or limit", async () => {
    const admin = await newAdmin();
    await expect(listAuditEntries(admin, { cursor: "abc" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "cursor" })],
    });
    await expect(listAuditEntries(admin, { limit: 0 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "limit" })],
    });
    await expect(listAuditEntries(admin, { limit: 201 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "limit" })],
    });
  });

  it("is readable by the board", async () => {
    const { admin } = await adminWithHistory(1);
    const { actor: board } = await signedIn("BOARD");
    expect((await listAuditEntries(board, { actor: admin.email })).entries).toHaveLength(2);
  });

  it.each(["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const)("is FORBIDDEN to %s", async (role) => {
    const agency = await makeAgency(db);
    const actor = await actorFor(await makeUser(db, { role, agencyId: agency.id }));
    await expect(listAuditEntries(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
