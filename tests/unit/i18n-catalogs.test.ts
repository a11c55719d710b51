import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { NAV_ITEMS } from "@/lib/navigation";
import { PERMISSIONS } from "@/lib/permissions";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import { icuPlaceholders } from "./support/icu";
import { scanUsage, sourceFiles, type Site, type Usage } from "./support/i18n-usage";

// The message catalogs (messages/vi.json, the default, and messages/en.json) must hold the same keys
// with the same placeholders, every key the code uses, and no key the code never uses.

type Catalog = { [key: string]: string | Catalog };
const ROOT = path.resolve(import.meta.dirname, "../..");
const CATALOGS = { vi: vi as Catalog, en: en as Catalog };

/** Leaf keys ("errors.agency.codeTaken") with their messages, and the namespaces ("errors.agency"). */
function flatten(
  catalog: Catalog,
  prefix = "",
  leaves = new Map<string, string>(),
  namespaces = new Set<string>(),
) {
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") {
      leaves.set(full, value);
    } else {
      namespaces.add(full);
      flatten(value, full, leaves, namespaces);
    }
  }
  return { leaves, namespaces };
}

const viFlat = flatten(CATALOGS.vi);
const enFlat = flatten(CATALOGS.en);
const keys = [...viFlat.leaves.keys()];
const topNamespaces = new Set(Object.keys(CATALOGS.vi));
const where = (sites: Site[]) => sites.map((site) => `${site.file}:${site.line}`).join(", ");
/** An assertion message that lists the offending entries in full (vitest shortens long arrays). */
const listing = (title: string, entries: string[]) => `${title}:\n  ${entries.join("\n  ")}\n`;

const usageOptions = {
  root: ROOT,
  namespaces: topNamespaces,
  notKeys: new Set(Object.keys(PERMISSIONS)),
  enumeratedPrefixes: new Map([["nav.", NAV_ITEMS.map((item) => item.key)]]),
};

/** Keys the code needs that the catalog lacks, as "key (file:line)". */
function missingKeys(
  usage: Usage,
  catalog: { leaves: Map<string, string>; namespaces: Set<string> },
): string[] {
  const leafKeys = [...catalog.leaves.keys()];
  const problems = usage.required.filter(({ key, kind }) => {
    switch (kind) {
      case "key":
        return !catalog.leaves.has(key);
      case "namespace":
        return !catalog.namespaces.has(key);
      case "keyOrNamespace":
        return !catalog.leaves.has(key) && !catalog.namespaces.has(key);
      case "prefix":
        return !leafKeys.some((leaf) => leaf.startsWith(key));
    }
  });
  return [
    ...new Set(
      problems.map(({ key, kind, site }) => `${kind === "prefix" ? `${key}*` : key} (${where([site])})`),
    ),
  ].sort();
}

/** Catalog keys no code uses. */
function unusedKeys(usage: Usage, catalogKeys: string[]): string[] {
  const prefixes = [...usage.usedPrefixes.keys()];
  return catalogKeys
    .filter((key) => !usage.used.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)))
    .sort();
}

describe("the two catalogs", () => {
  it("hold the same keys", () => {
    const onlyVi = keys.filter((key) => !enFlat.leaves.has(key));
    const onlyEn = [...enFlat.leaves.keys()].filter((key) => !viFlat.leaves.has(key));
    expect(onlyVi, listing("keys in vi.json missing from en.json", onlyVi)).toEqual([]);
    expect(onlyEn, listing("keys in en.json missing from vi.json", onlyEn)).toEqual([]);
    expect(viFlat.namespaces).toEqual(enFlat.namespaces);
  });

  it("have no empty message", () => {
    for (const [locale, flat] of [
      ["vi", viFlat],
      ["en", enFlat],
    ] as const) {
      const empty = [...flat.leaves].filter(([, message]) => message.trim() === "").map(([key]) => key);
      expect(empty, listing(`empty messages in ${locale}.json`, empty)).toEqual([]);
    }
  });

  it("use the same ICU placeholders for each key", () => {
    const differences = keys
      .filter((key) => enFlat.leaves.has(key))
      .flatMap((key) => {
        const a = icuPlaceholders(viFlat.leaves.get(key)!);
        const b = icuPlaceholders(enFlat.leaves.get(key)!);
        return JSON.stringify(a) === JSON.stringify(b)
          ? []
          : [`${key}: vi {${a.join("} {")}} ≠ en {${b.join("} {")}}`];
      });
    expect(differences, listing("placeholders differ between vi.json and en.json", differences)).toEqual([]);
  });

  it("format with next-intl, every placeholder filled", () => {
    const problems: string[] = [];
    for (const locale of ["vi", "en"] as const) {
      const flat = locale === "vi" ? viFlat : enFlat;
      const t = createTranslator({
        locale,
        messages: CATALOGS[locale],
        timeZone: "Asia/Ho_Chi_Minh",
        onError: (error) => problems.push(`${locale}: ${error.message}`),
      });
      for (const [key, message] of flat.leaves) {
        const values: Record<string, string | number | Date> = {};
        for (const placeholder of icuPlaceholders(message)) {
          if (placeholder.startsWith("<")) continue;
          const [name, type] = placeholder.split(", ");
          values[name!] =
            type === "date" || type === "time"
              ? new Date("2026-11-28T07:05:00Z")
              : type === "select"
                ? "other"
                : 2;
        }
        const output = (t as unknown as (key: string, values: Record<string, unknown>) => string)(
          key,
          values,
        );
        if (/[{}]/.test(output)) problems.push(`${locale}: ${key} → ${output}`);
      }
    }
    expect(problems, listing("messages that do not format", problems)).toEqual([]);
  });

  it("write Vietnamese with its diacritics", () => {
    // A catalog that lost its diacritics (or got an English copy) is caught here.
    const withDiacritics = [...viFlat.leaves.values()].filter((message) =>
      /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i.test(message),
    );
    expect(withDiacritics.length / viFlat.leaves.size).toBeGreaterThan(0.9);
  });
});

