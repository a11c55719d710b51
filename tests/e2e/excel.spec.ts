import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@/lib/db/client";
import {
  makeAgency,
  makeBloc,
  makeCriteriaTable,
  makeUser,
  makeYear,
  smallCriteriaTable,
  TEST_PASSWORD,
  uniqueToken,
} from "@/prisma/seed/factories";
import { expect, signIn, test } from "./support/fixtures";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A bloc in REVIEW with three members, the small criteria table, some scores, and its secretariat. */
async function reviewBloc(db: PrismaClient) {
  const token = uniqueToken();
  const bloc = await makeBloc(db, { name: `Khối thi đua thử nghiệm Excel ${token}` });
  const agencies = [
    await makeAgency(db, { name: `Ban Kinh tế ${token}`, shortName: `BKT ${token}` }),
    await makeAgency(db, { name: `Sở Nội vụ ${token}`, shortName: `SNV ${token}` }),
    await makeAgency(db, { name: `Sở Tư pháp ${token}`, shortName: `STP ${token}` }),
  ];
  const year = await makeYear(db, {
    blocId: bloc.id,
    year: 2024,
    phase: "REVIEW",
    memberIds: agencies.map((a) => a.id),
    leaderId: agencies[0]!.id,
    deputyId: agencies[1]!.id,
  });
  const criteria = await makeCriteriaTable(db, year.id, smallCriteriaTable());
  for (const agency of agencies) {
    for (const [code, points] of [
      ["I.1", 25],
      ["I.2", 24],
      ["II.1", 33],
    ] as const) {
      await db.score.create({
        data: {
          yearId: year.id,
          agencyId: agency.id,
          criterionId: criteria.get(code)!.id,
          selfX100: points * 100,
          finalX100: points * 100,
        },
      });
    }
  }
  const secretary = await makeUser(db, {
    role: "SECRETARIAT",
    agencyId: agencies[0]!.id,
    name: `Thư ký ${token}`,
  });
  return { bloc, year, agencies, secretary };
}

async function scores(db: PrismaClient, yearId: string) {
  const rows = await db.score.findMany({
    where: { yearId },
    select: {
      finalX100: true,
      version: true,
      agency: { select: { code: true } },
      criterion: { select: { code: true } },
    },
  });
  return Object.fromEntries(
    rows.map((row) => [
      `${row.agency.code}:${row.criterion.code}`,
      { final: row.finalX100, version: row.version },
    ]),
  );
}

/** The cell of (agency code, criterion code) in the exported score sheet. */
function cellOf(sheet: ExcelJS.Worksheet, agencyCode: string, criterionCode: string): ExcelJS.Cell {
  let column = 0;
  sheet.getRow(5).eachCell((cell, number) => {
    if (cell.value === agencyCode) column = number;
  });
  let row = 0;
  sheet.getColumn(1).eachCell((cell, number) => {
    if (number > 5 && cell.value === criterionCode) row = number;
  });
  expect(column * row, `${agencyCode} × ${criterionCode}`).toBeGreaterThan(0);
  return sheet.getCell(row, column);
}

test.describe("score table in Excel", () => {
  test("the secretariat downloads the score table, edits two cells and uploads it: exactly those cells change", async ({
    page,
    db,
  }) => {
    const world = await reviewBloc(db);
    const [a0, a1, a2] = world.agencies.map((agency) => agency.code) as [string, string, string];
    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/scores/excel`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập, xuất Excel — năm 2024");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải bảng điểm (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^bang-diem-thi-dua-2024-khoi-thi-dua-thu-nghiem-excel-.+\.xlsx$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readFile(await download.path())) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet("Bảng điểm")!;
    expect(sheet.getCell("A1").value).toBe("BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2024");
    expect(cellOf(sheet, a1, "I.2").value).toBe(24);

    // An invalid file first: the errors are listed by cell and nothing is saved.
    const before = await scores(db, world.year.id);
    cellOf(sheet, a0, "I.1").value = 31;
    cellOf(sheet, a2, "II.1").value = "ba mươi";
    const invalid = Buffer.from(await workbook.xlsx.writeBuffer());
    const form = page.getByTestId("scores-xlsx-import");
    await form
      .getByLabel("Tệp Excel đã sửa")
      .setInputFiles({ name: "bang-diem-loi.xlsx", mimeType: XLSX, buffer: invalid });
    await form.getByRole("button", { name: "Nhập từ tệp" }).click();
    const result = page.getByTestId("scores-xlsx-import-result");
    await expect(result).toContainText("Tệp có 2 lỗi nên chưa có điểm nào được lưu.");
    await expect(result.getByRole("listitem")).toHaveText([
      `Ô ${cellOf(sheet, a0, "I.1").address}: 31 vượt điểm tối đa 30 của tiêu chí I.1.`,
      `Ô ${cellOf(sheet, a2, "II.1").address}: “ba mươi” không phải là số.`,
    ]);
    expect(await scores(db, world.year.id)).toEqual(before);

    // Fixed: two cells differ from the current scores.
    cellOf(sheet, a0, "I.1").value = 25;
    cellOf(sheet, a2, "II.1").value = 33;
    cellOf(sheet, a1, "I.2").value = 26.5;
    cellOf(sheet, a2, "V.1").value = 2;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    await form
      .getByLabel("Tệp Excel đã sửa")
      .setInputFiles({ name: "bang-diem-sua.xlsx", mimeType: XLSX, buffer: edited });
    await form.getByLabel("Lý do điều chỉnh (không bắt buộc)").fill("Theo kết luận họp khối");
    await form.getByRole("button", { name: "Nhập từ tệp" }).click();
    await expect(result).toHaveText("Đã cập nhật 2 ô.");

    const after = await scores(db, world.year.id);
    const changed = Object.keys(after).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    expect(changed.sort()).toEqual([`${a1}:I.2`, `${a2}:V.1`].sort());
    expect(after[`${a1}:I.2`]).toEqual({ final: 2650, version: before[`${a1}:I.2`]!.version + 1 });
    expect(after[`${a2}:V.1`]).toEqual({ final: 200, version: 1 });
    const score = await db.score.findFirstOrThrow({
      where: { yearId: world.year.id, agency: { code: a1 }, criterion: { code: "I.2" } },
      select: { finalReason: true, history: { select: { fromX100: true, toX100: true, note: true } } },
    });
    expect(score).toEqual({
      finalReason: "Theo kết luận họp khối",
      history: [{ fromX100: 2400, toX100: 2650, note: "Theo kết luận họp khối" }],
    });

    // The downloaded table now shows the new totals.
    const again = await page.request.get(`/api/v1/years/${world.year.id}/scores.xlsx`);
    expect(again.headers()["content-type"]).toBe(XLSX);
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load((await again.body()) as unknown as Parameters<typeof fresh.xlsx.load>[0]);
    expect(cellOf(fresh.getWorksheet("Bảng điểm")!, a1, "I.2").value).toBe(26.5);
  });
});
