import { describe, expect, it } from "vitest";
import { packCells, unpackCells, type ScoreTuple } from "./grid-cells";

const criteria = [{ id: "c1" }, { id: "c2" }];
const agencies = [{ id: "a1" }, { id: "a2" }, { id: "a3" }];

describe("packCells", () => {
  it("lays scores out by criterion row and agency column, points from hundredths, texts apart", () => {
    const scores: ScoreTuple[] = [
      ["a3", "c1", 250, 200, 4, "Thiếu minh chứng", "Có báo cáo"],
      ["a1", "c2", 1000, null, 1, null, null],
    ];
    const cells = packCells(criteria, agencies, scores);
    expect(cells).toEqual({
      rows: [
        [0, 0, [2.5, 2, 4]],
        [[10, null, 1], 0, 0],
      ],
      texts: { "0:2": ["Có báo cáo", "Thiếu minh chứng"] },
    });
    expect(JSON.parse(JSON.stringify(cells))).toEqual(cells);
  });

  it("leaves out scores of agencies or criteria that are not in the grid", () => {
    const cells = packCells(criteria, agencies, [
      ["gone", "c1", 100, 100, 1, null, null],
      ["a1", "gone", 100, 100, 1, "x", null],
    ]);
    expect(cells.rows.flat().every((cell) => cell === 0)).toBe(true);
    expect(cells.texts).toEqual({});
  });
});

describe("unpackCells", () => {
  it("gives whole cells back by row and column, undefined where never saved", () => {
    const cells = packCells(criteria, agencies, [
      ["a2", "c2", 300, 150, 2, "Trừ điểm", null],
      ["a1", "c1", 100, null, 1, null, null],
    ]);
    expect(unpackCells(JSON.parse(JSON.stringify(cells)))).toEqual([
      [{ self: 1, final: null, version: 1, reason: null, note: null }, undefined, undefined],
      [undefined, { self: 3, final: 1.5, version: 2, reason: "Trừ điểm", note: null }, undefined],
    ]);
  });
});
