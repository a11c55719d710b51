import { describe, expect, it } from "vitest";
import { auditFiltersSchema } from "./schemas";

describe("auditFiltersSchema", () => {
  it("parses the filters of the query string with a default page size", () => {
    expect(
      auditFiltersSchema.parse({
        actor: " Admin@KhoiThiDua.local ",
        from: "2026-01-01",
        to: "2026-02-28",
        cursor: "120",
        limit: "20",
      }),
    ).toEqual({
      actor: "Admin@KhoiThiDua.local",
      from: "2026-01-01",
      to: "2026-02-28",
      cursor: "120",
      limit: 20,
    });
    expect(auditFiltersSchema.parse({})).toEqual({ limit: 50 });
  });

  it.each(["2026-13-01", "2026-02-30", "01/02/2026"])(
    "refuses the day %s (a 422, never an Invalid Date reaching the database)",
    (day) => {
      const result = auditFiltersSchema.safeParse({ from: day });
      expect(result.success).toBe(false);
      expect(
        result.error?.issues.every(
          (issue) => issue.message === "validation.date" && issue.path[0] === "from",
        ),
      ).toBe(true);
    },
  );

  it("refuses a malformed cursor, block id and page size", () => {
    expect(auditFiltersSchema.safeParse({ cursor: "12; DROP TABLE" }).error?.issues[0]?.message).toBe(
      "validation.invalid",
    );
    expect(auditFiltersSchema.safeParse({ blocId: "x" }).error?.issues[0]?.message).toBe(
      "validation.invalidId",
    );
    expect(auditFiltersSchema.safeParse({ limit: "1000" }).success).toBe(false);
    expect(auditFiltersSchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});
