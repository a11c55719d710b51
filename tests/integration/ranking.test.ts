import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as postPublish } from "@/app/api/v1/years/[yearId]/ranking/publish/route";
import { db } from "@/lib/db";
import { clearNotScored, markNotScored } from "@/lib/ranking/not-scored";
import type { RankingEntry } from "@/lib/ranking/compute";
import { getRanking, getRankingEntries, publishRanking, reopenRanking } from "@/lib/ranking/ranking";
import { saveFinalScores } from "@/lib/scores/save";
import { makeAgency } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import { signInAs } from "../support/sessions";
import {
  actorOf,
  outcomes,
  scoringSetup,
  setPhase,
  writeFinals,
  type ScoringSetup,
} from "../support/scoring";

/**
 * Six members with finals that exercise the tie-break chain (TOTAL, FEWER_DEDUCTIONS, FIRST_GROUP_BASE):
 * A 97 (Xuất sắc); B and C 94 (Tốt) where C has no deduction; F, D and E 80 (Khá) where F has more in
 * group I, and D and E are equal in everything (a shared rank).
 */
async function rankedYear() {
  const setup = await scoringSetup({ phase: "REVIEW", memberCount: 6 });
  await writeFinals(setup, 0, { "I.1": 30, "I.2": 25, "II.1": 40, "V.1": 2 });
  await writeFinals(setup, 1, { "I.1": 27, "I.2": 30, "II.1": 35, "V.1": 3, "VI.1": 1 });
  await writeFinals(setup, 2, { "I.1": 30, "I.2": 24, "II.1": 40, "VI.1": 0 });
  await writeFinals(setup, 3, { "I.1": 20, "I.2": 20, "II.1": 40 });
  await writeFinals(setup, 4, { "I.1": 20, "I.2": 20, "II.1": 40 });
  await writeFinals(setup, 5, { "I.1": 30, "I.2": 30, "II.1": 20 });
  return setup;
}

/** [agency index, rank, tied, total, classification] in ranking order. */
function summary(setup: ScoringSetup, entries: RankingEntry[]) {
  return entries.map((entry) => [
    setup.agencies.findIndex((a) => a.id === entry.agency.id),
    entry.rank,
    entry.tied,
    entry.totalX100 / 100,
    entry.classification?.code ?? null,
  ]);
}

const EXPECTED = [
  [0, 1, false, 97, "XUAT_SAC"],
  [2, 2, false, 94, "TOT"],
  [1, 3, false, 94, "TOT"],
  [5, 4, false, 80, "KHA"],
];

const publicationsOf = (yearId: string) =>
  db.rankingPublication.findMany({ where: { yearId }, orderBy: { publishedAt: "asc" } });

