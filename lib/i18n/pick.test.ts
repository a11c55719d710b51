import { describe, expect, it } from "vitest";
import { pickMessages } from "./pick";

describe("pickMessages", () => {
  const messages = {
    common: { save: "Lưu" },
    admin: { users: { title: "Tài khoản" }, blocs: { title: "Khối" } },
    review: { a: "A" },
  };

  it("keeps the named namespaces, top-level or nested, in the catalog's shape", () => {
    expect(pickMessages(messages, ["common", "admin.users"])).toEqual({
      common: { save: "Lưu" },
      admin: { users: { title: "Tài khoản" } },
    });
  });

  it("ignores namespaces the catalog does not hold", () => {
    expect(pickMessages(messages, ["nothing", "admin.none"])).toEqual({});
  });
});
