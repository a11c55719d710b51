import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, conflict, forbidden, invalid } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { toPublicError } from "./errors";

const tVi = translatorFor("vi");
const tEn = translatorFor("en");
const REQUEST_ID = "req-7f3a";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("toPublicError with an AppError", () => {
  it("gives the error's status and its Vietnamese message", () => {
    expect(toPublicError(forbidden(), tVi, REQUEST_ID)).toEqual({
      status: 403,
      body: { code: "FORBIDDEN", message: "Bạn không có quyền thực hiện thao tác này." },
    });
  });

  it("interpolates params and keeps details", () => {
    const { status, body } = toPublicError(
      conflict("errors.agency.codeTaken", { code: "btg" }, { field: "code" }),
      tVi,
      REQUEST_ID,
    );
    expect(status).toBe(409);
    expect(body).toEqual({
      code: "CONFLICT",
      message: "Mã cơ quan btg đã được dùng.",
      details: { field: "code" },
    });
  });

  it("translates field issues under details.fields (with params), '_' for the whole input", () => {
    const error = invalid([
      { path: "name", message: "validation.required" },
      { path: "shortName", message: "validation.tooLong", params: { max: 80 } },
      { path: "", message: "validation.unknownFields", params: { keys: "admin" } },
    ]);
    const { status, body } = toPublicError(error, tVi, REQUEST_ID);
    expect(status).toBe(422);
    expect(body.code).toBe("VALIDATION");
    expect(body.message).toBe("Dữ liệu chưa hợp lệ, vui lòng kiểm tra lại.");
    expect(body.details).toEqual({
      fields: {
        name: "Vui lòng nhập thông tin này.",
        shortName: "Tối đa 80 ký tự.",
        _: "Có trường không được hỗ trợ: admin.",
      },
    });
  });

  it("translates items under details.items", () => {
    const error = new AppError("WRONG_PHASE", "errors.year.blocked", {
      items: [
        { message: "pendingWork.noLeader" },
        { message: "validation.tooFewMembers", params: { min: 2 } },
      ],
    });
    const { status, body } = toPublicError(error, tVi, REQUEST_ID);
    expect(status).toBe(409);
    expect(body).toEqual({
      code: "WRONG_PHASE",
      message: "Chưa thể chuyển giai đoạn.",
      details: { items: ["Chưa chọn Khối trưởng.", "Cần ít nhất 2 cơ quan thành viên."] },
    });
  });

  it("uses the translator it is given", () => {
    expect(toPublicError(forbidden(), tEn, REQUEST_ID).body.message).not.toBe(
      toPublicError(forbidden(), tVi, REQUEST_ID).body.message,
    );
  });

  it("does not log expected errors", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    toPublicError(forbidden(), tVi, REQUEST_ID);
    expect(log).not.toHaveBeenCalled();
  });
});

describe("toPublicError with a transient database failure", () => {
  it("answers 503 UNAVAILABLE with the Vietnamese busy message and the seconds to wait, logged as a warning (not a bug)", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const deadlock = {
      code: "P2010",
      message: "Raw query failed. Code: `40P01`",
      meta: { driverAdapterError: { cause: { originalCode: "40P01", kind: "TransactionWriteConflict" } } },
    };
    expect(toPublicError(deadlock, tVi, REQUEST_ID)).toEqual({
      status: 503,
      body: {
        code: "UNAVAILABLE",
        message:
          "Hệ thống đang bận nên chưa thực hiện được thao tác, chưa có gì thay đổi. Vui lòng thử lại sau ít giây.",
        details: { retryAfterSeconds: 5 },
      },
    });
    expect(
      toPublicError(new Error("timeout exceeded when trying to connect"), tEn, REQUEST_ID).body.message,
    ).toBe(
      "The system is busy and could not do this; nothing was changed. Please try again in a few seconds.",
    );
    expect(log).toHaveBeenCalledTimes(2);
    expect(JSON.parse(String(log.mock.calls[0]![0]))).toMatchObject({
      level: "warn",
      message: "database busy",
      requestId: REQUEST_ID,
      failure: "conflict",
    });
  });
});

describe("toPublicError with an unexpected error", () => {
  it("answers 500 INTERNAL with a generic message naming the request id, and logs the error", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = toPublicError(
      new Error('relation "User" does not exist at 10.0.0.5'),
      tVi,
      REQUEST_ID,
    );
    expect(status).toBe(500);
    expect(body.code).toBe("INTERNAL");
    expect(body.message).toBe(`Đã có lỗi hệ thống. Mã tham chiếu: ${REQUEST_ID}.`);
    expect(body.details).toEqual({ requestId: REQUEST_ID });
    expect(JSON.stringify(body)).not.toContain("does not exist");
    expect(JSON.stringify(body)).not.toContain("10.0.0.5");

    expect(log).toHaveBeenCalledTimes(1);
    // The server log keeps what the user is not told: the original message, with the request id.
    const logged = String(log.mock.calls[0]![0]);
    expect(JSON.parse(logged)).toMatchObject({ level: "error", requestId: REQUEST_ID });
    expect(logged).toContain("does not exist at 10.0.0.5");
    expect(logged).toContain("errors.test.ts"); // the stack
  });

  it("handles non-Error throwables the same way", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = toPublicError("secret string", tVi, REQUEST_ID);
    expect(status).toBe(500);
    expect(body.message).toContain(REQUEST_ID);
    expect(body.message).not.toContain("secret string");
    const logged = String(log.mock.calls[0]![0]);
    expect(JSON.parse(logged)).toMatchObject({ level: "error", requestId: REQUEST_ID });
    expect(logged).toContain("secret string");
  });
});
