import { after } from "next/server";
import { log } from "@/lib/log";

/**
 * Runs slow follow-up work (e-mail) after the response is sent. Outside a Next.js request (scripts,
 * tests) it simply starts the work now without waiting for it.
 */
export function runAfterResponse(task: () => Promise<unknown>): void {
  const guarded = () =>
    task().catch((error: unknown) =>
      log.error("follow-up work failed", { error: error instanceof Error ? error.message : String(error) }),
    );
  try {
    after(guarded);
  } catch {
    void guarded();
  }
}
