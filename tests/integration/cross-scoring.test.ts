import { describe, expect, it } from "vitest";
import {
  applyCrossScores,
  completeCrossScoring,
  getCrossScoring,
  saveCrossScore,
} from "@/lib/cross-scoring/cross-scoring";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { publishRanking } from "@/lib/ranking/ranking";
import { getCellHistory } from "@/lib/scores/review";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { makeAgency } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import {
  actorOf,
  historyOf,
  scoreEveryMember,
  scoreRow,
  scoringSetup,
  writeScores,
  type ScoringSetup,
} from "../support/scoring";

const CODES = ["I.1", "I.2", "II.1", "V.1", "VI.1"];

/** A year with cross-scoring enabled (trimmed mean or not), four members by default. */
function crossYear(
  options: { trimExtremes?: boolean; phase?: Phase; memberCount?: number; enabled?: boolean } = {},
) {
  return scoringSetup({
    phase: options.phase ?? "REVIEW",
    memberCount: options.memberCount ?? 4,
    rules: {
      ...DEFAULT_RULES,
      crossScoring: { enabled: options.enabled ?? true, trimExtremes: options.trimExtremes ?? false },
    },
  });
}

const score = (setup: ScoringSetup, scorer: number, target: number, code: string, points: number) =>
  saveCrossScore(setup.leaderActors[scorer]!, setup.year.id, {
    targetAgencyCode: setup.agencies[target]!.code,
    criterionId: setup.criterionId(code),
    points,
  });

/** The leader of `scorer` scores every other member on every criterion: `points(target, code)`. */
async function scoreAll(
  setup: ScoringSetup,
  scorer: number,
  points: (target: number, code: string) => number,
) {
  for (const target of setup.agencies.keys()) {
    if (target === scorer) continue;
    for (const code of CODES) await score(setup, scorer, target, code, points(target, code));
  }
}

