import { describe, expect, it } from "vitest";
import {
  getAssessmentProgress,
  getSelfAssessment,
  returnSelfAssessment,
  saveSelfScore,
  submitSelfAssessment,
} from "@/lib/assessments/assessments";
import { db } from "@/lib/db";
import { makeAgency, makeCriteriaTable, smallCriteriaTable } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import {
  actorOf,
  historyOf,
  outcomes,
  scoreRow,
  scoringSetup,
  setPhase,
  type ScoringSetup,
} from "../support/scoring";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const selfYear = (memberCount = 3) => scoringSetup({ phase: "SELF_ASSESSMENT", memberCount });

const assessmentOf = (setup: ScoringSetup, agencyIndex: number) =>
  db.assessment.findUnique({
    where: { yearId_agencyId: { yearId: setup.year.id, agencyId: setup.agencies[agencyIndex]!.id } },
  });

/** Fills every criterion of the small table for the agency of `actor` (I.1 needs evidence when > 0: it gets 0). */
async function fillAll(setup: ScoringSetup, agencyIndex: number) {
  const actor = setup.staffActors[agencyIndex]!;
  for (const [code, points] of [
    ["I.1", 0],
    ["I.2", 28],
    ["II.1", 40],
    ["V.1", 2],
    ["VI.1", 1],
  ] as const) {
    await saveSelfScore(actor, setup.year.id, { criterionId: setup.criterionId(code), points });
  }
}

