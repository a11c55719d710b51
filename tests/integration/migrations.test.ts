import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { makeAgency, uniqueToken } from "@/prisma/seed/factories";
import { diffMigrationsToSchema, readMigrationList } from "../../scripts/db/migrations";

describe("committed migrations", () => {
  it("build exactly the schema of prisma/schema.prisma", async () => {
    // The engine replays the migrations in a shadow database it creates on the integration server
    // (whose role is the superuser "postgres") and compares the result with the schema.
    await expect(diffMigrationsToSchema(inject("databaseUrl"))).resolves.toBe("");
  }, 120_000);

  it("are all applied to the test database, in order", async () => {
    const list = await readMigrationList();
    const names = list.migrationDirectories.map((dir) => dir.path);
    expect(names.length).toBeGreaterThan(0);
    const applied = await db.$queryRaw<
      { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]
    >`
      SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(applied.map((row) => row.migration_name)).toEqual([...names].sort());
    for (const row of applied) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("carry the rules Prisma cannot express: CHECK constraints and the append-only triggers", async () => {
    const checks = await db.$queryRaw<{ conname: string }[]>`
      SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace ORDER BY conname`;
    expect(checks.map((row) => row.conname)).toEqual(
      expect.arrayContaining([
        "Agency_code_format",
        "EmulationYear_leader_is_not_deputy",
        "EmulationYear_year_range",
        "User_agency_matches_role",
        "User_email_lowercase",
      ]),
    );
    const triggers = await db.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditLog"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((row) => row.tgname)).toEqual([
      "AuditLog_no_truncate",
      "AuditLog_no_update_or_delete",
    ]);
  });

  it("enforce the CHECK constraints on writes that bypass the data layer", async () => {
    const agency = await makeAgency(db);
    const token = uniqueToken();
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "Agency" (id, code, name, "shortName", "updatedAt") VALUES (gen_random_uuid(), 'Sai Ma', $1, 'x', now())`,
        `Sai ${token}`,
      ),
    ).rejects.toThrow(/Agency_code_format/);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "agencyId", "updatedAt") VALUES (gen_random_uuid(), $1, 'x', 'x', 'ADMIN', $2::uuid, now())`,
        `admin.${token}@test.local`,
        agency.id,
      ),
    ).rejects.toThrow(/User_agency_matches_role/);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'x', 'x', 'AGENCY_STAFF', now())`,
        `canbo.${token}@test.local`,
      ),
    ).rejects.toThrow(/User_agency_matches_role/);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'x', 'x', 'BOARD', now())`,
        `Hoa.${token}@test.local`,
      ),
    ).rejects.toThrow(/User_email_lowercase/);
    expect(await db.user.count({ where: { email: { contains: token, mode: "insensitive" } } })).toBe(0);
  });
});
