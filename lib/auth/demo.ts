import "server-only";
import { DEMO_PASSWORD, demoAccountEmails } from "@/lib/demo";
import { getEnv } from "@/lib/env";

/** The demo accounts shown on the sign-in page, in demo mode only (embedded database). */
export function demoAccounts(): { password: string; emails: string[] } | null {
  if (getEnv().DEMO_MODE !== "1") return null;
  return { password: DEMO_PASSWORD, emails: demoAccountEmails() };
}
