// npx tsx scripts/i18n/merge.ts <fragment.json> — deep-merges {"vi": {...}, "en": {...}} into
// messages/vi.json and messages/en.json (under a lock, so people adding keys at once lose nothing).
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import path from "node:path";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(import.meta.dirname, "../..");
const lock = path.join(root, "messages", ".lock");

function merge(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === "string") target[key] = value;
    else merge((target[key] = typeof target[key] === "object" ? target[key] : {}) as Tree, value);
  }
}

async function withLock(work: () => void): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    try {
      work();
    } finally {
      rmdirSync(lock);
    }
    return;
  }
  throw new Error(`messages/.lock held for 10 s: remove it if no merge is running`);
}

const fragment = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as { vi?: Tree; en?: Tree };
await withLock(() => {
  for (const locale of ["vi", "en"] as const) {
    if (!fragment[locale]) continue;
    const file = path.join(root, "messages", `${locale}.json`);
    const catalog = JSON.parse(readFileSync(file, "utf8")) as Tree;
    merge(catalog, fragment[locale]!);
    writeFileSync(file, `${JSON.stringify(catalog, null, 2)}\n`);
  }
});
console.log("merged");
