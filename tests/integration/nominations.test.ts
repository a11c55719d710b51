import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDossier, getInbox, INBOX_PAGE_SIZE } from "@/lib/nominations/board";
import { listAgencyAwards, searchAwards } from "@/lib/nominations/history";
import {
  applySuggestions,
  getNomination,
  getNominations,
  listNominations,
  submitDossier,
  updateNomination,
  withdrawNomination,
} from "@/lib/nominations/nominations";
import { bulkApprove, recordDecision } from "@/lib/nominations/review";
import { saveFinalScores } from "@/lib/scores/save";
import { DEFAULT_RULES, type YearRules } from "@/lib/years/rules";
import { makeYear } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import {
  attachReport,
  eventsOf,
  nominationYear,
  phaseOf,
  review,
  statusOf,
  submittedDossier,
} from "../support/nominations";
import { actorOf, outcomes, scoringSetup } from "../support/scoring";

// Đề nghị khen thưởng through the data layer on the real database: building the list within the rules,
// the dossier sent to the board, the board's review and decision, who may do what, and award history.

/** The default awards with the provincial flag capped at `flagQuota`. */
function rulesWithFlagQuota(flagQuota: number): YearRules {
  return {
    ...DEFAULT_RULES,
    awards: DEFAULT_RULES.awards.map((award) =>
      award.code === "PROVINCIAL_FLAG" ? { ...award, maxCount: flagQuota } : award,
    ),
  };
}

/** Changes the year's rules after its votes (the votes were held under the defaults, where everyone passed). */
const setRules = (yearId: string, rules: YearRules) =>
  db.emulationYear.update({ where: { id: yearId }, data: { rules } });

const countOf = (yearId: string) => db.nomination.count({ where: { yearId } });
const decision = {
  number: "125/QĐ-UBND",
  signedOn: "2023-01-20",
  signerName: "Nguyễn Văn A",
  signerTitle: "Chủ tịch UBND tỉnh",
};

