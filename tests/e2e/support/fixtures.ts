import { expect, test as base, type Page } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-data";
import { E2E_DATABASE_URL } from "./env";

export { DEMO_PASSWORD };

/** Signs in through the sign-in page the way a person does, and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The app's own alerts (Next.js also injects a role="alert" route announcer). */
export function alert(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });
}

// Tests create their own data through the seed factories, on the database of the server under test.
export const test = base.extend<object, { db: PrismaClient }>({
  db: [
    async ({}, use) => {
      const db = createPrismaClient(E2E_DATABASE_URL, { max: 2 });
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

export { expect };
