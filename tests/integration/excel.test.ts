// The Excel round trips: the score table (export, edit, import of exactly the edited cells, errors by
// cell, wrong files, lock after publication, stale cells, who may do it) and the criteria table.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getScoresXlsx, POST as postScoresXlsx } from "@/app/api/v1/years/[yearId]/scores.xlsx/route";
import { getCriteriaTable, saveCriteriaTable } from "@/lib/criteria/criteria";
import { exportCriteriaXlsx, importCriteriaXlsx } from "@/lib/criteria/xlsx";
import { db } from "@/lib/db";
import { isAppError, type AppError } from "@/lib/errors";
import { toPublicError } from "@/lib/http/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { publishRanking } from "@/lib/ranking/ranking";
import { exportScoresXlsx, importScoresXlsx } from "@/lib/scores/excel";
import { saveFinalScores } from "@/lib/scores/save";
import { makeAgency, makeBlocWithYear, makeCriteriaTable, smallCriteriaTable } from "@/prisma/seed/factories";
import { actorFor, signedIn } from "../support/dal";
import { scoreEveryMember } from "../support/scoring";
import { setHeader } from "../support/request-context";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const vi = translatorFor("vi");

/**
 * A year in REVIEW with three members and the small criteria table. Agency 0 has every final score,
 * agency 1 self scores and a few finals, agency 2 self scores only.
 */
async function reviewYear(options: { phase?: "REVIEW" | "VOTING"; year?: number } = {}) {
  const setup = await makeBlocWithYear(db, {
    phase: options.phase ?? "REVIEW",
    memberCount: 3,
    year: options.year,
  });
  const criteria = await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
  const id = (code: string) => criteria.get(code)!.id;
  const cells: [number, string, number | null, number | null][] = [
    [0, "I.1", 28, 28],
    [0, "I.2", 26, 25.5],
    [0, "II.1", 36, 35],
    [0, "V.1", 3, 3],
    [0, "VI.1", 1, 1],
    [1, "I.1", 30, 29],
    [1, "I.2", 30, null],
    [1, "II.1", 40, 38],
    [2, "I.1", 20, null],
    [2, "II.1", 30, null],
  ];
  for (const [agency, code, self, final] of cells) {
    await db.score.create({
      data: {
        yearId: setup.year.id,
        agencyId: setup.agencies[agency]!.id,
        criterionId: id(code),
        selfX100: self === null ? null : Math.round(self * 100),
        finalX100: final === null ? null : Math.round(final * 100),
      },
    });
  }
  return { ...setup, criteria, id, secretariatActor: await actorFor(setup.secretariat) };
}

type Year = Awaited<ReturnType<typeof reviewYear>>;

async function workbookOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
}

/** The score sheet of an exported workbook with lookups: the cell of (agency code, criterion code). */
function scoreSheet(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet("Bảng điểm")!;
  const columnOf = (agencyCode: string) => {
    const row = sheet.getRow(5);
    for (let column = 4; column <= sheet.columnCount; column += 1)
      if (row.getCell(column).value === agencyCode) return column;
    throw new Error(`no column for ${agencyCode}`);
  };
  const rowOf = (label: string, column = 1) => {
    for (let r = 6; r <= sheet.rowCount; r += 1)
      if (sheet.getRow(r).getCell(column).value === label) return r;
    throw new Error(`no row for ${label}`);
  };
  const cell = (agencyCode: string, criterionCode: string) =>
    sheet.getCell(rowOf(criterionCode), columnOf(agencyCode));
  return { sheet, columnOf, rowOf, cell };
}