describe("createNomination", () => {
  it("proposes an eligible member: DRAFT with its basis (rank, total, classification, the vote), an event and an audit row", async () => {
    const setup = await nominationYear();
    const created = await setup.nominate(0, "GOV_FLAG", "Dẫn đầu khối");
    expect(created).toMatchObject({
      status: "DRAFT",
      round: 0,
      agency: { code: setup.code(0) },
      award: { code: "GOV_FLAG", name: "Cờ thi đua của Chính phủ" },
      basis: {
        rank: 1,
        total: 98,
        classification: "Xuất sắc",
        vote: { sessionId: setup.sessions.get("GOV_FLAG"), for: 6, ballots: 6 },
      },
      note: "Dẫn đầu khối",
      report: null,
    });
    expect(await eventsOf(created.id)).toMatchObject([
      { round: 0, action: "create", fromStatus: null, toStatus: "DRAFT", actorId: setup.secretariatActor.id },
    ]);
    expect(await auditOf(created.id)).toMatchObject([
      {
        action: "nomination.create",
        entity: "Nomination",
        blocId: setup.bloc.id,
        after: { agency: setup.code(0), award: "GOV_FLAG" },
      },
    ]);
  });

  it("refuses with 422 VALIDATION naming each rule broken (details.rules), and writes nothing", async () => {
    const setup = await nominationYear({ skipVotes: ["PROVINCIAL_MERIT"] });
    await setRules(setup.year.id, rulesWithFlagQuota(2));
    const refusal = (index: number, awardCode: string) => setup.nominate(index, awardCode);
    // Rank 2 for the government flag (rank 1 only), not on that vote's candidates either.
    await expect(refusal(1, "GOV_FLAG")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nomination.rule.MAX_RANK",
      details: { rules: ["MAX_RANK", "VOTE_NOT_PASSED"] },
    });
    // Tốt for the provincial flag (Xuất sắc needed).
    await expect(refusal(3, "PROVINCIAL_FLAG")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nomination.rule.MIN_CLASSIFICATION",
      params: { needed: "Xuất sắc", actual: "Tốt" },
      details: { rules: ["MIN_CLASSIFICATION", "VOTE_NOT_PASSED"] },
    });
    // The merit's proposal vote was never held.
    await expect(refusal(3, "PROVINCIAL_MERIT")).rejects.toMatchObject({
      code: "VALIDATION",
      details: { rules: ["VOTE_REQUIRED"] },
    });
    // Not a member; not an award of the year.
    await expect(createNominationAs(setup, "khong-co", "GOV_FLAG")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nomination.rule.NOT_MEMBER",
    });
    await expect(refusal(0, "NO_SUCH_AWARD")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "awardCode", message: "validation.unknownAward" }],
    });
    expect(await countOf(setup.year.id)).toBe(0);

    // One award per member per year; the quota of 2.
    await setup.nominate(0, "GOV_FLAG");
    await expect(refusal(0, "PROVINCIAL_FLAG")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nomination.rule.ONE_AWARD_PER_YEAR",
      params: { other: "Cờ thi đua của Chính phủ" },
      details: { rules: ["ONE_AWARD_PER_YEAR"] },
    });
    await setup.nominate(1, "PROVINCIAL_FLAG");
    await setup.nominate(2, "PROVINCIAL_FLAG");
    // Member 0's flag-eligible peers are used up: a third provincial flag is over the quota.
    await db.nomination.updateMany({
      where: { yearId: setup.year.id, agencyId: setup.agencies[0]!.id },
      data: { status: "WITHDRAWN" },
    });
    await expect(refusal(0, "PROVINCIAL_FLAG")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nomination.rule.QUOTA",
      params: { quota: 2 },
      details: { rules: ["QUOTA"] },
    });
    expect(await countOf(setup.year.id)).toBe(3);
  });

  it("refuses an award the agency's other award excludes (EXCLUDED with ONE_AWARD_PER_YEAR)", async () => {
    const rules: YearRules = {
      ...DEFAULT_RULES,
      awards: DEFAULT_RULES.awards.map((award) =>
        award.code === "PROVINCIAL_MERIT" ? { ...award, excludes: ["GOV_FLAG"] } : award,
      ),
    };
    const setup = await nominationYear({ rules });
    await setup.nominate(0, "GOV_FLAG");
    await expect(setup.nominate(0, "PROVINCIAL_MERIT")).rejects.toMatchObject({
      code: "VALIDATION",
      details: { rules: ["ONE_AWARD_PER_YEAR", "EXCLUDED"] },
    });
  });

  it("is refused outside NOMINATION (WRONG_PHASE), to anyone but the year's secretariat (FORBIDDEN), and to another bloc (NOT_FOUND)", async () => {
    const setup = await nominationYear({ phase: "VOTING" });
    await expect(setup.nominate(0, "GOV_FLAG")).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.nomination.wrongPhase",
    });
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { phase: "NOMINATION" } });

    const input = { agencyCode: setup.code(0), awardCode: "GOV_FLAG" };
    const { createNomination } = await import("@/lib/nominations/nominations");
    // A member's leader, a member's own secretariat (not the Khối trưởng's), the board.
    await expect(createNomination(setup.leaderActors[0]!, setup.year.id, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.nomination.onlySecretariat",
    });
    await expect(
      createNomination(await actorOf("SECRETARIAT", setup.agencies[1]!.id), setup.year.id, input),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createNomination(setup.boardActor, setup.year.id, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Another bloc's secretariat learns nothing of the year.
    const other = await scoringSetup({ phase: "NOMINATION" });
    await expect(createNomination(other.secretariatActor, setup.year.id, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await countOf(setup.year.id)).toBe(0);
  });

  it("gives the last place of a quota to exactly one of two parallel requests", async () => {
    const setup = await nominationYear();
    await setRules(setup.year.id, rulesWithFlagQuota(2));
    await setup.nominate(0, "PROVINCIAL_FLAG");
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled([setup.nominate(1, "PROVINCIAL_FLAG"), setup.nominate(2, "PROVINCIAL_FLAG")]),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toMatchObject([{ code: "VALIDATION", details: { rules: ["QUOTA"] } }]);
    expect(
      await db.nomination.count({ where: { yearId: setup.year.id, awardCode: "PROVINCIAL_FLAG" } }),
    ).toBe(2);
  });

  it("keeps one active nomination per member: parallel requests and the database index", async () => {
    const setup = await nominationYear();
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled([setup.nominate(1, "PROVINCIAL_FLAG"), setup.nominate(1, "PROVINCIAL_MERIT")]),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toMatchObject([
      { code: "VALIDATION", details: { rules: expect.arrayContaining(["ONE_AWARD_PER_YEAR"]) } },
    ]);
    // Written around the data layer, a second active row is refused by the partial unique index...
    const row = await db.nomination.findFirstOrThrow({ where: { yearId: setup.year.id } });
    const second = {
      yearId: setup.year.id,
      agencyId: row.agencyId,
      awardCode: "X",
      awardName: "X",
      basis: {},
      createdById: setup.secretariat.id,
    };
    await expect(db.nomination.create({ data: second })).rejects.toThrow();
    // ...but not once the first is withdrawn (or rejected).
    await db.nomination.update({ where: { id: row.id }, data: { status: "WITHDRAWN" } });
    await expect(db.nomination.create({ data: second })).resolves.toMatchObject({ status: "DRAFT" });
  });
});

