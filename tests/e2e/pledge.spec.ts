import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@/lib/db/client";
import {
  makeAgency,
  makeBloc,
  makePledgeSignature,
  makePledgeVersion,
  makeUser,
  makeYear,
  TEST_PASSWORD,
  uniqueToken,
} from "@/prisma/seed/factories";
import { E2E_PORT, E2E_SEAL_KEY } from "./support/env";
import { alert, expect, signIn, test } from "./support/fixtures";
import { pdfText } from "../support/pdf-text";

const ORIGIN = `http://localhost:${E2E_PORT}`;

/** A bloc in PLEDGING with three members, their leaders (real-looking names) and the secretariat. */
async function pledgingBloc(db: PrismaClient, options: { open: boolean }) {
  const token = uniqueToken();
  const bloc = await makeBloc(db, { name: `Khối thi đua thử nghiệm ký ${token}` });
  await db.bloc.update({ where: { id: bloc.id }, data: { place: "Nam Định" } });
  const agencies = [
    await makeAgency(db, { name: `Ban Kinh tế ${token}` }),
    await makeAgency(db, { name: `Sở Nội vụ ${token}` }),
    await makeAgency(db, { name: `Sở Tư pháp ${token}` }),
  ];
  const year = await makeYear(db, {
    blocId: bloc.id,
    year: 2025,
    phase: "PLEDGING",
    memberIds: agencies.map((a) => a.id),
    leaderId: agencies[0]!.id,
    deputyId: agencies[1]!.id,
  });
  const names = ["Nguyễn Thị Hằng", "Trần Quốc Việt", "Lê Đức Thắng"];
  const leaders = [];
  for (const [index, agency] of agencies.entries()) {
    leaders.push(
      await makeUser(db, {
        role: "AGENCY_LEADER",
        agencyId: agency.id,
        name: `${names[index]} ${token}`,
        title: index === 0 ? "Trưởng ban" : "Giám đốc",
      }),
    );
  }
  const secretary = await makeUser(db, {
    role: "SECRETARIAT",
    agencyId: agencies[0]!.id,
    name: `Thư ký ${token}`,
  });
  const staff = await makeUser(db, { role: "AGENCY_STAFF", agencyId: agencies[2]!.id });
  const version = options.open
    ? await makePledgeVersion(db, {
        yearId: year.id,
        createdById: secretary.id,
        content: { title: `Giao ước thi đua năm 2025 — ${token}` },
      })
    : null;
  return { token, bloc, year, agencies, leaders, secretary, staff, version };
}

