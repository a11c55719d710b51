import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./tests/e2e/support/env";

// Debian's Chromium when present (CI installs it: Playwright cannot download browsers here), else
// Playwright's own browser on a developer machine.
const chromium = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"].find(
  (candidate) => candidate && existsSync(candidate),
);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /(votes|nominations)\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // The votes spec moves the demo bloc's 2022 from PLEDGING to VOTING, which other specs rely on: it
    // runs after all of them.
    {
      name: "after-demo",
      testMatch: /votes\.spec\.ts$/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // The nominations spec takes 2022 on from where the votes spec leaves it (VOTING, sessions closed).
    {
      name: "after-votes",
      testMatch: /nominations\.spec\.ts$/,
      dependencies: ["after-demo"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  // The production build (`next build`, done once by `npm test`) served by `next start`, on its own
  // embedded PostgreSQL seeded with the demo bloc.
  webServer: {
    command: "npx tsx tests/e2e/server.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
