import { describe, expect, it } from "vitest";
import { readCriteriaTable } from "@/lib/criteria/criteria";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { createYear, setYearMembers, updateYearSettings } from "@/lib/years/manage";
import { getYear, getYearToManage, listMyYears, listYears, listYearsToManage } from "@/lib/years/queries";
import { DEFAULT_RULES, type YearRules } from "@/lib/years/rules";
import {
  makeAgency,
  makeBloc,
  makeBlocWithYear,
  makeCriteriaTable,
  makeYear,
  smallCriteriaTable,
} from "@/prisma/seed/factories";
import { actorFor, auditActorFields, auditCountBy, auditOf, newAdmin, signedIn } from "../support/dal";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** Valid rules that differ from the defaults, to see them copied. */
function customRules(): YearRules {
  const rules = structuredClone(DEFAULT_RULES);
  rules.scale = 1000;
  rules.classificationBands = [
    { code: "XUAT_SAC", label: "Xuất sắc", minTotal: 900 },
    { code: "TOT", label: "Tốt", minTotal: 800 },
    { code: "KHONG_XEP", label: "Không xếp loại", minTotal: 0 },
  ];
  rules.crossScoring = { enabled: true, trimExtremes: true };
  return rules;
}

async function agencies(count: number) {
  const rows = [];
  for (let i = 0; i < count; i += 1) rows.push(await makeAgency(db));
  return rows;
}

const codes = (rows: { code: string }[]) => rows.map((row) => row.code).sort();