describe("icuPlaceholders", () => {
  it("reads arguments, typed arguments, nested plural branches and tags", () => {
    expect(icuPlaceholders("Năm {year} của {bloc}")).toEqual(["bloc", "year"]);
    expect(icuPlaceholders("{count, plural, =0 {none} one {# item of {total}} other {# items}}")).toEqual([
      "count, plural",
      "total",
    ]);
    expect(icuPlaceholders("Due {date, date, short} <b>now</b>")).toEqual(["<b>", "date, date"]);
    expect(icuPlaceholders("It's the members' {year} list, '{literal}'")).toEqual(["year"]);
  });

  it("rejects unbalanced braces", () => {
    expect(() => icuPlaceholders("Năm {year")).toThrow();
    expect(() => icuPlaceholders("Năm year}")).toThrow();
  });
});

describe("keys in the code", () => {
  const usage = scanUsage({ ...usageOptions, files: sourceFiles(ROOT, ["app", "components", "lib"]) });

  it("finds uses in pages, components and the data layer", () => {
    // Guards the scanner itself: a broken scan would make every key look unused.
    expect(usage.used.has("admin.agencies.title")).toBe(true); // t("title") bound to "admin.agencies"
    expect(usage.used.has("errors.agency.codeTaken")).toBe(true); // data layer literal
    expect(usage.used.has("phases.SETUP")).toBe(true); // t(step) with step: Phase
    expect(usage.used.has("nav.blocs")).toBe(true); // nav.${item.key} over NAV_ITEMS
    expect(usage.usedPrefixes.has("todo.secretariat.")).toBe(true); // `todo.secretariat.${year.phase}`
  });

  it("are all in both catalogs", () => {
    const missingVi = missingKeys(usage, viFlat);
    const missingEn = missingKeys(usage, enFlat);
    expect(missingVi, listing("used in the code, missing from vi.json", missingVi)).toEqual([]);
    expect(missingEn, listing("used in the code, missing from en.json", missingEn)).toEqual([]);
  });

  it("include every catalog key (no unused keys)", () => {
    const unused = unusedKeys(usage, keys);
    expect(
      unused,
      listing(
        "in the catalogs, used nowhere in app/, components/ or lib/ (remove from both catalogs)",
        unused,
      ),
    ).toEqual([]);
  });

  it("include the label of every navigation item", () => {
    for (const item of NAV_ITEMS) expect(viFlat.leaves.has(`nav.${item.key}`), `nav.${item.key}`).toBe(true);
  });
});

describe("the usage scanner", () => {
  const dir = path.join(ROOT, "__fixture__");
  const file = (name: string) => path.join(dir, name);
  const sources = new Map([
    [
      file("page.tsx"),
      `import { getTranslations } from "next-intl/server";
       import { useTranslations } from "next-intl";
       type Kind = "ONE" | "TWO";
       export async function Page({ kind, key, role }: { kind: Kind; key: string; role: "A" | "B" }) {
         const t = await getTranslations("demo");
         const all = await getTranslations();
         const title = (await getTranslations("other"))("title");
         return [t("present"), t("absent"), t(kind), t(\`roles.\${role}\`), t(\`free.\${key}\`), all("root.full"), all(key), title];
       }
       export function Client({ flag }: { flag: boolean }) {
         const labels = useTranslations("labels");
         return labels.rich(flag ? "yes" : "no");
       }`,
    ],
    [
      file("data.ts"),
      `export const MESSAGE = "errors.fromData"; export const task = (phase: string) => \`todo.\${phase}\`; export const perm = "demo.read";`,
    ],
  ]);
  const usage = scanUsage({
    root: ROOT,
    files: [...sources.keys()],
    sources,
    namespaces: new Set(["demo", "errors", "todo", "labels"]),
    notKeys: new Set(["demo.read"]),
  });
  const catalog = flatten({
    demo: { present: "x", ONE: "x", TWO: "x", roles: { A: "x", B: "x" }, free: { any: "x" }, unused: "x" },
    other: { title: "x" },
    root: { full: "x" },
    labels: { yes: "x", no: "x" },
    errors: { fromData: "x" },
    todo: { PLEDGING: "x" },
  });

  it("qualifies keys with the namespace of the binding, inline or bound, and resolves literal types", () => {
    for (const key of [
      "demo.present",
      "demo.ONE",
      "demo.TWO",
      "demo.roles.A",
      "demo.roles.B",
      "other.title",
      "root.full",
      "labels.yes",
      "labels.no",
      "errors.fromData",
    ]) {
      expect(usage.used.has(key), key).toBe(true);
    }
    expect([...usage.usedPrefixes.keys()].sort()).toEqual(["demo.free.", "todo."]);
  });

  it("reports missing keys with their place, and unused keys", () => {
    expect(missingKeys(usage, catalog)).toEqual(["demo.absent (__fixture__/page.tsx:8)"]);
    expect(unusedKeys(usage, [...catalog.leaves.keys()])).toEqual(["demo.unused"]);
  });

  it("does not take permission names for keys", () => {
    expect(usage.required.some(({ key }) => key === "demo.read")).toBe(false);
  });
});
