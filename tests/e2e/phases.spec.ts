import { makeAgency, makeBloc, makeUser, makeYear, TEST_PASSWORD } from "@/prisma/seed/factories";
import { alert, expect, signIn, test } from "./support/fixtures";

test.describe("moving a year forward", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the secretariat moves its year on a phone, giving a reason for the work left undone", async ({
    page,
    db,
  }) => {
    const bloc = await makeBloc(db);
    const leader = await makeAgency(db);
    const member = await makeAgency(db);
    const year = await makeYear(db, {
      blocId: bloc.id,
      year: 2025,
      memberIds: [leader.id, member.id],
      leaderId: leader.id,
    });
    const secretary = await makeUser(db, { role: "SECRETARIAT", agencyId: leader.id });

    await signIn(page, secretary.email, TEST_PASSWORD);
    await page.getByRole("link", { name: "Xem năm thi đua" }).click();
    await expect(page).toHaveURL(new RegExp(`/years/${year.id}`));
    await expect(page.getByText("Chưa chọn Khối phó.")).toBeVisible();
    await expect(page.getByLabel("Chuyển sang giai đoạn")).toHaveValue("PLEDGING");

    await page.getByRole("button", { name: "Chuyển giai đoạn" }).click();
    await expect(alert(page)).toContainText("hãy nêu lý do để chuyển giai đoạn");

    await page.getByLabel("Lý do").fill("Khối phó sẽ được bầu tại hội nghị đầu năm.");
    await page.getByRole("button", { name: "Chuyển giai đoạn" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã chuyển giai đoạn.");
    await expect(page.locator('[aria-current="step"]')).toHaveText("2. Ký giao ước");

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: year.id, action: "year.phase.move" },
    });
    expect(audit).toMatchObject({
      actorEmail: secretary.email,
      reason: "Khối phó sẽ được bầu tại hội nghị đầu năm.",
    });
  });

  test("a leader works from a phone: the menu opens and the home shows the year", async ({ page }) => {
    await signIn(page, "lanhdao.tct@khoithidua.local");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
    await page.getByRole("button", { name: "Menu" }).click();
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Tài khoản của tôi" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
    await page.goto("/");
    await expect(
      page.getByText("Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định — Năm 2022"),
    ).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