/** Every score of the year, as "agencyCode:criterionCode" → what a change would touch. */
async function snapshot(year: Year) {
  const scores = await db.score.findMany({
    where: { yearId: year.year.id },
    select: {
      id: true,
      finalX100: true,
      version: true,
      finalReason: true,
      agency: { select: { code: true } },
      criterion: { select: { code: true } },
      _count: { select: { history: true } },
    },
  });
  return new Map(scores.map((score) => [`${score.agency.code}:${score.criterion.code}`, score]));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("exportScoresXlsx", () => {
  it("writes criteria as rows, agencies as columns, the final scores, totals, rank and classification, and the self scores", async () => {
    const year = await reviewYear();
    const file = await exportScoresXlsx(year.secretariatActor, year.year.id);
    expect(file.fileName).toMatch(/^bang-diem-thi-dua-2022-khoi-thi-dua-thu-nghiem-[a-z0-9-]+\.xlsx$/);
    const workbook = await workbookOf(file.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Bảng điểm",
      "Tự chấm",
      "khoithidua-phien-ban",
    ]);
    expect(workbook.getWorksheet("khoithidua-phien-ban")!.state).toBe("veryHidden");
    const { sheet, columnOf, rowOf, cell } = scoreSheet(workbook);

    expect(sheet.getCell("A1").value).toBe("BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2022");
    expect(String(sheet.getCell("A2").value)).toContain(year.bloc.name);
    expect(sheet.getRow(3).hidden).toBe(true);
    expect([sheet.getCell("A3").value, sheet.getCell("B3").value, sheet.getCell("C3").value]).toEqual([
      "khoithidua:bang-diem:v1",
      year.year.id,
      2022,
    ]);
    expect([sheet.getCell("A4").value, sheet.getCell("B4").value, sheet.getCell("C4").value]).toEqual([
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
    ]);
    expect(sheet.getCell("A5").value).toBe("Mã cơ quan");
    expect(sheet.getCell("D5").font.size).toBe(8);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 5 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);

    // Members ordered by name, short names as headers, codes below.
    const members = [...year.agencies].sort((a, b) => a.name.localeCompare(b.name));
    for (const [index, agency] of members.entries()) {
      expect(columnOf(agency.code)).toBe(4 + index);
      expect(sheet.getCell(4, 4 + index).value).toBe(agency.shortName);
    }
    // Groups then their criteria, in order, with the maximum.
    const codes = [];
    for (let r = 6; r <= sheet.rowCount; r += 1)
      if (sheet.getCell(r, 1).value) codes.push(sheet.getCell(r, 1).value);
    expect(codes).toEqual(["I", "I.1", "I.2", "II", "II.1", "V", "V.1", "VI", "VI.1"]);
    expect(sheet.getCell(rowOf("I.1"), 2).value).toBe("Tham mưu");
    expect(sheet.getCell(rowOf("I.1"), 3).value).toBe(30);

    const [a0, a1, a2] = year.agencies.map((agency) => agency.code) as [string, string, string];
    expect(cell(a0, "I.2").value).toBe(25.5);
    expect(cell(a0, "I.2").numFmt).toBe("0.00");
    expect(cell(a1, "I.2").value).toBeNull();
    expect(cell(a2, "II.1").value).toBeNull();
    expect(cell(a0, "I.1").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 30],
    });
    // A group row shows the group's points of each agency.
    expect(sheet.getCell(rowOf("I"), columnOf(a0)).value).toBe(53.5);

    // Summary: agency 0 = 88.5 + 3 − 1 = 90.5 (Tốt, first); agency 1 = 67 (Trung bình, second); agency 2 has no
    // final score yet: "Chưa có điểm", no points, no classification (never "0 · Yếu").
    const summary = (label: string, code: string) => sheet.getCell(rowOf(label, 2), columnOf(code)).value;
    expect([
      summary("Điểm cơ bản", a0),
      summary("Điểm thưởng", a0),
      summary("Điểm trừ", a0),
      summary("Tổng điểm", a0),
    ]).toEqual([88.5, 3, 1, 90.5]);
    expect([summary("Xếp hạng", a0), summary("Xếp loại", a0)]).toEqual([1, "Tốt"]);
    expect([summary("Tổng điểm", a1), summary("Xếp hạng", a1), summary("Xếp loại", a1)]).toEqual([
      67,
      2,
      "Trung bình",
    ]);
    expect([
      summary("Điểm cơ bản", a2),
      summary("Tổng điểm", a2),
      summary("Xếp hạng", a2),
      summary("Xếp loại", a2),
    ]).toEqual([null, "Chưa có điểm", 3, ""]);
    expect(sheet.getCell(rowOf("Tổng điểm", 2), columnOf(a0)).numFmt).toBe("0.00");

    const self = scoreSheet(workbook);
    const selfSheet = workbook.getWorksheet("Tự chấm")!;
    expect(selfSheet.getCell("A1").value).toBe("BẢNG ĐIỂM TỰ CHẤM CỦA CÁC CƠ QUAN NĂM 2022");
    const selfCell = (agencyCode: string, criterionCode: string) =>
      selfSheet.getCell(self.rowOf(criterionCode), self.columnOf(agencyCode));
    expect([
      selfCell(a0, "I.2").value,
      selfCell(a1, "I.2").value,
      selfCell(a2, "II.1").value,
      selfCell(a2, "I.2").value,
    ]).toEqual([26, 30, 30, null]);
  });

  it("is for the year's secretariat, the board and the admin; not for agency leaders or staff, nor other secretariats", async () => {
    const year = await reviewYear();
    for (const role of ["BOARD", "ADMIN"] as const) {
      const { actor } = await signedIn(role);
      await expect(exportScoresXlsx(actor, year.year.id)).resolves.toMatchObject({
        fileName: expect.stringMatching(/\.xlsx$/),
      });
    }
    const refused = [
      await actorFor(year.leaders[0]!),
      await actorFor(year.staff[0]!),
      await actorFor(year.leaders[1]!),
      (await signedIn("SECRETARIAT", year.agencies[1]!.id)).actor,
    ];
    for (const actor of refused)
      await expect(exportScoresXlsx(actor, year.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = (await signedIn("SECRETARIAT", (await makeAgency(db)).id)).actor;
    await expect(exportScoresXlsx(outsider, year.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("importScoresXlsx", () => {
  it("saves exactly the edited cells, with a version, a history entry and the file's name as the reason", async () => {
    const year = await reviewYear();
    const [a0, , a2] = year.agencies.map((agency) => agency.code) as [string, string, string];
    const workbook = await workbookOf((await exportScoresXlsx(year.secretariatActor, year.year.id)).bytes);
    const { cell } = scoreSheet(workbook);
    cell(a0, "I.2").value = 27;
    cell(a2, "II.1").value = "29,5";
    const edited = await bytesOf(workbook);
    const before = await snapshot(year);

    await expect(
      importScoresXlsx(year.secretariatActor, year.year.id, {
        fileName: "bang-diem-sua.xlsx",
        bytes: edited,
      }),
    ).resolves.toEqual({ changed: 2 });

    const after = await snapshot(year);
    const changed = [...after.keys()]
      .filter((key) => JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)))
      .sort();
    expect(changed).toEqual([`${a0}:I.2`, `${a2}:II.1`].sort());
    expect(after.get(`${a0}:I.2`)).toMatchObject({
      finalX100: 2700,
      version: before.get(`${a0}:I.2`)!.version + 1,
      finalReason: "Nhập từ tệp Excel bang-diem-sua.xlsx",
    });
    expect(after.get(`${a2}:II.1`)).toMatchObject({
      finalX100: 2950,
      version: before.get(`${a2}:II.1`)!.version + 1,
    });
    const history = await db.scoreHistory.findMany({ where: { scoreId: after.get(`${a0}:I.2`)!.id } });
    expect(history).toEqual([
      expect.objectContaining({
        field: "FINAL",
        fromX100: 2550,
        toX100: 2700,
        note: "Nhập từ tệp Excel bang-diem-sua.xlsx",
        actorId: year.secretariat.id,
      }),
    ]);
    const audit = await db.auditLog.findMany({
      where: { entityId: year.year.id, action: "score.final.save" },
    });
    expect(audit).toHaveLength(1);

    // The same file again: nothing left to change.
    await expect(
      importScoresXlsx(year.secretariatActor, year.year.id, {
        fileName: "bang-diem-sua.xlsx",
        bytes: edited,
      }),
    ).resolves.toEqual({ changed: 0 });
    expect(await snapshot(year)).toEqual(after);
  });

  it("creates the score of a cell that had none, and takes a reason given with the file", async () => {
    const year = await reviewYear();
    const a2 = year.agencies[2]!.code;
    const workbook = await workbookOf((await exportScoresXlsx(year.secretariatActor, year.year.id)).bytes);
    scoreSheet(workbook).cell(a2, "V.1").value = 2;
    await expect(
      importScoresXlsx(year.secretariatActor, year.year.id, {
        fileName: "x.xlsx",
        bytes: await bytesOf(workbook),
        reason: "Theo biên bản họp khối",
      }),
    ).resolves.toEqual({ changed: 1 });
    expect((await snapshot(year)).get(`${a2}:V.1`)).toMatchObject({
      finalX100: 200,
      version: 1,
      finalReason: "Theo biên bản họp khối",
    });
  });

  it("refuses invalid cells by address (over the maximum, text, negative, three decimals) and saves nothing", async () => {
    const year = await reviewYear();
    const [a0, a1, a2] = year.agencies.map((agency) => agency.code) as [string, string, string];
    const workbook = await workbookOf((await exportScoresXlsx(year.secretariatActor, year.year.id)).bytes);
    const { cell } = scoreSheet(workbook);
    cell(a1, "I.2").value = 12; // valid, but must not be saved
    cell(a0, "I.1").value = 31;
    cell(a1, "II.1").value = "nhiều";
    cell(a2, "I.1").value = -2;
    cell(a2, "V.1").value = 2.555;
    const before = await snapshot(year);

    const error = await rejection(
      importScoresXlsx(year.secretariatActor, year.year.id, {
        fileName: "loi.xlsx",
        bytes: await bytesOf(workbook),
      }),
    );
    expect(error).toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.excel.scoresInvalid",
      params: { count: 4 },
    });
    const address = (agencyCode: string, criterionCode: string) => cell(agencyCode, criterionCode).address;
    const lines = error.items.map((item) => vi(item.message, item.params));
    expect(lines.sort()).toEqual(
      [
        `Ô ${address(a0, "I.1")}: 31 vượt điểm tối đa 30 của tiêu chí I.1.`,
        `Ô ${address(a1, "II.1")}: “nhiều” không phải là số.`,
        `Ô ${address(a2, "I.1")}: điểm không được âm (-2).`,
        `Ô ${address(a2, "V.1")}: điểm chỉ có tối đa hai chữ số thập phân (2,555).`,
      ].sort(),
    );
    expect(address(a0, "I.1")).toMatch(/^[D-F]7$/);
    const { body, status } = toPublicError(error, vi, "req-1");
    expect(status).toBe(422);
    expect(body.message).toBe("Tệp có 4 lỗi nên chưa có điểm nào được lưu. Sửa các ô sau rồi nhập lại:");
    expect(body.details).toMatchObject({
      items: expect.arrayContaining([`Ô ${address(a1, "II.1")}: “nhiều” không phải là số.`]),
    });
    expect(await snapshot(year)).toEqual(before);
  });

  it("refuses a file that is not an XLSX, not the score template, another year's, or with unknown codes", async () => {
    const year = await reviewYear();
    const other = await reviewYear({ year: 2023 });
    const actor = year.secretariatActor;
    const before = await snapshot(year);

    await expect(
      importScoresXlsx(actor, year.year.id, {
        fileName: "a.xlsx",
        bytes: new TextEncoder().encode("%PDF-1.7 không phải bảng tính"),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.notXlsx" });
    await expect(
      importScoresXlsx(actor, year.year.id, {
        fileName: "a.xlsx",
        bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.notXlsx" });
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Trang tính 1").getCell("A1").value = "Bảng điểm tự làm";
    await expect(
      importScoresXlsx(actor, year.year.id, { fileName: "a.xlsx", bytes: await bytesOf(blank) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.notScoresTemplate" });
    // The criteria workbook is not a score table either.
    const criteriaFile = await exportCriteriaXlsx(actor, year.year.id);
    await expect(
      importScoresXlsx(actor, year.year.id, { fileName: "a.xlsx", bytes: criteriaFile.bytes }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.notScoresTemplate" });

    const foreign = await exportScoresXlsx(other.secretariatActor, other.year.id);
    const wrongYear = await rejection(
      importScoresXlsx(actor, year.year.id, { fileName: "khac.xlsx", bytes: foreign.bytes }),
    );
    expect(wrongYear).toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.excel.wrongYear",
      params: { fileYear: "2023", fileBloc: other.bloc.name, year: 2022, bloc: year.bloc.name },
    });
    expect(vi(wrongYear.messageKey, wrongYear.params)).toContain(
      `Tệp là bảng điểm năm 2023 của ${other.bloc.name}`,
    );

    const workbook = await workbookOf((await exportScoresXlsx(actor, year.year.id)).bytes);
    const { sheet, rowOf, columnOf } = scoreSheet(workbook);
    const a0Column = columnOf(year.agencies[0]!.code);
    sheet.getCell(5, a0Column).value = "khongco";
    sheet.getCell(rowOf("I.2"), 1).value = "I.9";
    const unknown = await rejection(
      importScoresXlsx(actor, year.year.id, { fileName: "a.xlsx", bytes: await bytesOf(workbook) }),
    );
    expect(unknown).toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.scoresInvalid" });
    expect(unknown.items.map((item) => vi(item.message, item.params))).toEqual([
      `Ô ${sheet.getCell(5, a0Column).address}: năm thi đua không có cơ quan thành viên mã “khongco”.`,
      `Ô A${rowOf("I.9")}: bảng tiêu chí của năm không có tiêu chí mã “I.9”.`,
    ]);
    expect(await snapshot(year)).toEqual(before);
  });

  it("is refused once the ranking is published (scores locked) and outside the review phase", async () => {
    const year = await reviewYear();
    const workbook = await workbookOf((await exportScoresXlsx(year.secretariatActor, year.year.id)).bytes);
    scoreSheet(workbook).cell(year.agencies[0]!.code, "I.2").value = 20;
    const edited = await bytesOf(workbook);
    await scoreEveryMember(year.year.id);
    await publishRanking(year.secretariatActor, year.year.id);
    const before = await snapshot(year);
    await expect(
      importScoresXlsx(year.secretariatActor, year.year.id, { fileName: "a.xlsx", bytes: edited }),
    ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.scores.locked" });
    expect(await snapshot(year)).toEqual(before);

    const voting = await reviewYear({ phase: "VOTING" });
    const file = await exportScoresXlsx(voting.secretariatActor, voting.year.id);
    await expect(
      importScoresXlsx(voting.secretariatActor, voting.year.id, { fileName: "a.xlsx", bytes: file.bytes }),
    ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.scores.wrongPhase" });
  });

  it("never reverts a cell saved by someone else since the export, and refuses an edit of such a cell", async () => {
    const year = await reviewYear();
    const [a0, a1] = year.agencies.map((agency) => agency.code) as [string, string];
    const exported = await workbookOf((await exportScoresXlsx(year.secretariatActor, year.year.id)).bytes);
    // Meanwhile, in the grid: agency 0's I.1 and agency 1's II.1 change.
    const colleague = (await signedIn("SECRETARIAT", year.agencies[0]!.id)).actor;
    await saveFinalScores(colleague, year.year.id, [
      { agencyCode: a0, criterionCode: "I.1", points: 27, version: 1, reason: "Sửa trên lưới" },
      { agencyCode: a1, criterionCode: "II.1", points: 37, version: 1, reason: "Sửa trên lưới" },
    ]);
    const { cell } = scoreSheet(exported);
    cell(a0, "I.2").value = 24;
    const untouched = await bytesOf(exported);
    await expect(
      importScoresXlsx(year.secretariatActor, year.year.id, { fileName: "a.xlsx", bytes: untouched }),
    ).resolves.toEqual({ changed: 1 });
    const now = await snapshot(year);
    expect(now.get(`${a0}:I.1`)).toMatchObject({ finalX100: 2700 });
    expect(now.get(`${a1}:II.1`)).toMatchObject({ finalX100: 3700 });
    expect(now.get(`${a0}:I.2`)).toMatchObject({ finalX100: 2400 });

    cell(a1, "II.1").value = 39;
    cell(a0, "V.1").value = 4;
    const conflict = await rejection(
      importScoresXlsx(year.secretariatActor, year.year.id, {
        fileName: "a.xlsx",
        bytes: await bytesOf(exported),
      }),
    );
    expect(conflict).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.excel.scoresStale",
      params: { count: 1 },
    });
    expect(conflict.items.map((item) => vi(item.message, item.params))).toEqual([
      `Ô ${cell(a1, "II.1").address}: điểm hiện nay là 37.`,
    ]);
    expect(await snapshot(year)).toEqual(now);
  });

  it("is for the year's secretariat only: leaders, staff, the board and the admin cannot import", async () => {
    const year = await reviewYear();
    const file = await exportScoresXlsx(year.secretariatActor, year.year.id);
    const refused = [
      await actorFor(year.leaders[0]!),
      await actorFor(year.staff[1]!),
      (await signedIn("BOARD")).actor,
      (await signedIn("ADMIN")).actor,
      (await signedIn("SECRETARIAT", year.agencies[2]!.id)).actor,
    ];
    for (const actor of refused) {
      await expect(
        importScoresXlsx(actor, year.year.id, { fileName: "a.xlsx", bytes: file.bytes }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("GET and POST /api/v1/years/{yearId}/scores.xlsx", () => {
  it("downloads the workbook, imports an edited one from a multipart form, and checks who asks first", async () => {
    const year = await reviewYear();
    await actorFor(year.secretariat);
    const origin = "http://localhost:3000";
    const sessionCookie = async () => (await (await import("next/headers")).headers()).get("cookie")!;
    const cookie = await sessionCookie();
    const context = { params: Promise.resolve({ yearId: year.year.id }) };

    const download = await getScoresXlsx(
      new NextRequest(`${origin}/api/v1/years/${year.year.id}/scores.xlsx`, { headers: { cookie } }),
      context,
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe(XLSX);
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="bang-diem-thi-dua-2022-.*\.xlsx"$/,
    );
    const workbook = await workbookOf(new Uint8Array(await download.arrayBuffer()));
    const { cell } = scoreSheet(workbook);
    cell(year.agencies[1]!.code, "I.2").value = 22.25;

    setHeader("origin", origin);
    const post = async (file: Blob | null) => {
      const form = new FormData();
      if (file) form.set("file", file, "bang-diem.xlsx");
      const headers = { cookie: await sessionCookie(), origin, host: "localhost:3000" };
      const response = await postScoresXlsx(
        new NextRequest(`${origin}/api/v1/years/${year.year.id}/scores.xlsx`, {
          method: "POST",
          headers,
          body: form,
        }),
        context,
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await post(new Blob([Buffer.from(await bytesOf(workbook))], { type: XLSX }))).toEqual({
      status: 200,
      body: { data: { changed: 1 } },
    });
    expect(await post(null)).toMatchObject({
      status: 422,
      body: {
        error: { code: "VALIDATION", message: "Vui lòng chọn tệp Excel (.xlsx) để nhập (trường file)." },
      },
    });

    cell(year.agencies[1]!.code, "I.1").value = "ba mươi";
    const invalid = await post(new Blob([Buffer.from(await bytesOf(workbook))], { type: XLSX }));
    expect(invalid).toMatchObject({
      status: 422,
      body: {
        error: {
          code: "VALIDATION",
          details: {
            items: [`Ô ${cell(year.agencies[1]!.code, "I.1").address}: “ba mươi” không phải là số.`],
          },
        },
      },
    });

    // Who is asking is checked before the upload: staff get 403 with or without a file.
    await actorFor(year.staff[1]!);
    expect(await post(null)).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(await post(new Blob([Buffer.from(await bytesOf(workbook))], { type: XLSX }))).toMatchObject({
      status: 403,
    });
  });
});

describe("criteria table in Excel", () => {
  async function pledgingYear() {
    const setup = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 2 });
    await makeCriteriaTable(db, setup.year.id, smallCriteriaTable());
    return { ...setup, secretariatActor: await actorFor(setup.secretariat) };
  }

  /** The table without what a save changes (revision) or what the actor decides (editable). */
  const shape = (table: Awaited<ReturnType<typeof getCriteriaTable>>) => table.groups;

  it("exports groups and criteria (code, level, kind, title, guidance, maximum, evidence) and imports them back unchanged", async () => {
    const year = await pledgingYear();
    await db.criterion.updateMany({
      where: { yearId: year.year.id, code: "I.1" },
      data: { guidance: "Có văn bản tham mưu đúng hạn" },
    });
    const before = await getCriteriaTable(year.secretariatActor, year.year.id);
    const file = await exportCriteriaXlsx(year.secretariatActor, year.year.id);
    expect(file.fileName).toMatch(/^bang-tieu-chi-2022-.+\.xlsx$/);
    const workbook = await workbookOf(file.bytes);
    const sheet = workbook.getWorksheet("Bảng tiêu chí")!;
    expect(sheet.getCell("A1").value).toBe("BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2022");
    expect(sheet.getRow(3).hidden).toBe(true);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      "Mã",
      "Cấp",
      "Loại điểm",
      "Nội dung",
      "Hướng dẫn chấm",
      "Điểm tối đa",
      "Bắt buộc minh chứng",
    ]);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      "I",
      "Nhóm",
      "Điểm cơ bản",
      "Nhiệm vụ chính trị",
      undefined,
      60,
    ]);
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      "I.1",
      "Tiêu chí",
      "Điểm cơ bản",
      "Tham mưu",
      "Có văn bản tham mưu đúng hạn",
      30,
      "Có",
    ]);
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      "I.2",
      "Tiêu chí",
      "Điểm cơ bản",
      "Chỉ tiêu",
      undefined,
      30,
      "Không",
    ]);
    expect(sheet.getCell("C10").value).toBe("Điểm thưởng");
    expect(sheet.getCell("C12").value).toBe("Điểm trừ");

    const saved = await importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: file.bytes });
    expect(saved.revision).toBe(before.revision + 1);
    expect(shape(saved)).toEqual(shape(before));
    expect(await db.auditLog.count({ where: { entityId: year.year.id, action: "criteria.import" } })).toBe(1);
  });

  it("applies edits: a changed title and maximum, a new criterion, a removed one", async () => {
    const year = await pledgingYear();
    const before = await getCriteriaTable(year.secretariatActor, year.year.id);
    const workbook = await workbookOf((await exportCriteriaXlsx(year.secretariatActor, year.year.id)).bytes);
    const sheet = workbook.getWorksheet("Bảng tiêu chí")!;
    sheet.getCell("D6").value = "Tham mưu, đề xuất";
    sheet.getCell("F6").value = 25;
    sheet.spliceRows(7, 1); // I.2 removed
    sheet.getCell("F8").value = 35; // II.1, now on row 8
    // A new criterion after II.1 (now on row 8), typed by a person: a text maximum, "có" for evidence.
    sheet.insertRow(9, ["II.2", "Tiêu chí", "", "Công tác dân vận", "Theo kế hoạch", "5", "có"]);
    const saved = await importCriteriaXlsx(year.secretariatActor, year.year.id, {
      bytes: await bytesOf(workbook),
    });
    const codes = saved.groups.map((group) => [
      group.code,
      group.criteria.map((criterion) => `${criterion.code}:${criterion.max}:${criterion.evidenceRequired}`),
    ]);
    expect(codes).toEqual([
      ["I", ["I.1:25:true"]],
      ["II", ["II.1:35:false", "II.2:5:true"]],
      ["V", ["V.1:5:false"]],
      ["VI", ["VI.1:5:false"]],
    ]);
    expect(saved.groups[0]!.criteria[0]).toMatchObject({
      id: before.groups[0]!.criteria[0]!.id,
      title: "Tham mưu, đề xuất",
    });
    expect(saved.groups[1]!.criteria[1]).toMatchObject({ kind: "BASE", guidance: "Theo kế hoạch" });
  });

  it("names the cells of every problem and saves nothing", async () => {
    const year = await pledgingYear();
    const before = await getCriteriaTable(year.secretariatActor, year.year.id);
    const workbook = await workbookOf((await exportCriteriaXlsx(year.secretariatActor, year.year.id)).bytes);
    const sheet = workbook.getWorksheet("Bảng tiêu chí")!;
    sheet.getCell("F7").value = 35; // I.2: 30 + 35 above group I's 60
    sheet.getCell("C8").value = "Điểm lạ"; // group II's kind
    sheet.getCell("D9").value = ""; // II.1 without a title
    sheet.getCell("G11").value = "có lẽ"; // V.1's evidence
    const error = await rejection(
      importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: await bytesOf(workbook) }),
    );
    expect(error).toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.criteriaInvalid" });
    const fields = Object.fromEntries(
      error.fieldIssues.map((issue) => [issue.path, vi(issue.message, issue.params)]),
    );
    expect(fields).toEqual({
      C8: "Ghi “Điểm cơ bản”, “Điểm thưởng” hoặc “Điểm trừ”.",
      G11: "Ghi “Có” hoặc “Không”.",
      D9: "Vui lòng nhập thông tin này.",
    });
    // With the sheet's own problems fixed, the table's rules speak, still by cell.
    sheet.getCell("C8").value = "Điểm cơ bản";
    sheet.getCell("D9").value = "Tổ chức đảng";
    sheet.getCell("G11").value = "Không";
    const rules = await rejection(
      importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: await bytesOf(workbook) }),
    );
    expect(
      Object.fromEntries(rules.fieldIssues.map((issue) => [issue.path, vi(issue.message, issue.params)])),
    ).toEqual({ F5: "Tổng điểm các tiêu chí (65) vượt điểm tối đa của nhóm (60)." });
    expect(toPublicError(rules, vi, "r").body.details).toEqual({
      fields: { F5: "Tổng điểm các tiêu chí (65) vượt điểm tối đa của nhóm (60)." },
    });
    expect(await getCriteriaTable(year.secretariatActor, year.year.id)).toEqual(before);
  });

  it("refuses a file exported before the table was saved again (stale), and a file of another layout", async () => {
    const year = await pledgingYear();
    const file = await exportCriteriaXlsx(year.secretariatActor, year.year.id);
    const table = await getCriteriaTable(year.secretariatActor, year.year.id);
    const groups = table.groups.map((group) => ({
      ...group,
      criteria: group.criteria.map((criterion) => ({
        id: criterion.id,
        code: criterion.code,
        title: criterion.title,
        guidance: criterion.guidance,
        max: criterion.max,
        evidenceRequired: criterion.evidenceRequired,
      })),
    }));
    await saveCriteriaTable(year.secretariatActor, year.year.id, { groups, revision: table.revision });
    await expect(
      importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: file.bytes }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.criteria.stale" });
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1").addRow(["STT", "Nội dung"]);
    await expect(
      importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: await bytesOf(blank) }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.excel.notCriteriaTemplate" });
  });

  it("exports for every member, imports for the year's secretariat only, and only until self-assessment", async () => {
    const year = await pledgingYear();
    const file = await exportCriteriaXlsx(year.secretariatActor, year.year.id);
    for (const user of [year.leaders[1]!, year.staff[0]!]) {
      const actor = await actorFor(user);
      await expect(exportCriteriaXlsx(actor, year.year.id)).resolves.toMatchObject({
        fileName: expect.stringMatching(/\.xlsx$/),
      });
      await expect(importCriteriaXlsx(actor, year.year.id, { bytes: file.bytes })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      importCriteriaXlsx((await signedIn("ADMIN")).actor, year.year.id, { bytes: file.bytes }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      exportCriteriaXlsx((await signedIn("AGENCY_STAFF", (await makeAgency(db)).id)).actor, year.year.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.emulationYear.update({ where: { id: year.year.id }, data: { phase: "SELF_ASSESSMENT" } });
    await expect(
      importCriteriaXlsx(year.secretariatActor, year.year.id, { bytes: file.bytes }),
    ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.criteria.locked" });
  });
});
