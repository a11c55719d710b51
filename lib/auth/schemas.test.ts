import { describe, expect, it } from "vitest";
import { changePasswordSchema, newPasswordSchema } from "./schemas";

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.message);

describe("newPasswordSchema", () => {
  it("accepts 10+ characters with a letter and a digit", () => {
    expect(newPasswordSchema.safeParse("ThiDua@2026").success).toBe(true);
    expect(newPasswordSchema.safeParse("abcdefghi1").success).toBe(true);
    // Vietnamese letters count as letters.
    expect(newPasswordSchema.safeParse("đườnglàng9").success).toBe(true);
  });

  it("refuses fewer than 10 characters", () => {
    expect(messagesOf(newPasswordSchema.safeParse("abcdefgh1"))).toContain("validation.passwordTooShort");
  });

  it("refuses a password without a letter or without a digit", () => {
    expect(messagesOf(newPasswordSchema.safeParse("1234567890"))).toEqual(["validation.passwordWeak"]);
    expect(messagesOf(newPasswordSchema.safeParse("abcdefghij"))).toEqual(["validation.passwordWeak"]);
    expect(messagesOf(newPasswordSchema.safeParse("!@#$%^&*()_+"))).toEqual(["validation.passwordWeak"]);
  });

  it("refuses more than 128 characters", () => {
    expect(messagesOf(newPasswordSchema.safeParse(`a1${"x".repeat(127)}`))).toContain("validation.tooLong");
    expect(newPasswordSchema.safeParse(`a1${"x".repeat(126)}`).success).toBe(true);
  });
});

describe("changePasswordSchema", () => {
  it("accepts a new password different from the current one", () => {
    expect(
      changePasswordSchema.parse({ currentPassword: "ThiDua@2026", newPassword: "ThiDua@2027!" }),
    ).toEqual({ currentPassword: "ThiDua@2026", newPassword: "ThiDua@2027!" });
  });

  it("refuses an unchanged password, on the newPassword field", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "ThiDua@2026",
      newPassword: "ThiDua@2026",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["newPassword"], message: "validation.passwordUnchanged" }),
    ]);
  });

  it("requires the current password and refuses unknown fields", () => {
    expect(
      messagesOf(changePasswordSchema.safeParse({ currentPassword: "", newPassword: "ThiDua@2027!" })),
    ).toEqual(["validation.required"]);
    const extra = changePasswordSchema.safeParse({
      currentPassword: "ThiDua@2026",
      newPassword: "ThiDua@2027!",
      userId: "x",
    });
    expect(extra.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys" })]);
  });
});
