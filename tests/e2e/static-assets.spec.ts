import { expect, test } from "./support/fixtures";

// The icons and the web app manifest: static files in public/, drawn from public/icon.svg. Browsers ask
// for /favicon.ico on their own, so a missing one is a 404 in every console. No sign-in needed.

const BRAND_COLOR = "#991b1b";

const ASSETS = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)$/ },
  { path: "/icon.svg", type: /^image\/svg\+xml(;|$)/ },
  { path: "/icon-192.png", type: /^image\/png$/, size: 192 },
  { path: "/icon-512.png", type: /^image\/png$/, size: 512 },
  { path: "/apple-touch-icon.png", type: /^image\/png$/, size: 180 },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json(;|$)/ },
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.describe("static assets", () => {
  for (const asset of ASSETS) {
    test(`${asset.path} is served with its content type`, async ({ request }) => {
      const response = await request.get(asset.path);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(asset.type);
      // Static files skip proxy.ts (its matcher): no per-request Content-Security-Policy nonce.
      expect(response.headers()["content-security-policy"]).toBeUndefined();
      const body = await response.body();
      if (asset.size !== undefined) {
        // A PNG of the declared size: the signature, then the IHDR chunk's width and height.
        expect(body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([asset.size, asset.size]);
      }
    });
  }

  test("the favicon is an icon file holding 16, 32 and 48 px images", async ({ request }) => {
    const body = await (await request.get("/favicon.ico")).body();
    // ICONDIR: reserved 0, type 1 (icon), image count; then one 16-byte entry per image (width first).
    expect([body.readUInt16LE(0), body.readUInt16LE(2)]).toEqual([0, 1]);
    const count = body.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, index) => body.readUInt8(6 + 16 * index));
    expect(widths).toEqual([16, 32, 48]);
  });

  test("the web app manifest describes the app and its icons resolve", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    const manifest = JSON.parse(await response.text()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({
      name: "Khối thi đua",
      short_name: "Thi đua",
      lang: "vi",
      start_url: "/",
      display: "standalone",
      theme_color: BRAND_COLOR,
      background_color: BRAND_COLOR,
    });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const iconResponse = await request.get(icon.src);
      expect(iconResponse.status(), icon.src).toBe(200);
      expect(iconResponse.headers()["content-type"], icon.src).toContain(icon.type);
    }
  });

  test("the sign-in page links the icons and loads without a console error or a failed request", async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400)
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    // ERR_ABORTED is a request the page itself cancelled (a superseded prefetch), not a failure.
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "";
      if (!reason.includes("ERR_ABORTED"))
        problems.push(`failed ${request.method()} ${request.url()}: ${reason}`);
    });

    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeVisible();

    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
      "href",
      "/apple-touch-icon.png",
    );
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", BRAND_COLOR);
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(icons).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg"]));

    // Headless Chromium does not fetch favicons itself: load every linked icon as the page would, under
    // the page's Content-Security-Policy, and check each decodes as an image.
    const hrefs = await page
      .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const widths = await page.evaluate(
      (sources) =>
        Promise.all(
          sources.map(
            (source) =>
              new Promise<number>((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve(image.naturalWidth);
                image.onerror = () => reject(new Error(`${source} did not load as an image`));
                image.src = source;
              }),
          ),
        ),
      hrefs,
    );
    for (const width of widths) expect(width).toBeGreaterThan(0);
    for (const href of [...hrefs, "/manifest.webmanifest"])
      expect((await page.request.get(href)).status(), href).toBe(200);

    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });
});
