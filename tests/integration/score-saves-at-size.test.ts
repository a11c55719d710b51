// Final scores at province size: a whole 30 × 80 grid (2,400 cells) saved in one request, by the API,
// by an Excel import and by applying cross-scores, each in a fixed number of SQL statements whatever the
// number of cells; every stale cell listed; the cell limit answered 413 naming it.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PUT as putScores } from "@/app/api/v1/years/[yearId]/scores/route";
import { applyCrossScores } from "@/lib/cross-scoring/cross-scoring";
import { db } from "@/lib/db";
import { exportScoresXlsx, importScoresXlsx } from "@/lib/scores/excel";
import { saveFinalScores, type CellConflict } from "@/lib/scores/save";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { makeBlocWithYear, makeCriteriaTable, provinceCriteriaTable } from "@/prisma/seed/factories";
import { actorFor, signedIn } from "../support/dal";
import { signInAs } from "../support/sessions";
import { fillScoreWorkbook } from "../support/score-workbook";
import { countStatements } from "../support/sql-count";

type Cell = {
  agencyCode: string;
  criterionCode: string;
  points: number | null;
  version: number;
  reason?: string;
};

/**
 * A REVIEW year of `members` members with the province's 80 criteria and every self score written (the
 * maximum; the cells are then stored at version 1), unless `selfScores` is false (no cell stored yet).
 */
async function provinceYear(members: number, options: { crossScoring?: boolean; selfScores?: boolean } = {}) {
  const setup = await makeBlocWithYear(db, {
    phase: "REVIEW",
    memberCount: members,
    rules: { ...DEFAULT_RULES, crossScoring: { enabled: options.crossScoring ?? false, trimExtremes: true } },
  });
  const criteria = [...(await makeCriteriaTable(db, setup.year.id, provinceCriteriaTable())).values()];
  if (options.selfScores !== false)
    await db.score.createMany({
      data: setup.agencies.flatMap((agency) =>
        criteria.map((criterion) => ({
          yearId: setup.year.id,
          agencyId: agency.id,
          criterionId: criterion.id,
          selfX100: criterion.maxX100,
        })),
      ),
    });
  const actor = await actorFor(setup.secretariat);
  /** Every cell of the grid at `version`, each half a point under the self score (so with a reason). */
  const grid = (version: number, minus = 0.5): Cell[] =>
    setup.agencies.flatMap((agency) =>
      criteria.map((criterion) => ({
        agencyCode: agency.code,
        criterionCode: criterion.code,
        points: criterion.maxX100 / 100 - minus,
        version,
        reason: "Thẩm định hồ sơ",
      })),
    );
  return { ...setup, criteria, actor, grid };
}

type ProvinceYear = Awaited<ReturnType<typeof provinceYear>>;

const finalsOf = (year: ProvinceYear) =>
  db.score.findMany({
    where: { yearId: year.year.id },
    select: { finalX100: true, version: true, finalReason: true, _count: { select: { history: true } } },
  });
const saveAudits = (year: ProvinceYear) =>
  db.auditLog.findMany({
    where: { entityId: year.year.id, action: "score.final.save" },
    orderBy: { id: "asc" },
  });

/** A year of 30 members whose cells are not stored yet, for the tests that write nothing or count statements. */
let big: ProvinceYear;
beforeAll(async () => {
  big = await provinceYear(30, { selfScores: false });
}, 120_000);

