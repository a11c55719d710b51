import { describe, expect, it } from "vitest";
import { copyCriteriaFromPreviousYear, getCriteriaTable, saveCriteriaTable } from "@/lib/criteria/criteria";
import type { CriteriaTable, CriteriaTableInput } from "@/lib/criteria/schemas";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { DEFAULT_RULES, yearRulesSchema } from "@/lib/years/rules";
import {
  makeAgency,
  makeBlocWithYear,
  makeCriteriaTable,
  makeYear,
  smallCriteriaTable,
} from "@/prisma/seed/factories";
import { actorFor, auditOf, newAdmin } from "../support/dal";
import { actorOf, outcomes } from "../support/scoring";

/** A year in `phase` (SETUP by default) without a criteria table, and its secretariat. */
async function emptyYear(phase: Phase = "SETUP") {
  const setup = await makeBlocWithYear(db, { phase, memberCount: 3 });
  return { ...setup, secretariatActor: await actorFor(setup.secretariat) };
}

const criterion = (
  code: string,
  max: number,
  extra: Partial<{ id: string; title: string; guidance: string; evidenceRequired: boolean }> = {},
) => ({
  code,
  title: `Tiêu chí ${code}`,
  guidance: "",
  max,
  evidenceRequired: false,
  ...extra,
});

/** Two base groups (60 + 40), one bonus group. */
function tableInput(): CriteriaTableInput {
  return {
    groups: [
      {
        code: "I",
        title: "Thực hiện nhiệm vụ chính trị",
        kind: "BASE",
        max: 60,
        criteria: [
          criterion("I.1", 30, { evidenceRequired: true, guidance: "Báo cáo kết quả" }),
          criterion("I.2", 30),
        ],
      },
      {
        code: "II",
        title: "Xây dựng tổ chức",
        kind: "BASE",
        max: 40,
        criteria: [criterion("II.1", 25), criterion("II.2", 15)],
      },
      { code: "V", title: "Điểm thưởng", kind: "BONUS", max: 5, criteria: [criterion("V.1", 2.5)] },
    ],
  };
}

/** The table as an editor sends it back: with every id and the revision it read. */
function asInput(table: CriteriaTable): CriteriaTableInput {
  return {
    revision: table.revision,
    groups: table.groups.map((group) => ({
      id: group.id,
      code: group.code,
      title: group.title,
      kind: group.kind,
      max: group.max,
      criteria: group.criteria.map((c) => ({
        id: c.id,
        code: c.code,
        title: c.title,
        guidance: c.guidance,
        max: c.max,
        evidenceRequired: c.evidenceRequired,
      })),
    })),
  };
}

const codesOf = (table: CriteriaTable) =>
  table.groups.map((group) => [group.code, group.criteria.map((c) => c.code)]);
const revisionOf = async (yearId: string) =>
  (await db.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { criteriaRevision: true } }))
    .criteriaRevision;

