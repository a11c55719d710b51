import { makeAgency, makeUser, TEST_PASSWORD, uniqueToken } from "@/prisma/seed/factories";
import { alert, expect, signIn, test } from "./support/fixtures";

test.describe("administration", () => {
  test("the admin creates an agency, and the audit trail records it", async ({ page }) => {
    const token = uniqueToken();
    await signIn(page, "admin@khoithidua.local");
    await page
      .getByRole("navigation", { name: "Điều hướng chính" })
      .getByRole("link", { name: "Cơ quan", exact: true })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cơ quan, đơn vị");

    // A duplicate code is refused with a clear message and nothing is saved.
    await page.getByLabel("Mã").fill("btg");
    await page.getByLabel("Tên cơ quan").fill(`Ban thử nghiệm ${token}`);
    await page.getByLabel("Tên viết tắt").fill(`BTN ${token}`);
    await page.getByRole("button", { name: "Thêm cơ quan" }).click();
    await expect(alert(page)).toHaveText("Mã cơ quan btg đã được dùng.");
    await expect(page.getByRole("cell", { name: `Ban thử nghiệm ${token}`, exact: true })).toHaveCount(0);

    await page.getByLabel("Mã").fill(`e2e-${token}`);
    await page.getByRole("button", { name: "Thêm cơ quan" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã thêm cơ quan.");
    await expect(page.getByRole("cell", { name: `Ban thử nghiệm ${token}`, exact: true })).toBeVisible();

    await page.goto(`/audit?action=agency.create`);
    const row = page.getByTestId("audit-row").filter({ hasText: `e2e-${token}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("admin@khoithidua.local");
    await expect(row).toContainText("agency.create");
  });

  test("the admin creates a bloc and a year, chooses members and the leader", async ({ page, db }) => {
    const token = uniqueToken();
    const agencies = [
      await makeAgency(db, { name: `Sở A ${token}` }),
      await makeAgency(db, { name: `Sở B ${token}` }),
      await makeAgency(db, { name: `Sở C ${token}` }),
    ];
    await signIn(page, "admin@khoithidua.local");
    await page.goto("/admin/blocs");
    await page.getByLabel("Tên khối").fill(`Khối thử nghiệm ${token}`);
    await page.getByRole("button", { name: "Thêm khối" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã thêm khối thi đua.");

    await page.goto("/admin/years");
    await page.getByLabel("Khối", { exact: true }).selectOption({ label: `Khối thử nghiệm ${token}` });
    await page.getByLabel("Năm", { exact: true }).fill("2024");
    await page.getByRole("button", { name: "Tạo năm thi đua" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Khối thử nghiệm ${token} — Năm 2024`);

    for (const agency of agencies) await page.getByLabel(agency.name).check();
    await page.getByRole("button", { name: "Lưu danh sách thành viên" }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");

    await page.reload();
    await page.getByLabel("Khối trưởng").selectOption({ label: agencies[0]!.name });
    await page.getByLabel("Khối phó").selectOption({ label: agencies[0]!.name });
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(alert(page)).toContainText("Dữ liệu chưa hợp lệ");
    await expect(page.getByText("Khối phó phải khác Khối trưởng.")).toBeVisible();
    await page.getByLabel("Khối phó").selectOption({ label: agencies[1]!.name });
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");

    await page.getByRole("link", { name: "Trang năm thi đua" }).click();
    await expect(page.getByText(`${agencies[0]!.name}`).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Cơ quan thành viên (3)" })).toBeVisible();
  });

  test("disabling a user ends the session they already have", async ({ browser, db }) => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: "ubkt" } });
    const user = await makeUser(db, {
      role: "AGENCY_STAFF",
      agencyId: agency.id,
      name: `Cán bộ sẽ bị khóa ${uniqueToken()}`,
    });

    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await signIn(userPage, user.email, TEST_PASSWORD);
    await expect(userPage.getByRole("heading", { level: 1 })).toContainText(user.name);

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, "admin@khoithidua.local");
    await adminPage.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
    await adminPage.getByRole("link", { name: user.email }).click();
    await adminPage.getByLabel("Khóa tài khoản").check();
    await adminPage.getByRole("button", { name: "Lưu", exact: true }).click();
    await expect(adminPage.getByRole("status")).toHaveText("Đã lưu thay đổi.");

    await userPage.reload();
    await expect(userPage).toHaveURL(/\/login/);
    expect((await userPage.request.get("/api/v1/me")).status()).toBe(401);
    await userContext.close();
    await adminContext.close();
  });
});
