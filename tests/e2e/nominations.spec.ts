// Đề nghị khen thưởng and xét duyệt in the demo bloc's 2022 (PRODUCT.md steps 7–8): the secretariat
// builds the list from the suggestions (an ineligible proposal is refused naming the rule), attaches a
// báo cáo thành tích per nominee and submits; the board returns one nomination with a comment and
// approves the other; the bloc fixes and resubmits; the board approves from the inbox and records the
// decision; the year closes and the agency's page shows the award.
// Runs in the "after-votes" project, after votes.spec.ts: 2022's ranking is published and its provincial
// flag session closed (Ban Dân vận and Văn phòng Tỉnh ủy passed, Ban Tuyên giáo did not).
import { devices, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_AGENCIES, DEMO_BLOC, leaderEmail, staffEmail } from "@/prisma/seed/demo-data";
import { E2E_PORT } from "./support/env";
import { expect, signIn, test } from "./support/fixtures";

const ORIGIN = `http://localhost:${E2E_PORT}`;
const SECRETARY = "thuky.bdv@khoithidua.local";
const BOARD = "board@khoithidua.local";
const NAME = Object.fromEntries(DEMO_AGENCIES.map((agency) => [agency.code, agency.name]));
const FLAG = "Cờ thi đua của UBND tỉnh";
const RETURN_COMMENT = "Bổ sung số liệu thành tích giai đoạn 2020–2022 vào báo cáo.";
const DECISION = "125/QĐ-UBND";
/** A small valid PDF, as a nominee's báo cáo thành tích. */
const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
});

async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

const nominationOf = (page: Page, code: string) => page.getByTestId(`nomination-${code}`);
const status = (scope: ReturnType<Page["getByTestId"]>) => scope.getByTestId("nomination-status").first();

async function uploadReport(page: Page, code: string, fileName: string) {
  const row = nominationOf(page, code);
  await row.getByTestId("report-input").setInputFiles(pdf(fileName));
  await expect(row.getByTestId("report-link")).toHaveText(`Báo cáo thành tích: ${fileName}`);
}

test.describe.configure({ mode: "serial" });

const state = { yearId: "", ids: {} as Record<string, string> };