describe("getCriteriaTable", () => {
  it("is read by every member, the board and the admin; editable only for the year's secretariat before self-assessment", async () => {
    const setup = await emptyYear("PLEDGING");
    await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
    const mine = await getCriteriaTable(setup.secretariatActor, setup.year.id);
    expect(mine).toMatchObject({
      yearId: setup.year.id,
      scale: 100,
      revision: 0,
      manageable: true,
      editable: true,
    });
    expect(codesOf(mine)).toEqual([
      ["I", ["I.1", "I.2"]],
      ["II", ["II.1"]],
      ["V", ["V.1"]],
      ["VI", ["VI.1"]],
    ]);
    expect(mine.groups[0]).toMatchObject({ title: "Nhiệm vụ chính trị", kind: "BASE", max: 60 });
    expect(mine.groups[0]!.criteria[0]).toMatchObject({
      code: "I.1",
      max: 30,
      evidenceRequired: true,
      kind: "BASE",
    });
    expect(mine.groups[3]!.criteria[0]).toMatchObject({ code: "VI.1", kind: "DEDUCTION", max: 5 });

    const readers = [
      await actorFor(setup.leaders[1]!),
      await actorFor(setup.staff[2]!),
      await actorFor(setup.leaders[0]!),
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("BOARD"),
      await newAdmin(),
    ];
    for (const reader of readers) {
      const table = await getCriteriaTable(reader, setup.year.id);
      expect(table).toMatchObject({ manageable: false, editable: false });
      expect(codesOf(table)).toEqual(codesOf(mine));
    }
  });

  it("is not editable once self-assessment has started, even for the secretariat", async () => {
    for (const phase of ["SELF_ASSESSMENT", "REVIEW", "CLOSED"] as const) {
      const setup = await emptyYear(phase);
      await expect(getCriteriaTable(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
        manageable: true,
        editable: false,
        groups: [],
      });
    }
  });

  it("is NOT_FOUND for a user of an agency outside the year, and for a malformed id", async () => {
    const setup = await emptyYear();
    const outsider = await actorOf("AGENCY_STAFF", (await makeAgency(db)).id);
    await expect(getCriteriaTable(outsider, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(getCriteriaTable(setup.secretariatActor, "nam-2022")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("saveCriteriaTable", () => {
  it("creates a whole table, bumps the revision and writes one audit row with a summary", async () => {
    const setup = await emptyYear();
    const saved = await saveCriteriaTable(setup.secretariatActor, setup.year.id, {
      ...tableInput(),
      revision: 0,
    });

    expect(saved).toMatchObject({ yearId: setup.year.id, revision: 1, editable: true });
    expect(codesOf(saved)).toEqual([
      ["I", ["I.1", "I.2"]],
      ["II", ["II.1", "II.2"]],
      ["V", ["V.1"]],
    ]);
    // Criteria take the kind of their group.
    expect(saved.groups[2]!.criteria[0]).toMatchObject({ code: "V.1", kind: "BONUS", max: 2.5 });
    expect(saved.groups[0]!.criteria[0]).toMatchObject({
      evidenceRequired: true,
      guidance: "Báo cáo kết quả",
    });
    expect(await getCriteriaTable(setup.secretariatActor, setup.year.id)).toEqual(saved);
    const rows = await db.criterion.findMany({
      where: { yearId: setup.year.id },
      orderBy: { code: "asc" },
      select: { code: true, maxX100: true, position: true },
    });
    expect(rows).toEqual([
      { code: "I.1", maxX100: 3000, position: 1 },
      { code: "I.2", maxX100: 3000, position: 2 },
      { code: "II.1", maxX100: 2500, position: 1 },
      { code: "II.2", maxX100: 1500, position: 2 },
      { code: "V.1", maxX100: 250, position: 1 },
    ]);

    const audit = await auditOf(setup.year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "criteria.save",
      entity: "EmulationYear",
      blocId: setup.bloc.id,
      actorId: setup.secretariatActor.id,
      before: [],
      after: [
        { code: "I", max: 60, criteria: ["I.1:30", "I.2:30"] },
        { code: "II", max: 40, criteria: ["II.1:25", "II.2:15"] },
        { code: "V", max: 5, criteria: ["V.1:2.5"] },
      ],
    });
  });

  it("is allowed in SETUP and PLEDGING, and WRONG_PHASE (errors.criteria.locked) from self-assessment on, with nothing written", async () => {
    for (const phase of ["SETUP", "PLEDGING"] as const) {
      const setup = await emptyYear(phase);
      await expect(
        saveCriteriaTable(setup.secretariatActor, setup.year.id, tableInput()),
      ).resolves.toMatchObject({ revision: 1 });
    }
    for (const phase of ["SELF_ASSESSMENT", "REVIEW", "VOTING", "CLOSED"] as const) {
      const setup = await emptyYear(phase);
      await expect(
        saveCriteriaTable(setup.secretariatActor, setup.year.id, tableInput()),
      ).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.criteria.locked",
      });
      expect(await db.criteriaGroup.count({ where: { yearId: setup.year.id } })).toBe(0);
      expect(await revisionOf(setup.year.id)).toBe(0);
      expect(await auditOf(setup.year.id)).toHaveLength(0);
    }
  });

  it("is FORBIDDEN to members other than the year's secretariat, and to the admin and the board", async () => {
    const setup = await emptyYear();
    const others = [
      await actorFor(setup.leaders[0]!),
      await actorFor(setup.staff[0]!),
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("BOARD"),
      await newAdmin(),
    ];
    for (const actor of others) {
      await expect(saveCriteriaTable(actor, setup.year.id, tableInput())).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const outsider = await actorOf("SECRETARIAT", (await makeAgency(db)).id);
    await expect(saveCriteriaTable(outsider, setup.year.id, tableInput())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.criteriaGroup.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("refuses a table that breaks its invariants (VALIDATION with the path of each problem), writing nothing", async () => {
    const setup = await emptyYear();
    const overflow = tableInput();
    overflow.groups[0]!.criteria.push(criterion("I.3", 5));
    await expect(saveCriteriaTable(setup.secretariatActor, setup.year.id, overflow)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "groups.0.max", message: "validation.groupOverflow", params: { sum: 65, max: 60 } },
      ],
    });

    const duplicates = tableInput();
    duplicates.groups[1]!.criteria[1]!.code = "I.2";
    duplicates.groups[2]!.code = "II";
    await expect(saveCriteriaTable(setup.secretariatActor, setup.year.id, duplicates)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "groups.1.criteria.1.code", message: "validation.duplicateCodes" },
        { path: "groups.2.code", message: "validation.duplicateCodes" },
      ],
    });

    const aboveScale = tableInput();
    aboveScale.groups.push({
      code: "III",
      title: "Thêm",
      kind: "BASE",
      max: 10,
      criteria: [criterion("III.1", 10)],
    });
    await expect(saveCriteriaTable(setup.secretariatActor, setup.year.id, aboveScale)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "groups", message: "validation.baseAboveScale", params: { sum: 110, scale: 100 } },
      ],
    });

    const aboveGroup = tableInput();
    aboveGroup.groups[2]!.criteria[0]!.max = 6;
    await expect(saveCriteriaTable(setup.secretariatActor, setup.year.id, aboveGroup)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: expect.arrayContaining([
        { path: "groups.2.criteria.0.max", message: "validation.criterionAboveGroup", params: { max: 5 } },
      ]),
    });

    // Malformed input is refused by the schema, with the field's path.
    const badCode = tableInput();
    badCode.groups[0]!.criteria[0]!.code = "I 1";
    badCode.groups[1]!.max = 0;
    const error = await saveCriteriaTable(setup.secretariatActor, setup.year.id, badCode).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as { fieldIssues: { path: string; message: string }[] }).fieldIssues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "groups.0.criteria.0.code", message: "validation.criterionCode" }),
        expect.objectContaining({ path: "groups.1.max", message: "validation.pointsPositive" }),
      ]),
    );

    expect(await db.criteriaGroup.count({ where: { yearId: setup.year.id } })).toBe(0);
    expect(await revisionOf(setup.year.id)).toBe(0);
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("accepts a 1000-point scale year's table within its scale", async () => {
    const setup = await emptyYear();
    const rules = {
      ...DEFAULT_RULES,
      scale: 1000,
      classificationBands: DEFAULT_RULES.classificationBands.map((band) => ({
        ...band,
        minTotal: band.minTotal * 10,
      })),
    };
    expect(yearRulesSchema.safeParse(rules).success).toBe(true);
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { rules } });
    const table: CriteriaTableInput = {
      groups: [
        {
          code: "I",
          title: "Toàn bộ",
          kind: "BASE",
          max: 1000,
          criteria: [criterion("I.1", 600), criterion("I.2", 400)],
        },
      ],
    };
    await expect(saveCriteriaTable(setup.secretariatActor, setup.year.id, table)).resolves.toMatchObject({
      scale: 1000,
      revision: 1,
    });
  });

  it("is a CONFLICT (errors.criteria.stale) when the table changed since the editor read it", async () => {
    const setup = await emptyYear();
    const first = await saveCriteriaTable(setup.secretariatActor, setup.year.id, {
      ...tableInput(),
      revision: 0,
    });
    const stale = tableInput();
    stale.groups[0]!.title = "Sửa từ thẻ cũ";
    await expect(
      saveCriteriaTable(setup.secretariatActor, setup.year.id, { ...stale, revision: 0 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.criteria.stale",
    });
    expect(await getCriteriaTable(setup.secretariatActor, setup.year.id)).toEqual(first);
  });

  it("lets exactly one of two simultaneous saves from the same revision win", async () => {
    const setup = await emptyYear();
    const base = await saveCriteriaTable(setup.secretariatActor, setup.year.id, tableInput());
    const a = asInput(base);
    a.groups[0]!.title = "Phiên bản A";
    const b = asInput(base);
    b.groups[0]!.title = "Phiên bản B";
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled([
        saveCriteriaTable(setup.secretariatActor, setup.year.id, a),
        saveCriteriaTable(setup.secretariatActor, setup.year.id, b),
      ]),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toEqual([
      expect.objectContaining({ code: "CONFLICT", messageKey: "errors.criteria.stale" }),
    ]);
    const now = await getCriteriaTable(setup.secretariatActor, setup.year.id);
    expect(now.revision).toBe(base.revision + 1);
    expect(now.groups[0]!.title).toBe(fulfilled[0]!.groups[0]!.title);
  });

  it("keeps the ids (and the scores that refer to them) when criteria are only reordered, renamed or moved", async () => {
    const setup = await emptyYear();
    const saved = await saveCriteriaTable(setup.secretariatActor, setup.year.id, tableInput());
    const idOf = (table: CriteriaTable, code: string) =>
      table.groups.flatMap((g) => g.criteria).find((c) => c.code === code)!.id;
    const i1 = idOf(saved, "I.1");
    const i2 = idOf(saved, "I.2");
    const ii2 = idOf(saved, "II.2");
    // A score referring to I.1 (written directly: scores exist only from self-assessment on).
    await db.score.create({
      data: { yearId: setup.year.id, agencyId: setup.agencies[1]!.id, criterionId: i1, selfX100: 2500 },
    });

    const edited = asInput(saved);
    const [groupI, groupII, groupV] = edited.groups as [
      CriteriaTableInput["groups"][number],
      CriteriaTableInput["groups"][number],
      CriteriaTableInput["groups"][number],
    ];
    // Swap the codes of I.1 and I.2 (codes are unique per year: the rows are parked while renaming).
    groupI.criteria.reverse();
    groupI.criteria[0]!.code = "I.1";
    groupI.criteria[1]!.code = "I.2";
    groupI.criteria[1]!.title = "Tham mưu (đã sửa)";
    // Move II.2 into group V as a bonus item, and put the bonus group first.
    const moved = groupII.criteria.pop()!;
    groupII.max = 25;
    groupV.max = 20;
    groupV.criteria.push({ ...moved, code: "V.2" });
    edited.groups = [groupV, groupI, groupII];

    const after = await saveCriteriaTable(setup.secretariatActor, setup.year.id, edited);
    expect(after.revision).toBe(saved.revision + 1);
    expect(codesOf(after)).toEqual([
      ["V", ["V.1", "V.2"]],
      ["I", ["I.1", "I.2"]],
      ["II", ["II.1"]],
    ]);
    expect(after.groups.map((g) => g.id)).toEqual([
      saved.groups[2]!.id,
      saved.groups[0]!.id,
      saved.groups[1]!.id,
    ]);
    // The former I.1 is now I.2 (same id), the former I.2 is now I.1.
    expect(idOf(after, "I.2")).toBe(i1);
    expect(idOf(after, "I.1")).toBe(i2);
    expect(after.groups[1]!.criteria[1]).toMatchObject({
      id: i1,
      title: "Tham mưu (đã sửa)",
      evidenceRequired: true,
    });
    expect(idOf(after, "V.2")).toBe(ii2);
    expect(after.groups[0]!.criteria[1]).toMatchObject({ kind: "BONUS", max: 15 });
    const score = await db.score.findFirstOrThrow({
      where: { yearId: setup.year.id, agencyId: setup.agencies[1]!.id },
    });
    expect(score).toMatchObject({ criterionId: i1, selfX100: 2500 });
  });

  it("deletes the criteria and groups left out (with their scores), and adds those without ids", async () => {
    const setup = await emptyYear();
    const saved = await saveCriteriaTable(setup.secretariatActor, setup.year.id, tableInput());
    const i2 = saved.groups[0]!.criteria[1]!.id;
    await db.score.create({
      data: { yearId: setup.year.id, agencyId: setup.agencies[0]!.id, criterionId: i2, selfX100: 100 },
    });
    const edited = asInput(saved);
    edited.groups[0]!.criteria.pop();
    edited.groups[0]!.criteria.push(criterion("I.3", 20));
    edited.groups.pop(); // the bonus group
    const after = await saveCriteriaTable(setup.secretariatActor, setup.year.id, edited);
    expect(codesOf(after)).toEqual([
      ["I", ["I.1", "I.3"]],
      ["II", ["II.1", "II.2"]],
    ]);
    expect(after.groups[0]!.criteria[0]!.id).toBe(saved.groups[0]!.criteria[0]!.id);
    expect(after.groups[0]!.criteria[1]!.id).not.toBe(i2);
    expect(await db.criterion.count({ where: { id: i2 } })).toBe(0);
    expect(await db.score.count({ where: { criterionId: i2 } })).toBe(0);
    expect(await db.criteriaGroup.count({ where: { yearId: setup.year.id } })).toBe(2);
  });

  it("ignores ids of another year's criteria (creates new rows instead of touching them)", async () => {
    const mine = await emptyYear();
    const other = await emptyYear();
    const theirs = await saveCriteriaTable(other.secretariatActor, other.year.id, tableInput());
    const input = tableInput();
    input.groups[0]!.criteria[0]!.id = theirs.groups[0]!.criteria[0]!.id;
    const saved = await saveCriteriaTable(mine.secretariatActor, mine.year.id, input);
    expect(saved.groups[0]!.criteria[0]!.id).not.toBe(theirs.groups[0]!.criteria[0]!.id);
    expect(await getCriteriaTable(other.secretariatActor, other.year.id)).toEqual(theirs);
  });
});

