import { describe, expect, it } from "vitest";
import {
  AppError,
  ERROR_REASONS,
  ERROR_STATUS,
  conflict,
  forbidden,
  invalid,
  isAppError,
  notFound,
  unauthenticated,
  type ErrorCode,
} from "./errors";

describe("AppError", () => {
  it.each<[ErrorCode, number]>([
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["WRONG_PHASE", 409],
    ["TOO_LARGE", 413],
    ["VALIDATION", 422],
    ["RATE_LIMITED", 429],
    ["UNAVAILABLE", 503],
  ])("%s has HTTP status %i", (code, status) => {
    expect(ERROR_STATUS[code]).toBe(status);
    expect(new AppError(code, "errors.x").status).toBe(status);
  });

  it("has exactly the codes of the API contract", () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([
      "CONFLICT",
      "FORBIDDEN",
      "NOT_FOUND",
      "RATE_LIMITED",
      "TOO_LARGE",
      "UNAUTHENTICATED",
      "UNAVAILABLE",
      "VALIDATION",
      "WRONG_PHASE",
    ]);
  });

  it("carries its message key, params, field issues, details and items", () => {
    const error = new AppError("WRONG_PHASE", "errors.year.blocked", {
      params: { phase: "REVIEW" },
      fieldIssues: [{ path: "phase", message: "validation.phase" }],
      details: { phase: "REVIEW" },
      items: [{ message: "pendingWork.noLeader" }],
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AppError");
    expect(error.message).toBe("WRONG_PHASE: errors.year.blocked");
    expect(error).toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.year.blocked",
      params: { phase: "REVIEW" },
      details: { phase: "REVIEW" },
    });
    expect(error.fieldIssues).toEqual([{ path: "phase", message: "validation.phase" }]);
    expect(error.items).toEqual([{ message: "pendingWork.noLeader" }]);
  });

  it("defaults to no params, issues or items", () => {
    const error = new AppError("CONFLICT", "errors.year.stale");
    expect(error.params).toEqual({});
    expect(error.fieldIssues).toEqual([]);
    expect(error.items).toEqual([]);
    expect(error.details).toBeUndefined();
    expect(error.reason).toBeUndefined();
  });

  it("names the refusals pages act on by a reason, apart from the message key and the API code", () => {
    const error = new AppError("NOT_FOUND", "errors.ranking.notPublished", {
      reason: "RANKING_NOT_PUBLISHED",
    });
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      reason: ERROR_REASONS.RANKING_NOT_PUBLISHED,
    });
  });
});

describe("helpers", () => {
  it("build the expected errors", () => {
    expect(unauthenticated()).toMatchObject({
      code: "UNAUTHENTICATED",
      status: 401,
      messageKey: "errors.unauthenticated",
    });
    expect(forbidden()).toMatchObject({ code: "FORBIDDEN", status: 403, messageKey: "errors.forbidden" });
    expect(notFound("errors.agency.notFound", { code: "xyz" })).toMatchObject({
      code: "NOT_FOUND",
      status: 404,
      params: { code: "xyz" },
    });
    expect(conflict("errors.agency.codeTaken", { code: "btg" }, { field: "code" })).toMatchObject({
      code: "CONFLICT",
      status: 409,
      messageKey: "errors.agency.codeTaken",
      params: { code: "btg" },
      details: { field: "code" },
    });
    expect(invalid([{ path: "name", message: "validation.required" }])).toMatchObject({
      code: "VALIDATION",
      status: 422,
      messageKey: "errors.validation",
    });
  });

  it("isAppError tells AppErrors from other throwables", () => {
    expect(isAppError(forbidden())).toBe(true);
    expect(isAppError(new Error("FORBIDDEN: errors.forbidden"))).toBe(false);
    expect(isAppError({ code: "FORBIDDEN", status: 403 })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
