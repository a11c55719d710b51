import { describe, expect, it } from "vitest";
import { parseCriteriaRows, type CriteriaLabels, type PlainCell, type SheetRow } from "./xlsx-rows";

const LABELS: CriteriaLabels = {
  group: "Nhóm",
  criterion: "Tiêu chí",
  kinds: { BASE: "Điểm cơ bản", BONUS: "Điểm thưởng", DEDUCTION: "Điểm trừ" },
  yes: "Có",
  no: "Không",
};

/** Rows from line 5 on: [code, level, kind, title, guidance, max, evidence]. */
function rows(...lines: PlainCell[][]): SheetRow[] {
  return lines.map(
    (
      [code = null, level = null, kind = null, title = null, guidance = null, max = null, evidence = null],
      index,
    ) => ({
      row: 5 + index,
      cells: { code, level, kind, title, guidance, max, evidence },
    }),
  );
}

describe("parseCriteriaRows", () => {
  it("reads groups and the criteria under them, skipping empty lines", () => {
    const { groups, issues } = parseCriteriaRows(
      rows(
        ["I", "Nhóm", "Điểm cơ bản", "Nhiệm vụ chính trị", null, 60, null],
        ["I.1", "Tiêu chí", "Điểm cơ bản", "Tham mưu", "Đủ văn bản", 30, "Có"],
        [null, null, null, null, null, null, null],
        ["I.2", null, null, "Chỉ tiêu", null, "25,5", "không"],
        ["V", "nhom", "diem thuong", "Điểm thưởng", null, "5", null],
        ["V.1", "tieu chi", null, "Sáng kiến", null, 5, true],
        ["VI", "GROUP", "DEDUCTION", "Điểm trừ", null, 5, null],
      ),
      LABELS,
    );
    expect(issues).toEqual([]);
    expect(groups).toEqual([
      {
        code: "I",
        title: "Nhiệm vụ chính trị",
        kind: "BASE",
        max: 60,
        criteria: [
          { code: "I.1", title: "Tham mưu", guidance: "Đủ văn bản", max: 30, evidenceRequired: true },
          { code: "I.2", title: "Chỉ tiêu", guidance: "", max: 25.5, evidenceRequired: false },
        ],
      },
      {
        code: "V",
        title: "Điểm thưởng",
        kind: "BONUS",
        max: 5,
        criteria: [{ code: "V.1", title: "Sáng kiến", guidance: "", max: 5, evidenceRequired: true }],
      },
      { code: "VI", title: "Điểm trừ", kind: "DEDUCTION", max: 5, criteria: [] },
    ]);
  });

  it("keeps what it cannot read as a number for the schema to refuse, and an empty maximum as missing", () => {
    const { groups } = parseCriteriaRows(
      rows(
        ["I", "Nhóm", "Điểm cơ bản", "A", null, "nhiều", null],
        ["I.1", "Tiêu chí", null, "B", null, null, null],
      ),
      LABELS,
    );
    expect(groups[0]!.max).toBe("nhiều");
    expect(groups[0]!.criteria[0]!.max).toBeUndefined();
  });

  it("names every problem by its cell", () => {
    const { issues } = parseCriteriaRows(
      rows(
        ["I.0", "Tiêu chí", null, "Trước nhóm", null, 5, null],
        ["I", "Nhóm", "Điểm lạ", "Nhóm I", null, 60, null],
        ["I.1", "Dòng", null, "Cấp sai", null, 5, null],
        ["I.2", "Tiêu chí", "Điểm trừ", "Loại khác nhóm", null, 5, "có lẽ"],
        ["II", "Nhóm", null, "Thiếu loại", null, 40, null],
      ),
      LABELS,
    );
    expect(issues).toEqual([
      { path: "A5", message: "errors.excel.noGroup" },
      { path: "C6", message: "errors.excel.kind" },
      { path: "B7", message: "errors.excel.level" },
      { path: "C8", message: "errors.excel.kindMismatch", params: { kind: "Điểm cơ bản" } },
      { path: "G8", message: "errors.excel.evidence" },
      { path: "C9", message: "errors.excel.kind" },
    ]);
  });

  it("maps a path of the table input back to its cell", () => {
    const { cellOf } = parseCriteriaRows(
      rows(
        ["I", "Nhóm", "Điểm cơ bản", "A", null, 60, null],
        ["I.1", "Tiêu chí", null, "B", null, 30, null],
        ["I.2", "Tiêu chí", null, "C", null, 30, "Có"],
        ["II", "Nhóm", "Điểm cơ bản", "D", null, 40, null],
      ),
      LABELS,
    );
    expect(cellOf("groups.0.code", 4)).toBe("A5");
    expect(cellOf("groups.0.max", 4)).toBe("F5");
    expect(cellOf("groups.0.kind", 4)).toBe("C5");
    expect(cellOf("groups.0.criteria.1.title", 4)).toBe("D7");
    expect(cellOf("groups.0.criteria.1.evidenceRequired", 4)).toBe("G7");
    expect(cellOf("groups.0.criteria.0", 4)).toBe("A6");
    expect(cellOf("groups.0.criteria", 4)).toBe("A5");
    expect(cellOf("groups.1.title", 4)).toBe("D8");
    expect(cellOf("groups", 4)).toBe("F4");
    expect(cellOf("groups.9.code", 4)).toBe("F4");
  });
});
