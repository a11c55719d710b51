import type { Page } from "@playwright/test";
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
import { DEFAULT_RULES } from "@/lib/years/rules";
import { alert, expect, signIn, test } from "./support/fixtures";

type Points = Record<string, number>;

/**
 * A bloc in REVIEW with three members (ordered by name: A, B, C), the small criteria table, every
 * member's self-assessment submitted with the given self scores (and final scores, when given).
 */
async function reviewBloc(
  db: PrismaClient,
  options: { self: Points[]; final?: Points[]; crossScoring?: boolean },
) {
  const token = uniqueToken();
  const bloc = await makeBloc(db, { name: `Khối thi đua thẩm định ${token}` });
  const agencies = [
    await makeAgency(db, { name: `Ban Kinh tế ${token}`, shortName: `BKT ${token}` }),
    await makeAgency(db, { name: `Sở Nội vụ ${token}`, shortName: `SNV ${token}` }),
    await makeAgency(db, { name: `Sở Tư pháp ${token}`, shortName: `STP ${token}` }),
  ];
  const rules = options.crossScoring
    ? { ...DEFAULT_RULES, crossScoring: { enabled: true, trimExtremes: false } }
    : DEFAULT_RULES;
  const year = await makeYear(db, {
    blocId: bloc.id,
    year: 2025,
    phase: "REVIEW",
    memberIds: agencies.map((a) => a.id),
    leaderId: agencies[0]!.id,
    deputyId: agencies[1]!.id,
    rules,
  });
  const criteria = await makeCriteriaTable(db, year.id, smallCriteriaTable());
  for (const [index, agency] of agencies.entries()) {
    await db.assessment.create({
      data: { yearId: year.id, agencyId: agency.id, status: "SUBMITTED", submittedAt: new Date() },
    });
    for (const [code, points] of Object.entries(options.self[index] ?? {})) {
      const final = options.final?.[index]?.[code];
      await db.score.create({
        data: {
          yearId: year.id,
          agencyId: agency.id,
          criterionId: criteria.get(code)!.id,
          selfX100: Math.round(points * 100),
          finalX100: final === undefined ? null : Math.round(final * 100),
        },
      });
    }
  }
  const secretary = await makeUser(db, {
    role: "SECRETARIAT",
    agencyId: agencies[0]!.id,
    name: `Nguyễn Thu Trang ${token}`,
  });
  const leaders = [];
  for (const agency of agencies)
    leaders.push(await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id, title: "Giám đốc" }));
  const score = (agencyIndex: number, code: string) =>
    db.score.findUnique({
      where: {
        yearId_agencyId_criterionId: {
          yearId: year.id,
          agencyId: agencies[agencyIndex]!.id,
          criterionId: criteria.get(code)!.id,
        },
      },
    });
  return { token, year, agencies, criteria, secretary, leaders, score };
}

const SELF: Points[] = [
  { "I.1": 28, "I.2": 27, "II.1": 38, "V.1": 2, "VI.1": 0 },
  { "I.1": 25, "I.2": 26, "II.1": 35, "V.1": 0, "VI.1": 1 },
  { "I.1": 24, "I.2": 25, "II.1": 34, "V.1": 0, "VI.1": 0 },
];

function cell(page: Page, criterion: string, agencyCode: string) {
  return page
    .getByTestId("review-grid")
    .locator(`tr[data-criterion="${criterion}"] td[data-agency="${agencyCode}"]`);
}

