import { makeUser, TEST_PASSWORD } from "@/prisma/seed/factories";
import { alert, expect, signIn, test } from "./support/fixtures";

const HOMES = [
  {
    email: "admin@khoithidua.local",
    role: "Quản trị hệ thống",
    nav: ["Khối thi đua", "Cơ quan", "Tài khoản", "Nhật ký hệ thống"],
  },
  { email: "board@khoithidua.local", role: "Ban Thi đua – Khen thưởng tỉnh", nav: ["Nhật ký hệ thống"] },
  { email: "thuky.bdv@khoithidua.local", role: "Thư ký khối", nav: [] },
  { email: "lanhdao.bdv@khoithidua.local", role: "Thủ trưởng cơ quan", nav: [] },
  { email: "canbo.btc@khoithidua.local", role: "Cán bộ cơ quan", nav: [] },
];

test.describe("sign-in", () => {
  for (const home of HOMES) {
    test(`${home.email} signs in and lands on their home`, async ({ page }) => {
      await signIn(page, home.email);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
      await expect(page.getByText(home.role).first()).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
      for (const item of home.nav)
        await expect(nav.getByRole("link", { name: item, exact: true })).toBeVisible();
      if (home.nav.length === 0)
        await expect(nav.getByRole("link", { name: "Tài khoản", exact: true })).toHaveCount(0);
    });
  }

  test("the 2022 leader agency's secretariat and a member leader see what to do next", async ({ page }) => {
    await signIn(page, "thuky.bdv@khoithidua.local");
    await expect(page.getByTestId("todo-list")).toContainText(
      "Theo dõi ký giao ước năm 2022: 4/10 cơ quan đã ký",
    );
    await expect(page.getByText("Cơ quan của bạn là Khối trưởng năm nay.")).toBeVisible();
    await page.context().clearCookies();
    await signIn(page, "lanhdao.btc@khoithidua.local");
    await expect(page.getByTestId("todo-list")).toContainText("Ký giao ước thi đua năm 2022 cho cơ quan");
    await expect(page.getByText("Ký giao ước").first()).toBeVisible();
  });

  test("a wrong password is refused with the same message as an unknown account", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Thư điện tử").fill("canbo.bao@khoithidua.local");
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(alert(page)).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
    await page.getByLabel("Thư điện tử").fill("khong-ton-tai@khoithidua.local");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(alert(page)).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("repeated failures lock the account for a while, even with the right password", async ({
    page,
    db,
  }) => {
    const user = await makeUser(db, {
      role: "AGENCY_STAFF",
      agencyId: (await db.agency.findUniqueOrThrow({ where: { code: "tct" } })).id,
    });
    await page.goto("/login");
    await page.getByLabel("Thư điện tử").fill(user.email);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${attempt}`);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await expect(alert(page)).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
    }
    await page.getByLabel("Mật khẩu").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(alert(page)).toContainText("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session, and the old cookie no longer works", async ({ page }) => {
    await signIn(page, "canbo.vptu@khoithidua.local");
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
    expect(session).toBeDefined();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);
    // Replaying the old token: the token version moved on at sign-out.
    await page.context().addCookies([session!]);
    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect((await me.json()).error.code).toBe("UNAUTHENTICATED");
  });

  test("the interface switches to English and back", async ({ page }) => {
    await signIn(page, "canbo.bnc@khoithidua.local");
    await page.getByRole("group", { name: "Ngôn ngữ" }).getByRole("button", { name: "en" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "vi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Xin chào");
  });
});
