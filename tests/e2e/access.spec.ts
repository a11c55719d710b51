import { makeAgency, makeUser, TEST_PASSWORD } from "@/prisma/seed/factories";
import { E2E_PORT } from "./support/env";
import { expect, signIn, test } from "./support/fixtures";

const ORIGIN = `http://localhost:${E2E_PORT}`;

test.describe("who may see and do what", () => {
  test("an anonymous visitor is sent to sign in, and the API answers 401", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect(await me.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Bạn cần đăng nhập." } });
  });

  test("non-admins get 403 on admin pages and admin endpoints", async ({ page }) => {
    await signIn(page, "lanhdao.btg@khoithidua.local");
    for (const path of ["/admin/users", "/admin/agencies", "/admin/years", "/admin/blocs", "/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(
        page.getByRole("heading", { name: "Bạn không có quyền truy cập trang này" }),
      ).toBeVisible();
    }
    const create = await page.request.post("/api/v1/agencies", {
      headers: { origin: ORIGIN },
      data: { code: "xam-nhap", name: "Cơ quan xâm nhập", shortName: "XN" },
    });
    expect(create.status()).toBe(403);
    expect((await create.json()).error).toMatchObject({
      code: "FORBIDDEN",
      message: "Bạn không có quyền thực hiện thao tác này.",
    });
    expect((await page.request.get("/api/v1/users")).status()).toBe(403);
    expect((await page.request.get("/api/v1/audit")).status()).toBe(403);
  });

  test("the board reads the audit trail but cannot administer", async ({ page }) => {
    await signIn(page, "board@khoithidua.local");
    expect((await page.goto("/audit"))?.status()).toBe(200);
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
    const years = await page.request.get("/api/v1/blocs");
    expect(years.status()).toBe(200);
  });

  test("an agency outside the bloc sees none of its years, whatever id it tries", async ({ page, db }) => {
    const outsider = await makeAgency(db);
    const user = await makeUser(db, { role: "AGENCY_LEADER", agencyId: outsider.id });
    const bloc = await db.bloc.findFirstOrThrow({
      where: { name: { startsWith: "Khối thi đua các cơ quan Đảng" } },
    });
    const year2022 = await db.emulationYear.findFirstOrThrow({ where: { blocId: bloc.id, year: 2022 } });
    await signIn(page, user.email, TEST_PASSWORD);
    expect(await (await page.request.get("/api/v1/blocs")).json()).toEqual({ data: [] });
    expect((await page.request.get(`/api/v1/blocs/${bloc.id}/years`)).status()).toBe(404);
    expect((await page.request.get(`/api/v1/years/${year2022.id}`)).status()).toBe(404);
    expect((await page.goto(`/years/${year2022.id}`))?.status()).toBe(404);
    // A member's staff cannot move the phase either, even with a crafted request.
    await page.context().clearCookies();
    await signIn(page, "canbo.btg@khoithidua.local");
    const move = await page.request.patch(`/api/v1/years/${year2022.id}`, {
      headers: { origin: ORIGIN },
      data: { phase: "SELF_ASSESSMENT" },
    });
    expect(move.status()).toBe(403);
  });

  test("a state change with the session cookie from a foreign origin is refused", async ({ page }) => {
    await signIn(page, "admin@khoithidua.local");
    const foreign = await page.request.post("/api/v1/blocs", {
      headers: { origin: "https://evil.example" },
      data: { name: "Khối giả mạo" },
    });
    expect(foreign.status()).toBe(403);
    expect((await foreign.json()).error.code).toBe("FORBIDDEN");
    const blocs = (await (await page.request.get("/api/v1/blocs")).json()) as { data: { name: string }[] };
    expect(blocs.data.map((bloc) => bloc.name)).not.toContain("Khối giả mạo");
  });

  test("pages carry the security headers", async ({ page }) => {
    const response = await page.goto("/login");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
  });

  test("the health check and the OpenAPI document are public", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    const openapi = await request.get("/api/v1/openapi.json");
    expect((await openapi.json()).openapi).toBe("3.1.0");
  });
});