describe("getCrossScoring", () => {
  it("shows a leader the other members to score, their own scores and everyone's progress", async () => {
    const setup = await crossYear();
    await score(setup, 1, 0, "I.1", 25);
    const view = await getCrossScoring(setup.leaderActors[1]!, setup.year.id);
    expect(view).toMatchObject({ enabled: true, trimExtremes: false, completed: false, mayScore: true });
    expect(view.targets.map((t) => t.id).sort()).toEqual([0, 2, 3].map((i) => setup.agencies[i]!.id).sort());
    expect(view.criteria.map((c) => [c.code, c.max])).toEqual([
      ["I.1", 30],
      ["I.2", 30],
      ["II.1", 40],
      ["V.1", 5],
      ["VI.1", 5],
    ]);
    expect(view.mine).toEqual({ [`${setup.agencies[0]!.id}:${setup.criterionId("I.1")}`]: 25 });
    const progress = new Map(view.progress.map((row) => [row.agency.code, row]));
    expect(progress.get(setup.agencies[1]!.code)).toEqual({
      agency: { code: setup.agencies[1]!.code, name: setup.agencies[1]!.name },
      filled: 1,
      expected: 15,
      completed: false,
    });
    expect(progress.get(setup.agencies[2]!.code)).toMatchObject({ filled: 0, expected: 15 });

    // Staff, the secretariat and the province watch the progress but do not score.
    for (const actor of [
      setup.staffActors[1]!,
      setup.secretariatActor,
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(getCrossScoring(actor, setup.year.id)).resolves.toMatchObject({
        mayScore: false,
        progress: expect.arrayContaining([expect.objectContaining({ filled: 1 })]),
      });
    }
    await expect(
      getCrossScoring(await actorOf("AGENCY_LEADER", (await makeAgency(db)).id), setup.year.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("offers no scoring when the rules disable it or outside REVIEW", async () => {
    const disabled = await crossYear({ enabled: false });
    await expect(getCrossScoring(disabled.leaderActors[1]!, disabled.year.id)).resolves.toMatchObject({
      enabled: false,
      mayScore: false,
    });
    const early = await crossYear({ phase: "SELF_ASSESSMENT" });
    await expect(getCrossScoring(early.leaderActors[1]!, early.year.id)).resolves.toMatchObject({
      enabled: true,
      mayScore: false,
    });
  });
});

describe("saveCrossScore", () => {
  it("lets a member's leader score another member (saving again replaces the score), audited", async () => {
    const setup = await crossYear();
    await score(setup, 1, 2, "II.1", 30);
    await score(setup, 1, 2, "II.1", 35.5);
    const rows = await db.crossScore.findMany({ where: { yearId: setup.year.id } });
    expect(rows).toEqual([
      expect.objectContaining({
        scorerAgencyId: setup.agencies[1]!.id,
        targetAgencyId: setup.agencies[2]!.id,
        criterionId: setup.criterionId("II.1"),
        pointsX100: 3550,
        scorerId: setup.leaderActors[1]!.id,
      }),
    ]);
    expect(
      (await auditOf(rows[0]!.id)).map((a) => [a.action, (a.after as { points: number }).points]),
    ).toEqual([
      ["crossScore.save", 30],
      ["crossScore.save", 35.5],
    ]);
  });

  it("never lets a leader score their own agency (FORBIDDEN), nor anyone but leaders", async () => {
    const setup = await crossYear();
    await expect(score(setup, 1, 1, "I.1", 30)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.crossScoring.self",
    });
    for (const actor of [
      setup.staffActors[1]!,
      setup.secretariatActor,
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(
        saveCrossScore(actor, setup.year.id, {
          targetAgencyCode: setup.agencies[2]!.code,
          criterionId: setup.criterionId("I.1"),
          points: 1,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.crossScore.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("refuses points over the maximum, negative points, unknown members and criteria", async () => {
    const setup = await crossYear();
    await expect(score(setup, 1, 2, "V.1", 5.5)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "points", message: "validation.pointsAboveMax", params: { max: 5 } }],
    });
    await expect(score(setup, 1, 2, "V.1", -1)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "points" })],
    });
    await expect(
      saveCrossScore(setup.leaderActors[1]!, setup.year.id, {
        targetAgencyCode: "khongco",
        criterionId: setup.criterionId("I.1"),
        points: 1,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.agency.notMember" });
    const other = await crossYear();
    await expect(
      saveCrossScore(setup.leaderActors[1]!, setup.year.id, {
        targetAgencyCode: setup.agencies[2]!.code,
        criterionId: other.criterionId("I.1"),
        points: 1,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.criteria.notFound" });
    expect(await db.crossScore.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("is a CONFLICT when the year's rules disable cross-scoring, and WRONG_PHASE outside REVIEW", async () => {
    const disabled = await crossYear({ enabled: false });
    await expect(score(disabled, 1, 2, "I.1", 1)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.crossScoring.disabled",
    });
    await expect(completeCrossScoring(disabled.leaderActors[1]!, disabled.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.crossScoring.disabled",
    });
    await expect(applyCrossScores(disabled.secretariatActor, disabled.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.crossScoring.disabled",
    });
    for (const phase of ["SELF_ASSESSMENT", "VOTING"] as const) {
      const setup = await crossYear({ phase });
      await expect(score(setup, 1, 2, "I.1", 1)).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.crossScoring.wrongPhase",
      });
      await expect(applyCrossScores(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.crossScoring.wrongPhase",
      });
    }
  });
});

describe("completeCrossScoring", () => {
  it("requires every other member on every criterion; then the agency's scores can no longer change", async () => {
    const setup = await crossYear({ memberCount: 3 });
    await scoreAll(setup, 1, () => 1);
    await db.crossScore.deleteMany({
      where: {
        yearId: setup.year.id,
        criterionId: setup.criterionId("VI.1"),
        targetAgencyId: setup.agencies[2]!.id,
      },
    });
    await expect(completeCrossScoring(setup.leaderActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.crossScoring.incomplete",
      params: { filled: 9, expected: 10 },
    });
    await score(setup, 1, 2, "VI.1", 0);
    await completeCrossScoring(setup.leaderActors[1]!, setup.year.id);
    expect(await db.crossScoringCompletion.findMany({ where: { yearId: setup.year.id } })).toEqual([
      expect.objectContaining({ agencyId: setup.agencies[1]!.id, completedById: setup.leaderActors[1]!.id }),
    ]);
    expect((await auditOf(setup.year.id)).map((a) => a.action)).toEqual(["crossScore.complete"]);

    await expect(score(setup, 1, 2, "I.1", 2)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.crossScoring.completed",
    });
    await expect(completeCrossScoring(setup.leaderActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.crossScoring.completed",
    });
    const view = await getCrossScoring(setup.leaderActors[1]!, setup.year.id);
    expect(view).toMatchObject({ completed: true, mayScore: false });
    expect(view.progress.find((row) => row.agency.code === setup.agencies[1]!.code)).toMatchObject({
      filled: 10,
      expected: 10,
      completed: true,
    });
    expect(view.progress.find((row) => row.agency.code === setup.agencies[0]!.code)).toMatchObject({
      filled: 0,
      completed: false,
    });
    // Others still score.
    await expect(score(setup, 2, 1, "I.1", 2)).resolves.toBeUndefined();
    await expect(completeCrossScoring(setup.staffActors[2]!, setup.year.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("applyCrossScores", () => {
  /** Scores of three peers per target: 10, 12 and 29 on I.1 (mean 17, trimmed 12), 4, 5, 5 on V.1. */
  async function scored(trimExtremes: boolean) {
    const setup = await crossYear({ trimExtremes });
    const i1: Record<number, number> = { 0: 10, 1: 12, 2: 29, 3: 29 };
    const v1: Record<number, number> = { 0: 4, 1: 5, 2: 5, 3: 5 };
    for (const scorer of [0, 1, 2, 3]) {
      for (const target of [0, 1, 2, 3]) {
        if (scorer === target) continue;
        // Target 3 is scored by 0, 1 and 2: I.1 = 10, 12, 29; V.1 = 4, 5, 5.
        if (target === 3) {
          await score(setup, scorer, target, "I.1", i1[scorer]!);
          await score(setup, scorer, target, "V.1", v1[scorer]!);
        } else {
          await score(setup, scorer, target, "I.1", 20);
        }
      }
    }
    return setup;
  }

  it("sets each final to the peers' mean, with the method as the reason and a history row", async () => {
    const setup = await scored(false);
    await writeScores(setup, 3, { "I.1": { self: 30, final: 30 } });
    const { cells } = await applyCrossScores(setup.secretariatActor, setup.year.id);
    // Targets 0-2 get I.1 = 20; target 3 gets I.1 and V.1.
    expect(cells).toBe(5);
    const i1 = await scoreRow(setup, 3, "I.1");
    expect(i1).toMatchObject({
      finalX100: 1700,
      finalReason: "Điểm chấm chéo (trung bình)",
      finalUpdatedById: setup.secretariatActor.id,
      version: 2,
      selfX100: 3000,
    });
    expect(await scoreRow(setup, 3, "V.1")).toMatchObject({ finalX100: 467, version: 1 });
    expect(await scoreRow(setup, 0, "I.1")).toMatchObject({ finalX100: 2000 });
    expect(await scoreRow(setup, 0, "V.1")).toBeNull();
    expect((await historyOf(i1!.id)).map((h) => [h.field, h.fromX100, h.toX100, h.note])).toEqual([
      ["FINAL", 3000, 1700, "Điểm chấm chéo (trung bình)"],
    ]);
    await expect(
      getCellHistory(setup.secretariatActor, setup.year.id, setup.agencies[3]!.code, "I.1"),
    ).resolves.toEqual([
      expect.objectContaining({ field: "FINAL", from: 30, to: 17, by: setup.secretariatActor.name }),
    ]);
    expect((await auditOf(setup.year.id)).filter((a) => a.action === "crossScore.apply")).toEqual([
      expect.objectContaining({
        after: { cells: 5, trimExtremes: false },
        actorId: setup.secretariatActor.id,
      }),
    ]);

    // Applying again changes nothing.
    await expect(applyCrossScores(setup.secretariatActor, setup.year.id)).resolves.toEqual({ cells: 0 });
    expect(await scoreRow(setup, 3, "I.1")).toMatchObject({ version: 2 });
  });

  it("drops the highest and the lowest score when the rules say so", async () => {
    const setup = await scored(true);
    await applyCrossScores(setup.secretariatActor, setup.year.id);
    expect(await scoreRow(setup, 3, "I.1")).toMatchObject({
      finalX100: 1200,
      finalReason: "Điểm chấm chéo (trung bình, bỏ điểm cao nhất và thấp nhất)",
    });
    expect(await scoreRow(setup, 3, "V.1")).toMatchObject({ finalX100: 500 });
  });

  it("is for the year's secretariat only, and refused while the ranking is published", async () => {
    const setup = await scored(false);
    for (const actor of [
      setup.leaderActors[0]!,
      setup.leaderActors[1]!,
      setup.staffActors[0]!,
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(applyCrossScores(actor, setup.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await scoreEveryMember(setup.year.id);
    await publishRanking(setup.secretariatActor, setup.year.id);
    const before = await db.score.findMany({ where: { yearId: setup.year.id }, orderBy: { id: "asc" } });
    await expect(applyCrossScores(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.scores.locked",
    });
    expect(await db.score.findMany({ where: { yearId: setup.year.id }, orderBy: { id: "asc" } })).toEqual(
      before,
    );
  });
});
