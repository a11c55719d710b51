// Shared by the scripts that measure or break the production server (bench, crash-safety).
import type { ChildProcess } from "node:child_process";

/** Waits until `url` answers 200, for at most `seconds`; fails at once if `server` exits meanwhile. */
export async function waitForHealth(url: string, seconds: number, server?: ChildProcess): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server && server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}
