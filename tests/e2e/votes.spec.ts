// Bình xét, suy tôn in the demo bloc's 2022 (PRODUCT.md step 6): the secretariat opens the proposal
// of the provincial flag and the election, the ten demo leaders vote on phones and desktops, the
// secretariat closes, and the results page and the minutes show the counts arranged below.
// Runs in the "after-demo" project, after every other spec: it moves the demo 2022 on to VOTING.
import { devices, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/db/client";
import { computeRanking } from "@/lib/ranking/compute";
import { yearRulesSchema } from "@/lib/years/rules";
import { DEMO_AGENCIES, DEMO_BLOC, leaderEmail, staffEmail } from "@/prisma/seed/demo-data";
import { E2E_PORT } from "./support/env";
import { alert, DEMO_PASSWORD, expect, signIn, test } from "./support/fixtures";
import { pdfText } from "../support/pdf-text";

const ORIGIN = `http://localhost:${E2E_PORT}`;
const SECRETARY = "thuky.bdv@khoithidua.local";
const CODES = DEMO_AGENCIES.map((agency) => agency.code);
const NAME = Object.fromEntries(DEMO_AGENCIES.map((agency) => [agency.code, agency.name]));

/** Totals of 2022: Ban Dân vận, Văn phòng Tỉnh ủy and Ban Tuyên giáo Xuất sắc (≥ 95), the others Tốt. */
const TOTALS: Record<string, number> = {
  bdv: 98,
  vptu: 97,
  btg: 96,
  bao: 93,
  btc: 92,
  ubkt: 90,
  bnc: 89,
  tct: 88,
  dukcq: 87,
  bbvsk: 86,
};

type Choice = "FOR" | "AGAINST" | "ABSTAIN";
/**
 * The ballots, by voter (DEMO_AGENCIES order). Provincial flag: Ban Dân vận 7 Đồng ý / 2 Không đồng ý /
 * 1 Không biểu quyết (passes: more than 1/2 of 10 needs 6), Văn phòng Tỉnh ủy 10 / 0 / 0, Ban Tuyên giáo
 * 5 / 4 / 1 (fails). Election: Khối trưởng Ban Tuyên giáo 6, Ban Dân vận 4; Khối phó Văn phòng Tỉnh ủy 7,
 * Báo Nam Định 2, one blank.
 */
function ballotOf(index: number): { flag: Record<string, Choice>; leader: string; deputy: string } {
  return {
    flag: {
      bdv: index < 7 ? "FOR" : index < 9 ? "AGAINST" : "ABSTAIN",
      vptu: "FOR",
      btg: index < 5 ? "FOR" : index < 9 ? "AGAINST" : "ABSTAIN",
    },
    leader: index < 6 ? "btg" : "bdv",
    deputy: index < 7 ? "vptu" : index < 9 ? "bao" : "",
  };
}
const CHOICE_LABEL: Record<Choice, string> = {
  FOR: "Đồng ý",
  AGAINST: "Không đồng ý",
  ABSTAIN: "Không biểu quyết",
};

/** Phones for some leaders (Android and iPhone sizes in Chromium), desktops for the others. */
function contextFor(index: number): BrowserContextOptions {
  const { defaultBrowserType: _android, ...pixel } = devices["Pixel 7"];
  const { defaultBrowserType: _ios, ...iphone } = devices["iPhone 13"];
  const device = index % 3 === 0 ? pixel : index % 3 === 1 ? iphone : devices["Desktop Chrome"];
  return { ...device, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" };
}

/** Final scores of 2022 giving TOTALS, its ranking published as publishRanking stores it, then VOTING. */
async function demoYearInVoting(db: PrismaClient): Promise<string> {
  const year = await db.emulationYear.findFirstOrThrow({
    where: { year: 2022, bloc: { name: DEMO_BLOC.name } },
    select: { id: true, rules: true, phase: true },
  });
  expect(year.phase, "the demo 2022 must still be in PLEDGING (the votes spec runs once per server)").toBe(
    "PLEDGING",
  );
  const agencies = await db.agency.findMany({
    where: { code: { in: CODES } },
    select: { id: true, code: true, name: true },
  });
  const criteria = await db.criterion.findMany({
    where: { yearId: year.id },
    select: {
      id: true,
      kind: true,
      maxX100: true,
      position: true,
      group: { select: { code: true, position: true } },
    },
  });
  criteria.sort((a, b) => a.group.position - b.group.position || a.position - b.position);
  const secretary = await db.user.findUniqueOrThrow({ where: { email: SECRETARY }, select: { id: true } });
  const finals = new Map<string, Map<string, number>>();
  for (const agency of agencies) {
    // Every base criterion at its maximum, less the points off (first criteria first); no bonus, no deduction.
    let off = (100 - TOTALS[agency.code]!) * 100;
    const cells = new Map<string, number>();
    for (const criterion of criteria) {
      let x100 = 0;
      if (criterion.kind === "BASE") {
        const taken = Math.min(off, criterion.maxX100);
        off -= taken;
        x100 = criterion.maxX100 - taken;
      }
      cells.set(criterion.id, x100);
      await db.score.upsert({
        where: {
          yearId_agencyId_criterionId: { yearId: year.id, agencyId: agency.id, criterionId: criterion.id },
        },
        create: {
          yearId: year.id,
          agencyId: agency.id,
          criterionId: criterion.id,
          selfX100: x100,
          finalX100: x100,
          finalUpdatedAt: new Date(),
          finalUpdatedById: secretary.id,
        },
        update: { finalX100: x100, finalUpdatedAt: new Date(), finalUpdatedById: secretary.id },
      });
    }
    finals.set(agency.id, cells);
  }
  const entries = computeRanking({
    criteria: criteria.map((c) => ({
      id: c.id,
      kind: c.kind,
      maxX100: c.maxX100,
      groupCode: c.group.code,
      groupPosition: c.group.position,
    })),
    agencies,
    finals,
    rules: yearRulesSchema.parse(year.rules),
  });
  expect(
    entries.filter((entry) => entry.classification?.code === "XUAT_SAC").map((entry) => entry.agency.code),
  ).toEqual(["bdv", "vptu", "btg"]);
  await db.rankingPublication.create({
    data: { yearId: year.id, publishedById: secretary.id, entries: entries as unknown as object },
  });
  await db.emulationYear.update({ where: { id: year.id }, data: { phase: "VOTING" } });
  return year.id;
}

/** A datetime-local value (Vietnam time) `hours` from now. */
function localInHours(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000 + 7 * 3_600_000);
  return at.toISOString().slice(0, 16);
}

async function openSession(page: Page, yearId: string, option: string, title: string): Promise<string> {
  await page.goto(`/years/${yearId}/votes`);
  const form = page.getByRole("form", { name: "Mở phiên bỏ phiếu" });
  await form.getByLabel("Loại phiên").selectOption({ label: option });
  await form.getByLabel("Giờ đóng").fill(localInHours(24));
  await form.getByRole("button", { name: "Mở phiên" }).click();
  await expect(page).toHaveURL(new RegExp(`/years/${yearId}/votes/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().split("/").pop()!;
}

async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

test.describe.configure({ mode: "serial" });

const state: { yearId: string; flagId: string; electionId: string; receipt: string } = {
  yearId: "",
  flagId: "",
  electionId: "",
  receipt: "",
};

test.describe("deliberation votes of the demo bloc, 2022", () => {
  test("the secretariat opens the provincial flag proposal and the election", async ({ browser, db }) => {
    state.yearId = await demoYearInVoting(db);
    const { context, page } = await newPage(browser);
    await signIn(page, SECRETARY);
    await page.goto(`/years/${state.yearId}`);
    await page.getByRole("link", { name: "Mở trang bình xét, suy tôn" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bình xét, suy tôn năm 2022");
    await expect(page.getByText("Chưa có phiên bỏ phiếu nào.")).toBeVisible();
    await expect(page.getByTestId("minutes-link")).toHaveCount(0);

    // A closing time in the past is refused inline, in Vietnamese.
    const form = page.getByRole("form", { name: "Mở phiên bỏ phiếu" });
    await form.getByLabel("Giờ đóng").fill(localInHours(-1));
    await form.getByRole("button", { name: "Mở phiên" }).click();
    await expect(form.getByText("Giờ đóng phải ở tương lai.")).toBeVisible();

    state.flagId = await openSession(
      page,
      state.yearId,
      "Bình xét, suy tôn: Cờ thi đua của UBND tỉnh",
      "Bình xét, suy tôn Cờ thi đua của UBND tỉnh năm 2022",
    );
    await expect(page.getByTestId("candidates").getByRole("listitem")).toHaveText([
      NAME.bdv!,
      NAME.vptu!,
      NAME.btg!,
    ]);
    await expect(page.getByTestId("rule-quorum")).toHaveText("ít nhất 2/3 số thành viên (7/10 cơ quan)");
    await expect(page.getByTestId("rule-pass")).toHaveText("trên 1/2 tổng số thành viên (6 phiếu)");
    await expect(page.getByTestId("voted-count")).toHaveText("Đã bỏ phiếu: 0/10 cơ quan");
    // Not closable yet: nobody has voted and the window runs for a day.
    await expect(page.getByRole("button", { name: "Đóng phiên và kiểm phiếu" })).toBeDisabled();
    await expect(page.getByTestId("ballot-form")).toHaveCount(0);

    state.electionId = await openSession(
      page,
      state.yearId,
      "Bầu Khối trưởng, Khối phó năm 2023",
      "Bầu Khối trưởng, Khối phó năm 2023",
    );
    await expect(page.getByTestId("candidates").getByRole("listitem")).toHaveCount(10);

    // The secretariat cannot vote, even with a crafted request.
    const crafted = await page.request.post(`/api/v1/vote-sessions/${state.flagId}/ballots`, {
      headers: { origin: ORIGIN },
      data: { password: DEMO_PASSWORD, choices: { bdv: "FOR", vptu: "FOR", btg: "FOR" } },
    });
    expect(crafted.status()).toBe(403);
    await context.close();
  });

  test("agency staff read the session but get no ballot", async ({ browser }) => {
    const { context, page } = await newPage(browser);
    await signIn(page, staffEmail("btc"));
    await page.goto(`/years/${state.yearId}/votes/${state.flagId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Bình xét, suy tôn Cờ thi đua của UBND tỉnh năm 2022",
    );
    await expect(page.getByTestId("roll").locator("li")).toHaveCount(10);
    await expect(page.getByTestId("ballot-form")).toHaveCount(0);
    await expect(page.getByLabel("Nhập lại mật khẩu để xác nhận")).toHaveCount(0);
    await context.close();
  });

  test("the ten leaders vote on phones and desktops; each sees the receipt once", async ({ browser }) => {
    test.setTimeout(300_000);
    for (const [index, code] of CODES.entries()) {
      const ballot = ballotOf(index);
      const options = contextFor(index);
      const { context, page } = await newPage(browser, options);
      await signIn(page, leaderEmail(code));

      // The home page names the sessions the agency has not voted in yet.
      const todos = page.getByTestId("todo-list");
      await expect(
        todos.getByRole("link", {
          name: /^Bỏ phiếu kín: Bình xét, suy tôn Cờ thi đua của UBND tỉnh năm 2022/,
        }),
      ).toBeVisible();
      await todos.getByRole("link", { name: /^Bỏ phiếu kín: Bầu Khối trưởng, Khối phó năm 2023/ }).click();
      await expect(page).toHaveURL(new RegExp(`/votes/${state.electionId}$`));

      // The election: one select per post.
      const election = page.getByTestId("ballot-form");
      await election.getByLabel("Khối trưởng năm 2023").selectOption(ballot.leader);
      await election.getByLabel("Khối phó năm 2023").selectOption(ballot.deputy);
      await election.getByRole("checkbox", { name: /Tôi xác nhận nội dung phiếu bầu/ }).check();
      await election.getByLabel("Nhập lại mật khẩu để xác nhận").fill(DEMO_PASSWORD);
      await election.getByRole("button", { name: "Bỏ phiếu" }).click();
      await expect(page.getByTestId("receipt-code")).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

      // The provincial flag: a radiogroup per candidate.
      await page.goto(`/years/${state.yearId}/votes/${state.flagId}`);
      const flag = page.getByTestId("ballot-form");
      if (index === 0) {
        // Every candidate needs an answer, and the password must be right.
        await flag.getByRole("checkbox", { name: /Tôi xác nhận nội dung phiếu bầu/ }).check();
        await flag.getByLabel("Nhập lại mật khẩu để xác nhận").fill(DEMO_PASSWORD);
        await flag.getByRole("button", { name: "Bỏ phiếu" }).click();
        await expect(alert(page)).toContainText("Vui lòng chọn cho mọi đơn vị");
      }
      for (const [candidate, choice] of Object.entries(ballot.flag)) {
        const group = flag.getByRole("radiogroup", { name: new RegExp(NAME[candidate]!) });
        await group.getByLabel(CHOICE_LABEL[choice], { exact: true }).check();
      }
      await flag.getByRole("checkbox", { name: /Tôi xác nhận nội dung phiếu bầu/ }).check();
      if (index === 0) {
        await flag.getByLabel("Nhập lại mật khẩu để xác nhận").fill("mat-khau-sai-1");
        await flag.getByRole("button", { name: "Bỏ phiếu" }).click();
        await expect(flag.getByText("Mật khẩu không đúng.")).toBeVisible();
      }
      await flag.getByLabel("Nhập lại mật khẩu để xác nhận").fill(DEMO_PASSWORD);
      await flag.getByRole("button", { name: "Bỏ phiếu" }).click();
      const receipt = (await page.getByTestId("receipt-code").textContent())!.trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      await expect(page.getByText(/mã chỉ hiển thị một lần/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Sao chép mã" })).toBeVisible();
      await expect(page.getByTestId("roll").locator(`[data-agency="${code}"]`)).toContainText("Đã bỏ phiếu");
      if (index === 0) state.receipt = receipt;
      if (options.isMobile)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          options.viewport!.width,
        );

      // Nowhere kept in the browser: a reload says only that the agency has voted.
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      );
      expect(stored).not.toContain(receipt);
      await page.reload();
      await expect(page.getByTestId("has-voted")).toHaveText("✓ Cơ quan đã bỏ phiếu trong phiên này.");
      await expect(page.getByTestId("receipt-code")).toHaveCount(0);
      await expect(page.getByText(receipt)).toHaveCount(0);

      if (index === 1) {
        // A second ballot of the same agency is refused.
        const again = await page.request.post(`/api/v1/vote-sessions/${state.flagId}/ballots`, {
          headers: { origin: ORIGIN },
          data: { password: DEMO_PASSWORD, choices: { bdv: "AGAINST", vptu: "AGAINST", btg: "AGAINST" } },
        });
        expect(again.status()).toBe(409);
        expect(((await again.json()) as { error: { message: string } }).error.message).toBe(
          "Cơ quan của bạn đã bỏ phiếu trong phiên này; mỗi cơ quan chỉ bỏ một phiếu.",
        );
      }
      await context.close();
    }
  });

  test("the secretariat closes both sessions; the results show the counts; a leader's receipt is counted; the minutes agree", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const { context, page } = await newPage(browser);
    await signIn(page, SECRETARY);
    for (const sessionId of [state.flagId, state.electionId]) {
      await page.goto(`/years/${state.yearId}/votes/${sessionId}`);
      await expect(page.getByTestId("voted-count")).toHaveText("Đã bỏ phiếu: 10/10 cơ quan");
      await page.getByRole("button", { name: "Đóng phiên và kiểm phiếu" }).click();
      await page.getByRole("button", { name: "Xác nhận đóng phiên" }).click();
      await expect(page.getByTestId("results")).toBeVisible();
    }

    await page.goto(`/years/${state.yearId}/votes/${state.flagId}`);
    await expect(page.getByTestId("results-ballots")).toHaveText("Số phiếu: 10/10");
    await expect(page.getByTestId("results-quorum")).toHaveText("Đủ số phiếu tối thiểu (7 phiếu).");
    const row = (code: string) => page.getByTestId(`result-${code}`);
    for (const [code, counts, outcome] of [
      ["bdv", ["7", "2", "1"], "Đạt"],
      ["vptu", ["10", "0", "0"], "Đạt"],
      ["btg", ["5", "4", "1"], "Không đạt"],
    ] as const) {
      await expect(row(code).locator("td")).toHaveText([NAME[code]!, ...counts, outcome]);
    }
    await expect(page.getByTestId("receipt-hashes")).toContainText("(10)");

    await page.goto(`/years/${state.yearId}/votes/${state.electionId}`);
    await expect(page.getByTestId("elected")).toHaveText(`Khối trưởng: ${NAME.btg}Khối phó: ${NAME.vptu}`);
    await expect(page.getByTestId("result-LEADER-btg").locator("td")).toHaveText([
      NAME.btg!,
      "6",
      "Trúng cử",
    ]);
    await expect(page.getByTestId("result-LEADER-bdv").locator("td")).toHaveText([
      NAME.bdv!,
      "4",
      "Không trúng cử",
    ]);
    await expect(page.getByTestId("result-DEPUTY-vptu").locator("td")).toHaveText([
      NAME.vptu!,
      "7",
      "Trúng cử",
    ]);
    await expect(page.getByTestId("result-DEPUTY-bao").locator("td")).toHaveText([
      NAME.bao!,
      "2",
      "Không trúng cử",
    ]);
    await expect(page.getByText("Phiếu để trống: 1")).toBeVisible();

    // The minutes (biên bản), from the votes page once a session is closed.
    await page.goto(`/years/${state.yearId}/votes`);
    const href = await page.getByTestId("minutes-link").getAttribute("href");
    expect(href).toBe(`/api/v1/years/${state.yearId}/vote-minutes.pdf`);
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    const text = await pdfText(await response.body());
    expect(text).toContain(`${NAME.bdv} 7 2 1 70% Đạt`);
    expect(text).toContain(`${NAME.vptu} 10 0 0 100% Đạt`);
    expect(text).toContain(`${NAME.btg} 5 4 1 50% Không đạt`);
    expect(text).toContain(`${NAME.btg} 6 60% Trúng cử`);
    expect(text).toContain(`Khối trưởng năm 2023: ${NAME.btg}.`);
    expect(text).toContain(`Khối phó năm 2023: ${NAME.vptu}.`);
    expect(text).not.toContain(state.receipt);
    await context.close();

    // The first leader checks their receipt on a phone.
    const phone = await newPage(browser, contextFor(0));
    await signIn(phone.page, leaderEmail(CODES[0]!));
    await phone.page.goto(`/years/${state.yearId}/votes/${state.flagId}`);
    await expect(phone.page.getByTestId("has-voted")).toBeVisible();
    const check = phone.page.getByRole("form", { name: "Kiểm tra mã biên nhận" });
    await check.getByLabel("Mã biên nhận").fill(state.receipt.toLowerCase());
    await check.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(phone.page.getByTestId("receipt-check-result")).toContainText(
      "Phiếu có mã biên nhận này đã được tính.",
    );
    await check.getByLabel("Mã biên nhận").fill("0000-0000-0000-0000");
    await check.getByRole("button", { name: "Kiểm tra" }).click();
    await expect(phone.page.getByTestId("receipt-check-result")).toContainText(
      "Không có phiếu nào mang mã biên nhận này trong phiên.",
    );
    await phone.context.close();
  });
});
