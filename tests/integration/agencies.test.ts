import { describe, expect, it } from "vitest";
import {
  createAgency,
  getAgencyByCode,
  listAgencies,
  listAgenciesToManage,
  updateAgency,
} from "@/lib/agencies/agencies";
import { db } from "@/lib/db";
import { makeAgency, uniqueToken } from "@/prisma/seed/factories";
import { auditActorFields, auditCountBy, auditOf, newAdmin, signedIn } from "../support/dal";

function agencyInput() {
  const token = uniqueToken();
  return { code: `cq-${token}`, name: `Cơ quan mới ${token}`, shortName: `CQ mới ${token}` };
}

describe("createAgency", () => {
  it("creates an agency (admin) and writes one audit row", async () => {
    const admin = await newAdmin();
    const input = agencyInput();
    const created = await createAgency(admin, {
      ...input,
      code: `  ${input.code.toUpperCase()} `,
      name: ` ${input.name} `,
    });

    expect(created).toEqual({
      id: expect.any(String),
      code: input.code,
      name: input.name,
      shortName: input.shortName,
    });
    expect(await db.agency.findUnique({ where: { id: created.id } })).toMatchObject({
      code: input.code,
      name: input.name,
    });
    const audit = await auditOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "agency.create",
      entity: "Agency",
      entityId: created.id,
      before: null,
      after: created,
      ...auditActorFields(admin),
    });
  });

  it.each([
    ["starting with a digit", "1abc"],
    ["of one character", "a"],
    ["with spaces", "ban to chuc"],
    ["with Vietnamese letters", "bantổchức"],
    ["too long", `a${"b".repeat(32)}`],
  ])("rejects a code %s", async (_label, code) => {
    const admin = await newAdmin();
    await expect(createAgency(admin, { ...agencyInput(), code })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "code", message: "validation.agencyCode" })],
    });
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("rejects missing names and unknown fields", async () => {
    const admin = await newAdmin();
    const error = await createAgency(admin, { code: `cq-${uniqueToken()}`, name: "   ", extra: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "VALIDATION" });
    const paths = (error as { fieldIssues: { path: string; message: string }[] }).fieldIssues;
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "name", message: "validation.required" }),
        expect.objectContaining({ path: "shortName", message: "validation.required" }),
        expect.objectContaining({ message: "validation.unknownFields" }),
      ]),
    );
  });

  it("refuses a taken code with CONFLICT codeTaken and writes nothing", async () => {
    const admin = await newAdmin();
    const existing = await makeAgency(db);
    const input = { ...agencyInput(), code: existing.code.toUpperCase() };
    await expect(createAgency(admin, input)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.agency.codeTaken",
      params: { code: existing.code },
    });
    expect(await db.agency.count({ where: { name: input.name } })).toBe(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("refuses a taken name with CONFLICT nameTaken and writes nothing", async () => {
    const admin = await newAdmin();
    const existing = await makeAgency(db);
    const input = { ...agencyInput(), name: existing.name };
    await expect(createAgency(admin, input)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.agency.nameTaken",
    });
    expect(await db.agency.count({ where: { code: input.code } })).toBe(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("lets only one of two simultaneous creations of the same code through", async () => {
    const admin = await newAdmin();
    const input = agencyInput();
    const results = await Promise.allSettled([
      createAgency(admin, input),
      createAgency(admin, { ...input, name: `${input.name} (2)` }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.agency.codeTaken",
    });
    expect(await db.agency.count({ where: { code: input.code } })).toBe(1);
    expect(await auditCountBy(admin.id)).toBe(1);
  });

  it.each(["BOARD", "SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const)(
    "is FORBIDDEN to %s",
    async (role) => {
      const agency = await makeAgency(db);
      const { actor } = await signedIn(role, role === "BOARD" ? null : agency.id);
      const input = agencyInput();
      await expect(createAgency(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.agency.count({ where: { code: input.code } })).toBe(0);
      expect(await auditCountBy(actor.id)).toBe(0);
    },
  );
});

describe("updateAgency", () => {
  it("renames an agency (admin), found by code in any case, and audits before and after", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const name = `Tên mới ${uniqueToken()}`;
    const updated = await updateAgency(admin, agency.code.toUpperCase(), { name });

    expect(updated).toEqual({ id: agency.id, code: agency.code, name, shortName: agency.shortName });
    const audit = await auditOf(agency.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "agency.update",
      entity: "Agency",
      before: { id: agency.id, code: agency.code, name: agency.name, shortName: agency.shortName },
      after: updated,
      ...auditActorFields(admin),
    });
  });

  it("changes the code", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const code = `moi-${uniqueToken()}`;
    await expect(updateAgency(admin, agency.code, { code })).resolves.toMatchObject({ id: agency.id, code });
    await expect(getAgencyByCode(admin, code)).resolves.toMatchObject({ id: agency.id });
  });

  it("refuses a code or a name of another agency with CONFLICT and changes nothing", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    const other = await makeAgency(db);
    await expect(updateAgency(admin, agency.code, { code: other.code })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.agency.codeTaken",
    });
    await expect(updateAgency(admin, agency.code, { name: other.name })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.agency.nameTaken",
    });
    expect(await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({
      code: agency.code,
      name: agency.name,
    });
    expect(await auditOf(agency.id)).toHaveLength(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("keeps its own name without a conflict", async () => {
    const admin = await newAdmin();
    const agency = await makeAgency(db);
    await expect(
      updateAgency(admin, agency.code, { name: agency.name, shortName: "Viết tắt" }),
    ).resolves.toMatchObject({
      shortName: "Viết tắt",
    });
  });

  it("is NOT_FOUND for an unknown code and VALIDATION for an invalid one", async () => {
    const admin = await newAdmin();
    await expect(updateAgency(admin, `khong-co-${uniqueToken()}`, { name: "Tên" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.agency.notFound",
    });
    const agency = await makeAgency(db);
    await expect(updateAgency(admin, agency.code, { code: "9x" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "code" })],
    });
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("is FORBIDDEN to non-admins", async () => {
    const agency = await makeAgency(db);
    const { actor } = await signedIn("AGENCY_LEADER", agency.id);
    await expect(updateAgency(actor, agency.code, { name: "Tên khác" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await db.agency.findUniqueOrThrow({ where: { id: agency.id } })).name).toBe(agency.name);
  });
});

describe("reading agencies", () => {
  it("lets every role read the directory and find an agency by code", async () => {
    const agency = await makeAgency(db);
    for (const role of ["ADMIN", "BOARD", "SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const) {
      const { actor } = await signedIn(role, role === "ADMIN" || role === "BOARD" ? null : agency.id);
      const list = await listAgencies(actor);
      expect(list).toContainEqual({
        id: agency.id,
        code: agency.code,
        name: agency.name,
        shortName: agency.shortName,
      });
      await expect(getAgencyByCode(actor, agency.code.toUpperCase())).resolves.toMatchObject({
        id: agency.id,
      });
    }
  });

  it("is NOT_FOUND for an unknown code", async () => {
    const { actor } = await signedIn("BOARD");
    await expect(getAgencyByCode(actor, `khong-co-${uniqueToken()}`)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.agency.notFound",
    });
  });

  it("lists agencies to manage for admins only", async () => {
    const agency = await makeAgency(db);
    await expect(listAgenciesToManage(await newAdmin())).resolves.toContainEqual(
      expect.objectContaining({ id: agency.id }),
    );
    const { actor } = await signedIn("BOARD");
    await expect(listAgenciesToManage(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
