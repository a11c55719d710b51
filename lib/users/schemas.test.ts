import { describe, expect, it } from "vitest";
import { createUserSchema, resetPasswordSchema, updateUserSchema, userFiltersSchema } from "./schemas";

const base = {
  email: "canbo.btg@khoithidua.local",
  name: "Bùi Văn Hùng",
  role: "AGENCY_STAFF",
  agencyCode: "btg",
  password: "ThiDua@2026",
};

const issuesOf = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), message: issue.message }));

describe("createUserSchema", () => {
  it("accepts an agency user and normalises email, agency code and empty title", () => {
    const parsed = createUserSchema.parse({
      ...base,
      email: "  CanBo.BTG@KhoiThiDua.Local ",
      agencyCode: " BTG ",
      title: "",
    });
    expect(parsed).toEqual({
      email: "canbo.btg@khoithidua.local",
      name: "Bùi Văn Hùng",
      title: null,
      role: "AGENCY_STAFF",
      agencyCode: "btg",
      password: "ThiDua@2026",
    });
  });

  it.each(["SECRETARIAT", "AGENCY_LEADER", "AGENCY_STAFF"])("requires an agency for %s", (role) => {
    for (const agencyCode of [undefined, null, ""]) {
      expect(issuesOf(createUserSchema.safeParse({ ...base, role, agencyCode }))).toEqual([
        { path: "agencyCode", message: "validation.agencyRequiredForRole" },
      ]);
    }
  });

  it.each(["ADMIN", "BOARD"])("refuses an agency for %s, accepts none", (role) => {
    expect(issuesOf(createUserSchema.safeParse({ ...base, role, agencyCode: "btg" }))).toEqual([
      { path: "agencyCode", message: "validation.noAgencyForRole" },
    ]);
    expect(createUserSchema.safeParse({ ...base, role, agencyCode: "" }).data).toMatchObject({
      role,
      agencyCode: null,
    });
    expect(createUserSchema.safeParse({ ...base, role, agencyCode: undefined }).success).toBe(true);
  });

  it("refuses an unknown role, a bad email and a weak password", () => {
    expect(issuesOf(createUserSchema.safeParse({ ...base, role: "ROOT" }))).toContainEqual({
      path: "role",
      message: "validation.role",
    });
    expect(issuesOf(createUserSchema.safeParse({ ...base, email: "canbo.btg" }))).toEqual([
      { path: "email", message: "validation.invalidEmail" },
    ]);
    expect(issuesOf(createUserSchema.safeParse({ ...base, password: "short1" }))).toEqual([
      { path: "password", message: "validation.passwordTooShort" },
    ]);
    expect(issuesOf(createUserSchema.safeParse({ ...base, password: "longenoughpassword" }))).toEqual([
      { path: "password", message: "validation.passwordWeak" },
    ]);
  });

  it("refuses a malformed agency code and unknown fields", () => {
    expect(issuesOf(createUserSchema.safeParse({ ...base, agencyCode: "b" }))).toContainEqual({
      path: "agencyCode",
      message: "validation.agencyCode",
    });
    expect(createUserSchema.safeParse({ ...base, mustChangePassword: false }).error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["mustChangePassword"] }),
    ]);
  });
});

describe("updateUserSchema", () => {
  it("checks role and agency together only when the role changes; an absent agency is kept", () => {
    expect(updateUserSchema.safeParse({ name: "Bùi Văn Hùng" }).success).toBe(true);
    expect(updateUserSchema.safeParse({ agencyCode: "bdv" }).success).toBe(true);
    expect(updateUserSchema.parse({ role: "BOARD", agencyCode: "" })).toEqual({
      role: "BOARD",
      agencyCode: null,
    });
    expect(issuesOf(updateUserSchema.safeParse({ role: "BOARD", agencyCode: "btg" }))).toEqual([
      { path: "agencyCode", message: "validation.noAgencyForRole" },
    ]);
    expect(updateUserSchema.safeParse({ role: "AGENCY_LEADER" }).success).toBe(true);
    expect(issuesOf(updateUserSchema.safeParse({ role: "AGENCY_LEADER", agencyCode: "" }))).toEqual([
      { path: "agencyCode", message: "validation.agencyRequiredForRole" },
    ]);
  });

  it("cannot change the email or the password", () => {
    expect(updateUserSchema.safeParse({ email: "x@y.vn" }).success).toBe(false);
    expect(updateUserSchema.safeParse({ password: "ThiDua@2026" }).success).toBe(false);
  });
});

describe("resetPasswordSchema and userFiltersSchema", () => {
  it("applies the password policy to a reset", () => {
    expect(resetPasswordSchema.safeParse({ password: "ThiDua@2026" }).success).toBe(true);
    expect(issuesOf(resetPasswordSchema.safeParse({ password: "123" }))).toContainEqual({
      path: "password",
      message: "validation.passwordTooShort",
    });
  });

  it("parses the list filters of the query string", () => {
    expect(
      userFiltersSchema.parse({ q: "  hùng ", role: "AGENCY_STAFF", agencyCode: "BTG", disabled: "true" }),
    ).toEqual({ q: "hùng", role: "AGENCY_STAFF", agencyCode: "btg", disabled: true });
    expect(userFiltersSchema.parse({ disabled: "false" })).toEqual({ disabled: false });
    expect(userFiltersSchema.safeParse({ disabled: "yes" }).success).toBe(false);
  });
});