describe("saving a whole 30 × 80 grid", () => {
  it("saves all 2,400 cells in one request: each cell's value, version and history, and one audit row naming every cell", async () => {
    const year = await provinceYear(30);
    const cells = year.grid(1);
    expect(cells).toHaveLength(2400);
    const saved = await saveFinalScores(year.actor, year.year.id, cells);
    expect(saved).toHaveLength(2400);
    expect(saved.every((cell) => cell.version === 2)).toBe(true);
    const rows = await finalsOf(year);
    expect(rows).toHaveLength(2400);
    expect(
      rows.every(
        (row) =>
          row.finalX100 !== null &&
          row.version === 2 &&
          row.finalReason === "Thẩm định hồ sơ" &&
          row._count.history === 1,
      ),
    ).toBe(true);
    const audits = await saveAudits(year);
    expect(audits).toHaveLength(1);
    expect((audits[0]!.after as { cells: unknown[] }).cells).toHaveLength(2400);

    // Again, over what is now stored: every version moves on, a second history row each.
    const again = await saveFinalScores(year.actor, year.year.id, year.grid(2, 1));
    expect(again.every((cell) => cell.version === 3)).toBe(true);
    expect((await finalsOf(year)).every((row) => row.version === 3 && row._count.history === 2)).toBe(true);
  });

  it("runs as many SQL statements for 2,400 cells as for 3, new cells or stored ones", async () => {
    const year = big;
    const all = year.grid(0);
    const few = await countStatements(() => saveFinalScores(year.actor, year.year.id, all.slice(0, 3)));
    const many = await countStatements(() => saveFinalScores(year.actor, year.year.id, all.slice(3)));
    expect(many.result).toHaveLength(2397);
    expect(many.statements).toBe(few.statements);
    // Updates of the cells now stored (versions 1 → 2): the same count again.
    const updates = await countStatements(() => saveFinalScores(year.actor, year.year.id, year.grid(1, 1)));
    expect(updates.result).toHaveLength(2400);
    expect(updates.statements).toBe(few.statements);
    expect(few.statements).toBeLessThanOrEqual(14);
  });

  it("answers a save with stale cells 409 listing every one with its value now, version, and who saved it when; nothing is written", async () => {
    const year = await provinceYear(30);
    await saveFinalScores(year.actor, year.year.id, year.grid(1));
    const colleague = await signedIn("SECRETARIAT", year.leaderAgency.id);
    const changed = year.grid(2, 1).filter((_, index) => index % 24 === 0);
    await saveFinalScores(colleague.actor, year.year.id, changed);
    const before = await finalsOf(year);

    await signInAs(year.secretariat);
    const error = await saveFinalScores(year.actor, year.year.id, year.grid(2, 0.25)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "errors.scores.stale" });
    const conflicts = (error as { details: { conflicts: CellConflict[] } }).details.conflicts;
    expect(conflicts).toHaveLength(changed.length);
    expect(conflicts.map((c) => `${c.agencyCode}:${c.criterionCode}`).sort()).toEqual(
      changed.map((c) => `${c.agencyCode}:${c.criterionCode}`).sort(),
    );
    for (const conflict of conflicts) {
      const theirs = changed.find(
        (c) => c.agencyCode === conflict.agencyCode && c.criterionCode === conflict.criterionCode,
      )!;
      expect(conflict).toMatchObject({
        current: theirs.points,
        version: 3,
        by: colleague.user.name,
        at: expect.any(String),
      });
      expect(conflict.yours).toBe(theirs.points! + 0.75);
    }
    expect(await finalsOf(year)).toEqual(before);
    expect(await saveAudits(year)).toHaveLength(2);
  });

  it("writes nothing when one cell of 2,400 is refused", async () => {
    const year = await provinceYear(30);
    const before = await finalsOf(year);
    const cells = year.grid(1);
    cells[2399] = { ...cells[2399]!, points: 99 };
    await expect(saveFinalScores(year.actor, year.year.id, cells)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "2399.points", message: "validation.pointsAboveMax" })],
    });
    expect(await finalsOf(year)).toEqual(before);
    expect(await saveAudits(year)).toHaveLength(0);
  });
});

describe("PUT /api/v1/years/{id}/scores", () => {
  const put = (yearId: string, body: string, headers: Record<string, string> = {}) =>
    putScores(
      new NextRequest(`http://localhost:3000/api/v1/years/${yearId}/scores`, {
        method: "PUT",
        body,
        headers: { "content-type": "application/json", ...headers },
      }),
      { params: Promise.resolve({ yearId }) },
    );

  it("saves a whole grid over HTTP", async () => {
    const year = await provinceYear(30);
    await signInAs(year.secretariat);
    const response = await put(year.year.id, JSON.stringify(year.grid(1)));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(2400);
  });

  it("answers more than 5,000 cells 413 naming the limit, and reads nothing", async () => {
    await signInAs(big.secretariat);
    const cells = Array.from({ length: 5001 }, (_, index) => ({
      agencyCode: big.agencies[index % 30]!.code,
      criterionCode: `X.${index}`,
      points: 1,
      version: 0,
    }));
    const { result: response, statements } = await countStatements(() =>
      put(big.year.id, JSON.stringify(cells)),
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { maxCells: number } };
    };
    expect(body.error).toMatchObject({ code: "TOO_LARGE", details: { maxCells: 5000 } });
    expect(body.error.message).toBe(
      "Mỗi lần lưu tối đa 5.000 ô điểm; yêu cầu này có 5.001 ô. Vui lòng chia thành nhiều lần lưu.",
    );
    // Only the session's user was read.
    expect(statements).toBeLessThanOrEqual(2);
  });

  it("answers a body larger than the route allows 413, declared or not", async () => {
    await signInAs(big.secretariat);
    const huge = JSON.stringify([
      {
        agencyCode: big.agencies[0]!.code,
        criterionCode: "I.1",
        points: 1,
        version: 0,
        reason: "x".repeat(17 * 1024 * 1024),
      },
    ]);
    for (const response of [
      await put(big.year.id, huge),
      await put(big.year.id, huge, { "content-length": String(Buffer.byteLength(huge)) }),
    ]) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "TOO_LARGE",
        message: expect.stringContaining("tối đa"),
      });
    }
  });
});

