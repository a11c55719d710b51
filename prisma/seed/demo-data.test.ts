import { describe, expect, it } from "vitest";
import { yearDeadlinesSchema } from "@/lib/years/rules";
import {
  DEMO_AGENCIES,
  DEMO_PASSWORD,
  DEMO_SECRETARIES,
  DEMO_YEARS,
  demoAccountEmails,
  leaderEmail,
  staffEmail,
} from "./demo-data";

const CODES = ["btc", "ubkt", "bnc", "btg", "bdv", "bao", "vptu", "tct", "dukcq", "bbvsk"];

describe("demo data (PRODUCT.md)", () => {
  it("has the ten member agencies of the bloc with their codes", () => {
    expect(DEMO_AGENCIES.map((agency) => agency.code)).toEqual(CODES);
    const names = Object.fromEntries(DEMO_AGENCIES.map((agency) => [agency.code, agency.name]));
    expect(names).toMatchObject({
      btg: "Ban Tuyên giáo Tỉnh ủy",
      bdv: "Ban Dân vận Tỉnh ủy",
      bao: "Báo Nam Định",
      tct: "Trường Chính trị Trường Chinh",
    });
  });

  it("has 24 demo accounts: admin, board, two secretaries, and a leader and a staff member per agency", () => {
    const emails = demoAccountEmails();
    expect(emails).toHaveLength(24);
    expect(new Set(emails).size).toBe(24);
    expect(emails.slice(0, 4)).toEqual([
      "admin@khoithidua.local",
      "board@khoithidua.local",
      "thuky.btg@khoithidua.local",
      "thuky.bdv@khoithidua.local",
    ]);
    for (const code of CODES) {
      expect(emails).toContain(`lanhdao.${code}@khoithidua.local`);
      expect(emails).toContain(`canbo.${code}@khoithidua.local`);
    }
    expect(leaderEmail("btg")).toBe("lanhdao.btg@khoithidua.local");
    expect(staffEmail("btg")).toBe("canbo.btg@khoithidua.local");
    expect(DEMO_PASSWORD).toBe("ThiDua@2026");
  });

  it("has the secretaries of the 2021 and 2022 leader agencies", () => {
    expect(DEMO_SECRETARIES.map((s) => [s.email, s.agencyCode])).toEqual([
      ["thuky.btg@khoithidua.local", "btg"],
      ["thuky.bdv@khoithidua.local", "bdv"],
    ]);
  });

  it("has 2021 closed, led by Ban Tuyên giáo, and 2022 pledging, led by Ban Dân vận", () => {
    expect(DEMO_YEARS.map((y) => [y.year, y.phase, y.leader])).toEqual([
      [2021, "CLOSED", "btg"],
      [2022, "PLEDGING", "bdv"],
    ]);
    for (const year of DEMO_YEARS) {
      expect(CODES).toContain(year.deputy);
      expect(year.deputy).not.toBe(year.leader);
      // The seeded deadlines pass the validation the admin forms apply.
      expect(yearDeadlinesSchema.parse(year.deadlines)).toEqual(year.deadlines);
    }
  });
});
