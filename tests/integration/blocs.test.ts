import { describe, expect, it } from "vitest";
import { createBloc, getBloc, listBlocs, listBlocsToManage, updateBloc } from "@/lib/blocs/blocs";
import { db } from "@/lib/db";
import { makeAgency, makeBloc, makeYear, uniqueToken } from "@/prisma/seed/factories";
import { auditActorFields, auditCountBy, auditOf, newAdmin, signedIn } from "../support/dal";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** Two blocs: the agency is a member of `mine` in 2021 only; it never belongs to `other`. */
async function twoBlocs() {
  const agency = await makeAgency(db);
  const peer = await makeAgency(db);
  const mine = await makeBloc(db);
  const other = await makeBloc(db);
  await makeYear(db, { blocId: mine.id, year: 2021, memberIds: [agency.id, peer.id] });
  await makeYear(db, { blocId: mine.id, year: 2022, memberIds: [peer.id] });
  await makeYear(db, { blocId: other.id, year: 2022, memberIds: [peer.id] });
  return { agency, peer, mine, other };
}

describe("listBlocs and getBloc", () => {
  it.each(["ADMIN", "BOARD"] as const)("%s sees every bloc", async (role) => {
    const { mine, other } = await twoBlocs();
    const { actor } = await signedIn(role);
    const ids = (await listBlocs(actor)).map((bloc) => bloc.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, other.id]));
    await expect(getBloc(actor, other.id)).resolves.toMatchObject({ id: other.id, name: other.name });
  });

  it.each(["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const)(
    "%s sees only blocs in which their agency is a member in some year",
    async (role) => {
      const { agency, mine, other } = await twoBlocs();
      const { actor } = await signedIn(role, agency.id);
      const blocs = await listBlocs(actor);
      // The agency's only blocs are the ones of this test.
      expect(blocs).toEqual([
        {
          id: mine.id,
          name: mine.name,
          shortName: mine.shortName,
          description: null,
          place: null,
          yearCount: 2,
          latestYear: 2022,
        },
      ]);
      await expect(getBloc(actor, mine.id)).resolves.toMatchObject({ id: mine.id });
      await expect(getBloc(actor, other.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.bloc.notFound",
      });
    },
  );

  it("shows an agency that belongs to no bloc no blocs at all", async () => {
    await twoBlocs();
    const { actor } = await signedIn("AGENCY_STAFF", (await makeAgency(db)).id);
    await expect(listBlocs(actor)).resolves.toEqual([]);
  });

  it("treats a malformed or unknown id as NOT_FOUND, never a database error", async () => {
    const { actor } = await signedIn("BOARD");
    for (const id of ["khong-phai-uuid", "1", "' OR 1=1 --", `${MISSING_ID}x`, MISSING_ID]) {
      await expect(getBloc(actor, id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.bloc.notFound",
      });
    }
  });

  it("accepts an upper-case id", async () => {
    const bloc = await makeBloc(db);
    const { actor } = await signedIn("BOARD");
    await expect(getBloc(actor, bloc.id.toUpperCase())).resolves.toMatchObject({ id: bloc.id });
  });

  it("counts the years and reports the latest one", async () => {
    const bloc = await makeBloc(db);
    const { actor } = await signedIn("BOARD");
    await expect(getBloc(actor, bloc.id)).resolves.toMatchObject({ yearCount: 0, latestYear: null });
    await makeYear(db, { blocId: bloc.id, year: 2020 });
    await makeYear(db, { blocId: bloc.id, year: 2023 });
    await makeYear(db, { blocId: bloc.id, year: 2021 });
    await expect(getBloc(actor, bloc.id)).resolves.toMatchObject({ yearCount: 3, latestYear: 2023 });
  });

  it("lists blocs to manage for admins only", async () => {
    const bloc = await makeBloc(db);
    await expect(listBlocsToManage(await newAdmin())).resolves.toContainEqual(
      expect.objectContaining({ id: bloc.id }),
    );
    await expect(listBlocsToManage((await signedIn("BOARD")).actor)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("createBloc", () => {
  it("creates a bloc (admin) with trimmed text, empty optional text as null, and one audit row", async () => {
    const admin = await newAdmin();
    const name = `Khối mới ${uniqueToken()}`;
    const bloc = await createBloc(admin, {
      name: `  ${name}  `,
      shortName: "",
      description: "Mô tả",
      place: "  Nam Định ",
    });

    expect(bloc).toEqual({
      id: expect.any(String),
      name,
      shortName: null,
      description: "Mô tả",
      place: "Nam Định",
      yearCount: 0,
      latestYear: null,
    });
    const audit = await auditOf(bloc.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "bloc.create",
      entity: "Bloc",
      entityId: bloc.id,
      blocId: bloc.id,
      after: { name, shortName: null, description: "Mô tả", place: "Nam Định" },
      ...auditActorFields(admin),
    });
  });

  it("leaves the place (địa danh of documents) empty when not given", async () => {
    const bloc = await createBloc(await newAdmin(), { name: `Khối ${uniqueToken()}` });
    expect(bloc.place).toBeNull();
  });

  it("refuses a taken name with CONFLICT and writes nothing", async () => {
    const admin = await newAdmin();
    const existing = await makeBloc(db);
    await expect(createBloc(admin, { name: existing.name })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.bloc.nameTaken",
      params: { name: existing.name },
    });
    expect(await db.bloc.count({ where: { name: existing.name } })).toBe(1);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("validates the input", async () => {
    const admin = await newAdmin();
    await expect(createBloc(admin, { name: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "name", message: "validation.required" })],
    });
    await expect(createBloc(admin, { name: "x".repeat(201) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "name", message: "validation.tooLong" })],
    });
    await expect(createBloc(admin, { name: `Khối ${uniqueToken()}`, id: MISSING_ID })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it.each(["BOARD", "SECRETARIAT", "AGENCY_LEADER"] as const)("is FORBIDDEN to %s", async (role) => {
    const { actor } = await signedIn(role, role === "BOARD" ? null : (await makeAgency(db)).id);
    const name = `Khối ${uniqueToken()}`;
    await expect(createBloc(actor, { name })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.bloc.count({ where: { name } })).toBe(0);
  });
});

describe("updateBloc", () => {
  it("updates a bloc (admin) and audits before and after", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const name = `Khối đổi tên ${uniqueToken()}`;
    const updated = await updateBloc(admin, bloc.id, { name, description: "Mới", place: "Nam Định" });
    expect(updated).toMatchObject({
      id: bloc.id,
      name,
      shortName: bloc.shortName,
      description: "Mới",
      place: "Nam Định",
    });

    const audit = await auditOf(bloc.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "bloc.update",
      blocId: bloc.id,
      before: { name: bloc.name, shortName: bloc.shortName, description: null, place: null },
      after: { name, description: "Mới", place: "Nam Định" },
      ...auditActorFields(admin),
    });
  });

  it("refuses the name of another bloc with CONFLICT and changes nothing", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const other = await makeBloc(db);
    await expect(updateBloc(admin, bloc.id, { name: other.name })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.bloc.nameTaken",
    });
    expect((await db.bloc.findUniqueOrThrow({ where: { id: bloc.id } })).name).toBe(bloc.name);
    expect(await auditOf(bloc.id)).toHaveLength(0);
  });

  it("is NOT_FOUND for a malformed or unknown id", async () => {
    const admin = await newAdmin();
    await expect(updateBloc(admin, "abc", { name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
    await expect(updateBloc(admin, MISSING_ID, { name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("is FORBIDDEN to non-admins, even members", async () => {
    const { agency, mine } = await twoBlocs();
    const { actor } = await signedIn("SECRETARIAT", agency.id);
    await expect(updateBloc(actor, mine.id, { name: "Khác" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.bloc.findUniqueOrThrow({ where: { id: mine.id } })).name).toBe(mine.name);
  });
});
