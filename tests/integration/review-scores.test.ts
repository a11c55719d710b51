import { describe, expect, it } from "vitest";
import { saveSelfScore } from "@/lib/assessments/assessments";
import { db } from "@/lib/db";
import { publishRanking, reopenRanking } from "@/lib/ranking/ranking";
import { unpackCells } from "@/lib/scores/grid-cells";
import { getCellHistory, getReviewGrid, listScores } from "@/lib/scores/review";
import { saveFinalScores, type CellConflict } from "@/lib/scores/save";
import { makeAgency } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import {
  actorOf,
  historyOf,
  outcomes,
  scoreEveryMember,
  scoreRow,
  scoringSetup,
  setPhase,
  writeScores,
  type ScoringSetup,
} from "../support/scoring";

/** A year in REVIEW where agency 1 self-scored I.1 = 28, I.2 = 30, II.1 = 35 (version 1 each). */
async function reviewYear(memberCount = 3) {
  const setup = await scoringSetup({ phase: "REVIEW", memberCount });
  await writeScores(setup, 1, { "I.1": { self: 28 }, "I.2": { self: 30 }, "II.1": { self: 35 } });
  return setup;
}

const code = (setup: ScoringSetup, index: number) => setup.agencies[index]!.code;
const conflictsOf = (error: unknown) =>
  (error as { details: { conflicts: CellConflict[] } }).details.conflicts;

