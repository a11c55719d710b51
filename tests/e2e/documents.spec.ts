// Documents the system issued, as people meet them: a member downloads the demo bloc's signed 2021
// pledge from the year's list of issued documents; anyone, signed in or not, checks a PDF on the public
// "Kiểm tra văn bản" page (the issued file is valid, an edited copy is altered, anything else is not
// the system's), and the QR code's address shows the registry entry with each signature's status.
import { readFile } from "node:fs/promises";
import { DEMO_BLOC } from "@/prisma/seed/demo-data";
import { expect, signIn, test } from "./support/fixtures";
import { pdfText } from "../support/pdf-text";

/** The demo bloc's 2021. */
async function year2021Id(db: Parameters<Parameters<typeof test>[2]>[0]["db"]): Promise<string> {
  const year = await db.emulationYear.findFirstOrThrow({
    where: { year: 2021, bloc: { name: DEMO_BLOC.name } },
    select: { id: true },
  });
  return year.id;
}

test.describe("issued documents", () => {
  test("a member downloads the issued 2021 pledge; the public check page says it is valid, an edited copy altered", async ({
    page,
    browser,
    db,
  }) => {
    const yearId = await year2021Id(db);
    await signIn(page, "lanhdao.bao@khoithidua.local");
    await page.goto(`/years/${yearId}`);
    const list = page.getByTestId("issued-documents");
    const pledge = list.locator('li[data-kind="PLEDGE"]').first();
    await expect(pledge).toContainText("10/10 cơ quan đã ký");
    const code = (await pledge.getAttribute("data-code"))!;
    expect(code).toMatch(/^GU-2021-[0-9A-F]{8}$/);
    // Issued on the day the last member signed in 2021, not the day the demo was seeded.
    await expect(pledge).toContainText("phát hành 22/02/2021");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pledge.getByRole("link", { name: "Tải PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toContain(code.toLowerCase());
    const issued = await readFile((await download.path())!);
    const text = await pdfText(issued);
    expect(text).toContain("BẢN GIAO ƯỚC THI ĐUA NĂM 2021");
    expect(text).toContain(`Mã văn bản ${code}`);

    // Anyone checks it, without signing in.
    const visitor = await browser.newContext();
    const check = await visitor.newPage();
    await check.goto("/verify");
    await expect(check.getByRole("heading", { level: 1, name: "Kiểm tra văn bản" })).toBeVisible();
    await check
      .getByLabel("Tệp PDF cần kiểm tra")
      .setInputFiles({ name: "giao-uoc-2021.pdf", mimeType: "application/pdf", buffer: issued });
    await check.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const result = check.getByTestId("check-result");
    await expect(result).toHaveAttribute("data-verdict", "VALID");
    await expect(result).toContainText("Văn bản hợp lệ: đúng bản do hệ thống phát hành, không bị sửa đổi.");
    await expect(result.getByTestId("document-entry")).toHaveAttribute("data-code", code);
    await expect(result).toContainText("Chữ ký của các cơ quan (10)");

    // One byte of the page content changed: altered.
    const edited = Buffer.from(issued);
    const at = edited.indexOf("stream", 200) + 40;
    edited[at] = edited[at]! ^ 0x01;
    await check
      .getByLabel("Tệp PDF cần kiểm tra")
      .setInputFiles({ name: "giao-uoc-2021-sua.pdf", mimeType: "application/pdf", buffer: edited });
    await check.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await expect(result).toHaveAttribute("data-verdict", "ALTERED");
    await expect(result).toContainText("CẢNH BÁO: văn bản đã bị sửa đổi so với bản do hệ thống phát hành.");

    // Not a PDF: a clear message, in Vietnamese.
    await check.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({
      name: "ghi-chu.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("Đây không phải PDF"),
    });
    await check.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    await expect(result).toContainText("Tệp không phải là văn bản PDF.");
    await visitor.close();
  });

  test("the QR code's address shows the registry entry to anyone: which document, its certificate and each signature", async ({
    page,
    db,
  }) => {
    const yearId = await year2021Id(db);
    const entry = await db.issuedDocument.findFirstOrThrow({
      where: { yearId, kind: "PLEDGE" },
      orderBy: { version: "desc" },
      select: { id: true, code: true, sha256: true },
    });
    await page.goto(`/verify/documents/${entry.id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Tra cứu văn bản" })).toBeVisible();
    const details = page.getByTestId("document-entry");
    await expect(details).toContainText(entry.code);
    await expect(details).toContainText(entry.sha256);
    await expect(details).toContainText("Bản giao ước thi đua");
    await expect(details).toContainText("Chứng thư số ký văn bản");
    await expect(details.locator("[data-agency]")).toHaveCount(10);
    await expect(details.locator("[data-agency]").filter({ hasText: /Hợp lệ$/ })).toHaveCount(10);
    await page.getByRole("link", { name: "Kiểm tra một tệp PDF" }).click();
    await expect(page).toHaveURL(/\/verify$/);
    // An id that is not in the registry is a 404.
    const missing = await page.goto("/verify/documents/00000000-0000-4000-8000-000000000000");
    expect(missing?.status()).toBe(404);
  });

  test("on a phone, the check page fits the screen and its result is announced", async ({ browser }) => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto("/verify");
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({
      name: "khac.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const result = page.getByRole("status").filter({ hasText: "Không phải văn bản do hệ thống phát hành" });
    await expect(result).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