/** createNomination with a raw agency code. */
async function createNominationAs(
  setup: Awaited<ReturnType<typeof nominationYear>>,
  agencyCode: string,
  awardCode: string,
) {
  const { createNomination } = await import("@/lib/nominations/nominations");
  return createNomination(setup.secretariatActor, setup.year.id, { agencyCode, awardCode });
}

describe("applySuggestions, updateNomination, withdrawNomination", () => {
  it("makes the suggested list: government flag to rank 1, provincial flags, merits to the Tốt members; nothing left to suggest after", async () => {
    const setup = await nominationYear();
    const view = await getNominations(setup.secretariatActor, setup.year.id);
    expect(view.suggestions.map((s) => [s.agency.code, s.award.code])).toEqual([
      [setup.code(0), "GOV_FLAG"],
      [setup.code(1), "PROVINCIAL_FLAG"],
      [setup.code(2), "PROVINCIAL_FLAG"],
      [setup.code(3), "PROVINCIAL_MERIT"],
      [setup.code(4), "PROVINCIAL_MERIT"],
    ]);
    const created = await applySuggestions(setup.secretariatActor, setup.year.id);
    expect(created.map((n) => [n.agency.code, n.award.code, n.status])).toEqual(
      view.suggestions.map((s) => [s.agency.code, s.award.code, "DRAFT"]),
    );
    await expect(applySuggestions(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nomination.noSuggestions",
    });
    const after = await getNominations(setup.secretariatActor, setup.year.id);
    expect(after.suggestions).toEqual([]);
    expect(after.awards).toEqual([
      { code: "GOV_FLAG", name: "Cờ thi đua của Chính phủ", quota: 1, used: 1 },
      { code: "PROVINCIAL_FLAG", name: "Cờ thi đua của UBND tỉnh", quota: 3, used: 2 },
      { code: "PROVINCIAL_MERIT", name: "Bằng khen của Chủ tịch UBND tỉnh", quota: null, used: 2 },
    ]);
    expect(after).toMatchObject({ mayManage: true, toSubmit: 5 });
    expect(after.missingReports).toHaveLength(5);
    // Applying suggestions is the secretariat's alone.
    await expect(applySuggestions(setup.leaderActors[0]!, setup.year.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("edits the note with an optimistic version: a stale version is refused", async () => {
    const setup = await nominationYear();
    const created = await setup.nominate(3, "PROVINCIAL_MERIT");
    const updated = await updateNomination(setup.secretariatActor, created.id, {
      note: "Bổ sung thành tích",
      version: created.version,
    });
    expect(updated).toMatchObject({ note: "Bổ sung thành tích", version: created.version + 1 });
    await expect(
      updateNomination(setup.secretariatActor, created.id, { note: "Ghi đè", version: created.version }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.nomination.stale" });
    expect((await getNomination(setup.secretariatActor, created.id)).note).toBe("Bổ sung thành tích");
    expect((await auditOf(created.id)).map((row) => row.action)).toEqual([
      "nomination.create",
      "nomination.update",
    ]);
    await expect(
      updateNomination(setup.leaderActors[3]!, created.id, { note: "Tự sửa" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("withdraws with a reason, freeing the place in the quota; a withdrawn one cannot be withdrawn again", async () => {
    const setup = await nominationYear();
    await setRules(setup.year.id, rulesWithFlagQuota(1));
    const first = await setup.nominate(1, "PROVINCIAL_FLAG");
    await expect(setup.nominate(2, "PROVINCIAL_FLAG")).rejects.toMatchObject({
      details: { rules: ["QUOTA"] },
    });
    await expect(withdrawNomination(setup.secretariatActor, first.id, {})).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const withdrawn = await withdrawNomination(setup.secretariatActor, first.id, {
      reason: "Đơn vị xin rút",
    });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawReason: "Đơn vị xin rút" });
    await expect(setup.nominate(2, "PROVINCIAL_FLAG")).resolves.toMatchObject({ status: "DRAFT" });
    // The member withdrawn may now be proposed for something else.
    await expect(setup.nominate(1, "PROVINCIAL_MERIT")).resolves.toMatchObject({ status: "DRAFT" });
    await expect(
      withdrawNomination(setup.secretariatActor, first.id, { reason: "Lần nữa" }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.nomination.illegalTransition" });
    expect((await eventsOf(first.id)).map((e) => [e.action, e.toStatus, e.comment])).toEqual([
      ["create", "DRAFT", null],
      ["withdraw", "WITHDRAWN", "Đơn vị xin rút"],
    ]);
    expect(await auditOf(first.id)).toContainEqual(
      expect.objectContaining({ action: "nomination.withdraw", reason: "Đơn vị xin rút" }),
    );
  });
});

describe("submitDossier", () => {
  it("refuses while reports are missing (listing them), then sends every draft: BOARD_REVIEW, round 1, events, audit, the board told", async () => {
    const setup = await nominationYear();
    await expect(submitDossier(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nomination.nothingToSubmit",
    });
    const gov = await setup.nominate(0, "GOV_FLAG");
    const merit = await setup.nominate(3, "PROVINCIAL_MERIT");
    await attachReport(gov.id, setup.secretariat.id);
    await expect(submitDossier(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nomination.reportsMissing",
      items: [
        {
          message: "pendingWork.reportMissing",
          params: { agency: setup.agencies[3]!.name, award: "Bằng khen của Chủ tịch UBND tỉnh" },
        },
      ],
    });
    expect(await phaseOf(setup.year.id)).toBe("NOMINATION");
    await attachReport(merit.id, setup.leaders[3]!.id);
    // Only the secretariat sends.
    await expect(submitDossier(setup.leaderActors[0]!, setup.year.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await expect(submitDossier(setup.secretariatActor, setup.year.id)).resolves.toEqual({
      round: 1,
      submitted: 2,
    });
    expect(await phaseOf(setup.year.id)).toBe("BOARD_REVIEW");
    expect(await statusOf(gov.id)).toMatchObject({ status: "SUBMITTED", round: 1 });
    expect((await eventsOf(merit.id)).map((e) => [e.round, e.action, e.fromStatus, e.toStatus])).toEqual([
      [0, "create", null, "DRAFT"],
      [1, "submit", "DRAFT", "SUBMITTED"],
    ]);
    const submissions = await db.dossierSubmission.findMany({ where: { yearId: setup.year.id } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ round: 1, submittedById: setup.secretariat.id });
    expect((submissions[0]!.nominations as { agency: string }[]).map((n) => n.agency).sort()).toEqual(
      [setup.code(0), setup.code(3)].sort(),
    );
    expect((await auditOf(setup.year.id)).map((row) => row.action)).toEqual(
      expect.arrayContaining(["year.phase.move", "dossier.submit"]),
    );
    const told = await db.notification.findMany({
      where: { userId: setup.boardActor.id, kind: "dossier.submitted" },
    });
    expect(told.filter((n) => (n.params as { bloc?: string }).bloc === setup.bloc.name)).toMatchObject([
      {
        messageKey: "notifications.dossierSubmitted",
        href: `/board/years/${setup.year.id}`,
        params: { count: 2 },
      },
    ]);
    // Nothing more to send, and no new nominations in BOARD_REVIEW.
    await expect(submitDossier(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nomination.nothingReturned",
    });
    await expect(setup.nominate(1, "PROVINCIAL_FLAG")).rejects.toMatchObject({ code: "WRONG_PHASE" });
  });
});

describe("the board's review", () => {
  it("approves, returns (comment needed), rejects (reason needed) only SUBMITTED nominations; illegal moves are 409", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    const [gov, flag1, flag2] = [ids.get(0)!, ids.get(1)!, ids.get(2)!];
    await expect(review(setup.boardActor, flag1, "return")).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "comment", message: "validation.nomination.commentRequired" }],
    });
    await expect(review(setup.boardActor, flag2, "reject")).rejects.toMatchObject({ code: "VALIDATION" });

    await expect(review(setup.boardActor, gov, "approve")).resolves.toMatchObject({ status: "APPROVED" });
    await expect(review(setup.boardActor, flag1, "return", "Bổ sung báo cáo")).resolves.toMatchObject({
      status: "RETURNED",
    });
    await expect(review(setup.boardActor, flag2, "reject", "Chưa đủ tiêu chuẩn")).resolves.toMatchObject({
      status: "REJECTED",
    });

    for (const [id, action] of [
      [gov, "reject"],
      [gov, "approve"],
      [gov, "return"],
      [flag1, "approve"],
      [flag2, "approve"],
    ] as const) {
      await expect(review(setup.boardActor, id, action, "Thử")).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "errors.nomination.illegalTransition",
      });
    }
    expect(await statusOf(gov)).toMatchObject({ status: "APPROVED" });
    expect((await eventsOf(flag2)).at(-1)).toMatchObject({
      action: "reject",
      fromStatus: "SUBMITTED",
      toStatus: "REJECTED",
      comment: "Chưa đủ tiêu chuẩn",
      actorRole: "BOARD",
    });
    expect(await auditOf(flag1)).toContainEqual(
      expect.objectContaining({
        action: "nomination.return",
        reason: "Bổ sung báo cáo",
        before: { status: "SUBMITTED" },
      }),
    );

    // The secretariat and the nominee's leader are told of each verdict.
    const toldOf = async (userId: string) =>
      (
        await db.notification.findMany({
          where: { userId, kind: { startsWith: "nomination." } },
          orderBy: { createdAt: "asc" },
        })
      ).map((n) => n.messageKey);
    expect(await toldOf(setup.secretariat.id)).toEqual(
      expect.arrayContaining([
        "notifications.nominationApproved",
        "notifications.nominationReturned",
        "notifications.nominationRejected",
      ]),
    );
    expect(await toldOf(setup.leaders[1]!.id)).toEqual(["notifications.nominationReturned"]);
    expect(await toldOf(setup.leaders[2]!.id)).toEqual(["notifications.nominationRejected"]);
  });

  it("tells no other bloc's secretariat of a verdict, even in a year without a Khối trưởng", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    const elsewhere = await scoringSetup();
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { leaderAgencyId: null } });
    await review(setup.boardActor, ids.get(3)!, "return", "Bổ sung");
    expect(
      await db.notification.count({
        where: { userId: elsewhere.secretariat.id, kind: { startsWith: "nomination." } },
      }),
    ).toBe(0);
    expect(
      await db.notification.count({ where: { userId: setup.leaders[3]!.id, kind: "nomination.return" } }),
    ).toBe(1);
  });

  it("returned → fixed → resubmitted as round 2, keeping round 1; then approved and decided: awarded, decision recorded, the year closes", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    const returned = ids.get(1)!;
    await expect(recordDecision(setup.boardActor, setup.year.id, decision)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nomination.nothingApproved",
    });
    await review(setup.boardActor, returned, "return", "Thiếu số liệu");
    const fixed = await updateNomination(setup.secretariatActor, returned, { note: "Đã bổ sung số liệu" });
    expect(fixed.status).toBe("RETURNED");
    await attachReport(returned, setup.leaders[1]!.id);
    await expect(submitDossier(setup.secretariatActor, setup.year.id)).resolves.toEqual({
      round: 2,
      submitted: 1,
    });
    expect(await statusOf(returned)).toMatchObject({ status: "SUBMITTED", round: 2 });
    expect((await eventsOf(returned)).map((e) => [e.round, e.action, e.toStatus, e.comment])).toEqual([
      [0, "create", "DRAFT", null],
      [1, "submit", "SUBMITTED", null],
      [1, "return", "RETURNED", "Thiếu số liệu"],
      [2, "resubmit", "SUBMITTED", null],
    ]);
    const rounds = await db.dossierSubmission.findMany({
      where: { yearId: setup.year.id },
      orderBy: { round: "asc" },
    });
    expect(rounds.map((r) => [r.round, (r.nominations as unknown[]).length])).toEqual([
      [1, 5],
      [2, 1],
    ]);
    expect(
      await db.notification.count({
        where: {
          userId: setup.boardActor.id,
          messageKey: "notifications.dossierResubmitted",
          params: { path: ["bloc"], equals: setup.bloc.name },
        },
      }),
    ).toBe(1);

    // Bulk approval of four, one rejection: the decision awards the four and closes the year.
    const approved = await bulkApprove(setup.boardActor, {
      nominationIds: [ids.get(0)!, returned, ids.get(3)!, ids.get(4)!],
    });
    expect(approved.map((n) => n.status)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED"]);
    await review(setup.boardActor, ids.get(2)!, "reject", "Không đạt");
    // A secretariat cannot record the decision.
    await expect(recordDecision(setup.secretariatActor, setup.year.id, decision)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const recorded = await recordDecision(setup.boardActor, setup.year.id, decision);
    expect(recorded.closed).toBe(true);
    expect(recorded.awarded.map((n) => [n.agency.code, n.status, n.decision?.number])).toEqual(
      [0, 1, 3, 4].map((index) => [setup.code(index), "AWARDED", "125/QĐ-UBND"]),
    );
    for (const index of [0, 1, 3, 4])
      expect(await statusOf(ids.get(index)!)).toMatchObject({ status: "AWARDED", decisionId: recorded.id });
    expect(await statusOf(ids.get(2)!)).toMatchObject({ status: "REJECTED", decisionId: null });
    expect(await phaseOf(setup.year.id)).toBe("CLOSED");
    expect(await db.awardDecision.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({
      number: "125/QĐ-UBND",
      signerName: "Nguyễn Văn A",
      recordedById: setup.boardActor.id,
    });
    expect(await auditOf(recorded.id)).toMatchObject([{ action: "decision.record" }]);
    expect(await auditOf(setup.year.id)).toContainEqual(
      expect.objectContaining({
        action: "year.phase.move",
        after: { phase: "CLOSED" },
        reason: "Mọi đề nghị khen thưởng đã được quyết định",
      }),
    );
    // Every member's people hear of the decision.
    for (const user of [setup.leaders[5]!, setup.staff[0]!, setup.secretariat]) {
      expect(
        await db.notification.count({
          where: { userId: user.id, kind: "decision.recorded", messageKey: "notifications.decisionRecorded" },
        }),
      ).toBe(1);
    }
    // Closed: read-only.
    await expect(review(setup.boardActor, ids.get(0)!, "reject", "Quá hạn")).rejects.toMatchObject({
      code: "WRONG_PHASE",
    });
    await expect(recordDecision(setup.boardActor, setup.year.id, decision)).rejects.toMatchObject({
      code: "WRONG_PHASE",
    });
  });

  it("a decision over part of the approved awards leaves the year open until the rest are decided", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await bulkApprove(setup.boardActor, { nominationIds: [...ids.values()] });
    const first = await recordDecision(setup.boardActor, setup.year.id, {
      ...decision,
      awardCodes: ["GOV_FLAG"],
    });
    expect(first).toMatchObject({
      closed: false,
      awarded: [{ agency: { code: setup.code(0) }, status: "AWARDED" }],
    });
    expect(await phaseOf(setup.year.id)).toBe("BOARD_REVIEW");
    const second = await recordDecision(setup.boardActor, setup.year.id, {
      ...decision,
      number: "126/QĐ-UBND",
    });
    expect(second.awarded).toHaveLength(4);
    expect(second.closed).toBe(true);
  });

  it("closes the year when the last two undecided nominations are rejected at the same time", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await bulkApprove(setup.boardActor, { nominationIds: [ids.get(0)!, ids.get(1)!, ids.get(2)!] });
    await recordDecision(setup.boardActor, setup.year.id, decision);
    const secondBoard = await actorOf("BOARD");
    const results = await Promise.allSettled([
      review(setup.boardActor, ids.get(3)!, "reject", "Không đạt"),
      review(secondBoard, ids.get(4)!, "reject", "Không đạt"),
    ]);
    expect(outcomes(results).fulfilled).toHaveLength(2);
    expect(await phaseOf(setup.year.id)).toBe("CLOSED");
  });

  it("bulk approval is all or nothing", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await review(setup.boardActor, ids.get(2)!, "reject", "Không đạt");
    await expect(
      bulkApprove(setup.boardActor, { nominationIds: [ids.get(0)!, ids.get(2)!] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await statusOf(ids.get(0)!)).toMatchObject({ status: "SUBMITTED" });
  });
});

describe("who may do what", () => {
  it("the board cannot edit scores", async () => {
    const setup = await scoringSetup({ phase: "REVIEW" });
    const board = await actorOf("BOARD");
    await expect(
      saveFinalScores(board, setup.year.id, [
        { agencyCode: setup.agencies[1]!.code, criterionCode: "I.1", points: 20, version: 0 },
      ]),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.score.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("a secretariat cannot approve, return or reject; the admin reads but does not review", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    for (const action of ["approve", "return", "reject"] as const) {
      await expect(review(setup.secretariatActor, ids.get(0)!, action, "Tự duyệt")).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "errors.nomination.onlyBoard",
      });
    }
    await expect(bulkApprove(setup.secretariatActor, { nominationIds: [ids.get(0)!] })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    const admin = await newAdmin();
    await expect(review(admin, ids.get(0)!, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordDecision(admin, setup.year.id, decision)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getDossier(admin, setup.year.id)).nominations).toHaveLength(5);
    expect(await listNominations(admin, setup.year.id)).toHaveLength(5);
    expect(await statusOf(ids.get(0)!)).toMatchObject({ status: "SUBMITTED" });
  });

  it("another bloc's secretariat can neither read nor touch this dossier", async () => {
    const setup = await nominationYear();
    const draft = await setup.nominate(3, "PROVINCIAL_MERIT");
    await attachReport(draft.id, setup.secretariat.id);
    const stranger = (await scoringSetup({ phase: "NOMINATION" })).secretariatActor;
    await expect(getDossier(stranger, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listNominations(stranger, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getNomination(stranger, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateNomination(stranger, draft.id, { note: "Sửa hộ" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(withdrawNomination(stranger, draft.id, { reason: "Rút hộ" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(submitDossier(stranger, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applySuggestions(stranger, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await statusOf(draft.id)).toMatchObject({ status: "DRAFT", version: 1 });
    expect(await phaseOf(setup.year.id)).toBe("NOMINATION");
  });

  it("members see only their own agency's nominations; the dossier is the secretariat's and the province's", async () => {
    const setup = await nominationYear();
    await applySuggestions(setup.secretariatActor, setup.year.id);
    expect((await listNominations(setup.leaderActors[3]!, setup.year.id)).map((n) => n.agency.code)).toEqual([
      setup.code(3),
    ]);
    expect((await listNominations(setup.staffActors[1]!, setup.year.id)).map((n) => n.agency.code)).toEqual([
      setup.code(1),
    ]);
    expect(await listNominations(setup.leaderActors[5]!, setup.year.id)).toEqual([]);
    // A member's view has no suggestions nor management.
    expect(await getNominations(setup.leaderActors[3]!, setup.year.id)).toMatchObject({
      suggestions: [],
      awards: [],
      mayManage: false,
      toSubmit: 0,
    });
    const others = await listNominations(setup.secretariatActor, setup.year.id);
    expect(others).toHaveLength(5);
    await expect(
      getNomination(setup.leaderActors[3]!, others.find((n) => n.agency.code === setup.code(0))!.id),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDossier(setup.leaderActors[0]!, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getInbox(setup.secretariatActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getInbox(setup.leaderActors[0]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the board's inbox and the dossier", () => {
  it("lists what reached the board, filtered by bloc, year, award and status, with counts and pages", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    // A draft of another bloc never shows.
    const other = await nominationYear();
    await other.nominate(0, "GOV_FLAG");
    await review(setup.boardActor, ids.get(0)!, "approve");
    await review(setup.boardActor, ids.get(1)!, "return", "Bổ sung");

    const bloc = await getInbox(setup.boardActor, { blocId: setup.bloc.id });
    expect(bloc).toMatchObject({
      total: 5,
      page: 1,
      pageSize: INBOX_PAGE_SIZE,
      counts: { SUBMITTED: 3, APPROVED: 1, RETURNED: 1 },
    });
    expect(bloc.items.map((n) => n.award.code)).toEqual([
      "GOV_FLAG",
      "PROVINCIAL_FLAG",
      "PROVINCIAL_FLAG",
      "PROVINCIAL_MERIT",
      "PROVINCIAL_MERIT",
    ]);
    expect(bloc.facets.blocs).toContainEqual({ id: setup.bloc.id, name: setup.bloc.name });
    expect(bloc.facets.blocs.map((b) => b.id)).not.toContain(other.bloc.id);
    expect((await getInbox(setup.boardActor, { blocId: other.bloc.id })).total).toBe(0);

    const submitted = await getInbox(setup.boardActor, { blocId: setup.bloc.id, status: "SUBMITTED" });
    expect(submitted.total).toBe(3);
    // The counts ignore the status filter (they are the tabs).
    expect(submitted.counts).toEqual(bloc.counts);
    const merits = await getInbox(setup.boardActor, { blocId: setup.bloc.id, awardCode: "PROVINCIAL_MERIT" });
    expect(merits.items.map((n) => n.agency.code).sort()).toEqual([setup.code(3), setup.code(4)].sort());
    expect((await getInbox(setup.boardActor, { blocId: setup.bloc.id, year: setup.year.year })).total).toBe(
      5,
    );
    expect(
      (await getInbox(setup.boardActor, { blocId: setup.bloc.id, year: setup.year.year + 1 })).total,
    ).toBe(0);
    // Past the last page: nothing, with the same total.
    expect(await getInbox(setup.boardActor, { blocId: setup.bloc.id, page: 2 })).toMatchObject({
      items: [],
      total: 5,
      page: 2,
    });
    await expect(getInbox(setup.boardActor, { status: "LOST" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    // The admin reads the inbox too.
    expect((await getInbox(await newAdmin(), { blocId: setup.bloc.id })).total).toBe(5);
  });

  it("pages the inbox 20 at a time", async () => {
    const setup = await nominationYear({ memberCount: 2 });
    // 30 submitted nominations of a bloc's 30 years, written directly.
    const agencyId = setup.agencies[0]!.id;
    for (let index = 0; index < 30; index += 1) {
      const year = await makeYear(db, {
        blocId: setup.bloc.id,
        year: 2100 - index - 1,
        phase: "BOARD_REVIEW",
        memberIds: [agencyId],
        leaderId: agencyId,
      });
      await db.nomination.create({
        data: {
          yearId: year.id,
          agencyId,
          awardCode: "PROVINCIAL_MERIT",
          awardName: "Bằng khen",
          basis: { rank: 1, totalX100: 9000, classification: null, vote: null },
          status: "SUBMITTED",
          round: 1,
          createdById: setup.secretariat.id,
        },
      });
    }
    expect(INBOX_PAGE_SIZE).toBe(20);
    const first = await getInbox(setup.boardActor, { blocId: setup.bloc.id });
    const second = await getInbox(setup.boardActor, { blocId: setup.bloc.id, page: 2 });
    expect(first.items).toHaveLength(INBOX_PAGE_SIZE);
    expect(second.items).toHaveLength(10);
    expect(first.total).toBe(30);
    // Newest year first, no item on both pages.
    expect(first.items[0]!.year).toBe(2099);
    expect(second.items.at(-1)!.year).toBe(2070);
    expect(new Set([...first.items, ...second.items].map((n) => n.id)).size).toBe(30);
  });

  it("the dossier holds the nominations with their history, the rounds, the ranking, the votes and the decisions", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await review(setup.boardActor, ids.get(4)!, "return", "Thiếu chữ ký");
    const dossier = await getDossier(setup.boardActor, setup.year.id);
    expect(dossier.year).toMatchObject({
      id: setup.year.id,
      phase: "BOARD_REVIEW",
      bloc: { id: setup.bloc.id },
      leader: { code: setup.code(0) },
    });
    expect(dossier.nominations).toHaveLength(5);
    expect(dossier.nominations.find((n) => n.id === ids.get(4))!.events.map((e) => e.action)).toEqual([
      "create",
      "submit",
      "return",
    ]);
    expect(dossier.nominations.every((n) => n.report !== null)).toBe(true);
    expect(dossier.submissions).toMatchObject([{ round: 1, count: 5 }]);
    expect(dossier.ranking.map((r) => [r.rank, r.agency.code, r.total])).toEqual(
      [98, 96, 95, 90, 86, 80].map((total, index) => [index + 1, setup.code(index), total]),
    );
    expect(dossier.votes).toHaveLength(3);
    expect(dossier.votes.find((v) => v.id === setup.sessions.get("PROVINCIAL_FLAG"))).toMatchObject({
      ballots: 6,
      rollSize: 6,
      quorumMet: true,
    });
    expect(dossier.votes.find((v) => v.id === setup.sessions.get("PROVINCIAL_FLAG"))!.passed).toHaveLength(3);
    expect(dossier).toMatchObject({ pledge: null, decisions: [], mayReview: true });
    // The secretariat sees what it sent, without reviewing.
    expect(await getDossier(setup.secretariatActor, setup.year.id)).toMatchObject({
      mayReview: false,
      submissions: [{ round: 1 }],
    });
  });
});

describe("award history", () => {
  it("lists an agency's awards across years and searches the province by name, year and award", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await bulkApprove(setup.boardActor, { nominationIds: [...ids.values()] });
    await recordDecision(setup.boardActor, setup.year.id, decision);
    // The next year of the bloc: member 1 receives the government flag (written directly).
    const next = await makeYear(db, {
      blocId: setup.bloc.id,
      year: setup.year.year + 1,
      phase: "CLOSED",
      memberIds: setup.agencies.map((a) => a.id),
      leaderId: setup.agencies[1]!.id,
    });
    const nextDecision = await db.awardDecision.create({
      data: {
        yearId: next.id,
        number: "88/QĐ-TTg",
        signedOn: new Date("2024-02-01T00:00:00Z"),
        signerName: "Thủ tướng",
        recordedById: setup.boardActor.id,
      },
    });
    await db.nomination.create({
      data: {
        yearId: next.id,
        agencyId: setup.agencies[1]!.id,
        awardCode: "GOV_FLAG",
        awardName: "Cờ thi đua của Chính phủ",
        basis: {},
        status: "AWARDED",
        round: 1,
        decisionId: nextDecision.id,
        createdById: setup.secretariat.id,
      },
    });

    // Any signed-in user reads the history, newest year first.
    const history = await listAgencyAwards(setup.staffActors[5]!, setup.code(1).toUpperCase());
    expect(history.agency).toEqual({ code: setup.code(1), name: setup.agencies[1]!.name });
    expect(history.awards.map((a) => [a.year, a.award.code, a.decision.number])).toEqual([
      [setup.year.year + 1, "GOV_FLAG", "88/QĐ-TTg"],
      [setup.year.year, "PROVINCIAL_FLAG", "125/QĐ-UBND"],
    ]);
    // Member 5 has none; an unknown code is NOT_FOUND.
    expect((await listAgencyAwards(setup.leaderActors[0]!, setup.code(5))).awards).toEqual([]);
    await expect(listAgencyAwards(setup.leaderActors[0]!, "khong-co-ma-nay")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const board = setup.boardActor;
    expect(
      (await searchAwards(board, { q: setup.agencies[3]!.name.split(" ").at(-1)!.toUpperCase() })).map(
        (a) => a.agency.code,
      ),
    ).toEqual([setup.code(3)]);
    expect((await searchAwards(board, { q: setup.code(1) })).map((a) => a.year)).toEqual([
      setup.year.year + 1,
      setup.year.year,
    ]);
    expect(
      (await searchAwards(board, { blocId: setup.bloc.id, year: setup.year.year }))
        .map((a) => a.agency.code)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((index) => setup.code(index)).sort());
    expect(
      (await searchAwards(board, { blocId: setup.bloc.id, awardCode: "GOV_FLAG" })).map((a) => [
        a.year,
        a.agency.code,
      ]),
    ).toEqual([
      [setup.year.year + 1, setup.code(1)],
      [setup.year.year, setup.code(0)],
    ]);
    expect(
      await searchAwards(board, {
        blocId: setup.bloc.id,
        year: setup.year.year,
        awardCode: "PROVINCIAL_MERIT",
      }),
    ).toHaveLength(2);
  });
});