describe("getSelfAssessment", () => {
  it("shows the agency's own draft to its staff (editable) and to its leader (who may submit)", async () => {
    const setup = await selfYear();
    const view = await getSelfAssessment(setup.staffActors[1]!, setup.year.id);
    expect(view).toMatchObject({
      year: { id: setup.year.id, phase: "SELF_ASSESSMENT", blocName: setup.bloc.name },
      agency: { id: setup.agencies[1]!.id, code: setup.agencies[1]!.code },
      status: "DRAFT",
      version: 0,
      submittedAt: null,
      returnComment: null,
      editable: true,
      maySubmit: false,
      mayReturn: false,
      totals: { filled: 0, criteria: 5, selfTotal: 0 },
    });
    expect(
      view.groups.map((group) => [group.code, group.kind, group.max, group.criteria.map((c) => c.code)]),
    ).toEqual([
      ["I", "BASE", 60, ["I.1", "I.2"]],
      ["II", "BASE", 40, ["II.1"]],
      ["V", "BONUS", 5, ["V.1"]],
      ["VI", "DEDUCTION", 5, ["VI.1"]],
    ]);
    expect(view.groups[0]!.criteria[0]).toMatchObject({
      code: "I.1",
      max: 30,
      evidenceRequired: true,
      self: null,
      note: "",
      evidence: [],
    });
    await expect(getSelfAssessment(setup.leaderActors[1]!, setup.year.id)).resolves.toMatchObject({
      editable: true,
      maySubmit: true,
    });
  });

  it("lets staff of one agency read only their own: another member's is FORBIDDEN, a non-member's NOT_FOUND", async () => {
    const setup = await selfYear();
    await saveSelfScore(setup.staffActors[2]!, setup.year.id, {
      criterionId: setup.criterionId("I.2"),
      points: 20,
      note: "Bí mật của cơ quan C",
    });
    for (const actor of [
      setup.staffActors[1]!,
      setup.leaderActors[1]!,
      setup.staffActors[0]!,
      setup.leaderActors[0]!,
    ]) {
      await expect(getSelfAssessment(actor, setup.year.id, setup.agencies[2]!.code)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(getSelfAssessment(setup.staffActors[1]!, setup.year.id, "khongco")).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.agency.notMember",
    });
    const outsider = await actorOf("AGENCY_STAFF", (await makeAgency(db)).id);
    await expect(getSelfAssessment(outsider, setup.year.id, setup.agencies[2]!.code)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(getSelfAssessment(outsider, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSelfAssessment(setup.staffActors[1]!, MISSING_ID)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets the leader agency's secretariat, the board and the admin read every member (read-only)", async () => {
    const setup = await selfYear();
    await saveSelfScore(setup.staffActors[2]!, setup.year.id, {
      criterionId: setup.criterionId("I.2"),
      points: 20,
      note: "Có báo cáo",
    });
    for (const actor of [setup.secretariatActor, await actorOf("BOARD"), await newAdmin()]) {
      const view = await getSelfAssessment(actor, setup.year.id, setup.agencies[2]!.code);
      expect(view).toMatchObject({
        agency: { code: setup.agencies[2]!.code },
        editable: false,
        maySubmit: false,
        totals: { filled: 1, selfTotal: 20 },
      });
      expect(view.groups[0]!.criteria[1]).toMatchObject({ code: "I.2", self: 20, note: "Có báo cáo" });
    }
  });

  it("lets the secretariat of another member agency read only its own agency", async () => {
    const setup = await selfYear();
    const deputySecretariat = await actorOf("SECRETARIAT", setup.deputyAgency.id);
    await expect(getSelfAssessment(deputySecretariat, setup.year.id)).resolves.toMatchObject({
      agency: { id: setup.deputyAgency.id },
      editable: false,
    });
    await expect(
      getSelfAssessment(deputySecretariat, setup.year.id, setup.agencies[2]!.code),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      getSelfAssessment(deputySecretariat, setup.year.id, setup.leaderAgency.code),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("saveSelfScore", () => {
  it("saves points and a note, keeps the history of the points and writes an audit row", async () => {
    const setup = await selfYear();
    const staff = setup.staffActors[1]!;
    const criterionId = setup.criterionId("I.2");
    const { savedAt } = await saveSelfScore(staff, setup.year.id, {
      criterionId,
      points: 25.5,
      note: "  Đạt 95% chỉ tiêu  ",
    });
    expect(Date.parse(savedAt)).not.toBeNaN();

    const row = await scoreRow(setup, 1, "I.2");
    expect(row).toMatchObject({
      selfX100: 2550,
      selfNote: "Đạt 95% chỉ tiêu",
      selfUpdatedById: staff.id,
      finalX100: null,
      version: 1,
    });
    expect(await assessmentOf(setup, 1)).toMatchObject({ status: "DRAFT" });
    await expect(getSelfAssessment(staff, setup.year.id)).resolves.toMatchObject({
      totals: { filled: 1, selfTotal: 25.5 },
    });

    // The same values again change nothing; new points add a history row; an absent note keeps the note.
    await saveSelfScore(staff, setup.year.id, { criterionId, points: 25.5, note: "Đạt 95% chỉ tiêu" });
    await saveSelfScore(setup.leaderActors[1]!, setup.year.id, { criterionId, points: 27 });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({
      selfX100: 2700,
      selfNote: "Đạt 95% chỉ tiêu",
      selfUpdatedById: setup.leaderActors[1]!.id,
    });
    // An empty note clears it (the points stay, so no history row).
    await saveSelfScore(staff, setup.year.id, { criterionId, points: 27, note: "" });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ selfX100: 2700, selfNote: null });
    // null clears the points.
    await saveSelfScore(staff, setup.year.id, { criterionId, points: null });

    const history = await historyOf(row!.id);
    expect(history.map((h) => [h.field, h.fromX100, h.toX100, h.actorId])).toEqual([
      ["SELF", null, 2550, staff.id],
      ["SELF", 2550, 2700, setup.leaderActors[1]!.id],
      ["SELF", 2700, null, staff.id],
    ]);
    expect(history[0]).toMatchObject({ note: "Đạt 95% chỉ tiêu", actorName: staff.name });

    const audit = await auditOf(row!.id);
    expect(audit.map((a) => a.action)).toEqual([
      "assessment.self.save",
      "assessment.self.save",
      "assessment.self.save",
      "assessment.self.save",
    ]);
    expect(audit[0]).toMatchObject({
      actorId: staff.id,
      blocId: setup.bloc.id,
      after: { agency: setup.agencies[1]!.code, criterion: "I.2", points: 25.5, note: "Đạt 95% chỉ tiêu" },
    });
    expect(audit[1]).toMatchObject({
      before: { points: 25.5, note: "Đạt 95% chỉ tiêu" },
      after: { points: 27 },
    });
  });

  it("saves several drafts at once, even the agency's very first ones (one assessment row, every score kept)", async () => {
    for (let round = 0; round < 3; round += 1) {
      const setup = await selfYear();
      const saves = [
        ...["I.2", "II.1", "V.1"].map((code) =>
          saveSelfScore(setup.staffActors[1]!, setup.year.id, {
            criterionId: setup.criterionId(code),
            points: 2,
          }),
        ),
        saveSelfScore(setup.leaderActors[1]!, setup.year.id, {
          criterionId: setup.criterionId("VI.1"),
          points: 1,
        }),
      ];
      const { rejected } = outcomes(await Promise.allSettled(saves));
      expect(rejected).toEqual([]);
      expect(await db.assessment.count({ where: { yearId: setup.year.id } })).toBe(1);
      expect(
        await db.score.count({
          where: { yearId: setup.year.id, agencyId: setup.agencies[1]!.id, selfX100: { not: null } },
        }),
      ).toBe(4);
    }
  });

  it("refuses points over the maximum, negative or with three decimals (VALIDATION), writing nothing", async () => {
    const setup = await selfYear();
    const staff = setup.staffActors[0]!;
    await expect(
      saveSelfScore(staff, setup.year.id, { criterionId: setup.criterionId("V.1"), points: 5.5 }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "points", message: "validation.pointsAboveMax", params: { max: 5 } }],
    });
    await expect(
      saveSelfScore(staff, setup.year.id, { criterionId: setup.criterionId("V.1"), points: -1 }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "points", message: "validation.pointsNegative" })],
    });
    await expect(
      saveSelfScore(staff, setup.year.id, { criterionId: setup.criterionId("V.1"), points: 1.234 }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "points", message: "validation.pointsDecimals" })],
    });
    await expect(
      saveSelfScore(staff, setup.year.id, {
        criterionId: setup.criterionId("V.1"),
        points: 1,
        agencyCode: "khac",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.score.count({ where: { yearId: setup.year.id } })).toBe(0);
    expect(await db.assessment.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("is NOT_FOUND for a criterion of another year or an unknown one", async () => {
    const setup = await selfYear();
    const other = await selfYear();
    for (const criterionId of [other.criterionId("I.2"), MISSING_ID, "I.2"]) {
      await expect(
        saveSelfScore(setup.staffActors[0]!, setup.year.id, { criterionId, points: 1 }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.criteria.notFound",
      });
    }
    expect(await db.score.count({ where: { yearId: { in: [setup.year.id, other.year.id] } } })).toBe(0);
  });

  it("is WRONG_PHASE outside SELF_ASSESSMENT", async () => {
    for (const phase of ["SETUP", "PLEDGING", "REVIEW", "VOTING"] as const) {
      const setup = await scoringSetup({ phase });
      await expect(
        saveSelfScore(setup.staffActors[1]!, setup.year.id, {
          criterionId: setup.criterionId("I.2"),
          points: 10,
        }),
      ).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.assessment.wrongPhase",
      });
      expect(await db.score.count({ where: { yearId: setup.year.id } })).toBe(0);
    }
  });

  it("writes only to the actor's own agency; the secretariat, the board and the admin cannot write self scores", async () => {
    const setup = await selfYear();
    await saveSelfScore(setup.staffActors[2]!, setup.year.id, {
      criterionId: setup.criterionId("I.2"),
      points: 10,
    });
    expect(await db.score.findMany({ where: { yearId: setup.year.id }, select: { agencyId: true } })).toEqual(
      [{ agencyId: setup.agencies[2]!.id }],
    );

    await expect(
      saveSelfScore(setup.secretariatActor, setup.year.id, {
        criterionId: setup.criterionId("I.2"),
        points: 10,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const actor of [await actorOf("BOARD"), await newAdmin()]) {
      await expect(
        saveSelfScore(actor, setup.year.id, { criterionId: setup.criterionId("I.2"), points: 10 }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const outsider = await actorOf("AGENCY_STAFF", (await makeAgency(db)).id);
    await expect(
      saveSelfScore(outsider, setup.year.id, { criterionId: setup.criterionId("I.2"), points: 10 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.score.count({ where: { yearId: setup.year.id } })).toBe(1);
  });
});

describe("submitSelfAssessment", () => {
  it("lets only the leader submit; submission locks the agency's editing (CONFLICT errors.assessment.submitted)", async () => {
    const setup = await selfYear();
    await fillAll(setup, 1);
    await expect(submitSelfAssessment(setup.staffActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitSelfAssessment(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await assessmentOf(setup, 1)).toMatchObject({ status: "DRAFT", version: 1 });

    const { submittedAt } = await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id, { version: 1 });
    const assessment = await assessmentOf(setup, 1);
    expect(assessment).toMatchObject({
      status: "SUBMITTED",
      submittedById: setup.leaderActors[1]!.id,
      version: 2,
    });
    expect(assessment!.submittedAt!.toISOString()).toBe(submittedAt);
    expect(await auditOf(assessment!.id)).toEqual([
      expect.objectContaining({ action: "assessment.submit", after: { agency: setup.agencies[1]!.code } }),
    ]);

    for (const actor of [setup.staffActors[1]!, setup.leaderActors[1]!]) {
      await expect(getSelfAssessment(actor, setup.year.id)).resolves.toMatchObject({
        status: "SUBMITTED",
        editable: false,
        maySubmit: false,
        submittedAt,
      });
      await expect(
        saveSelfScore(actor, setup.year.id, { criterionId: setup.criterionId("I.2"), points: 1 }),
      ).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "errors.assessment.submitted",
      });
    }
    await expect(submitSelfAssessment(setup.leaderActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.assessment.submitted",
    });
    expect(await scoreRow(setup, 1, "I.2")).toMatchObject({ selfX100: 2800 });
    // Other agencies still edit their own.
    await expect(
      saveSelfScore(setup.staffActors[2]!, setup.year.id, {
        criterionId: setup.criterionId("I.2"),
        points: 1,
      }),
    ).resolves.toBeDefined();
  });

  it("is a CONFLICT with a stale version, and lets one of two simultaneous submissions through", async () => {
    const setup = await selfYear();
    await fillAll(setup, 2);
    await expect(
      submitSelfAssessment(setup.leaderActors[2]!, setup.year.id, { version: 7 }),
    ).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.assessment.stale" });
    const { fulfilled, rejected } = outcomes(
      await Promise.allSettled([
        submitSelfAssessment(setup.leaderActors[2]!, setup.year.id),
        submitSelfAssessment(setup.leaderActors[2]!, setup.year.id),
      ]),
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toEqual([expect.objectContaining({ code: "CONFLICT" })]);
    expect(await assessmentOf(setup, 2)).toMatchObject({ status: "SUBMITTED", version: 2 });
  });

  it("never lets a draft save land after the submission it races with: it is saved before, or refused (CONFLICT)", async () => {
    const setup = await selfYear(2);
    const criterionId = setup.criterionId("I.2");
    for (let round = 1; round <= 10; round += 1) {
      const [save, submit] = await Promise.allSettled([
        saveSelfScore(setup.staffActors[1]!, setup.year.id, { criterionId, points: round }),
        submitSelfAssessment(setup.leaderActors[1]!, setup.year.id),
      ]);
      expect(submit.status).toBe("fulfilled");
      const assessment = (await assessmentOf(setup, 1))!;
      const score = await scoreRow(setup, 1, "I.2");
      const submitAudit = (await auditOf(assessment.id))
        .filter((row) => row.action === "assessment.submit")
        .at(-1)!;
      if (save.status === "fulfilled") {
        expect(score!.selfX100).toBe(round * 100);
        // The save committed before the submission wrote its audit row.
        expect((await auditOf(score!.id)).at(-1)!.id < submitAudit.id).toBe(true);
      } else {
        expect(save.reason).toMatchObject({ code: "CONFLICT", messageKey: "errors.assessment.submitted" });
        expect(score?.selfX100 ?? null).not.toBe(round * 100);
      }
      await returnSelfAssessment(setup.secretariatActor, setup.year.id, setup.agencies[1]!.code, {
        comment: `Vòng ${round}`,
      });
    }
  });

  it("refuses while a criterion that requires evidence has points and no file (VALIDATION with the items)", async () => {
    const setup = await selfYear();
    await saveSelfScore(setup.staffActors[1]!, setup.year.id, {
      criterionId: setup.criterionId("I.1"),
      points: 25,
    });
    const error = await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.assessment.evidenceMissing",
      items: [
        { message: "errors.assessment.evidenceMissingItem", params: { code: "I.1", title: "Tham mưu" } },
      ],
    });
    expect(await assessmentOf(setup, 1)).toMatchObject({ status: "DRAFT" });
    // Zero points need no evidence.
    await saveSelfScore(setup.staffActors[1]!, setup.year.id, {
      criterionId: setup.criterionId("I.1"),
      points: 0,
    });
    await expect(submitSelfAssessment(setup.leaderActors[1]!, setup.year.id)).resolves.toMatchObject({
      submittedAt: expect.any(String),
    });
  });

  it("is WRONG_PHASE outside SELF_ASSESSMENT", async () => {
    const setup = await scoringSetup({ phase: "REVIEW" });
    await expect(submitSelfAssessment(setup.leaderActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.assessment.wrongPhase",
    });
    expect(await db.assessment.count({ where: { yearId: setup.year.id } })).toBe(0);
  });
});

describe("returnSelfAssessment", () => {
  it("lets the leader agency's secretariat return a submitted assessment with a comment: RETURNED, editable again, people told", async () => {
    const setup = await selfYear();
    await fillAll(setup, 1);
    await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id);
    await expect(
      getSelfAssessment(setup.secretariatActor, setup.year.id, setup.agencies[1]!.code),
    ).resolves.toMatchObject({ mayReturn: true });

    const comment = "Bổ sung minh chứng cho tiêu chí I.2";
    await returnSelfAssessment(setup.secretariatActor, setup.year.id, setup.agencies[1]!.code, {
      comment: `  ${comment} `,
    });
    const assessment = await assessmentOf(setup, 1);
    expect(assessment).toMatchObject({
      status: "RETURNED",
      returnComment: comment,
      returnedById: setup.secretariatActor.id,
      version: 3,
    });
    expect((await auditOf(assessment!.id)).map((row) => [row.action, row.reason])).toEqual([
      ["assessment.submit", null],
      ["assessment.return", comment],
    ]);

    const notifications = await db.notification.findMany({
      where: { kind: "assessment.returned", href: `/years/${setup.year.id}/assessment` },
      select: { userId: true, params: true },
    });
    expect(notifications.map((n) => n.userId).sort()).toEqual(
      [setup.leaders[1]!.id, setup.staff[1]!.id].sort(),
    );
    expect(notifications[0]!.params).toMatchObject({ comment, year: setup.year.year });

    const view = await getSelfAssessment(setup.staffActors[1]!, setup.year.id);
    expect(view).toMatchObject({ status: "RETURNED", returnComment: comment, editable: true });
    await saveSelfScore(setup.staffActors[1]!, setup.year.id, {
      criterionId: setup.criterionId("I.2"),
      points: 30,
      note: "Đã bổ sung",
    });
    await expect(
      submitSelfAssessment(setup.leaderActors[1]!, setup.year.id, { version: 3 }),
    ).resolves.toBeDefined();
    expect(await assessmentOf(setup, 1)).toMatchObject({ status: "SUBMITTED", version: 4 });
  });

  it("is refused to others, for a draft, without a comment and outside SELF_ASSESSMENT", async () => {
    const setup = await selfYear();
    await fillAll(setup, 2);
    const code = setup.agencies[2]!.code;
    await expect(
      returnSelfAssessment(setup.secretariatActor, setup.year.id, code, { comment: "Chưa nộp" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.assessment.notSubmitted",
    });
    await submitSelfAssessment(setup.leaderActors[2]!, setup.year.id);
    for (const actor of [
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      setup.leaderActors[0]!,
      setup.leaderActors[2]!,
      await newAdmin(),
      await actorOf("BOARD"),
    ]) {
      await expect(
        returnSelfAssessment(actor, setup.year.id, code, { comment: "Trả lại" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const comment of ["", "   "]) {
      await expect(
        returnSelfAssessment(setup.secretariatActor, setup.year.id, code, { comment }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: [expect.objectContaining({ path: "comment", message: "validation.required" })],
      });
    }
    await setPhase(setup.year.id, "REVIEW");
    await expect(
      returnSelfAssessment(setup.secretariatActor, setup.year.id, code, { comment: "Trả lại" }),
    ).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.assessment.wrongPhase",
    });
    expect(await assessmentOf(setup, 2)).toMatchObject({ status: "SUBMITTED", returnComment: null });
  });
});

describe("getAssessmentProgress", () => {
  it("shows the secretariat, the board and the admin where each member stands; members may not see it", async () => {
    const setup = await selfYear();
    await fillAll(setup, 1);
    await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id);
    await saveSelfScore(setup.staffActors[2]!, setup.year.id, {
      criterionId: setup.criterionId("I.2"),
      points: 3,
    });
    for (const actor of [setup.secretariatActor, await actorOf("BOARD"), await newAdmin()]) {
      const progress = await getAssessmentProgress(actor, setup.year.id);
      expect(progress.criteria).toBe(5);
      const byCode = new Map(progress.rows.map((row) => [row.agency.code, row]));
      expect(byCode.get(setup.agencies[0]!.code)).toMatchObject({
        status: "DRAFT",
        filled: 0,
        submittedAt: null,
      });
      expect(byCode.get(setup.agencies[1]!.code)).toMatchObject({
        status: "SUBMITTED",
        filled: 5,
        submittedAt: expect.any(String),
      });
      expect(byCode.get(setup.agencies[2]!.code)).toMatchObject({ status: "DRAFT", filled: 1 });
    }
    for (const actor of [
      setup.staffActors[1]!,
      setup.leaderActors[0]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
    ]) {
      await expect(getAssessmentProgress(actor, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("counts criteria from the year's own table only", async () => {
    const setup = await selfYear(2);
    const other = await selfYear(2);
    await makeCriteriaTable(db, other.year.id, {
      groups: [
        {
          code: "X",
          title: "Thêm",
          max: 5,
          criteria: [{ code: "X.1", kind: "BONUS", max: 5, title: "Thêm" }],
        },
      ],
    });
    await expect(getAssessmentProgress(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      criteria: smallCriteriaTable().groups.flatMap((g) => g.criteria).length,
    });
  });
});
