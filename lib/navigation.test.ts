import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { NAV_ITEMS, navigationFor } from "./navigation";
import { ROLES } from "./permissions";

const keysFor = (role: Role) => navigationFor(role).map((item) => item.key);
const ADMIN_ITEMS = ["blocs", "agencies", "years", "users"];

describe("navigationFor", () => {
  it("shows ADMIN every admin item and the audit trail", () => {
    expect(keysFor("ADMIN")).toEqual([
      "home",
      "blocs",
      "agencies",
      "years",
      "users",
      "awards",
      "checkDocument",
      "audit",
      "notifications",
      "account",
    ]);
    expect(
      navigationFor("ADMIN")
        .filter((item) => item.href.startsWith("/admin/"))
        .map((item) => item.key),
    ).toEqual(ADMIN_ITEMS);
  });

  it("shows BOARD its review inbox, the awards and the audit trail, but no admin item", () => {
    expect(keysFor("BOARD")).toEqual([
      "home",
      "board",
      "awards",
      "checkDocument",
      "audit",
      "notifications",
      "account",
    ]);
  });

  it.each(["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"] as const)(
    "shows %s home, the awards, the document check, notifications and account",
    (role) => {
      expect(keysFor(role)).toEqual(["home", "awards", "checkDocument", "notifications", "account"]);
    },
  );

  it("shows every role home and account, and admin pages only to ADMIN", () => {
    for (const role of ROLES) {
      expect(keysFor(role)).toEqual(expect.arrayContaining(["home", "notifications", "account"]));
      if (role !== "ADMIN") expect(keysFor(role).some((key) => ADMIN_ITEMS.includes(key))).toBe(false);
    }
  });

  it("has unique keys and links", () => {
    expect(new Set(NAV_ITEMS.map((item) => item.key)).size).toBe(NAV_ITEMS.length);
    expect(new Set(NAV_ITEMS.map((item) => item.href)).size).toBe(NAV_ITEMS.length);
  });
});
