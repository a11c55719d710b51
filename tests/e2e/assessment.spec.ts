import type { Locator, Page } from "@playwright/test";
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
import { E2E_PORT } from "./support/env";
import { alert, expect, signIn, test } from "./support/fixtures";

const ORIGIN = `http://localhost:${E2E_PORT}`;

/** A 1×1 PNG image. */
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** A real (tiny, one blank page) PDF document, built here. */
function minimalPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * A bloc in SELF_ASSESSMENT: the first agency leads it (its secretariat), the second is the one
 * scoring itself (staff and leader), the third is another member (its staff must see nothing).
 */
async function selfAssessmentBloc(
  db: PrismaClient,
  options: { phase?: "SELF_ASSESSMENT" | "PLEDGING" } = {},
) {
  const token = uniqueToken();
  const bloc = await makeBloc(db, { name: `Khối thi đua tự chấm ${token}` });
  const agencies = [
    await makeAgency(db, { name: `Ban Tuyên giáo ${token}` }),
    await makeAgency(db, { name: `Ban Dân vận ${token}` }),
    await makeAgency(db, { name: `Báo Nam Định ${token}` }),
  ];
  const year = await makeYear(db, {
    blocId: bloc.id,
    year: 2025,
    phase: options.phase ?? "SELF_ASSESSMENT",
    memberIds: agencies.map((agency) => agency.id),
    leaderId: agencies[0]!.id,
    deputyId: agencies[1]!.id,
  });
  const criteria =
    options.phase === "PLEDGING" ? new Map() : await makeCriteriaTable(db, year.id, smallCriteriaTable());
  const staff = await makeUser(db, {
    role: "AGENCY_STAFF",
    agencyId: agencies[1]!.id,
    name: `Phạm Thu Trang ${token}`,
  });
  const leader = await makeUser(db, {
    role: "AGENCY_LEADER",
    agencyId: agencies[1]!.id,
    name: `Đỗ Văn Hùng ${token}`,
    title: "Trưởng ban",
  });
  const secretary = await makeUser(db, {
    role: "SECRETARIAT",
    agencyId: agencies[0]!.id,
    name: `Thư ký ${token}`,
  });
  const otherStaff = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agencies[2]!.id });
  return { token, bloc, year, agencies, criteria, staff, leader, secretary, otherStaff };
}

const row = (page: Page, code: string) => page.locator(`[data-criterion="${code}"]`);

/** Types into a row's points (and note) and waits for the row's own "saved" indicator. */
async function score(page: Page, code: string, points: string, note?: string) {
  const item = row(page, code);
  await item.getByLabel("Điểm tự chấm").fill(points);
  if (note !== undefined) await item.getByLabel("Ghi chú, giải trình").fill(note);
  await expect(item.getByTestId("save-state")).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/);
}

async function fileInput(item: Locator) {
  return item.getByLabel("Tải lên minh chứng");
}