describe("getRanking before publication", () => {
  it("previews the ranking from the current finals for the secretariat, the board and the admin, with ties broken by the year's chain", async () => {
    const setup = await rankedYear();
    for (const actor of [setup.secretariatActor, await actorOf("BOARD"), await newAdmin()]) {
      const view = await getRanking(actor, setup.year.id);
      expect(view).toMatchObject({
        year: { id: setup.year.id, phase: "REVIEW" },
        published: null,
        history: [],
      });
      expect(view.mayPublish).toBe(actor === setup.secretariatActor);
      expect(view.mayReopen).toBe(false);
      expect(view.bands.map((band) => band.code)).toEqual(["XUAT_SAC", "TOT", "KHA", "TRUNG_BINH", "YEU"]);
      const rows = summary(setup, view.preview!);
      expect(rows.slice(0, 4)).toEqual(EXPECTED);
      // D and E are equal in everything: they share rank 5 (in name order).
      expect(rows.slice(4).map((row) => row.slice(1))).toEqual([
        [5, true, 80, "KHA"],
        [5, true, 80, "KHA"],
      ]);
      expect(
        rows
          .slice(4)
          .map((row) => row[0])
          .sort(),
      ).toEqual([3, 4]);
    }
    const [first] = (await getRanking(setup.secretariatActor, setup.year.id)).preview!;
    expect(first).toMatchObject({
      agency: { id: setup.agencies[0]!.id, code: setup.agencies[0]!.code, name: setup.agencies[0]!.name },
      baseX100: 9500,
      bonusX100: 200,
      deductionX100: 0,
      firstGroupBaseX100: 5500,
      classification: { code: "XUAT_SAC", label: "Xuất sắc" },
      groups: [
        { code: "I", kind: "BASE", x100: 5500 },
        { code: "II", kind: "BASE", x100: 4000 },
        { code: "V", kind: "BONUS", x100: 200 },
        { code: "VI", kind: "DEDUCTION", x100: 0 },
      ],
    });
    await expect(getRankingEntries(setup.secretariatActor, setup.year.id)).resolves.toHaveLength(6);
  });

  it("follows the finals as they are saved (self scores alone do not count)", async () => {
    const setup = await scoringSetup({ phase: "REVIEW", memberCount: 2 });
    await db.score.create({
      data: {
        yearId: setup.year.id,
        agencyId: setup.agencies[1]!.id,
        criterionId: setup.criterionId("II.1"),
        selfX100: 4000,
      },
    });
    const before = (await getRanking(setup.secretariatActor, setup.year.id)).preview!;
    // Without final scores both are shown as such (no classification), not as "0 · Yếu".
    expect(
      before.map((entry) => [
        entry.rank,
        entry.totalX100,
        entry.classification?.code ?? null,
        entry.unscored,
      ]),
    ).toEqual([
      [1, 0, null, true],
      [1, 0, null, true],
    ]);
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      { agencyCode: setup.agencies[1]!.code, criterionCode: "II.1", points: 40, version: 1 },
      {
        agencyCode: setup.agencies[1]!.code,
        criterionCode: "VI.1",
        points: 2,
        version: 0,
        reason: "Vi phạm",
      },
    ]);
    const after = (await getRanking(setup.secretariatActor, setup.year.id)).preview!;
    expect(after[0]).toMatchObject({
      rank: 1,
      tied: false,
      agency: { id: setup.agencies[1]!.id },
      totalX100: 3800,
      deductionX100: 200,
    });
  });

  it("is NOT_FOUND (errors.ranking.notPublished) for members until it is published, and for non-members", async () => {
    const setup = await rankedYear();
    for (const actor of [
      setup.staffActors[1]!,
      setup.leaderActors[1]!,
      setup.leaderActors[0]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
    ]) {
      await expect(getRanking(actor, setup.year.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.ranking.notPublished",
      });
      await expect(getRankingEntries(actor, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(
      getRanking(await actorOf("AGENCY_LEADER", (await makeAgency(db)).id), setup.year.id),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
  });
});

describe("publishRanking", () => {
  it("stores a frozen snapshot, locks the scores, tells every member's people and lets members read it", async () => {
    const setup = await rankedYear();
    const published = await publishRanking(setup.secretariatActor, setup.year.id);
    expect(summary(setup, published.entries).slice(0, 4)).toEqual(EXPECTED);

    const [row] = await publicationsOf(setup.year.id);
    expect(row).toMatchObject({
      id: published.id,
      publishedById: setup.secretariatActor.id,
      reopenedAt: null,
    });
    expect(row!.entries).toEqual(JSON.parse(JSON.stringify(published.entries)));
    const audit = await auditOf(published.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "ranking.publish",
      blocId: setup.bloc.id,
      actorId: setup.secretariatActor.id,
    });
    expect((audit[0]!.after as { agency: string; rank: number }[])[0]).toEqual({
      rank: 1,
      agency: setup.agencies[0]!.code,
      total: 97,
      classification: "XUAT_SAC",
    });

    const people = [...setup.leaders, ...setup.staff, setup.secretariat].map((user) => user.id);
    const notified = await db.notification.findMany({
      where: { kind: "ranking.published", href: `/years/${setup.year.id}/ranking` },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual(people.sort());

    // Members now read the published ranking; nobody gets a preview any more.
    for (const actor of [
      setup.staffActors[3]!,
      setup.leaderActors[1]!,
      setup.secretariatActor,
      await actorOf("BOARD"),
    ]) {
      const view = await getRanking(actor, setup.year.id);
      expect(view.preview).toBeNull();
      expect(view.published).toMatchObject({ id: published.id, at: row!.publishedAt.toISOString() });
      expect(summary(setup, view.published!.entries).slice(0, 4)).toEqual(EXPECTED);
      expect(view.mayPublish).toBe(false);
      await expect(getRankingEntries(actor, setup.year.id)).resolves.toHaveLength(6);
    }
    expect((await getRanking(setup.staffActors[3]!, setup.year.id)).history).toEqual([]);
    expect((await getRanking(setup.secretariatActor, setup.year.id)).mayReopen).toBe(true);
    expect((await getRanking(await newAdmin(), setup.year.id)).mayReopen).toBe(true);
    expect((await getRanking(setup.leaderActors[0]!, setup.year.id)).mayReopen).toBe(false);

    // The snapshot does not follow later changes of the data.
    await db.score.updateMany({
      where: { yearId: setup.year.id, agencyId: setup.agencies[5]!.id },
      data: { finalX100: 0 },
    });
    const after = await getRanking(setup.staffActors[5]!, setup.year.id);
    expect(summary(setup, after.published!.entries).slice(0, 4)).toEqual(EXPECTED);

    // Scores are locked; publishing again is a conflict.
    await expect(
      saveFinalScores(setup.secretariatActor, setup.year.id, [
        { agencyCode: setup.agencies[0]!.code, criterionCode: "I.2", points: 30, version: 1, reason: "Sửa" },
      ]),
    ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.scores.locked" });
    await expect(publishRanking(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.ranking.alreadyPublished",
    });
    expect(await publicationsOf(setup.year.id)).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous publications through", async () => {
    const setup = await rankedYear();
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled([
        publishRanking(setup.secretariatActor, setup.year.id),
        publishRanking(setup.secretariatActor, setup.year.id),
      ]),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toEqual([
      expect.objectContaining({ code: "CONFLICT", messageKey: "errors.ranking.alreadyPublished" }),
    ]);
    expect(await publicationsOf(setup.year.id)).toHaveLength(1);
  });

  it("is WRONG_PHASE outside REVIEW and FORBIDDEN to everyone but the year's secretariat", async () => {
    const setup = await rankedYear();
    for (const actor of [
      setup.leaderActors[0]!,
      setup.staffActors[0]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(publishRanking(actor, setup.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const phase of ["SELF_ASSESSMENT", "VOTING"] as const) {
      await setPhase(setup.year.id, phase);
      await expect(publishRanking(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.ranking.wrongPhase",
      });
    }
    expect(await publicationsOf(setup.year.id)).toHaveLength(0);
  });
});

describe("reopenRanking", () => {
  it("needs a reason, which the publication and the audit trail keep; scores unlock and members lose the ranking until it is published again", async () => {
    const setup = await rankedYear();
    const first = await publishRanking(setup.secretariatActor, setup.year.id);
    for (const input of [{}, { reason: "" }, { reason: "   " }]) {
      await expect(reopenRanking(setup.secretariatActor, setup.year.id, input)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: [expect.objectContaining({ path: "reason" })],
      });
    }
    for (const actor of [
      setup.leaderActors[0]!,
      setup.staffActors[1]!,
      await actorOf("BOARD"),
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
    ]) {
      await expect(reopenRanking(actor, setup.year.id, { reason: "Không được" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await publicationsOf(setup.year.id))[0]!.reopenedAt).toBeNull();

    const reason = "Cơ quan F khiếu nại điểm tiêu chí II.1";
    await reopenRanking(setup.secretariatActor, setup.year.id, { reason: ` ${reason} ` });
    const [row] = await publicationsOf(setup.year.id);
    expect(row).toMatchObject({
      id: first.id,
      reopenedById: setup.secretariatActor.id,
      reopenReason: reason,
    });
    expect(row!.reopenedAt).toBeInstanceOf(Date);
    expect((await auditOf(first.id)).map((a) => [a.action, a.reason])).toEqual([
      ["ranking.publish", null],
      ["ranking.reopen", reason],
    ]);

    await expect(getRanking(setup.staffActors[5]!, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.ranking.notPublished",
    });
    const view = await getRanking(setup.secretariatActor, setup.year.id);
    expect(view).toMatchObject({
      published: null,
      mayPublish: true,
      mayReopen: false,
      history: [{ id: first.id, reopenReason: reason }],
    });
    await expect(
      reopenRanking(setup.secretariatActor, setup.year.id, { reason: "Lần nữa" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "errors.ranking.notPublished" });

    // Unlocked: the change shows in the preview and in the next publication.
    await saveFinalScores(setup.secretariatActor, setup.year.id, [
      {
        agencyCode: setup.agencies[5]!.code,
        criterionCode: "II.1",
        points: 40,
        version: 1,
        reason: "Chấp nhận khiếu nại",
      },
    ]);
    expect(summary(setup, (await getRanking(setup.secretariatActor, setup.year.id)).preview!)[0]).toEqual([
      5,
      1,
      false,
      100,
      "XUAT_SAC",
    ]);
    const second = await publishRanking(setup.secretariatActor, setup.year.id);
    expect(summary(setup, second.entries)[0]).toEqual([5, 1, false, 100, "XUAT_SAC"]);
    const history = (await getRanking(await actorOf("BOARD"), setup.year.id)).history;
    expect(history.map((h) => [h.id, h.reopenReason])).toEqual([
      [second.id, null],
      [first.id, reason],
    ]);
    await expect(getRanking(setup.staffActors[5]!, setup.year.id)).resolves.toMatchObject({
      published: { id: second.id },
    });
  });

  it("may be done by an admin, only in REVIEW", async () => {
    const setup = await rankedYear();
    await publishRanking(setup.secretariatActor, setup.year.id);
    await setPhase(setup.year.id, "VOTING");
    await expect(reopenRanking(await newAdmin(), setup.year.id, { reason: "Sai sót" })).rejects.toMatchObject(
      { code: "WRONG_PHASE", messageKey: "errors.ranking.wrongPhase" },
    );
    await setPhase(setup.year.id, "REVIEW");
    const admin = await newAdmin();
    await reopenRanking(admin, setup.year.id, { reason: "Sai sót" });
    expect((await publicationsOf(setup.year.id))[0]).toMatchObject({
      reopenedById: admin.id,
      reopenReason: "Sai sót",
    });
  });
});

describe("members without final scores", () => {
  /** Four members: A and B scored, C with only a bonus and a deduction, D with nothing. */
  async function partlyScored() {
    const setup = await scoringSetup({ phase: "REVIEW", memberCount: 4 });
    await writeFinals(setup, 0, { "I.1": 30, "I.2": 30, "II.1": 40 });
    await writeFinals(setup, 1, { "I.1": 20 });
    await writeFinals(setup, 2, { "V.1": 5, "VI.1": 1 });
    return setup;
  }

  it("refuse the publication: 422 naming each of them in Vietnamese, nothing published", async () => {
    const setup = await partlyScored();
    const unscored = [setup.agencies[2]!, setup.agencies[3]!];
    await expect(publishRanking(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.ranking.unscored",
      details: { unscored: expect.arrayContaining(unscored.map((agency) => agency.code)) },
    });
    await signInAs(setup.secretariat);
    const response = await postPublish(
      new NextRequest(`http://localhost:3000/api/v1/years/${setup.year.id}/ranking/publish`, {
        method: "POST",
      }),
      { params: Promise.resolve({ yearId: setup.year.id }) },
    );
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as {
      error: { message: string; details: { items: string[]; unscored: string[] } };
    };
    expect(error.message).toBe(
      "Chưa công bố được: 2 thành viên chưa có điểm thẩm định. Hãy chấm điểm, hoặc đánh dấu “Không chấm” kèm lý do:",
    );
    expect(error.details.items.sort()).toEqual(unscored.map((agency) => agency.name).sort());
    expect(await publicationsOf(setup.year.id)).toHaveLength(0);

    // The preview counts them and names them.
    const view = await getRanking(setup.secretariatActor, setup.year.id);
    expect(view.unscored.map((agency) => agency.code).sort()).toEqual(
      unscored.map((agency) => agency.code).sort(),
    );
    expect(view).toMatchObject({ notScored: [], mayMarkNotScored: true, mayPublish: true });
  });

  it("may be marked “không chấm” with a reason: ranked last as not scored, without points or classification; then the ranking publishes", async () => {
    const setup = await partlyScored();
    const [c, d] = [setup.agencies[2]!, setup.agencies[3]!];
    for (const input of [{}, { reason: "  " }, { reason: "x".repeat(1001) }]) {
      await expect(markNotScored(setup.secretariatActor, setup.year.id, c.code, input)).rejects.toMatchObject(
        { code: "VALIDATION", fieldIssues: [expect.objectContaining({ path: "reason" })] },
      );
    }
    await expect(
      markNotScored(setup.secretariatActor, setup.year.id, "khong-co", { reason: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await markNotScored(setup.secretariatActor, setup.year.id, c.code, {
      reason: " Sáp nhập vào Sở Nội vụ từ tháng 6 ",
    });
    await markNotScored(setup.secretariatActor, setup.year.id, d.code, { reason: "Giải thể" });
    expect(
      (await auditOf(setup.year.id))
        .filter((row) => row.action === "ranking.notScored.mark")
        .map((row) => [row.reason, row.after]),
    ).toEqual([
      [
        "Sáp nhập vào Sở Nội vụ từ tháng 6",
        { agency: c.code, notScored: "Sáp nhập vào Sở Nội vụ từ tháng 6" },
      ],
      ["Giải thể", { agency: d.code, notScored: "Giải thể" }],
    ]);

    const view = await getRanking(setup.secretariatActor, setup.year.id);
    expect(view.unscored).toEqual([]);
    expect(view.notScored.map((agency) => [agency.code, agency.reason]).sort()).toEqual(
      [
        [c.code, "Sáp nhập vào Sở Nội vụ từ tháng 6"],
        [d.code, "Giải thể"],
      ].sort(),
    );
    const published = await publishRanking(setup.secretariatActor, setup.year.id);
    const rows = published.entries.map((entry) => [
      entry.agency.code,
      entry.rank,
      entry.tied,
      entry.notScored,
      entry.classification?.code ?? null,
      entry.totalX100,
    ]);
    expect(rows.slice(0, 2)).toEqual([
      [setup.agencies[0]!.code, 1, false, null, "XUAT_SAC", 10000],
      [setup.agencies[1]!.code, 2, false, null, "YEU", 2000],
    ]);
    // The two left out share the last place, whatever C's bonus.
    expect(rows.slice(2).sort()).toEqual(
      [
        [c.code, 3, true, "Sáp nhập vào Sở Nội vụ từ tháng 6", null, 0],
        [d.code, 3, true, "Giải thể", null, 0],
      ].sort(),
    );
    // Members read it as published; the mark is locked with the scores.
    const member = await getRanking(setup.staffActors[2]!, setup.year.id);
    expect(member.published!.entries.find((entry) => entry.agency.code === c.code)).toMatchObject({
      notScored: "Sáp nhập vào Sở Nội vụ từ tháng 6",
      classification: null,
    });
    await expect(clearNotScored(setup.secretariatActor, setup.year.id, c.code)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.scores.locked",
    });
  });

  it("may be cleared: the member is ranked from its scores again (and stops the publication while it has none)", async () => {
    const setup = await partlyScored();
    const d = setup.agencies[3]!;
    await expect(clearNotScored(setup.secretariatActor, setup.year.id, d.code)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.ranking.notMarked",
    });
    await markNotScored(setup.secretariatActor, setup.year.id, setup.agencies[2]!.code, {
      reason: "Sáp nhập",
    });
    await markNotScored(setup.secretariatActor, setup.year.id, d.code, { reason: "Giải thể" });
    await clearNotScored(setup.secretariatActor, setup.year.id, d.code);
    expect(
      await db.yearMember.findUnique({
        where: { yearId_agencyId: { yearId: setup.year.id, agencyId: d.id } },
      }),
    ).toMatchObject({ notScoredReason: null, notScoredAt: null, notScoredById: null });
    expect(
      (await getRanking(setup.secretariatActor, setup.year.id)).unscored.map((agency) => agency.code),
    ).toEqual([d.code]);
    await expect(publishRanking(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "VALIDATION",
      details: { unscored: [d.code] },
    });
    await writeFinals(setup, 3, { "II.1": 10 });
    const published = await publishRanking(setup.secretariatActor, setup.year.id);
    expect(published.entries.find((entry) => entry.agency.code === d.code)).toMatchObject({
      notScored: null,
      totalX100: 1000,
      classification: { code: "YEU" },
    });
  });

  it("is marked only by the year's secretariat, only in REVIEW before publication", async () => {
    const setup = await partlyScored();
    const d = setup.agencies[3]!;
    for (const actor of [
      setup.leaderActors[0]!,
      setup.staffActors[3]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("BOARD"),
      await newAdmin(),
    ]) {
      await expect(markNotScored(actor, setup.year.id, d.code, { reason: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      markNotScored(await actorOf("AGENCY_LEADER", (await makeAgency(db)).id), setup.year.id, d.code, {
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setPhase(setup.year.id, "VOTING");
    await expect(
      markNotScored(setup.secretariatActor, setup.year.id, d.code, { reason: "x" }),
    ).rejects.toMatchObject({ code: "WRONG_PHASE", messageKey: "errors.ranking.wrongPhase" });
    expect(
      await db.yearMember.count({ where: { yearId: setup.year.id, notScoredReason: { not: null } } }),
    ).toBe(0);
  });
});