describe("getReviewGrid", () => {
  it("gives the secretariat every member × every criterion with self and final scores, versions and notes", async () => {
    const setup = await reviewYear();
    await db.score.update({
      where: { id: (await scoreRow(setup, 1, "I.1"))!.id },
      data: { selfNote: "Có nghị quyết" },
    });
    await db.assessment.create({
      data: {
        yearId: setup.year.id,
        agencyId: setup.agencies[1]!.id,
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    const grid = await getReviewGrid(setup.secretariatActor, setup.year.id);
    expect(grid).toMatchObject({
      year: { id: setup.year.id, phase: "REVIEW" },
      editable: true,
      locked: false,
    });
    expect(grid.criteria.map((c) => [c.code, c.groupCode, c.kind, c.max])).toEqual([
      ["I.1", "I", "BASE", 30],
      ["I.2", "I", "BASE", 30],
      ["II.1", "II", "BASE", 40],
      ["V.1", "V", "BONUS", 5],
      ["VI.1", "VI", "DEDUCTION", 5],
    ]);
    expect(grid.agencies.map((a) => a.id).sort()).toEqual(setup.agencies.map((a) => a.id).sort());
    expect(grid.agencies.find((a) => a.id === setup.agencies[1]!.id)).toMatchObject({
      code: code(setup, 1),
      status: "SUBMITTED",
    });
    expect(grid.agencies.find((a) => a.id === setup.agencies[0]!.id)).toMatchObject({ status: "DRAFT" });
    const col = grid.agencies.findIndex((a) => a.id === setup.agencies[1]!.id);
    const unpacked = unpackCells(grid.cells);
    const saved = grid.criteria
      .flatMap((criterion, row) =>
        grid.agencies.map((agency, c) => [criterion.code, agency.id, unpacked[row]![c]] as const),
      )
      .filter(([, , cell]) => cell);
    expect(saved).toEqual([
      [
        "I.1",
        setup.agencies[1]!.id,
        { self: 28, final: null, version: 1, reason: null, note: "Có nghị quyết" },
      ],
      ["I.2", setup.agencies[1]!.id, { self: 30, final: null, version: 1, reason: null, note: null }],
      ["II.1", setup.agencies[1]!.id, { self: 35, final: null, version: 1, reason: null, note: null }],
    ]);
    expect(grid.cells.rows.map((row) => row.length)).toEqual([5, 5, 5, 5, 5].map(() => grid.agencies.length));
    expect(grid.cells.rows[0]![col]).toEqual([28, null, 1]);
  });

  it("is read-only for the board and the admin, outside REVIEW, and FORBIDDEN to members", async () => {
    const setup = await reviewYear();
    for (const actor of [await actorOf("BOARD"), await newAdmin()]) {
      await expect(getReviewGrid(actor, setup.year.id)).resolves.toMatchObject({
        editable: false,
        locked: false,
      });
    }
    for (const actor of [
      setup.leaderActors[0]!,
      setup.staffActors[1]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
    ]) {
      await expect(getReviewGrid(actor, setup.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      getReviewGrid(await actorOf("SECRETARIAT", (await makeAgency(db)).id), setup.year.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setPhase(setup.year.id, "VOTING");
    await expect(getReviewGrid(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      editable: false,
    });
  });

  it("runs the same number of queries for 2 and for 6 agencies", async () => {
    const holder = globalThis as { khoiThiDuaDb?: typeof db };
    const countQueries = async (setup: ScoringSetup) => {
      const original = holder.khoiThiDuaDb!;
      let count = 0;
      holder.khoiThiDuaDb = original.$extends({
        query: {
          $allOperations({ args, query }) {
            count += 1;
            return query(args);
          },
        },
      }) as unknown as typeof db;
      try {
        const grid = await getReviewGrid(setup.secretariatActor, setup.year.id);
        expect(grid.agencies).toHaveLength(setup.agencies.length);
      } finally {
        holder.khoiThiDuaDb = original;
      }
      return count;
    };
    const small = await reviewYear(2);
    const large = await reviewYear(6);
    for (const index of [2, 3, 4, 5])
      await writeScores(large, index, { "I.1": { self: 10, final: 10 }, "V.1": { self: 1 } });
    const smallCount = await countQueries(small);
    const largeCount = await countQueries(large);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });
});

describe("saveFinalScores", () => {
  it("saves a final equal to the self score without a reason, and a different one with it; versions, history and audit", async () => {
    const setup = await reviewYear();
    const saved = await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version: 1 },
      {
        agencyCode: code(setup, 1),
        criterionCode: "II.1",
        points: 32.5,
        version: 1,
        reason: "Thiếu biên bản kiểm tra",
      },
      {
        agencyCode: code(setup, 2),
        criterionCode: "V.1",
        points: 0,
        version: 0,
        reason: "Không có sáng kiến",
      },
    ]);
    expect(saved).toEqual([
      { agencyCode: code(setup, 1), criterionCode: "I.2", final: 30, version: 2 },
      { agencyCode: code(setup, 1), criterionCode: "II.1", final: 32.5, version: 2 },
      { agencyCode: code(setup, 2), criterionCode: "V.1", final: 0, version: 1 },
    ]);
    const ii1 = await scoreRow(setup, 1, "II.1");
    expect(ii1).toMatchObject({
      selfX100: 3500,
      finalX100: 3250,
      finalReason: "Thiếu biên bản kiểm tra",
      finalUpdatedById: setup.secretariatActor.id,
      version: 2,
    });
    expect(await scoreRow(setup, 2, "V.1")).toMatchObject({ selfX100: null, finalX100: 0, version: 1 });
    expect(
      (await historyOf(ii1!.id)).map((h) => [h.field, h.fromX100, h.toX100, h.note, h.actorName]),
    ).toEqual([["FINAL", null, 3250, "Thiếu biên bản kiểm tra", setup.secretariatActor.name]]);

    const audit = await auditOf(setup.year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "score.final.save",
      entity: "EmulationYear",
      actorId: setup.secretariatActor.id,
      blocId: setup.bloc.id,
      after: {
        cells: [
          { agency: code(setup, 1), criterion: "I.2", points: 30, reason: null },
          { agency: code(setup, 1), criterion: "II.1", points: 32.5, reason: "Thiếu biên bản kiểm tra" },
          { agency: code(setup, 2), criterion: "V.1", points: 0, reason: "Không có sáng kiến" },
        ],
      },
    });

    // Editing again needs the new version; clearing a final needs no reason.
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "II.1", points: 33, version: 2, reason: "Đã bổ sung" },
    ]);
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "II.1", points: null, version: 3 },
    ]);
    expect(await scoreRow(setup, 1, "II.1")).toMatchObject({ finalX100: null, version: 4 });
    expect((await historyOf(ii1!.id)).map((h) => [h.fromX100, h.toX100])).toEqual([
      [null, 3250],
      [3250, 3300],
      [3300, null],
    ]);
  });

  it("requires a reason when the final differs from the self score (VALIDATION 0.reason), writing nothing", async () => {
    const setup = await reviewYear();
    for (const reason of [undefined, null, "", "   "]) {
      await expect(
        saveFinalScores(setup.secretariatActor, setup.year.id, [
          { agencyCode: code(setup, 1), criterionCode: "I.1", points: 25, version: 1, reason },
        ]),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: [{ path: "0.reason", message: "validation.reasonForChange", params: { self: 28 } }],
      });
    }
    // Also for a cell without a self score.
    await expect(
      saveFinalScores(setup.secretariatActor, setup.year.id, [
        { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version: 1 },
        { agencyCode: code(setup, 0), criterionCode: "I.2", points: 30, version: 0 },
      ]),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "1.reason", message: "validation.reasonForChange", params: { self: "—" } }],
    });
    expect(await scoreRow(setup, 1, "I.1")).toMatchObject({ finalX100: null, version: 1 });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ finalX100: null, version: 1 });
    expect(await scoreRow(setup, 0, "I.2")).toBeNull();
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("applies one reason to every cell when the caller gives it (the Excel import)", async () => {
    const setup = await reviewYear();
    await saveFinalScores(
      setup.secretariatActor,
      setup.year.id,
      [
        { agencyCode: code(setup, 1), criterionCode: "I.1", points: 20, version: 1 },
        { agencyCode: code(setup, 1), criterionCode: "I.2", points: 25, version: 1, reason: "Lý do riêng" },
      ],
      { reason: "Nhập từ tệp Excel" },
    );
    expect(await scoreRow(setup, 1, "I.1")).toMatchObject({
      finalX100: 2000,
      finalReason: "Nhập từ tệp Excel",
    });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ finalX100: 2500, finalReason: "Lý do riêng" });
  });

  it("refuses values over the maximum, negative values, unknown codes and unknown fields, all or nothing, with the place of each", async () => {
    const setup = await reviewYear();
    const good = { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version: 1 };
    await expect(
      saveFinalScores(setup.secretariatActor, setup.year.id, [
        good,
        {
          agencyCode: code(setup, 1),
          criterionCode: "V.1",
          points: 6,
          version: 0,
          reason: "Nhiều sáng kiến",
        },
        { agencyCode: "khongco", criterionCode: "I.1", points: 1, version: 0, reason: "x" },
        { agencyCode: code(setup, 2), criterionCode: "IX.9", points: 1, version: 0, reason: "x" },
      ]),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        { path: "1.points", message: "validation.pointsAboveMax", params: { max: 5 } },
        { path: "2.agencyCode", message: "validation.unknownAgencies", params: { codes: "khongco" } },
        { path: "3.criterionCode", message: "validation.unknownCriterion", params: { code: "IX.9" } },
      ],
    });
    // A criterion code of another year is unknown here, an agency outside the year too.
    const other = await reviewYear();
    await expect(
      saveFinalScores(setup.secretariatActor, setup.year.id, [
        good,
        { agencyCode: code(other, 1), criterionCode: "I.1", points: 1, version: 0, reason: "x" },
      ]),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "1.agencyCode" })],
    });

    const schemaError = await saveFinalScores(setup.secretariatActor, setup.year.id, [
      good,
      { ...good, points: -1 },
      { ...good, points: "abc" },
      { ...good, version: -1 },
      { ...good, extra: true },
    ]).catch((e: unknown) => e);
    expect(schemaError).toMatchObject({ code: "VALIDATION" });
    expect(
      (schemaError as { fieldIssues: { path: string; message: string }[] }).fieldIssues.map((issue) => [
        issue.path,
        issue.message,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["1.points", "validation.pointsNegative"],
        ["2.points", "validation.pointsNumber"],
        ["3.version", "validation.tooSmall"],
        ["4", "validation.unknownFields"],
      ]),
    );
    await expect(saveFinalScores(setup.secretariatActor, setup.year.id, [])).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ message: "validation.tooFewItems" })],
    });

    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ finalX100: null, version: 1 });
    expect(await db.score.count({ where: { yearId: setup.year.id, finalX100: { not: null } } })).toBe(0);
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("is a CONFLICT for a stale version, naming the cell with its current value, version and author; nothing of the batch is written", async () => {
    const setup = await reviewYear();
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "I.1", points: 27, version: 1, reason: "Tab thứ nhất" },
    ]);
    const error = await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version: 1 },
      { agencyCode: code(setup, 1), criterionCode: "I.1", points: 26, version: 1, reason: "Tab thứ hai" },
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "errors.scores.stale" });
    expect(conflictsOf(error)).toEqual([
      {
        agencyCode: code(setup, 1),
        criterionCode: "I.1",
        yours: 26,
        current: 27,
        version: 2,
        by: setup.secretariatActor.name,
        at: expect.any(String),
      },
    ]);
    expect(await scoreRow(setup, 1, "I.1")).toMatchObject({
      finalX100: 2700,
      version: 2,
      finalReason: "Tab thứ nhất",
    });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ finalX100: null, version: 1 });

    // Version 0 on a cell that exists is stale too; a version ahead of the cell is stale as well.
    for (const version of [0, 5]) {
      const stale = await saveFinalScores(setup.secretariatActor, setup.year.id, [
        { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version },
      ]).catch((e: unknown) => e);
      expect(conflictsOf(stale)).toEqual([
        expect.objectContaining({ criterionCode: "I.2", current: null, version: 1, by: null, at: null }),
      ]);
    }
    // A version on a cell that was never written is stale.
    const ghost = await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 2), criterionCode: "I.2", points: 30, version: 1, reason: "x" },
    ]).catch((e: unknown) => e);
    expect(conflictsOf(ghost)).toEqual([
      expect.objectContaining({ agencyCode: code(setup, 2), current: null, version: 0 }),
    ]);
    expect(await scoreRow(setup, 2, "I.2")).toBeNull();
  });

  it("lets exactly one of two simultaneous edits of one cell win; the other gets a CONFLICT showing the winner's value and version", async () => {
    for (let round = 0; round < 3; round += 1) {
      const setup = await reviewYear();
      const secondTab = await actorOf("SECRETARIAT", setup.leaderAgency.id);
      const results = await Promise.allSettled([
        saveFinalScores(setup.secretariatActor, setup.year.id, [
          {
            agencyCode: code(setup, 1),
            criterionCode: "I.1",
            points: 25,
            version: 1,
            reason: "Người thứ nhất",
          },
        ]),
        saveFinalScores(secondTab, setup.year.id, [
          {
            agencyCode: code(setup, 1),
            criterionCode: "I.1",
            points: 20,
            version: 1,
            reason: "Người thứ hai",
          },
        ]),
      ]);
      const { fulfilled, rejected } = outcomes(results);
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      const winner = fulfilled[0]![0]!;
      expect(winner).toMatchObject({ version: 2 });
      const row = await scoreRow(setup, 1, "I.1");
      expect(row).toMatchObject({ finalX100: winner.final! * 100, version: 2 });
      expect(rejected[0]).toMatchObject({ code: "CONFLICT", messageKey: "errors.scores.stale" });
      const [conflict] = conflictsOf(rejected[0]);
      expect(conflict).toMatchObject({
        agencyCode: code(setup, 1),
        criterionCode: "I.1",
        current: winner.final,
        version: 2,
        at: expect.any(String),
      });
      expect(conflict!.yours).toBe(winner.final === 25 ? 20 : 25);
      expect(conflict!.by).toBe(winner.final === 25 ? setup.secretariatActor.name : secondTab.name);
      expect(await historyOf(row!.id)).toHaveLength(1);
    }
  });

  it("lets exactly one of two creators of a new cell (version 0) win", async () => {
    for (let round = 0; round < 3; round += 1) {
      const setup = await reviewYear();
      const cell = (points: number) => [
        { agencyCode: code(setup, 2), criterionCode: "II.1", points, version: 0, reason: `Tạo ${points}` },
      ];
      const results = await Promise.allSettled([
        saveFinalScores(setup.secretariatActor, setup.year.id, cell(40)),
        saveFinalScores(setup.secretariatActor, setup.year.id, cell(39)),
      ]);
      const { fulfilled, rejected } = outcomes(results);
      expect(fulfilled).toHaveLength(1);
      const winner = fulfilled[0]![0]!;
      expect(winner).toMatchObject({ version: 1 });
      expect(rejected).toEqual([
        expect.objectContaining({ code: "CONFLICT", messageKey: "errors.scores.stale" }),
      ]);
      expect(conflictsOf(rejected[0])).toEqual([
        expect.objectContaining({ criterionCode: "II.1", current: winner.final, version: 1 }),
      ]);
      expect(
        await db.score.count({ where: { yearId: setup.year.id, agencyId: setup.agencies[2]!.id } }),
      ).toBe(1);
      expect(await scoreRow(setup, 2, "II.1")).toMatchObject({ finalX100: winner.final! * 100, version: 1 });
    }
  });

  it("lets many writers of different cells all succeed at once", async () => {
    const setup = await reviewYear();
    const writes = ["I.1", "I.2", "II.1", "V.1", "VI.1"].flatMap((criterionCode) =>
      [0, 2].map((index) =>
        saveFinalScores(setup.secretariatActor, setup.year.id, [
          { agencyCode: code(setup, index), criterionCode, points: 1, version: 0, reason: "Song song" },
        ]),
      ),
    );
    const { fulfilled, rejected } = outcomes(await Promise.allSettled(writes));
    expect(rejected).toEqual([]);
    expect(fulfilled).toHaveLength(10);
    expect(await db.score.count({ where: { yearId: setup.year.id, finalX100: 100 } })).toBe(10);
  });

  it("is WRONG_PHASE outside REVIEW and after publication (errors.scores.locked) until reopened", async () => {
    const setup = await reviewYear();
    const cell = (version: number) => [
      { agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version },
    ];
    for (const phase of ["SELF_ASSESSMENT", "VOTING", "CLOSED"] as const) {
      await setPhase(setup.year.id, phase);
      await expect(saveFinalScores(setup.secretariatActor, setup.year.id, cell(1))).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.scores.wrongPhase",
      });
    }
    await setPhase(setup.year.id, "REVIEW");
    await scoreEveryMember(setup.year.id);
    await publishRanking(setup.secretariatActor, setup.year.id);
    await expect(saveFinalScores(setup.secretariatActor, setup.year.id, cell(1))).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.scores.locked",
    });
    await expect(getReviewGrid(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      locked: true,
      editable: false,
    });
    await reopenRanking(setup.secretariatActor, setup.year.id, { reason: "Sửa điểm sai" });
    await expect(saveFinalScores(setup.secretariatActor, setup.year.id, cell(1))).resolves.toEqual([
      expect.objectContaining({ version: 2 }),
    ]);
  });

  it("is FORBIDDEN to everyone but the year's secretariat", async () => {
    const setup = await reviewYear();
    const cell = [{ agencyCode: code(setup, 1), criterionCode: "I.2", points: 30, version: 1 }];
    for (const actor of [
      setup.leaderActors[1]!,
      setup.staffActors[1]!,
      setup.leaderActors[0]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(saveFinalScores(actor, setup.year.id, cell)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ finalX100: null, version: 1 });
  });
});