test.describe("self-assessment", () => {
  test("staff fill a self-assessment with an uploaded file; the leader submits; the secretariat returns it", async ({
    browser,
    db,
  }) => {
    test.setTimeout(120_000);
    const world = await selfAssessmentBloc(db);
    const agency = world.agencies[1]!;
    const url = `/years/${world.year.id}/assessment`;

    // Staff work on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
    });
    const page = await phone.newPage();
    await signIn(page, world.staff.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}`);
    await page.getByRole("link", { name: "Bản tự chấm của cơ quan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tự chấm điểm năm 2025");
    await expect(page.getByTestId("assessment-status")).toContainText("Bản nháp — chưa gửi.");

    // Invalid input shows at the field and is never sent.
    const first = row(page, "I.1");
    const points = first.getByLabel("Điểm tự chấm");
    await points.fill("-1");
    await expect(first.getByText("Điểm không được âm.")).toBeVisible();
    await points.fill("35");
    await expect(first.getByText("Vượt điểm tối đa (30).")).toBeVisible();
    await points.fill("mười");
    await expect(first.getByText("Điểm phải là số.")).toBeVisible();
    await expect(points).toHaveAttribute("aria-invalid", "true");
    await page.waitForTimeout(1200);
    expect(await db.score.count({ where: { yearId: world.year.id, agencyId: agency.id } })).toBe(0);

    // Points typed the Vietnamese way, notes, saved as one types.
    await score(page, "I.1", "25,5", "Đã tham mưu 12 văn bản chỉ đạo");
    await score(page, "I.2", "30");
    await score(page, "II.1", "38,25", "Chi bộ đạt trong sạch vững mạnh");
    await score(page, "VI.1", "1");
    await expect(page.getByTestId("filled-count")).toHaveText("Đã chấm 4/5 tiêu chí");
    await expect(page.getByTestId("self-total")).toHaveText("Tổng điểm tự chấm: 92,75");
    await expect(page.getByText("Mọi thay đổi đã được lưu.")).toBeVisible();
    await expect(
      row(page, "I.1").getByText("Tiêu chí này có điểm nên cần ít nhất một tệp minh chứng trước khi gửi."),
    ).toBeVisible();
    const saved = await db.score.findFirstOrThrow({
      where: { yearId: world.year.id, agencyId: agency.id, criterion: { code: "II.1" } },
    });
    expect(saved).toMatchObject({ selfX100: 3825, selfNote: "Chi bộ đạt trong sạch vững mạnh" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A reload keeps everything.
    await page.reload();
    await expect(row(page, "I.1").getByLabel("Điểm tự chấm")).toHaveValue("25,5");
    await expect(row(page, "I.1").getByLabel("Ghi chú, giải trình")).toHaveValue(
      "Đã tham mưu 12 văn bản chỉ đạo",
    );
    await expect(row(page, "II.1").getByLabel("Điểm tự chấm")).toHaveValue("38,25");
    await expect(row(page, "V.1").getByLabel("Điểm tự chấm")).toHaveValue("");
    await expect(page.getByTestId("self-total")).toHaveText("Tổng điểm tự chấm: 92,75");

    // A text file renamed .pdf is refused: the type comes from the content.
    await (
      await fileInput(row(page, "I.1"))
    ).setInputFiles({
      name: "bao-cao.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("Đây là văn bản, không phải PDF"),
    });
    await expect(alert(page)).toContainText("Chỉ nhận tệp PDF, ảnh (PNG, JPEG, WebP) hoặc văn bản Office");
    expect(await db.evidence.count({ where: { yearId: world.year.id, agencyId: agency.id } })).toBe(0);

    // The leader submits: refused while the required evidence of I.1 is missing.
    const leaderContext = await browser.newContext();
    const leaderPage = await leaderContext.newPage();
    await signIn(leaderPage, world.leader.email, TEST_PASSWORD);
    await leaderPage.goto(url);
    await leaderPage.getByRole("button", { name: "Gửi bản tự chấm" }).click();
    await leaderPage.getByRole("button", { name: "Xác nhận gửi" }).click();
    await expect(alert(leaderPage)).toContainText(
      "Còn tiêu chí bắt buộc có minh chứng nhưng chưa tải tệp lên:",
    );
    await expect(alert(leaderPage).getByRole("listitem")).toHaveText(["I.1. Tham mưu"]);

    // The staff member uploads a real PDF; it lists with a download link that serves the same bytes.
    const pdf = minimalPdf();
    await (
      await fileInput(row(page, "I.1"))
    ).setInputFiles({ name: "Biên bản hội nghị.pdf", mimeType: "application/pdf", buffer: pdf });
    const link = row(page, "I.1").getByRole("link", { name: "Biên bản hội nghị.pdf" });
    await expect(link).toBeVisible();
    await expect(
      row(page, "I.1").getByText("Tiêu chí này có điểm nên cần ít nhất một tệp minh chứng trước khi gửi."),
    ).toHaveCount(0);
    const href = (await link.getAttribute("href"))!;
    const download = await page.request.get(href);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(await download.body(), pdf)).toBe(0);
    const evidence = await db.evidence.findFirstOrThrow({
      where: { yearId: world.year.id, agencyId: agency.id, deletedAt: null },
    });
    expect(evidence).toMatchObject({
      fileName: "Biên bản hội nghị.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.byteLength,
    });

    // A photo uploaded by mistake is deleted again (after a confirmation).
    await (
      await fileInput(row(page, "I.2"))
    ).setInputFiles({ name: "anh-chup.png", mimeType: "image/png", buffer: Buffer.from(PNG_1X1, "base64") });
    await expect(row(page, "I.2").getByRole("link", { name: "anh-chup.png" })).toBeVisible();
    page.once("dialog", (dialog) => void dialog.accept());
    await row(page, "I.2").getByRole("button", { name: "Xóa anh-chup.png" }).click();
    await expect(row(page, "I.2").getByRole("link", { name: "anh-chup.png" })).toHaveCount(0);
    await expect(row(page, "I.2").getByText("Đã xóa tệp minh chứng.")).toBeVisible();
    expect(
      await db.evidence.count({ where: { yearId: world.year.id, agencyId: agency.id, deletedAt: null } }),
    ).toBe(1);

    // Now the submission goes through and editing locks.
    await leaderPage.reload();
    await leaderPage.getByRole("button", { name: "Gửi bản tự chấm" }).click();
    await leaderPage.getByRole("button", { name: "Xác nhận gửi" }).click();
    await expect(leaderPage.getByTestId("assessment-status")).toContainText(
      /Đã gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\. Bản tự chấm đã khóa\./,
    );
    await expect(leaderPage.getByLabel("Điểm tự chấm")).toHaveCount(0);
    await expect(leaderPage.getByRole("button", { name: "Gửi bản tự chấm" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId("assessment-status")).toContainText("Đã gửi lúc");
    await expect(page.getByLabel("Điểm tự chấm")).toHaveCount(0);
    await expect(page.getByLabel("Tải lên minh chứng")).toHaveCount(0);
    await expect(row(page, "I.1").getByTestId("self-points")).toHaveText("25,5/30 điểm");
    await expect(row(page, "I.1").getByRole("button", { name: /Xóa/ })).toHaveCount(0);
    // Even a crafted request cannot change it now.
    const crafted = await page.request.delete(href, { headers: { origin: ORIGIN } });
    expect(crafted.status()).toBe(409);

    // The secretariat of the leading agency follows the board, opens the assessment and returns it.
    const secretaryContext = await browser.newContext();
    const secretaryPage = await secretaryContext.newPage();
    await signIn(secretaryPage, world.secretary.email, TEST_PASSWORD);
    await secretaryPage.goto(`/years/${world.year.id}/assessments`);
    await expect(secretaryPage.getByTestId("submitted-count")).toHaveText("Đã gửi 1/3 cơ quan");
    const boardRow = secretaryPage.locator(`tr[data-agency="${agency.code}"]`);
    await expect(boardRow).toContainText("Đã gửi");
    await expect(boardRow).toContainText("4/5");
    await boardRow.getByRole("link", { name: agency.name }).click();
    await expect(secretaryPage.getByRole("heading", { level: 1 })).toHaveText("Tự chấm điểm năm 2025");
    await expect(secretaryPage.getByText(`${agency.name} — ${world.bloc.name}`)).toBeVisible();
    expect((await secretaryPage.request.get(href)).status()).toBe(200);
    await secretaryPage.getByRole("button", { name: "Trả lại" }).click();
    await expect(secretaryPage.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    await secretaryPage.getByLabel("Lý do trả lại").fill("Bổ sung minh chứng cho tiêu chí II.1");
    await secretaryPage.getByRole("button", { name: "Trả lại" }).click();
    await expect(secretaryPage.getByTestId("assessment-status")).toContainText(
      "Được trả lại: Bổ sung minh chứng cho tiêu chí II.1",
    );

    // The staff can edit again.
    await page.reload();
    await expect(page.getByTestId("assessment-status")).toContainText(
      "Được trả lại: Bổ sung minh chứng cho tiêu chí II.1",
    );
    await score(page, "II.1", "39");
    await expect(page.getByTestId("self-total")).toHaveText("Tổng điểm tự chấm: 93,5");
    expect(
      (
        await db.score.findFirstOrThrow({
          where: { yearId: world.year.id, agencyId: agency.id, criterion: { code: "II.1" } },
        })
      ).selfX100,
    ).toBe(3900);
    await Promise.all([phone.close(), leaderContext.close(), secretaryContext.close()]);
  });

  test("staff of another agency get 403 on that agency's assessment and 404 on its evidence", async ({
    page,
    db,
  }) => {
    const world = await selfAssessmentBloc(db);
    const agency = world.agencies[1]!;
    await signIn(page, world.staff.email, TEST_PASSWORD);
    const upload = await page.request.post(`/api/v1/years/${world.year.id}/evidence`, {
      headers: { origin: ORIGIN },
      multipart: {
        criterionId: world.criteria.get("I.1")!.id,
        file: { name: "minh-chung.pdf", mimeType: "application/pdf", buffer: minimalPdf() },
      },
    });
    expect(upload.status()).toBe(201);
    const evidenceId = (await upload.json()).data.id as string;

    await page.context().clearCookies();
    await signIn(page, world.otherStaff.email, TEST_PASSWORD);
    const response = await page.goto(`/years/${world.year.id}/assessment?agency=${agency.code}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" })).toBeVisible();
    expect((await page.request.get(`/api/v1/evidence/${evidenceId}`)).status()).toBe(404);
    expect(
      (await page.request.delete(`/api/v1/evidence/${evidenceId}`, { headers: { origin: ORIGIN } })).status(),
    ).toBe(404);
    // Their own assessment opens, without the other agency's file; they cannot see the progress board.
    expect((await page.goto(`/years/${world.year.id}/assessment`))?.status()).toBe(200);
    await expect(page.getByRole("link", { name: "minh-chung.pdf" })).toHaveCount(0);
    expect((await page.goto(`/years/${world.year.id}/assessments`))?.status()).toBe(404);

    // An agency outside the bloc gets 404 everywhere.
    const outsider = await makeUser(db, { role: "AGENCY_STAFF", agencyId: (await makeAgency(db)).id });
    await page.context().clearCookies();
    await signIn(page, outsider.email, TEST_PASSWORD);
    expect((await page.goto(`/years/${world.year.id}/assessment?agency=${agency.code}`))?.status()).toBe(404);
    expect((await page.request.get(`/api/v1/evidence/${evidenceId}`)).status()).toBe(404);
  });
});