test.describe("award nominations of the demo bloc, 2022", () => {
  test("the secretariat builds the list, attaches the reports and submits the dossier", async ({
    browser,
    db,
  }) => {
    const year = await db.emulationYear.findFirstOrThrow({
      where: { year: 2022, bloc: { name: DEMO_BLOC.name } },
      select: { id: true, phase: true },
    });
    expect(year.phase, "the votes spec leaves the demo 2022 in VOTING").toBe("VOTING");
    await db.emulationYear.update({ where: { id: year.id }, data: { phase: "NOMINATION" } });
    state.yearId = year.id;

    const { context, page } = await newPage(browser);
    await signIn(page, SECRETARY);
    await page
      .getByTestId("todo-list")
      .getByRole("link", { name: "Lập hồ sơ đề nghị khen thưởng năm 2022" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/years/${year.id}/nominations$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Đề nghị khen thưởng năm 2022");
    await expect(page.getByTestId("quotas").locator('[data-award="PROVINCIAL_FLAG"]')).toContainText(
      "Đã đề nghị 0/3",
    );
    await expect(page.getByTestId("suggestion-bdv")).toContainText(FLAG);
    await expect(page.getByTestId("suggestion-vptu")).toContainText(FLAG);
    await expect(page.getByTestId("suggestion-btg")).toHaveCount(0);

    // Ban Tuyên giáo did not pass the flag's vote: refused, naming the rule.
    const add = page.getByRole("form", { name: "Thêm đề nghị" });
    await add.getByLabel("Cơ quan").selectOption({ label: NAME.btg! });
    await add.getByLabel("Hình thức khen thưởng").selectOption({ label: FLAG });
    await add.getByRole("button", { name: "Thêm đề nghị" }).click();
    await expect(add.getByRole("alert")).toContainText(
      `Cơ quan không đạt số phiếu cần thiết khi bình xét, suy tôn ${FLAG}.`,
    );

    await page.getByRole("button", { name: "Áp dụng danh sách gợi ý" }).click();
    await expect(status(nominationOf(page, "bdv"))).toHaveText("Đang lập");
    await expect(status(nominationOf(page, "vptu"))).toHaveText("Đang lập");
    await expect(nominationOf(page, "bdv").getByTestId("basis")).toContainText(
      "Xếp hạng 1 · 98 điểm · Xuất sắc · 7/10 phiếu đồng ý",
    );
    await expect(page.getByTestId("quotas").locator('[data-award="PROVINCIAL_FLAG"]')).toContainText(
      "Đã đề nghị 2/3",
    );

    // Without the reports the dossier cannot go.
    await expect(page.getByTestId("missing-reports")).toContainText(NAME.bdv!);
    const submit = page.getByRole("form", { name: "Gửi hồ sơ" });
    await submit.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await expect(submit.getByRole("alert")).toContainText(
      `${NAME.vptu} (${FLAG}) chưa có báo cáo thành tích.`,
    );

    await uploadReport(page, "bdv", "bao-cao-thanh-tich-bdv.pdf");
    await uploadReport(page, "vptu", "bao-cao-thanh-tich-vptu.pdf");
    await expect(page.getByTestId("missing-reports")).toHaveCount(0);
    await submit.getByRole("button", { name: "Gửi hồ sơ" }).click();
    await expect(status(nominationOf(page, "bdv"))).toHaveText("Chờ xét duyệt");
    await expect(status(nominationOf(page, "vptu"))).toHaveText("Chờ xét duyệt");
    await expect(
      page.getByTestId("documents").getByRole("link", { name: "Tờ trình đề nghị khen thưởng (PDF)" }),
    ).toHaveAttribute("href", `/api/v1/years/${year.id}/to-trinh.pdf`);

    const rows = await db.nomination.findMany({
      where: { yearId: year.id },
      select: { id: true, agency: { select: { code: true } } },
    });
    state.ids = Object.fromEntries(rows.map((row) => [row.agency.code, row.id]));
    // The secretariat cannot review, even with a crafted request.
    const crafted = await page.request.post(`/api/v1/nominations/${state.ids.bdv}/review`, {
      headers: { origin: ORIGIN },
      data: { action: "approve" },
    });
    expect(crafted.status()).toBe(403);
    await context.close();
  });

  test("another agency's people see none of the bloc's nominations and cannot review", async ({
    browser,
  }) => {
    const staff = await newPage(browser);
    await signIn(staff.page, staffEmail("btc"));
    await staff.page.goto(`/years/${state.yearId}/nominations`);
    await expect(staff.page.getByText("Chưa có đề nghị khen thưởng nào cho cơ quan của bạn.")).toBeVisible();
    await expect(nominationOf(staff.page, "bdv")).toHaveCount(0);
    const listed = await staff.page.request.get(`/api/v1/years/${state.yearId}/nominations`);
    expect(listed.status()).toBe(200);
    expect(await listed.text()).not.toContain(NAME.bdv!);
    await staff.context.close();

    const leader = await newPage(browser);
    await signIn(leader.page, leaderEmail("btc"));
    const crafted = await leader.page.request.post(`/api/v1/nominations/${state.ids.vptu}/review`, {
      headers: { origin: ORIGIN },
      data: { action: "reject", comment: "Không" },
    });
    expect(crafted.status()).toBe(403);
    await leader.context.close();
  });

  test("the board filters its inbox, returns one nomination with a comment and approves the other", async ({
    browser,
  }) => {
    const { context, page } = await newPage(browser);
    await signIn(page, BOARD);
    await page.goto("/board");
    const filters = page.getByRole("form", { name: "Lọc đề nghị" });
    await filters.getByLabel("Năm").selectOption("2022");
    await filters.getByLabel("Trạng thái").selectOption({ label: "Chờ xét duyệt" });
    await filters.getByRole("button", { name: "Lọc" }).click();
    await expect(page).toHaveURL(/year=2022/);
    await expect(page).toHaveURL(/status=SUBMITTED/);
    await expect(page.getByTestId("inbox-bdv")).toBeVisible();
    await expect(page.getByTestId("inbox-vptu")).toBeVisible();
    await expect(page.getByTestId("status-counts").locator('[data-status="SUBMITTED"]')).toContainText(
      "Chờ xét duyệt: 2",
    );

    await page
      .getByTestId("inbox-bdv")
      .getByRole("link", { name: /năm 2022/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/board/years/${state.yearId}$`));
    await expect(page.getByTestId("dossier-votes")).toContainText(`Đạt: ${NAME.bdv}; ${NAME.vptu}`);

    const vptu = page.getByTestId("dossier-vptu");
    // Returning needs a comment.
    await vptu.getByRole("button", { name: "Trả lại để bổ sung" }).click();
    await expect(vptu.getByText(/Vui lòng ghi ý kiến/).first()).toBeVisible();
    await vptu.getByLabel("Ý kiến").fill(RETURN_COMMENT);
    await vptu.getByRole("button", { name: "Trả lại để bổ sung" }).click();
    await expect(status(vptu)).toHaveText("Bị trả lại");

    const bdv = page.getByTestId("dossier-bdv");
    await bdv.getByRole("button", { name: "Duyệt", exact: true }).click();
    await expect(status(bdv)).toHaveText("Đã duyệt");
    await context.close();
  });

  test("the secretariat reads the comment, uploads a new report and resubmits", async ({ browser }) => {
    const { context, page } = await newPage(browser);
    await signIn(page, SECRETARY);
    await page
      .getByTestId("todo-list")
      .getByRole("link", { name: "Bổ sung và gửi lại 1 đề nghị khen thưởng bị trả lại năm 2022" })
      .click();
    await expect(page).toHaveURL(new RegExp(`/years/${state.yearId}/nominations$`));
    const vptu = nominationOf(page, "vptu");
    await expect(status(vptu)).toHaveText("Bị trả lại");
    await expect(vptu.getByTestId("return-comment")).toContainText(RETURN_COMMENT);
    await uploadReport(page, "vptu", "bao-cao-thanh-tich-vptu-bo-sung.pdf");
    await page.getByRole("button", { name: "Gửi lại các đề nghị đã bổ sung" }).click();
    await expect(status(vptu)).toHaveText("Chờ xét duyệt");
    await expect(vptu).toContainText("Lần gửi 2");
    // Every round is kept.
    await vptu.getByText(/Quá trình xử lý/).click();
    await expect(vptu.getByTestId("history-comment")).toContainText([RETURN_COMMENT]);
    await context.close();
  });

  test("the board approves from the inbox and records the decision; the year closes", async ({
    browser,
    db,
  }) => {
    const { context, page } = await newPage(browser);
    await signIn(page, BOARD);
    await page.goto("/board?year=2022&status=SUBMITTED");
    await page.getByRole("checkbox", { name: `Chọn đề nghị ${FLAG} cho ${NAME.vptu}` }).check();
    await page.getByRole("button", { name: "Duyệt các đề nghị đã chọn" }).click();
    await expect(page.getByText("Không có đề nghị nào phù hợp.")).toBeVisible();

    await page.goto(`/board/years/${state.yearId}`);
    await expect(status(page.getByTestId("dossier-vptu"))).toHaveText("Đã duyệt");
    const decision = page.getByRole("form", { name: "Ghi quyết định khen thưởng" });
    await decision.getByLabel("Số quyết định", { exact: true }).fill(DECISION);
    await decision.getByLabel("Ngày ký").fill("2023-01-20");
    await decision.getByLabel("Người ký", { exact: true }).fill("Phạm Đình Nghị");
    await decision.getByLabel("Chức vụ người ký").fill("Chủ tịch UBND tỉnh");
    await decision.getByRole("button", { name: "Ghi quyết định" }).click();
    await expect(page.getByTestId("decisions")).toContainText(`Quyết định số ${DECISION}`);
    await expect(status(page.getByTestId("dossier-bdv"))).toHaveText("Đã khen thưởng");
    await expect(status(page.getByTestId("dossier-vptu"))).toHaveText("Đã khen thưởng");

    expect(
      (await db.emulationYear.findUniqueOrThrow({ where: { id: state.yearId }, select: { phase: true } }))
        .phase,
    ).toBe("CLOSED");
    await page.goto(`/years/${state.yearId}/nominations`);
    await expect(page.getByTestId("year-closed")).toBeVisible();
    await context.close();
  });

  test("the agency's page shows the award with its decision, on a leader's phone", async ({ browser }) => {
    const { defaultBrowserType: _android, ...pixel } = devices["Pixel 7"];
    const options = { ...pixel, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" };
    const { context, page } = await newPage(browser, options);
    await signIn(page, leaderEmail("bdv"));
    await page.goto(`/years/${state.yearId}/nominations`);
    await expect(nominationOf(page, "bdv").getByTestId("decision")).toContainText(DECISION);
    await nominationOf(page, "bdv").getByRole("link", { name: NAME.bdv }).click();
    await expect(page).toHaveURL(/\/agencies\/bdv$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME.bdv!);
    const award = page.getByTestId("award-2022-bdv");
    await expect(award).toContainText(FLAG);
    await expect(award).toContainText(DECISION);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      options.viewport.width,
    );

    // The province-wide search finds it too, with the same query for the Excel export.
    await page.goto("/awards?year=2022&awardCode=PROVINCIAL_FLAG");
    await expect(page.getByTestId("award-2022-vptu")).toContainText(DECISION);
    await expect(page.getByTestId("awards-xlsx")).toHaveAttribute(
      "href",
      "/api/v1/awards.xlsx?year=2022&awardCode=PROVINCIAL_FLAG",
    );
    await context.close();
  });
});