test.describe("the review grid", () => {
  test("the secretariat enters final scores by keyboard only; reasons are asked; bad values are refused inline", async ({
    page,
    db,
  }) => {
    const world = await reviewBloc(db, { self: SELF });
    const [a, b] = [world.agencies[0]!.code, world.agencies[1]!.code];
    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/review`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thẩm định điểm năm 2025");
    const grid = page.getByRole("grid", { name: /Bảng thẩm định điểm/ });
    await expect(grid).toBeVisible();
    await expect(cell(page, "I.1", a)).toContainText("28");

    // Focus the grid (its active cell), then keyboard only.
    await grid.getByRole("gridcell", { selected: true }).focus();
    await expect(cell(page, "I.1", a)).toBeFocused();

    // I.1 × A: 26 differs from the self score 28 → a reason is asked before saving.
    await page.keyboard.type("26");
    await expect(page.getByTestId("cell-editor")).toHaveValue("26");
    await page.keyboard.press("Enter");
    const reason = page.getByTestId("reason-input");
    await expect(reason).toBeFocused();
    await expect(page.getByText("Lý do thay đổi so với điểm tự chấm (28 → 26)")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Vui lòng nêu lý do.")).toBeVisible();
    await page.keyboard.type("Thiếu minh chứng tiêu chí I.1");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grid-status")).toHaveText(`Đã lưu I.1 · BKT ${world.token}: 26.`);
    // Enter saved and moved down: I.2 × A, equal to the self score, needs no reason.
    await expect(cell(page, "I.2", a)).toBeFocused();
    await page.keyboard.type("27");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grid-status")).toHaveText(`Đã lưu I.2 · BKT ${world.token}: 27.`);
    await expect(cell(page, "II.1", a)).toBeFocused();

    // Tab moves right: II.1 × B. Over the maximum, then not a number: inline errors, nothing sent.
    await page.keyboard.press("Tab");
    await expect(cell(page, "II.1", b)).toBeFocused();
    await page.keyboard.type("45");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("cell-error")).toHaveText("Vượt điểm tối đa (40).");
    await expect(page.getByTestId("cell-editor")).toBeFocused();
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("3x");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("cell-error")).toHaveText("Điểm phải là số.");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("cell-editor")).toHaveCount(0);
    await expect(cell(page, "II.1", b)).toBeFocused();
    await expect(cell(page, "II.1", b).locator(".grid-final")).toHaveText("");

    // Arrows, then a decimal with a comma; H opens the cell's history.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(cell(page, "I.1", b)).toBeFocused();
    await page.keyboard.type("25,5");
    await page.keyboard.press("Enter");
    await expect(reason).toBeFocused();
    await page.keyboard.type("Điều chỉnh theo biên bản kiểm tra");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("grid-status")).toHaveText(`Đã lưu I.1 · SNV ${world.token}: 25,5.`);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowLeft");
    await expect(cell(page, "I.1", a)).toBeFocused();
    await page.keyboard.press("h");
    const history = page.getByTestId("history-panel");
    await expect(history).toContainText("Lịch sử ô I.1");
    await expect(history).toContainText("Thẩm định: (trống) → 26");
    await expect(history).toContainText("Thiếu minh chứng tiêu chí I.1");
    await expect(history).toContainText(`Nguyễn Thu Trang ${world.token}`);
    await page.keyboard.press("Escape");
    await expect(history).toHaveCount(0);

    // What was saved is what the database holds, and what a reload shows.
    expect(await world.score(0, "I.1")).toMatchObject({
      finalX100: 2600,
      finalReason: "Thiếu minh chứng tiêu chí I.1",
      version: 2,
    });
    expect(await world.score(0, "I.2")).toMatchObject({ finalX100: 2700, finalReason: null });
    expect(await world.score(1, "I.1")).toMatchObject({ finalX100: 2550 });
    expect((await world.score(1, "II.1"))?.finalX100).toBeNull();
    await page.reload();
    await expect(cell(page, "I.1", a).locator(".grid-final")).toHaveText("26");
    await expect(cell(page, "I.2", a).locator(".grid-final")).toHaveText("27");
    await expect(cell(page, "I.1", b).locator(".grid-final")).toHaveText("25,5");
    await expect(cell(page, "II.1", b).locator(".grid-final")).toHaveText("");
    await expect(alert(page)).toHaveCount(0);
  });

  test("a stale second tab gets a conflict showing both values, and may overwrite with the new version", async ({
    browser,
    db,
  }) => {
    const world = await reviewBloc(db, { self: SELF });
    const a = world.agencies[0]!.code;
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, world.secretary.email, TEST_PASSWORD);
    await first.goto(`/years/${world.year.id}/review`);
    const second = await context.newPage();
    await second.goto(`/years/${world.year.id}/review`);
    await expect(cell(second, "I.1", a)).toContainText("28");

    // The first tab saves I.1 × A.
    await cell(first, "I.1", a).focus();
    await first.keyboard.type("20");
    await first.keyboard.press("Enter");
    await first.keyboard.type("Lý do của tab thứ nhất");
    await first.keyboard.press("Enter");
    await expect(first.getByTestId("grid-status")).toHaveText(/^Đã lưu I\.1/);

    // The second tab still holds the old version: its save is refused with both values shown.
    await cell(second, "I.1", a).focus();
    await second.keyboard.type("22");
    await second.keyboard.press("Enter");
    await second.keyboard.type("Lý do của tab thứ hai");
    await second.keyboard.press("Enter");
    const conflict = second.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole("heading")).toHaveText(`Xung đột tại ô I.1 — Ban Kinh tế ${world.token}`);
    await expect(conflict.getByTestId("conflict-yours")).toHaveText("22");
    await expect(conflict.getByTestId("conflict-current")).toHaveText("20");
    await expect(conflict).toContainText(`Nguyễn Thu Trang ${world.token} đã lưu ô này lúc`);
    await expect(cell(second, "I.1", a).locator(".grid-final")).toHaveText("");
    expect(await world.score(0, "I.1")).toMatchObject({ finalX100: 2000, version: 2 });

    // "Overwrite with mine" re-saves with the current version.
    await conflict.getByRole("button", { name: "Ghi đè bằng giá trị của tôi" }).click();
    await expect(conflict).toHaveCount(0);
    await expect(second.getByTestId("grid-status")).toHaveText(`Đã lưu I.1 · BKT ${world.token}: 22.`);
    await expect(cell(second, "I.1", a).locator(".grid-final")).toHaveText("22");
    expect(await world.score(0, "I.1")).toMatchObject({
      finalX100: 2200,
      finalReason: "Lý do của tab thứ hai",
      version: 3,
    });

    // The first tab is now stale in turn (its active cell moved on to I.2: back to I.1 by a click);
    // it keeps the current value this time.
    await cell(first, "I.1", a).click();
    await expect(cell(first, "I.1", a)).toBeFocused();
    await first.keyboard.type("21");
    await first.keyboard.press("Enter");
    await first.keyboard.type("Lần nữa");
    await first.keyboard.press("Enter");
    const again = first.getByTestId("conflict-panel");
    await expect(again.getByTestId("conflict-current")).toHaveText("22");
    await again.getByRole("button", { name: "Giữ giá trị hiện tại" }).click();
    await expect(cell(first, "I.1", a).locator(".grid-final")).toHaveText("22");
    expect(await world.score(0, "I.1")).toMatchObject({ finalX100: 2200, version: 3 });
    await context.close();
  });

  test("the ranking is published and a member's leader sees it on a phone; scores lock; reopening needs a reason", async ({
    browser,
    db,
  }) => {
    const final: Points[] = [
      { "I.1": 30, "I.2": 29, "II.1": 38, "V.1": 2, "VI.1": 0 },
      { "I.1": 27, "I.2": 26, "II.1": 35, "V.1": 0, "VI.1": 1 },
      { "I.1": 27, "I.2": 26, "II.1": 35, "V.1": 0, "VI.1": 1 },
    ];
    const world = await reviewBloc(db, { self: final, final });
    const [a, , c] = world.agencies.map((agency) => agency.code);

    // Before publication a member's leader is told it is not out yet.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
    });
    const leader = await phone.newPage();
    await signIn(leader, world.leaders[2]!.email, TEST_PASSWORD);
    await leader.goto(`/years/${world.year.id}/ranking`);
    await expect(leader.getByTestId("ranking-not-published")).toHaveText(/chưa được công bố/);

    // The secretariat previews, then publishes after confirming.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}`);
    await page.getByRole("link", { name: "Xếp hạng, xếp loại" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xếp hạng, xếp loại năm 2025");
    await expect(page.getByText("Bản xem trước", { exact: true })).toBeVisible();
    const table = page.getByTestId("ranking-table");
    await expect(table.locator(`tr[data-agency="${a}"] [data-testid="rank"]`)).toHaveText("1");
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await page.getByRole("button", { name: "Xác nhận công bố" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã công bố kết quả xếp hạng." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mở lại" })).toBeVisible();
    await expect(page.getByText(/^Đã công bố \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    expect(await db.rankingPublication.count({ where: { yearId: world.year.id, reopenedAt: null } })).toBe(1);

    // The member's leader now sees the ranking: rank (shared), total, classification, the chart.
    await leader.reload();
    const row = leader.getByTestId("ranking-table").locator(`tr[data-agency="${c}"]`);
    await expect(row.getByTestId("rank")).toHaveText("2 (đồng hạng)");
    await expect(row.getByTestId("total")).toHaveText("87");
    await expect(row.getByTestId("classification")).toHaveText("Tốt");
    await expect(
      leader.getByTestId("ranking-table").locator(`tr[data-agency="${a}"] [data-testid="total"]`),
    ).toHaveText("99");
    await expect(leader.getByTestId("ranking-chart").locator(`[data-agency="${a}"]`)).toContainText(
      "99 · Xuất sắc",
    );
    await row.getByRole("button", { name: /Sở Tư pháp/ }).click();
    await expect(leader.getByText("Điểm theo nhóm tiêu chí")).toBeVisible();
    await expect(leader.locator(`#breakdown-${c}`)).toContainText("I. Nhiệm vụ chính trị53");
    await expect(leader.getByRole("button", { name: "Công bố kết quả" })).toHaveCount(0);
    await expect(leader.getByRole("button", { name: "Mở lại" })).toHaveCount(0);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The scores are locked: the grid is read-only.
    await page.goto(`/years/${world.year.id}/review`);
    await expect(page.getByTestId("review-readonly")).toContainText("điểm đã khóa");
    await page.getByTestId("review-grid").getByRole("gridcell", { selected: true }).focus();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("cell-editor")).toHaveCount(0);

    // Reopening needs a reason; then the grid is editable again.
    await page.goto(`/years/${world.year.id}/ranking`);
    await page.getByRole("button", { name: "Mở lại" }).click();
    await page.getByRole("button", { name: "Xác nhận mở lại" }).click();
    await expect(page.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    await page.getByLabel("Lý do mở lại").fill("Sai sót điểm tiêu chí II.1 của Sở Nội vụ");
    await page.getByRole("button", { name: "Xác nhận mở lại" }).click();
    await expect(page.getByText("Bản xem trước", { exact: true })).toBeVisible();
    await expect(page.getByText("Lý do: Sai sót điểm tiêu chí II.1 của Sở Nội vụ")).toBeVisible();
    await page.goto(`/years/${world.year.id}/review`);
    await expect(page.getByTestId("review-readonly")).toHaveCount(0);
    await Promise.all([phone.close(), context.close()]);
  });
});

test.describe("members without scores", () => {
  test("publishing waits for a member without final scores; the secretariat marks it not scored with a reason; the leader sees “Chưa chấm” on a phone", async ({
    browser,
    db,
  }) => {
    const final: Points[] = [
      { "I.1": 30, "I.2": 29, "II.1": 38, "V.1": 2, "VI.1": 0 },
      { "I.1": 27, "I.2": 26, "II.1": 35, "V.1": 0, "VI.1": 1 },
    ];
    const world = await reviewBloc(db, { self: SELF, final });
    const [a, b, c] = world.agencies.map((agency) => agency.code);
    const cName = world.agencies[2]!.name;

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, world.secretary.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/ranking`);
    // The preview: the member without scores is last, "Chưa có điểm", never "0 · Yếu"; publishing waits.
    const table = page.getByTestId("ranking-table");
    await expect(table.locator(`tr[data-agency="${c}"] [data-testid="total"]`)).toHaveText("Chưa có điểm");
    await expect(table.locator(`tr[data-agency="${c}"] [data-testid="rank"]`)).toHaveText("3");
    await expect(page.getByTestId("ranking-chart").locator(`[data-agency="${c}"]`)).toContainText(
      "Chưa có điểm",
    );
    await expect(page.getByTestId("ranking-chart").locator(`[data-agency="${c}"]`)).not.toContainText("Yếu");
    await expect(page.getByTestId("unscored-count")).toHaveText(/^1 thành viên chưa có điểm thẩm định/);
    await expect(page.getByRole("button", { name: "Công bố kết quả" })).toBeDisabled();
    await expect(page.getByText("Chưa công bố được khi còn thành viên chưa có điểm.")).toBeVisible();

    // The mark needs a reason.
    await page.getByRole("button", { name: `Đánh dấu không chấm: ${cName}` }).click();
    await page.getByRole("button", { name: "Lưu đánh dấu" }).click();
    await expect(page.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    expect(
      await db.yearMember.count({ where: { yearId: world.year.id, notScoredReason: { not: null } } }),
    ).toBe(0);
    await page.getByLabel(`Lý do không chấm ${cName}`).fill("Sáp nhập vào Sở Nội vụ từ tháng 6");
    await page.getByRole("button", { name: "Lưu đánh dấu" }).click();
    await expect(page.getByTestId("not-scored-count")).toHaveText(/^1 thành viên được đánh dấu không chấm/);
    await expect(page.getByTestId("unscored-count")).toHaveText("Mọi thành viên đều đã có điểm thẩm định.");
    await expect(table.locator(`tr[data-agency="${c}"] [data-testid="total"]`)).toHaveText("Chưa chấm");
    await expect(table.locator(`tr[data-agency="${c}"] [data-testid="classification"]`)).toHaveText(
      "Không chấm: Sáp nhập vào Sở Nội vụ từ tháng 6",
    );

    // The confirmation says how many are ranked and how many are not scored.
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await expect(page.getByTestId("publish-counts")).toHaveText(
      "2 thành viên được xếp hạng, 1 thành viên không chấm; không còn thành viên nào chưa có điểm.",
    );
    await page.getByRole("button", { name: "Xác nhận công bố" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Đã công bố kết quả xếp hạng." })).toBeVisible();
    const publication = await db.rankingPublication.findFirstOrThrow({
      where: { yearId: world.year.id, reopenedAt: null },
    });
    expect(
      (publication.entries as { agency: { code: string }; notScored?: string | null }[]).map((entry) => [
        entry.agency.code,
        entry.notScored ?? null,
      ]),
    ).toEqual([
      [a, null],
      [b, null],
      [c, "Sáp nhập vào Sở Nội vụ từ tháng 6"],
    ]);

    // The member's leader, on a phone: "Chưa chấm" with the reason, no points, no mark buttons.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
    });
    const leader = await phone.newPage();
    await signIn(leader, world.leaders[2]!.email, TEST_PASSWORD);
    await leader.goto(`/years/${world.year.id}/ranking`);
    const own = leader.getByTestId("ranking-table").locator(`tr[data-agency="${c}"]`);
    await expect(own.getByTestId("total")).toHaveText("Chưa chấm");
    await expect(own.getByTestId("classification")).toHaveText(
      "Không chấm: Sáp nhập vào Sở Nội vụ từ tháng 6",
    );
    await expect(leader.getByRole("button", { name: /Đánh dấu không chấm/ })).toHaveCount(0);
    expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await Promise.all([phone.close(), context.close()]);
  });
});

test.describe("cross-scoring", () => {
  test("a leader scores the other members on a phone and finishes; the board shows it; the secretariat applies the means", async ({
    browser,
    db,
  }) => {
    const world = await reviewBloc(db, { self: SELF, crossScoring: true });
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
    });
    const page = await phone.newPage();
    await signIn(page, world.leaders[2]!.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}`);
    await page.getByRole("link", { name: "Chấm chéo" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chấm chéo năm 2025");
    // Never its own agency.
    const target = page.getByTestId("cross-target");
    await expect(target.locator("option")).toHaveCount(2);
    await expect(target).not.toContainText("Sở Tư pháp");

    const points = ["30", "28", "39", "1", "0"];
    for (const [index] of world.agencies.slice(0, 2).entries()) {
      await target.selectOption({ index });
      for (const [row, value] of points.entries()) {
        const input = page
          .getByRole("listitem")
          .filter({ has: page.getByText(smallCriteriaTable().groups.flatMap((g) => g.criteria)[row]!.title) })
          .getByRole("textbox");
        await input.fill(row === 0 && index === 0 ? "31" : value);
        await input.press("Enter");
      }
    }
    // 31 is over the maximum of I.1: refused inline, not saved.
    await target.selectOption({ index: 0 });
    await expect(page.getByText("Vượt điểm tối đa (30).")).toBeVisible();
    await expect(page.getByTestId("cross-own-progress")).toHaveText("Đã chấm 9/10 ô.");
    await page.getByRole("button", { name: "Hoàn thành chấm chéo" }).click();
    await page.getByRole("button", { name: "Xác nhận hoàn thành" }).click();
    await expect(page.getByText("Mới chấm 9/10 ô")).toBeVisible();
    const first = page
      .getByRole("listitem")
      .filter({ has: page.getByText("Tham mưu") })
      .getByRole("textbox");
    await first.fill("29,5");
    await first.press("Enter");
    await expect(page.getByTestId("cross-own-progress")).toHaveText("Đã chấm 10/10 ô.");
    await page.getByRole("button", { name: "Hoàn thành chấm chéo" }).click();
    await page.getByRole("button", { name: "Xác nhận hoàn thành" }).click();
    await expect(page.getByTestId("cross-completed")).toBeVisible();
    await expect(
      page.getByTestId("cross-progress").locator(`[data-agency="${world.agencies[2]!.code}"]`),
    ).toContainText("10/10 ô");
    await expect(
      page.getByTestId("cross-progress").locator(`[data-agency="${world.agencies[2]!.code}"]`),
    ).toContainText("Đã hoàn thành");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The secretariat applies the means (one scorer: their values) to the final scores.
    const context = await browser.newContext();
    const secretary = await context.newPage();
    await signIn(secretary, world.secretary.email, TEST_PASSWORD);
    await secretary.goto(`/years/${world.year.id}/cross-scoring`);
    await expect(secretary.getByTestId("cross-done-count")).toHaveText("Đã hoàn thành 1/3 cơ quan");
    await secretary.getByRole("button", { name: "Áp dụng điểm chấm chéo" }).click();
    await secretary.getByRole("button", { name: "Xác nhận áp dụng" }).click();
    await expect(secretary.getByText("Đã áp dụng điểm chấm chéo cho 10 ô.")).toBeVisible();
    expect(await world.score(0, "I.1")).toMatchObject({ finalX100: 2950 });
    await Promise.all([phone.close(), context.close()]);
  });

  test("a year without cross-scoring says so", async ({ page, db }) => {
    const world = await reviewBloc(db, { self: SELF });
    await signIn(page, world.leaders[1]!.email, TEST_PASSWORD);
    await page.goto(`/years/${world.year.id}/cross-scoring`);
    await expect(page.getByTestId("cross-disabled")).toHaveText(
      "Quy định của năm thi đua này không có chấm chéo.",
    );
  });
});