test.describe("criteria table", () => {
  test("the secretariat copies last year's table, sees sums live, fixes a server error at its field, reorders by keyboard and saves", async ({
    page,
    db,
  }) => {
    const world = await selfAssessmentBloc(db, { phase: "PLEDGING" });
    const previous = await makeYear(db, {
      blocId: world.bloc.id,
      year: 2024,
      phase: "CLOSED",
      memberIds: world.agencies.map((agency) => agency.id),
      leaderId: world.agencies[0]!.id,
    });
    await makeCriteriaTable(db, previous.id, smallCriteriaTable());

    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}`);
    await page.getByRole("link", { name: "Bảng tiêu chí", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng tiêu chí năm 2025");
    await page.getByRole("button", { name: "Sao chép từ năm trước" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Đã sao chép bảng tiêu chí của năm trước" }),
    ).toBeVisible();

    const groupI = page.getByRole("group", { name: "Nhóm I", exact: true });
    await expect(groupI.getByTestId("group-sum-0")).toHaveText("Tổng điểm các tiêu chí: 60/60");
    await expect(page.getByTestId("base-sum")).toHaveText(
      "Tổng điểm các nhóm điểm cơ bản: 100/100 (thang điểm)",
    );

    // Sums follow typing; the server's refusal lands at the group's maximum.
    const i1 = groupI.getByRole("group", { name: "Tiêu chí I.1", exact: true });
    await i1.getByLabel("Điểm tối đa").fill("35,5");
    await expect(groupI.getByTestId("group-sum-0")).toHaveText("Tổng điểm các tiêu chí: 65,5/60");
    await page.getByRole("button", { name: "Lưu bảng tiêu chí" }).click();
    await expect(
      groupI.getByText(/^Tổng điểm các tiêu chí \(65[,.]5\) vượt điểm tối đa của nhóm \(60\)\.$/),
    ).toBeVisible();
    await i1.getByLabel("Điểm tối đa").fill("30");
    await i1.getByLabel("Hướng dẫn chấm").fill("Mỗi văn bản tham mưu được ban hành: 2,5 điểm");

    // I.2 moves above I.1 by keyboard; focus stays on the moved item's buttons.
    const i2 = groupI.getByRole("group", { name: "Tiêu chí I.2", exact: true });
    await i2.getByRole("button", { name: "Lên" }).focus();
    await page.keyboard.press("Enter");
    await expect(groupI.getByRole("group", { name: /^Tiêu chí / }).first()).toHaveAccessibleName(
      "Tiêu chí I.2",
    );
    await expect(
      groupI.getByRole("group", { name: "Tiêu chí I.2", exact: true }).getByRole("button", { name: "Xuống" }),
    ).toBeFocused();

    // A new criterion in group II, with evidence required.
    const groupII = page.getByRole("group", { name: "Nhóm II", exact: true });
    await groupII
      .getByRole("group", { name: "Tiêu chí II.1", exact: true })
      .getByLabel("Điểm tối đa")
      .fill("30");
    await groupII.getByRole("button", { name: "+ Thêm tiêu chí" }).click();
    const added = groupII.getByRole("group", { name: "Tiêu chí II.2", exact: true });
    await expect(added.getByLabel("Mã tiêu chí")).toBeFocused();
    await added.getByLabel("Nội dung tiêu chí").fill("Công tác dân vận");
    await added.getByLabel("Điểm tối đa").fill("10");
    await added.getByLabel("Bắt buộc có minh chứng").check();
    await page.getByRole("button", { name: "Lưu bảng tiêu chí" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã lưu bảng tiêu chí." })).toBeVisible();

    await page.reload();
    const codes = await page
      .getByRole("group", { name: /^Tiêu chí / })
      .evaluateAll((items) => items.map((item) => item.querySelector("legend")?.textContent));
    expect(codes).toEqual([
      "Tiêu chí I.2",
      "Tiêu chí I.1",
      "Tiêu chí II.1",
      "Tiêu chí II.2",
      "Tiêu chí V.1",
      "Tiêu chí VI.1",
    ]);
    const stored = await db.criterion.findMany({
      where: { yearId: world.year.id },
      orderBy: [{ group: { position: "asc" } }, { position: "asc" }],
      select: { code: true, maxX100: true, evidenceRequired: true, guidance: true },
    });
    expect(stored.map((criterion) => criterion.code)).toEqual(["I.2", "I.1", "II.1", "II.2", "V.1", "VI.1"]);
    expect(stored.find((criterion) => criterion.code === "II.2")).toMatchObject({
      maxX100: 1000,
      evidenceRequired: true,
    });
    expect(stored.find((criterion) => criterion.code === "I.1")?.guidance).toBe(
      "Mỗi văn bản tham mưu được ban hành: 2,5 điểm",
    );

    // Other members read the table, without the editor.
    await page.context().clearCookies();
    await signIn(page, world.staff.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/criteria`);
    await expect(page.getByTestId("criteria-view").locator('tr[data-criterion="II.2"]')).toContainText(
      "Công tác dân vận",
    );
    await expect(page.getByRole("button", { name: "Lưu bảng tiêu chí" })).toHaveCount(0);
  });
});