describe("createYear", () => {
  it("copies members and rules from the bloc's latest earlier year", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b, c, d] = await agencies(4);
    await makeYear(db, { blocId: bloc.id, year: 2019, memberIds: [d!.id, a!.id], rules: DEFAULT_RULES });
    await makeYear(db, {
      blocId: bloc.id,
      year: 2021,
      memberIds: [a!.id, b!.id, c!.id],
      rules: customRules(),
      leaderId: a!.id,
      deputyId: b!.id,
    });

    const year = await createYear(admin, bloc.id, {
      year: 2022,
      leaderAgencyCode: c!.code,
      deputyAgencyCode: a!.code,
    });

    expect(year).toMatchObject({
      blocId: bloc.id,
      blocName: bloc.name,
      year: 2022,
      phase: "SETUP",
      version: 1,
      leaderAgency: { code: c!.code },
      deputyAgency: { code: a!.code },
      rules: customRules(),
      deadlines: {},
    });
    expect(codes(year.members)).toEqual(codes([a!, b!, c!]));
    const rows = await db.yearMember.findMany({ where: { yearId: year.id } });
    expect(rows).toHaveLength(3);

    const audit = await auditOf(year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.create",
      entity: "EmulationYear",
      entityId: year.id,
      blocId: bloc.id,
      after: { year: 2022, leader: c!.code, deputy: a!.code, copiedFrom: 2021 },
      ...auditActorFields(admin),
    });
    expect([...(audit[0]!.after as { members: string[] }).members].sort()).toEqual(codes([a!, b!, c!]));
  });

  it("copies from the latest year before the new one, not from a later one", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b, c] = await agencies(3);
    await makeYear(db, { blocId: bloc.id, year: 2019, memberIds: [a!.id, b!.id], rules: customRules() });
    await makeYear(db, { blocId: bloc.id, year: 2021, memberIds: [b!.id, c!.id] });

    const year = await createYear(admin, bloc.id, { year: 2020 });
    expect(codes(year.members)).toEqual(codes([a!, b!]));
    expect(year.rules).toEqual(customRules());
    expect((await auditOf(year.id))[0]!.after).toMatchObject({
      copiedFrom: 2019,
      leader: null,
      deputy: null,
    });
  });

  it("starts a bloc's first year with no members and the default rules", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const year = await createYear(admin, bloc.id, { year: "2024" });
    expect(year).toMatchObject({
      year: 2024,
      members: [],
      leaderAgency: null,
      deputyAgency: null,
      rules: DEFAULT_RULES,
    });
    expect((await auditOf(year.id))[0]!.after).toMatchObject({ copiedFrom: null, members: [] });
  });

  it("takes explicit member codes, rules and deadlines over the previous year", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b, c] = await agencies(3);
    await makeYear(db, { blocId: bloc.id, year: 2021, memberIds: [a!.id, b!.id] });
    const year = await createYear(admin, bloc.id, {
      year: 2022,
      memberCodes: [b!.code, c!.code, c!.code.toUpperCase()],
      leaderAgencyCode: c!.code,
      rules: customRules(),
      deadlines: { PLEDGING: "2022-03-31", SELF_ASSESSMENT: "2022-11-30", REVIEW: null },
    });
    expect(codes(year.members)).toEqual(codes([b!, c!]));
    expect(year.rules).toEqual(customRules());
    expect(year.deadlines).toEqual({ PLEDGING: "2022-03-31", SELF_ASSESSMENT: "2022-11-30" });
    expect((await auditOf(year.id))[0]!.after).toMatchObject({ copiedFrom: null, leader: c!.code });
  });

  it("starts empty when asked not to copy members, but still copies the rules", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b] = await agencies(2);
    await makeYear(db, { blocId: bloc.id, year: 2021, memberIds: [a!.id, b!.id], rules: customRules() });
    const year = await createYear(admin, bloc.id, { year: 2022, copyMembersFromPrevious: false });
    expect(year.members).toEqual([]);
    expect(year.rules).toEqual(customRules());
  });

  it("copies the criteria table of the latest earlier year that has one, unless asked not to", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b] = await agencies(2);
    const first = await makeYear(db, { blocId: bloc.id, year: 2020, memberIds: [a!.id, b!.id] });
    await makeCriteriaTable(db, first.id, smallCriteriaTable());
    // 2021 has no table: 2022 starts from 2020's.
    await makeYear(db, { blocId: bloc.id, year: 2021, memberIds: [a!.id, b!.id] });
    const tableOf = async (yearId: string) =>
      (await readCriteriaTable(db, yearId)).map((group) => ({
        code: group.code,
        title: group.title,
        kind: group.kind,
        maxX100: group.maxX100,
        criteria: group.criteria.map((c) => [c.code, c.title, c.maxX100, c.evidenceRequired]),
      }));
    const original = await tableOf(first.id);
    expect(original.length).toBeGreaterThan(1);

    const year = await createYear(admin, bloc.id, { year: 2022 });
    expect(await tableOf(year.id)).toEqual(original);
    // New rows of the new year; the old year's table is untouched.
    const ids = await db.criterion.findMany({ where: { yearId: year.id }, select: { id: true } });
    expect(
      await db.criterion.count({ where: { id: { in: ids.map((row) => row.id) }, yearId: first.id } }),
    ).toBe(0);
    expect(await tableOf(first.id)).toEqual(original);
    expect(
      (await db.emulationYear.findUniqueOrThrow({ where: { id: year.id } })).criteriaRevision,
    ).toBeGreaterThan(0);
    expect((await auditOf(year.id))[0]!.after).toMatchObject({ criteriaCopiedFrom: 2020 });

    const empty = await createYear(admin, bloc.id, { year: 2023, copyCriteriaFromPrevious: false });
    expect(await tableOf(empty.id)).toEqual([]);
    expect((await auditOf(empty.id))[0]!.after).toMatchObject({ criteriaCopiedFrom: null });
    // A bloc's first year has nothing to copy.
    const fresh = await createYear(admin, (await makeBloc(db)).id, { year: 2022 });
    expect(await tableOf(fresh.id)).toEqual([]);
  });

  it("requires the leader and the deputy to be two different members", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a, b, outsider] = await agencies(3);
    const members = [a!.code, b!.code];

    await expect(
      createYear(admin, bloc.id, { year: 2022, memberCodes: members, leaderAgencyCode: outsider!.code }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "leaderAgencyCode", message: "validation.leaderNotMember" }],
    });
    await expect(
      createYear(admin, bloc.id, { year: 2022, memberCodes: members, deputyAgencyCode: outsider!.code }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "deputyAgencyCode", message: "validation.deputyNotMember" }],
    });
    await expect(
      createYear(admin, bloc.id, {
        year: 2022,
        memberCodes: members,
        leaderAgencyCode: a!.code,
        deputyAgencyCode: a!.code,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "deputyAgencyCode", message: "validation.deputyIsLeader" }],
    });
    expect(await db.emulationYear.count({ where: { blocId: bloc.id } })).toBe(0);
    expect(await auditCountBy(admin.id)).toBe(0);
  });

  it("rejects unknown agency codes", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const [a] = await agencies(1);
    await expect(
      createYear(admin, bloc.id, { year: 2022, memberCodes: [a!.code, "khong-co-ma-nay"] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "memberCodes", message: "validation.unknownAgencies", params: { codes: "khong-co-ma-nay" } },
      ],
    });
    await expect(
      createYear(admin, bloc.id, { year: 2022, memberCodes: [a!.code], leaderAgencyCode: "khong-co-ma-nay" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ message: "validation.unknownAgencies" })],
    });
    expect(await db.emulationYear.count({ where: { blocId: bloc.id } })).toBe(0);
  });

  it("validates the year number and the rules", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    await expect(createYear(admin, bloc.id, { year: 1999 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "year", message: "validation.tooSmall" })],
    });
    await expect(createYear(admin, bloc.id, { year: 2022.5 })).rejects.toMatchObject({ code: "VALIDATION" });
    const rules = customRules();
    rules.classificationBands[1]!.minTotal = 950;
    await expect(createYear(admin, bloc.id, { year: 2022, rules })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        expect.objectContaining({
          path: "rules.classificationBands.1.minTotal",
          message: "validation.bandsDescending",
        }),
      ],
    });
    expect(await db.emulationYear.count({ where: { blocId: bloc.id } })).toBe(0);
  });

  it("refuses a second year with the same number in the bloc with CONFLICT and writes nothing", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    await createYear(admin, bloc.id, { year: 2022 });
    await expect(createYear(admin, bloc.id, { year: 2022 })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.exists",
      params: { year: 2022 },
    });
    expect(await db.emulationYear.count({ where: { blocId: bloc.id } })).toBe(1);
    expect(await auditCountBy(admin.id)).toBe(1);
    // The same number in another bloc is fine.
    await expect(createYear(admin, (await makeBloc(db)).id, { year: 2022 })).resolves.toMatchObject({
      year: 2022,
    });
  });

  it("is NOT_FOUND for a malformed or unknown bloc id", async () => {
    const admin = await newAdmin();
    await expect(createYear(admin, "khong-phai-id", { year: 2022 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
    await expect(createYear(admin, MISSING_ID, { year: 2022 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
  });

  it("is FORBIDDEN to everyone but the admin, the bloc's secretariat included", async () => {
    const setup = await makeBlocWithYear(db, { year: 2021 });
    for (const user of [setup.secretariat, setup.leaders[0]!, await signedIn("BOARD").then((s) => s.user)]) {
      const actor = await actorFor(user);
      await expect(createYear(actor, setup.bloc.id, { year: 2022 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.emulationYear.count({ where: { blocId: setup.bloc.id } })).toBe(1);
  });
});

describe("updateYearSettings", () => {
  it("sets leader, deputy, rules and deadlines, bumps the version and audits the change", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { memberCount: 3 });
    const third = setup.agencies[2]!;
    const rules = customRules();
    const updated = await updateYearSettings(admin, setup.year.id, {
      leaderAgencyCode: third.code,
      deputyAgencyCode: setup.leaderAgency.code,
      rules,
      deadlines: { PLEDGING: "2022-04-01" },
      version: 1,
    });
    expect(updated).toMatchObject({
      version: 2,
      leaderAgency: { code: third.code },
      deputyAgency: { code: setup.leaderAgency.code },
      rules,
      deadlines: { PLEDGING: "2022-04-01" },
    });

    const audit = await auditOf(setup.year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.settings.update",
      blocId: setup.bloc.id,
      before: {
        leader: setup.leaderAgency.code,
        deputy: setup.deputyAgency.code,
        rules: DEFAULT_RULES,
        deadlines: {},
      },
      after: {
        leader: third.code,
        deputy: setup.leaderAgency.code,
        rules,
        deadlines: { PLEDGING: "2022-04-01" },
      },
      ...auditActorFields(admin),
    });
  });

  it("keeps what is not given and clears what is null", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const updated = await updateYearSettings(admin, setup.year.id, { deputyAgencyCode: null });
    expect(updated).toMatchObject({
      leaderAgency: { code: setup.leaderAgency.code },
      deputyAgency: null,
      rules: DEFAULT_RULES,
    });
    const audit = await auditOf(setup.year.id);
    expect(audit[0]).toMatchObject({ before: { deputy: setup.deputyAgency.code }, after: { deputy: null } });
  });

  it("rejects bands that do not descend, with the path of the band", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const rules = structuredClone(DEFAULT_RULES);
    rules.classificationBands[2]!.minTotal = 90;
    await expect(updateYearSettings(admin, setup.year.id, { rules })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "rules.classificationBands.2.minTotal", message: "validation.bandsDescending" }],
    });
    expect((await db.emulationYear.findUniqueOrThrow({ where: { id: setup.year.id } })).version).toBe(1);
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it.each([
    [
      "a band above the scale",
      (r: YearRules) => void (r.classificationBands[0]!.minTotal = 101),
      "rules.classificationBands.0.minTotal",
      "validation.bandAboveScale",
    ],
    [
      "an award with an unknown band",
      (r: YearRules) => void (r.awards[0]!.minClassification = "KHONG_CO"),
      "rules.awards.0.minClassification",
      "validation.unknownBand",
    ],
    [
      "a pass fraction above one",
      (r: YearRules) => void (r.voting.pass = { numerator: 3, denominator: 2 }),
      "rules.voting.pass",
      "validation.fractionAboveOne",
    ],
    [
      "duplicate tie-breaks",
      (r: YearRules) => void (r.tieBreaks = ["TOTAL", "TOTAL"]),
      "rules.tieBreaks",
      "validation.duplicateCodes",
    ],
  ])("rejects rules with %s", async (_label, change, path, message) => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const rules = structuredClone(DEFAULT_RULES);
    change(rules);
    await expect(updateYearSettings(admin, setup.year.id, { rules })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: expect.arrayContaining([expect.objectContaining({ path, message })]),
    });
  });

  it("rejects deadlines out of order", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    await expect(
      updateYearSettings(admin, setup.year.id, {
        deadlines: { PLEDGING: "2022-05-01", SELF_ASSESSMENT: "2022-04-01" },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "deadlines.SELF_ASSESSMENT", message: "validation.deadlinesOrder" }],
    });
  });

  it("requires the leader and deputy to be two different members", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const outsider = await makeAgency(db);
    await expect(
      updateYearSettings(admin, setup.year.id, { leaderAgencyCode: outsider.code }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "leaderAgencyCode", message: "validation.leaderNotMember" }],
    });
    await expect(
      updateYearSettings(admin, setup.year.id, { deputyAgencyCode: setup.leaderAgency.code }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "deputyAgencyCode", message: "validation.deputyIsLeader" }],
    });
    await expect(
      updateYearSettings(admin, setup.year.id, { leaderAgencyCode: "khong-co-ma-nay" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ message: "validation.unknownAgencies" })],
    });
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it.each(["SETUP", "PLEDGING", "SELF_ASSESSMENT"] as const)("lets rules change in %s", async (phase) => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { phase });
    await expect(updateYearSettings(admin, setup.year.id, { rules: customRules() })).resolves.toMatchObject({
      rules: customRules(),
    });
  });

  it.each(["REVIEW", "VOTING", "NOMINATION", "BOARD_REVIEW"] as const)(
    "locks rules in %s but not the leadership",
    async (phase) => {
      const admin = await newAdmin();
      const setup = await makeBlocWithYear(db, { phase });
      await expect(updateYearSettings(admin, setup.year.id, { rules: customRules() })).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.year.rulesLocked",
      });
      expect(await auditOf(setup.year.id)).toHaveLength(0);
      await expect(
        updateYearSettings(admin, setup.year.id, { deadlines: { BOARD_REVIEW: "2023-03-01" } }),
      ).resolves.toMatchObject({
        deadlines: { BOARD_REVIEW: "2023-03-01" },
      });
    },
  );

  it("refuses any change to a closed year", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { phase: "CLOSED" });
    await expect(updateYearSettings(admin, setup.year.id, { deputyAgencyCode: null })).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.year.closed",
    });
    expect((await db.emulationYear.findUniqueOrThrow({ where: { id: setup.year.id } })).deputyAgencyId).toBe(
      setup.deputyAgency.id,
    );
  });

  it("refuses a stale version with CONFLICT", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    await updateYearSettings(admin, setup.year.id, { deadlines: { PLEDGING: "2022-03-01" }, version: 1 });
    await expect(
      updateYearSettings(admin, setup.year.id, { deputyAgencyCode: null, version: 1 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.stale",
    });
    expect(await db.emulationYear.findUniqueOrThrow({ where: { id: setup.year.id } })).toMatchObject({
      version: 2,
      deputyAgencyId: setup.deputyAgency.id,
    });
    expect(await auditOf(setup.year.id)).toHaveLength(1);
  });

  it("serialises two simultaneous edits of the same version: one wins, one is stale", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    const results = await Promise.allSettled([
      updateYearSettings(admin, setup.year.id, { deadlines: { PLEDGING: "2022-03-01" }, version: 1 }),
      updateYearSettings(admin, setup.year.id, { deadlines: { PLEDGING: "2022-03-02" }, version: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.stale",
    });
    expect((await db.emulationYear.findUniqueOrThrow({ where: { id: setup.year.id } })).version).toBe(2);
  });

  it("is NOT_FOUND for a malformed or unknown id and FORBIDDEN to non-admins", async () => {
    const admin = await newAdmin();
    await expect(updateYearSettings(admin, "x", {})).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(updateYearSettings(admin, MISSING_ID, {})).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    const setup = await makeBlocWithYear(db);
    await expect(
      updateYearSettings(await actorFor(setup.secretariat), setup.year.id, { deputyAgencyCode: null }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("setYearMembers", () => {
  it("adds and removes members, bumps the version and audits before and after", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { memberCount: 3 });
    const [newcomer] = await agencies(1);
    const wanted = [setup.leaderAgency.code, setup.deputyAgency.code, newcomer!.code];
    const updated = await setYearMembers(admin, setup.year.id, { agencyCodes: wanted, version: 1 });

    expect(updated.version).toBe(2);
    expect(codes(updated.members)).toEqual([...wanted].sort());
    expect(await db.yearMember.count({ where: { yearId: setup.year.id } })).toBe(3);
    const audit = await auditOf(setup.year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.members.set",
      blocId: setup.bloc.id,
      ...auditActorFields(admin),
    });
    expect([...(audit[0]!.before as { members: string[] }).members].sort()).toEqual(codes(setup.agencies));
    expect([...(audit[0]!.after as { members: string[] }).members].sort()).toEqual([...wanted].sort());
  });

  it("can still change members while pledging", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 3 });
    const updated = await setYearMembers(admin, setup.year.id, {
      agencyCodes: [setup.leaderAgency.code, setup.deputyAgency.code],
    });
    expect(updated.members).toHaveLength(2);
  });

  it.each(["SELF_ASSESSMENT", "REVIEW", "CLOSED"] as const satisfies readonly Phase[])(
    "locks members in %s",
    async (phase) => {
      const admin = await newAdmin();
      const setup = await makeBlocWithYear(db, { phase, memberCount: 3 });
      await expect(
        setYearMembers(admin, setup.year.id, {
          agencyCodes: [setup.leaderAgency.code, setup.deputyAgency.code],
        }),
      ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.year.membersLocked" });
      expect(await db.yearMember.count({ where: { yearId: setup.year.id } })).toBe(3);
      expect(await auditOf(setup.year.id)).toHaveLength(0);
    },
  );

  it("cannot drop the leader or the deputy", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db, { memberCount: 3 });
    const third = setup.agencies[2]!.code;
    await expect(
      setYearMembers(admin, setup.year.id, { agencyCodes: [setup.deputyAgency.code, third] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "agencyCodes", message: "validation.leaderMustStay" }],
    });
    await expect(
      setYearMembers(admin, setup.year.id, { agencyCodes: [setup.leaderAgency.code, third] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "agencyCodes", message: "validation.deputyMustStay" }],
    });
    expect(await db.yearMember.count({ where: { yearId: setup.year.id } })).toBe(3);
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("needs at least two known agencies and a fresh version", async () => {
    const admin = await newAdmin();
    const setup = await makeBlocWithYear(db);
    await expect(
      setYearMembers(admin, setup.year.id, { agencyCodes: [setup.leaderAgency.code] }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "agencyCodes", message: "validation.tooFewMembers" })],
    });
    await expect(
      setYearMembers(admin, setup.year.id, {
        agencyCodes: [setup.leaderAgency.code, setup.deputyAgency.code, "khong-co-ma-nay"],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "agencyCodes", message: "validation.unknownAgencies" })],
    });
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { version: 5 } });
    await expect(
      setYearMembers(admin, setup.year.id, {
        agencyCodes: [setup.leaderAgency.code, setup.deputyAgency.code],
        version: 4,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.year.stale" });
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("is FORBIDDEN to the year's own secretariat", async () => {
    const setup = await makeBlocWithYear(db);
    await expect(
      setYearMembers(await actorFor(setup.secretariat), setup.year.id, {
        agencyCodes: [setup.leaderAgency.code, setup.deputyAgency.code],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("reading years", () => {
  /** A bloc where `agency` is a member in 2021 only. */
  async function blocWithTwoYears() {
    const [agency, a, b] = await agencies(3);
    const bloc = await makeBloc(db);
    const y2021 = await makeYear(db, {
      blocId: bloc.id,
      year: 2021,
      phase: "CLOSED",
      memberIds: [agency!.id, a!.id],
      leaderId: a!.id,
    });
    const y2022 = await makeYear(db, {
      blocId: bloc.id,
      year: 2022,
      memberIds: [a!.id, b!.id],
      leaderId: a!.id,
    });
    return { agency: agency!, bloc, y2021, y2022 };
  }

  it("shows a member agency's users only the years their agency belongs to", async () => {
    const { agency, bloc, y2021, y2022 } = await blocWithTwoYears();
    for (const role of ["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const) {
      const { actor } = await signedIn(role, agency.id);
      expect((await listYears(actor, bloc.id)).map((year) => year.id)).toEqual([y2021.id]);
      await expect(getYear(actor, y2021.id)).resolves.toMatchObject({
        id: y2021.id,
        year: 2021,
        phase: "CLOSED",
      });
      await expect(getYear(actor, y2022.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.year.notFound",
      });
      expect((await listMyYears(actor, { take: 100 })).map((year) => year.id)).toEqual([y2021.id]);
    }
  });

  it("hides a bloc's years from agencies outside it (NOT_FOUND, revealing nothing)", async () => {
    const { bloc, y2022 } = await blocWithTwoYears();
    const { actor } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    await expect(listYears(actor, bloc.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
    await expect(getYear(actor, y2022.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(listMyYears(actor, { take: 100 })).resolves.toEqual([]);
  });

  it.each(["ADMIN", "BOARD"] as const)("shows %s every year, newest first", async (role) => {
    const { bloc, y2021, y2022 } = await blocWithTwoYears();
    const { actor } = await signedIn(role);
    expect((await listYears(actor, bloc.id)).map((year) => year.id)).toEqual([y2022.id, y2021.id]);
    await expect(getYear(actor, y2022.id)).resolves.toMatchObject({
      id: y2022.id,
      blocName: bloc.name,
      members: expect.any(Array),
    });
  });

  it("treats malformed ids as NOT_FOUND", async () => {
    const { actor } = await signedIn("BOARD");
    await expect(getYear(actor, "2022")).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(getYear(actor, MISSING_ID)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listYears(actor, "khong-phai-id")).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.bloc.notFound",
    });
  });

  it("shows rules edited by hand into an invalid shape as the defaults", async () => {
    const { y2022 } = await blocWithTwoYears();
    await db.emulationYear.update({ where: { id: y2022.id }, data: { rules: { scale: "sai" } } });
    const { actor } = await signedIn("BOARD");
    await expect(getYear(actor, y2022.id)).resolves.toMatchObject({ rules: DEFAULT_RULES });
  });

  it("lets only admins use the management views", async () => {
    const { y2022 } = await blocWithTwoYears();
    const admin = await newAdmin();
    await expect(getYearToManage(admin, y2022.id)).resolves.toMatchObject({ id: y2022.id });
    expect((await listYearsToManage(admin)).map((year) => year.id)).toContain(y2022.id);
    const { actor } = await signedIn("BOARD");
    await expect(getYearToManage(actor, y2022.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listYearsToManage(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
