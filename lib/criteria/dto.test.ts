import { describe, expect, it } from "vitest";
import { criterionDto, groupDto } from "./dto";

describe("criteria as pages and the API show them", () => {
  it("turns hundredths into points and keeps the rest", () => {
    expect(groupDto({ code: "I", title: "Công tác", kind: "BASE", maxX100: 5050 })).toEqual({
      code: "I",
      title: "Công tác",
      kind: "BASE",
      max: 50.5,
    });
    expect(
      criterionDto({ code: "I.1", title: "Họp", guidance: "", maxX100: 25, evidenceRequired: true }),
    ).toEqual({ code: "I.1", title: "Họp", guidance: "", max: 0.25, evidenceRequired: true });
  });
});