describe("copyCriteriaFromPreviousYear", () => {
  it("copies the latest earlier year's table of the bloc with new ids, replacing what is there", async () => {
    const setup = await makeBlocWithYear(db, { phase: "CLOSED", year: 2020, memberCount: 3 });
    const secretariat = await actorFor(setup.secretariat);
    const memberIds = setup.agencies.map((agency) => agency.id);
    const y2019 = await makeYear(db, {
      blocId: setup.bloc.id,
      year: 2019,
      phase: "CLOSED",
      memberIds,
      leaderId: setup.leaderAgency.id,
    });
    await makeCriteriaTable(db, y2019.id, {
      groups: [
        {
          code: "X",
          title: "Cũ",
          max: 100,
          criteria: [{ code: "X.1", kind: "BASE", max: 100, title: "Cũ" }],
        },
      ],
    });
    const previous = await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
    const y2021 = await makeYear(db, {
      blocId: setup.bloc.id,
      year: 2021,
      phase: "SETUP",
      memberIds,
      leaderId: setup.leaderAgency.id,
    });
    await saveCriteriaTable(secretariat, y2021.id, tableInput());

    const copied = await copyCriteriaFromPreviousYear(secretariat, y2021.id);
    expect(copied.revision).toBe(2);
    expect(codesOf(copied)).toEqual([
      ["I", ["I.1", "I.2"]],
      ["II", ["II.1"]],
      ["V", ["V.1"]],
      ["VI", ["VI.1"]],
    ]);
    expect(copied.groups[0]!.criteria[0]).toMatchObject({
      title: "Tham mưu",
      max: 30,
      evidenceRequired: true,
      kind: "BASE",
    });
    expect(copied.groups[3]).toMatchObject({ kind: "DEDUCTION", max: 5 });
    const copiedIds = copied.groups.flatMap((g) => g.criteria.map((c) => c.id));
    expect(copiedIds.some((id) => [...previous.values()].some((c) => c.id === id))).toBe(false);
    // The source year is untouched.
    expect(await db.criterion.count({ where: { yearId: setup.year.id } })).toBe(previous.size);
    expect((await auditOf(y2021.id)).map((row) => row.action)).toEqual(["criteria.save", "criteria.copy"]);
  });

  it("is a CONFLICT without an earlier year that has a table, and WRONG_PHASE once self-assessment started", async () => {
    const setup = await emptyYear();
    await expect(copyCriteriaFromPreviousYear(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.criteria.noPreviousYear",
    });

    const later = await makeYear(db, {
      blocId: setup.bloc.id,
      year: 2023,
      phase: "SELF_ASSESSMENT",
      memberIds: setup.agencies.map((a) => a.id),
      leaderId: setup.leaderAgency.id,
    });
    await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
    await expect(copyCriteriaFromPreviousYear(setup.secretariatActor, later.id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.criteria.locked",
    });
    await expect(
      copyCriteriaFromPreviousYear(await actorFor(setup.leaders[0]!), later.id),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.criterion.count({ where: { yearId: later.id } })).toBe(0);
  });
});
