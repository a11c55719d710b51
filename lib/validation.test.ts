import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";
import { idOrNotFound, optionalText, parseInput, requiredText, toFieldIssues } from "./validation";

/** The VALIDATION error parseInput throws, or fails the test. */
function validationError(schema: z.ZodType, input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", status: 422, messageKey: "errors.validation" });
    return error as AppError;
  }
  throw new Error("parseInput did not throw");
}

const issueAt = (error: AppError, path: string): FieldIssue | undefined =>
  error.fieldIssues.find((issue) => issue.path === path);

const person = z
  .object({
    name: requiredText(10),
    email: z.email(),
    age: z.number().int().min(18).max(120).optional(),
    tags: z.array(z.string()).min(1).max(2).optional(),
    kind: z.enum(["A", "B"]).optional(),
  })
  .strict();

describe("parseInput", () => {
  it("returns the parsed value when valid", () => {
    expect(parseInput(person, { name: "  An  ", email: "an@example.vn" })).toEqual({
      name: "An",
      email: "an@example.vn",
    });
  });

  it("maps a missing field to validation.required", () => {
    const error = validationError(person, { email: "an@example.vn" });
    expect(error.fieldIssues).toEqual([{ path: "name", message: "validation.required", params: {} }]);
  });

  it("maps an empty required text to validation.required", () => {
    expect(issueAt(validationError(person, { name: "   ", email: "an@example.vn" }), "name")?.message).toBe(
      "validation.required",
    );
  });

  it("maps a too long string to validation.tooLong with {max}", () => {
    const error = validationError(person, { name: "Nguyễn Văn An", email: "an@example.vn" });
    expect(issueAt(error, "name")).toEqual({
      path: "name",
      message: "validation.tooLong",
      params: { max: 10 },
    });
    // zod's own too_big on a string without a custom message maps to the same key.
    expect(validationError(z.object({ code: z.string().max(3) }), { code: "abcd" }).fieldIssues).toEqual([
      { path: "code", message: "validation.tooLong", params: { max: 3 } },
    ]);
  });

  it("maps a bad email to validation.invalidEmail", () => {
    expect(issueAt(validationError(person, { name: "An", email: "not-an-email" }), "email")?.message).toBe(
      "validation.invalidEmail",
    );
  });

  it("maps numbers, arrays, enums and types to their keys with params", () => {
    const error = validationError(person, {
      name: "An",
      email: "an@example.vn",
      age: 12,
      tags: ["a", "b", "c"],
      kind: "C",
    });
    expect(issueAt(error, "age")).toEqual({
      path: "age",
      message: "validation.tooSmall",
      params: { min: 18 },
    });
    expect(issueAt(error, "tags")).toEqual({
      path: "tags",
      message: "validation.tooManyItems",
      params: { max: 2 },
    });
    expect(issueAt(error, "kind")?.message).toBe("validation.invalidOption");
    expect(
      issueAt(validationError(person, { name: "An", email: "an@example.vn", age: "old" }), "age")?.message,
    ).toBe("validation.invalidType");
    expect(
      issueAt(validationError(person, { name: "An", email: "an@example.vn", tags: [] }), "tags"),
    ).toEqual({ path: "tags", message: "validation.tooFewItems", params: { min: 1 } });
  });

  it("keeps custom validation.* messages, including nested paths", () => {
    const schema = z.object({
      rules: z.object({ bands: z.array(z.number()).refine(() => false, "validation.bandsDescending") }),
    });
    expect(validationError(schema, { rules: { bands: [1] } }).fieldIssues).toEqual([
      { path: "rules.bands", message: "validation.bandsDescending", params: {} },
    ]);
  });

  it("maps unknown keys to validation.unknownFields with the keys", () => {
    const error = validationError(person, { name: "An", email: "an@example.vn", admin: true, role: "ADMIN" });
    expect(error.fieldIssues).toEqual([
      { path: "", message: "validation.unknownFields", params: { keys: "admin, role" } },
    ]);
  });

  it("reports one issue per failing field", () => {
    const error = validationError(person, {});
    expect(error.fieldIssues.map((issue) => issue.path).sort()).toEqual(["email", "name"]);
    expect(error.fieldIssues.every((issue) => issue.message === "validation.required")).toBe(true);
  });

  it("toFieldIssues never leaks zod's English messages", () => {
    const result = z.object({ n: z.number().multipleOf(5) }).safeParse({ n: 3 });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!);
    expect(issues.every((issue) => issue.message.startsWith("validation."))).toBe(true);
  });
});

describe("optionalText", () => {
  const schema = optionalText(5);

  it("turns empty, blank, null and absent into null", () => {
    expect(schema.parse("")).toBeNull();
    expect(schema.parse("   ")).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
  });

  it("trims text and enforces its maximum", () => {
    expect(schema.parse("  abc ")).toBe("abc");
    expect(validationError(z.object({ note: schema }), { note: "abcdef" }).fieldIssues).toEqual([
      { path: "note", message: "validation.tooLong", params: { max: 5 } },
    ]);
  });
});

describe("idOrNotFound", () => {
  it("lower-cases a valid UUID", () => {
    expect(idOrNotFound("0B7C39E8-5F3A-4C1D-9E2B-7A6D5C4B3A21")).toBe("0b7c39e8-5f3a-4c1d-9e2b-7a6d5c4b3a21");
  });

  it.each([
    "",
    "42",
    "not-a-uuid",
    "0b7c39e8-5f3a-4c1d-9e2b-7a6d5c4b3a2",
    "0b7c39e8-5f3a-4c1d-9e2b-7a6d5c4b3a21' OR 1=1 --",
    "0b7c39e85f3a4c1d9e2b7a6d5c4b3a21",
  ])("rejects %j as NOT_FOUND", (id) => {
    expect(() => idOrNotFound(id)).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", status: 404, messageKey: "errors.notFound" }),
    );
  });

  it("uses the given message key", () => {
    expect(() => idOrNotFound("x", "errors.year.notFound")).toThrow(
      expect.objectContaining({ code: "NOT_FOUND", messageKey: "errors.year.notFound" }),
    );
  });
});