test.describe("signing the pledge", () => {
  test("a leader signs on a phone; the board shows it; the PDF carries the Vietnamese title and every signer", async ({
    browser,
    db,
  }) => {
    const world = await pledgingBloc(db, { open: true });
    // One member signed before.
    await makePledgeSignature(db, {
      versionId: world.version!.id,
      signerId: world.leaders[0]!.id,
      sealKey: E2E_SEAL_KEY,
    });

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      acceptDownloads: true,
    });
    const page = await phone.newPage();
    await signIn(page, world.leaders[1]!.email, TEST_PASSWORD);
    await page
      .getByTestId("todo-list")
      .getByRole("link", { name: /Ký giao ước thi đua năm 2025/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giao ước thi đua năm 2025");

    await page.getByRole("button", { name: "Ký giao ước" }).click();
    await expect(page.getByText("Vui lòng đánh dấu xác nhận đồng ý ký.")).toBeVisible();
    await page.getByRole("checkbox", { name: /đã đọc toàn văn và đồng ý ký/ }).check();
    await page.getByLabel("Nhập lại mật khẩu để xác nhận").fill("mat-khau-sai-1");
    await page.getByRole("button", { name: "Ký giao ước" }).click();
    await expect(page.getByText("Mật khẩu không đúng.")).toBeVisible();
    await page.getByLabel("Nhập lại mật khẩu để xác nhận").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Ký giao ước" }).click();
    await expect(page.getByText(/Cơ quan của bạn đã ký: Trần Quốc Việt/)).toBeVisible();
    const board = page.getByTestId("signing-board");
    await expect(board.locator(`[data-agency="${world.agencies[1]!.code}"]`)).toContainText("Đã ký");
    await expect(board.locator(`[data-agency="${world.agencies[2]!.code}"]`)).toContainText("Chưa ký");
    await expect(page.getByTestId("signed-count")).toHaveText("Đã ký 2/3 cơ quan");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The provincial board reads who has signed.
    const boardContext = await browser.newContext();
    const boardPage = await boardContext.newPage();
    await signIn(boardPage, "board@khoithidua.local");
    await boardPage.goto(`/years/${world.year.id}/pledge`);
    await expect(
      boardPage.getByTestId("signing-board").locator(`[data-agency="${world.agencies[1]!.code}"]`),
    ).toContainText(`Trần Quốc Việt ${world.token}`);
    await expect(boardPage.getByRole("button", { name: "Ký giao ước" })).toHaveCount(0);

    // The signed document downloads as a PDF with the Vietnamese title and every signer's name.
    const [download] = await Promise.all([
      boardPage.waitForEvent("download"),
      boardPage.getByRole("link", { name: "Tải văn bản PDF" }).click(),
    ]);
    // The issued version (signed, in the registry): its file name carries the registry code.
    expect(download.suggestedFilename()).toMatch(
      /^giao-uoc-thi-dua-2025-phien-ban-1-gu-2025-[0-9a-f]{8}\.pdf$/,
    );
    const text = await pdfText(await readFile((await download.path())!));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("BẢN GIAO ƯỚC THI ĐUA NĂM 2025");
    expect(text).toContain(`Giao ước thi đua năm 2025 — ${world.token}`);
    expect(text).toContain(`Nguyễn Thị Hằng ${world.token}`);
    expect(text).toContain(`Trần Quốc Việt ${world.token}`);
    expect(text).toContain("CHỨNG NHẬN CHỮ KÝ ĐIỆN TỬ");
    expect(text).toContain(`/verify/pledge/${world.version!.id}`);

    // The verification page (the QR code's target) needs no sign-in.
    const anonymous = await browser.newContext();
    const verify = await anonymous.newPage();
    await verify.goto(`/verify/pledge/${world.version!.id}`);
    await expect(verify.getByTestId("verification-result")).toHaveText("Văn bản và mọi chữ ký đều hợp lệ.");
    await Promise.all([phone.close(), boardContext.close(), anonymous.close()]);
  });

  test("staff and other agencies cannot sign, even with crafted requests", async ({ page, db }) => {
    const world = await pledgingBloc(db, { open: true });
    const outsider = await makeUser(db, { role: "AGENCY_LEADER", agencyId: (await makeAgency(db)).id });
    const url = `/api/v1/pledge-versions/${world.version!.id}/signatures`;

    await signIn(page, world.staff.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/pledge`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Giao ước thi đua năm 2025");
    await expect(page.getByRole("button", { name: "Ký giao ước" })).toHaveCount(0);
    const asStaff = await page.request.post(url, {
      headers: { origin: ORIGIN },
      data: { password: TEST_PASSWORD, consent: true },
    });
    expect(asStaff.status()).toBe(403);

    await page.context().clearCookies();
    await signIn(page, outsider.email, TEST_PASSWORD);
    const asOutsider = await page.request.post(url, {
      headers: { origin: ORIGIN },
      data: { password: TEST_PASSWORD, consent: true },
    });
    expect(asOutsider.status()).toBe(404);

    await page.context().clearCookies();
    await signIn(page, world.leaders[2]!.email, TEST_PASSWORD);
    const forAnother = await page.request.post(url, {
      headers: { origin: ORIGIN },
      data: { password: TEST_PASSWORD, consent: true, agencyCode: world.agencies[0]!.code },
    });
    expect(forAnother.status()).toBe(422);
    const first = await page.request.post(url, {
      headers: { origin: ORIGIN },
      data: { password: TEST_PASSWORD, consent: true },
    });
    expect(first.status()).toBe(201);
    const again = await page.request.post(url, {
      headers: { origin: ORIGIN },
      data: { password: TEST_PASSWORD, consent: true },
    });
    expect(again.status()).toBe(200);
    expect((await again.json()).data.id).toBe((await first.json()).data.id);
    expect((await first.json()).data.agency.code).toBe(world.agencies[2]!.code);
    expect(await db.pledgeSignature.count({ where: { versionId: world.version!.id } })).toBe(1);
  });

  test("the secretariat drafts with a preview, opens, then a change makes every member sign again", async ({
    browser,
    db,
  }) => {
    const world = await pledgingBloc(db, { open: false });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/pledge`);
    await page.getByRole("link", { name: "Soạn phiên bản mới" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Soạn bản giao ước thi đua");
    await page.getByLabel("Tên văn bản").fill(`Giao ước thi đua năm 2025 của khối ${world.token}`);
    await page
      .getByLabel("Chỉ tiêu")
      .fill("1. **100%** cơ quan hoàn thành nhiệm vụ\n2. <script>alert(1)</script> không chạy");
    await page.getByRole("tab", { name: "Xem trước" }).click();
    const preview = page.getByTestId("pledge-preview");
    await expect(preview.locator("strong", { hasText: "100%" })).toBeVisible();
    await expect(preview).toContainText("<script>alert(1)</script> không chạy");
    await page.getByRole("tab", { name: "Soạn thảo" }).click();
    await page.getByRole("button", { name: "Lưu dự thảo" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu dự thảo.");

    await page.getByRole("checkbox", { name: /đồng ý khóa để mở ký/ }).check();
    await page.getByRole("button", { name: "Mở ký phiên bản 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/years/${world.year.id}/pledge$`));
    await expect(page.getByRole("heading", { name: "Bản giao ước đang mở ký — phiên bản 1" })).toBeVisible();
    await expect(page.getByTestId("signed-count")).toHaveText("Đã ký 0/3 cơ quan");

    // A member's leader is notified, signs version 1.
    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    await signIn(leader, world.leaders[2]!.email, TEST_PASSWORD);
    await leader
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: /Thông báo/ })
      .click();
    await expect(leader.getByTestId("notification-list")).toContainText("đã mở để ký (phiên bản 1)");
    const version1 = await db.pledgeVersion.findFirstOrThrow({
      where: { pledge: { yearId: world.year.id }, number: 1 },
    });
    await makePledgeSignature(db, {
      versionId: version1.id,
      signerId: world.leaders[2]!.id,
      sealKey: E2E_SEAL_KEY,
    });

    // The secretariat changes the text: version 2 supersedes version 1.
    await page.getByRole("link", { name: "Soạn phiên bản mới" }).click();
    await page.getByLabel("Cam kết").fill("Các cơ quan cam kết thực hiện đầy đủ, đúng tiến độ.");
    await page.getByRole("checkbox", { name: /đồng ý khóa để mở ký/ }).check();
    await expect(page.getByText("Phiên bản 1 đang mở ký sẽ bị thay thế")).toBeVisible();
    await page.getByRole("button", { name: "Mở ký phiên bản 2" }).click();
    await expect(page.getByRole("heading", { name: "Bản giao ước đang mở ký — phiên bản 2" })).toBeVisible();
    await expect(page.getByTestId("signed-count")).toHaveText("Đã ký 0/3 cơ quan");

    await leader.goto(`/years/${world.year.id}/pledge`);
    await expect(leader.getByText("Bản giao ước đã được sửa (phiên bản 2)")).toBeVisible();
    await expect(leader.getByRole("button", { name: "Ký giao ước" })).toBeVisible();
    await leader.goto("/notifications");
    await expect(leader.getByTestId("notification-list")).toContainText("đã được sửa (phiên bản 2)");
    await Promise.all([context.close(), leaderContext.close()]);
  });

  test("the demo year 2022 is open for signing with four members signed", async ({ page }) => {
    await signIn(page, "lanhdao.btc@khoithidua.local");
    await page
      .getByTestId("todo-list")
      .getByRole("link", { name: /Ký giao ước thi đua năm 2022/ })
      .click();
    await expect(page.getByTestId("signed-count")).toHaveText("Đã ký 4/10 cơ quan");
    for (const code of ["bdv", "btg", "vptu", "bao"])
      await expect(page.getByTestId("signing-board").locator(`[data-agency="${code}"]`)).toContainText(
        "Đã ký",
      );
    await expect(alert(page)).toHaveCount(0);
  });
});