describe("importing a filled 30 × 80 workbook", () => {
  it("saves every edited cell in one all-or-nothing save, in as many SQL statements as an import of three cells", async () => {
    const year = await provinceYear(30);
    const exported = await exportScoresXlsx(year.actor, year.year.id);
    const maxOf = new Map(year.criteria.map((criterion) => [criterion.code, criterion.maxX100 / 100]));
    const three = await fillScoreWorkbook(exported.bytes, (agency, criterion) =>
      agency === year.agencies[0]!.code && ["I.1", "I.2", "I.3"].includes(criterion)
        ? maxOf.get(criterion)! - 0.5
        : null,
    );
    const small = await countStatements(() =>
      importScoresXlsx(year.actor, year.year.id, { fileName: "ba-o.xlsx", bytes: three.bytes }),
    );
    expect(small.result).toEqual({ changed: 3 });

    const again = await exportScoresXlsx(year.actor, year.year.id);
    const full = await fillScoreWorkbook(again.bytes, (_, criterion) => maxOf.get(criterion)! - 0.25);
    expect(full.cells).toBe(2400);
    const large = await countStatements(() =>
      importScoresXlsx(year.actor, year.year.id, { fileName: "ca-bang.xlsx", bytes: full.bytes }),
    );
    expect(large.result).toEqual({ changed: 2400 });
    expect(large.statements).toBe(small.statements);
    const rows = await finalsOf(year);
    expect(rows).toHaveLength(2400);
    expect(rows.every((row) => row.finalReason === "Nhập từ tệp Excel ca-bang.xlsx")).toBe(true);
    const audits = await saveAudits(year);
    expect(audits).toHaveLength(2);
    expect((audits[1]!.after as { cells: unknown[] }).cells).toHaveLength(2400);
  });
});

describe("applying cross-scores", () => {
  /** Every member's leader has scored every other member on every criterion (rows written directly). */
  async function crossScored(members: number) {
    const year = await provinceYear(members, { crossScoring: true });
    const leaders = await db.user.findMany({
      where: { role: "AGENCY_LEADER", agencyId: { in: year.agencies.map((a) => a.id) } },
      select: { id: true, agencyId: true },
    });
    const leaderOf = new Map(leaders.map((leader) => [leader.agencyId, leader.id]));
    const rows = year.agencies.flatMap((scorer, s) =>
      year.agencies
        .filter((target) => target.id !== scorer.id)
        .flatMap((target) =>
          year.criteria.map((criterion) => ({
            scorerAgencyId: scorer.id,
            targetAgencyId: target.id,
            criterionId: criterion.id,
            pointsX100: Math.max(0, criterion.maxX100 - (s % 3) * 25),
            scorerId: leaderOf.get(scorer.id)!,
          })),
        ),
    );
    // One statement (Prisma's createMany of 69,600 rows takes many seconds).
    await db.$executeRaw`
      INSERT INTO "CrossScore" (id, "yearId", "scorerAgencyId", "targetAgencyId", "criterionId", "pointsX100", "scorerId", "updatedAt")
      SELECT gen_random_uuid(), ${year.year.id}::uuid, r.scorer, r.target, r.criterion, r.points, r.by, now()
      FROM unnest(${rows.map((r) => r.scorerAgencyId)}::uuid[], ${rows.map((r) => r.targetAgencyId)}::uuid[], ${rows.map((r) => r.criterionId)}::uuid[], ${rows.map((r) => r.pointsX100)}::int[], ${rows.map((r) => r.scorerId)}::uuid[])
        AS r(scorer, target, criterion, points, by)`;
    return year;
  }

  it("sets the peers' means of a 30 × 80 grid in as many SQL statements as for 3 members", async () => {
    const small = await crossScored(3);
    const large = await crossScored(30);
    const few = await countStatements(() => applyCrossScores(small.actor, small.year.id));
    const many = await countStatements(() => applyCrossScores(large.actor, large.year.id));
    expect(few.result.cells).toBe(240);
    expect(many.result.cells).toBe(2400);
    expect(many.statements).toBe(few.statements);
    const rows = await finalsOf(large);
    expect(
      rows.every(
        (row) =>
          row.finalX100 !== null &&
          row._count.history === 1 &&
          row.finalReason === "Điểm chấm chéo (trung bình, bỏ điểm cao nhất và thấp nhất)",
      ),
    ).toBe(true);
  });
});