describe("getCellHistory", () => {
  it("lists self and final changes of one cell, newest first", async () => {
    const setup = await scoringSetup({ phase: "SELF_ASSESSMENT" });
    const staff = setup.staffActors[1]!;
    await saveSelfScore(staff, setup.year.id, { criterionId: setup.criterionId("II.1"), points: 38 });
    await saveSelfScore(staff, setup.year.id, {
      criterionId: setup.criterionId("II.1"),
      points: 39,
      note: "Sửa lại",
    });
    await setPhase(setup.year.id, "REVIEW");
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: code(setup, 1), criterionCode: "II.1", points: 36, version: 1, reason: "Thiếu văn bản" },
    ]);

    const history = await getCellHistory(setup.secretariatActor, setup.year.id, code(setup, 1), "II.1");
    expect(history.map((h) => [h.field, h.from, h.to, h.note, h.by])).toEqual([
      ["FINAL", null, 36, "Thiếu văn bản", setup.secretariatActor.name],
      ["SELF", 38, 39, "Sửa lại", staff.name],
      ["SELF", null, 38, null, staff.name],
    ]);
    await expect(
      getCellHistory(await actorOf("BOARD"), setup.year.id, code(setup, 1), "II.1"),
    ).resolves.toHaveLength(3);
    await expect(
      getCellHistory(setup.secretariatActor, setup.year.id, code(setup, 2), "II.1"),
    ).resolves.toEqual([]);
    await expect(getCellHistory(setup.secretariatActor, setup.year.id, "khongco", "II.1")).resolves.toEqual(
      [],
    );
    await expect(getCellHistory(staff, setup.year.id, code(setup, 1), "II.1")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("listScores", () => {
  it("gives the secretariat, the board and the admin every agency (filterable), members only their own", async () => {
    const setup = await reviewYear();
    await writeScores(setup, 2, { "V.1": { self: 2, final: 1 }, "I.1": { self: 30, final: 30 } });
    const all = await listScores(setup.secretariatActor, setup.year.id);
    const expectedCodes = [
      ...[code(setup, 1), code(setup, 2)]
        .sort()
        .flatMap((agencyCode) =>
          (agencyCode === code(setup, 1) ? ["I.1", "I.2", "II.1"] : ["I.1", "V.1"]).map((criterionCode) => [
            agencyCode,
            criterionCode,
          ]),
        ),
    ];
    expect(all.map((row) => [row.agencyCode, row.criterionCode])).toEqual(expectedCodes);
    expect(all.find((row) => row.agencyCode === code(setup, 2) && row.criterionCode === "V.1")).toEqual({
      agencyCode: code(setup, 2),
      criterionCode: "V.1",
      self: 2,
      selfNote: null,
      final: 1,
      reason: null,
      version: 1,
    });
    for (const actor of [await actorOf("BOARD"), await newAdmin()]) {
      expect(await listScores(actor, setup.year.id)).toHaveLength(5);
    }
    await expect(
      listScores(setup.secretariatActor, setup.year.id, { agency: code(setup, 2) }),
    ).resolves.toHaveLength(2);
    await expect(listScores(setup.secretariatActor, setup.year.id, { agency: "khongco" })).resolves.toEqual(
      [],
    );

    // A member sees its own agency only, with or without the filter; another member's filter is FORBIDDEN.
    for (const actor of [
      setup.staffActors[2]!,
      setup.leaderActors[2]!,
      await actorOf("SECRETARIAT", setup.agencies[2]!.id),
    ]) {
      const mine = await listScores(actor, setup.year.id);
      expect(new Set(mine.map((row) => row.agencyCode))).toEqual(new Set([code(setup, 2)]));
      expect(mine).toHaveLength(2);
      await expect(listScores(actor, setup.year.id, { agency: code(setup, 2) })).resolves.toHaveLength(2);
      await expect(listScores(actor, setup.year.id, { agency: code(setup, 1) })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(listScores(setup.staffActors[0]!, setup.year.id)).resolves.toEqual([]);
    await expect(
      listScores(await actorOf("AGENCY_STAFF", (await makeAgency(db)).id), setup.year.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listScores(setup.secretariatActor, setup.year.id, { agency: "KHÔNG HỢP LỆ!" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
