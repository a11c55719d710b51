import { describe, expect, it } from "vitest";
import { returnSelfAssessment, submitSelfAssessment } from "@/lib/assessments/assessments";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { withdrawNomination } from "@/lib/nominations/nominations";
import { bulkApprove, recordDecision, reviewNomination } from "@/lib/nominations/review";
import { publishRanking, reopenRanking } from "@/lib/ranking/ranking";
import { cancelVoteSession, closeVoteSession, createVoteSession } from "@/lib/votes/sessions";
import { moveYearPhase, phaseMoveOptions } from "@/lib/years/move-phase";
import { PHASES } from "@/lib/years/phases";
import {
  makeAgency,
  makeBloc,
  makeBlocWithYear,
  makePledgeSignature,
  makePledgeVersion,
  makeUser,
  makeYear,
} from "@/prisma/seed/factories";
import { actorFor, auditActorFields, auditOf, newAdmin } from "../support/dal";
import { nominationYear, submittedDossier } from "../support/nominations";
import { scoreEveryMember } from "../support/scoring";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const phaseOf = async (yearId: string) =>
  (await db.emulationYear.findUniqueOrThrow({ where: { id: yearId } })).phase;

/** A year in `phase` with a leader, a deputy and three members; the secretariat of the leader agency. */
async function yearIn(phase: Phase) {
  const setup = await makeBlocWithYear(db, { phase, memberCount: 3 });
  return { ...setup, secretariatActor: await actorFor(setup.secretariat) };
}

/** Opens a pledge version of the year and has the leaders of `signers` (indexes of members) sign it. */
async function openPledge(setup: Awaited<ReturnType<typeof yearIn>>, signers: number[]) {
  const version = await makePledgeVersion(db, { yearId: setup.year.id, createdById: setup.secretariat.id });
  for (const index of signers) {
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[index]!.id,
      sealKey: process.env.SIGNATURE_SEAL_KEY!,
    });
  }
  return version;
}

describe("moveYearPhase by the year's secretariat", () => {
  it("moves one step forward, bumps the version and writes one audit row", async () => {
    const { year, bloc, secretariatActor } = await yearIn("SETUP");
    const moved = await moveYearPhase(secretariatActor, year.id, { phase: "PLEDGING", version: 1 });

    expect(moved).toMatchObject({ id: year.id, phase: "PLEDGING", version: 2 });
    expect(await phaseOf(year.id)).toBe("PLEDGING");
    const audit = await auditOf(year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.phase.move",
      entity: "EmulationYear",
      entityId: year.id,
      blocId: bloc.id,
      before: { phase: "SETUP" },
      after: { phase: "PLEDGING" },
      reason: null,
      ...auditActorFields(secretariatActor),
    });
  });

  it("walks the whole year forward, step by step, without a reason when each phase's work is done", async () => {
    const setup = await yearIn("SETUP");
    const { year, secretariatActor } = setup;
    for (const phase of PHASES.slice(1)) {
      await expect(moveYearPhase(secretariatActor, year.id, { phase })).resolves.toMatchObject({ phase });
      // Every member signs the pledge, every leader submits the self-assessment, the ranking is published.
      if (phase === "PLEDGING") await openPledge(setup, [0, 1, 2]);
      if (phase === "SELF_ASSESSMENT")
        for (const leader of setup.leaders) await submitSelfAssessment(await actorFor(leader), year.id);
      if (phase === "REVIEW") {
        await scoreEveryMember(year.id);
        await publishRanking(secretariatActor, year.id);
      }
      // A dossier round recorded (an empty one: this year proposes nobody).
      if (phase === "NOMINATION")
        await db.dossierSubmission.create({
          data: { yearId: year.id, round: 1, submittedById: secretariatActor.id, nominations: [] },
        });
    }
    const audit = await auditOf(year.id);
    expect(audit.map((row) => (row.after as { phase: string }).phase)).toEqual(PHASES.slice(1));
    expect(audit.map((row) => row.reason)).toEqual(PHASES.slice(1).map(() => null));
  });

  it("walks the whole year forward with a reason where work was left undone (pledge, self-assessments, ranking)", async () => {
    const { year, secretariatActor } = await yearIn("SETUP");
    const reasons: Partial<Record<Phase, string>> = {
      SELF_ASSESSMENT: "Năm nay không tổ chức ký giao ước trực tuyến",
      REVIEW: "Các cơ quan nộp bản tự chấm bằng giấy",
      VOTING: "Kết quả xếp hạng công bố bằng văn bản",
      BOARD_REVIEW: "Hồ sơ gửi Hội đồng bằng văn bản giấy",
    };
    for (const phase of PHASES.slice(1)) {
      await expect(
        moveYearPhase(secretariatActor, year.id, { phase, reason: reasons[phase] }),
      ).resolves.toMatchObject({ phase });
    }
    const audit = await auditOf(year.id);
    expect(audit.map((row) => (row.after as { phase: string }).phase)).toEqual(PHASES.slice(1));
    expect(audit.map((row) => row.reason)).toEqual(PHASES.slice(1).map((phase) => reasons[phase] ?? null));
  });

  it("may not go back or skip a phase (FORBIDDEN forwardOnly), even with a reason", async () => {
    const { year, secretariatActor } = await yearIn("SELF_ASSESSMENT");
    for (const phase of ["PLEDGING", "SETUP", "VOTING", "CLOSED"] as const) {
      await expect(
        moveYearPhase(secretariatActor, year.id, { phase, reason: "Lý do" }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "errors.year.forwardOnly",
      });
    }
    expect(await phaseOf(year.id)).toBe("SELF_ASSESSMENT");
    expect(await auditOf(year.id)).toHaveLength(0);
  });

  it("refuses the secretariat of another member agency", async () => {
    const { year, deputyAgency } = await yearIn("SETUP");
    const other = await actorFor(await makeUser(db, { role: "SECRETARIAT", agencyId: deputyAgency.id }));
    await expect(moveYearPhase(other, year.id, { phase: "PLEDGING" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.forbidden",
    });
    expect(await phaseOf(year.id)).toBe("SETUP");
  });

  it("refuses the leader agency's secretariat in a year their agency no longer leads", async () => {
    const { year, secretariatActor, deputyAgency } = await yearIn("PLEDGING");
    await db.emulationYear.update({
      where: { id: year.id },
      data: { leaderAgencyId: deputyAgency.id, deputyAgencyId: null },
    });
    await expect(
      moveYearPhase(secretariatActor, year.id, { phase: "SELF_ASSESSMENT" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it.each(["AGENCY_LEADER", "AGENCY_STAFF", "BOARD"] as const)(
    "refuses %s, even of the leader agency",
    async (role) => {
      const { year, leaderAgency } = await yearIn("SETUP");
      const actor = await actorFor(
        await makeUser(db, { role, agencyId: role === "BOARD" ? null : leaderAgency.id }),
      );
      await expect(moveYearPhase(actor, year.id, { phase: "PLEDGING" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await phaseOf(year.id)).toBe("SETUP");
      expect(await auditOf(year.id)).toHaveLength(0);
    },
  );

  it("refuses a move to the current phase", async () => {
    const { year, secretariatActor } = await yearIn("REVIEW");
    await expect(moveYearPhase(secretariatActor, year.id, { phase: "REVIEW" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.samePhase",
    });
  });

  it("cannot move a closed year anywhere", async () => {
    const { year, secretariatActor } = await yearIn("CLOSED");
    await expect(moveYearPhase(secretariatActor, year.id, { phase: "BOARD_REVIEW" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.year.forwardOnly",
    });
  });
});

describe("moveYearPhase by an admin", () => {
  it("moves back only with a reason (VALIDATION on reason), which the audit row keeps", async () => {
    const admin = await newAdmin();
    const { year } = await yearIn("REVIEW");
    await expect(moveYearPhase(admin, year.id, { phase: "SELF_ASSESSMENT" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "reason", message: "validation.reasonRequired" }],
    });
    await expect(
      moveYearPhase(admin, year.id, { phase: "SELF_ASSESSMENT", reason: "   " }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await auditOf(year.id)).toHaveLength(0);

    const reason = "Mở lại để cơ quan bổ sung minh chứng";
    await expect(
      moveYearPhase(admin, year.id, { phase: "SELF_ASSESSMENT", reason: `  ${reason} ` }),
    ).resolves.toMatchObject({
      phase: "SELF_ASSESSMENT",
    });
    const audit = await auditOf(year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.phase.move",
      before: { phase: "REVIEW" },
      after: { phase: "SELF_ASSESSMENT" },
      reason,
      ...auditActorFields(admin),
    });
  });

  it("skips ahead only with a reason", async () => {
    const admin = await newAdmin();
    const { year } = await yearIn("PLEDGING");
    await expect(moveYearPhase(admin, year.id, { phase: "CLOSED" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "reason", message: "validation.reasonRequired" }],
    });
    await expect(
      moveYearPhase(admin, year.id, { phase: "CLOSED", reason: "Năm không tổ chức" }),
    ).resolves.toMatchObject({ phase: "CLOSED" });
    expect((await auditOf(year.id))[0]).toMatchObject({
      before: { phase: "PLEDGING" },
      after: { phase: "CLOSED" },
      reason: "Năm không tổ chức",
    });
  });

  it("moves forward one step without a reason", async () => {
    const admin = await newAdmin();
    const { year } = await yearIn("VOTING");
    await expect(moveYearPhase(admin, year.id, { phase: "NOMINATION" })).resolves.toMatchObject({
      phase: "NOMINATION",
    });
    expect((await auditOf(year.id))[0]!.reason).toBeNull();
  });

  it("moves a year back to setup even when it has no leader any more (going back has no blockers)", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const agency = await makeAgency(db);
    const year = await makeYear(db, { blocId: bloc.id, phase: "PLEDGING", memberIds: [agency.id] });
    await expect(
      moveYearPhase(admin, year.id, { phase: "SETUP", reason: "Chưa đủ thành viên" }),
    ).resolves.toMatchObject({ phase: "SETUP" });
  });

  it("rejects an unknown phase and unknown fields", async () => {
    const admin = await newAdmin();
    const { year } = await yearIn("SETUP");
    await expect(moveYearPhase(admin, year.id, { phase: "DONE" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "phase", message: "validation.phase" })],
    });
    await expect(moveYearPhase(admin, year.id, { phase: "PLEDGING", force: true })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await phaseOf(year.id)).toBe("SETUP");
  });

  it("is NOT_FOUND for a malformed or unknown year id", async () => {
    const admin = await newAdmin();
    await expect(moveYearPhase(admin, "nam-2022", { phase: "PLEDGING" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(moveYearPhase(admin, MISSING_ID, { phase: "PLEDGING" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
  });
});

describe("leaving setup", () => {
  it("is blocked without a leader or with fewer than two members, whoever asks and whatever the reason", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const agency = await makeAgency(db);
    const year = await makeYear(db, { blocId: bloc.id, memberIds: [agency.id] });

    for (const reason of [undefined, "Vẫn chuyển"]) {
      const error = await moveYearPhase(admin, year.id, { phase: "PLEDGING", reason }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "CONFLICT", messageKey: "errors.year.blocked" });
      expect((error as { items: { message: string }[] }).items).toEqual([
        { message: "pendingWork.noLeader" },
        { message: "pendingWork.tooFewMembers" },
      ]);
    }
    // Skipping further ahead is blocked the same way.
    await expect(moveYearPhase(admin, year.id, { phase: "REVIEW", reason: "Bỏ qua" })).rejects.toMatchObject({
      messageKey: "errors.year.blocked",
    });
    expect(await phaseOf(year.id)).toBe("SETUP");
    expect(await auditOf(year.id)).toHaveLength(0);
  });

  it("is blocked with a leader but a single member", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const agency = await makeAgency(db);
    const year = await makeYear(db, { blocId: bloc.id, memberIds: [agency.id], leaderId: agency.id });
    const secretariat = await actorFor(await makeUser(db, { role: "SECRETARIAT", agencyId: agency.id }));
    for (const actor of [admin, secretariat]) {
      const error = await moveYearPhase(actor, year.id, { phase: "PLEDGING" }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "CONFLICT",
        messageKey: "errors.year.blocked",
        items: [{ message: "pendingWork.tooFewMembers" }],
      });
    }
  });

  it("without a deputy needs a reason, which is logged", async () => {
    const bloc = await makeBloc(db);
    const [leader, other] = [await makeAgency(db), await makeAgency(db)];
    const year = await makeYear(db, {
      blocId: bloc.id,
      memberIds: [leader.id, other.id],
      leaderId: leader.id,
    });
    const secretariat = await actorFor(await makeUser(db, { role: "SECRETARIAT", agencyId: leader.id }));

    const error = await moveYearPhase(secretariat, year.id, { phase: "PLEDGING" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 1 },
      items: [{ message: "pendingWork.noDeputy" }],
    });
    expect(await phaseOf(year.id)).toBe("SETUP");
    expect(await auditOf(year.id)).toHaveLength(0);

    const reason = "Khối phó sẽ được bầu sau";
    await expect(moveYearPhase(secretariat, year.id, { phase: "PLEDGING", reason })).resolves.toMatchObject({
      phase: "PLEDGING",
    });
    const audit = await auditOf(year.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "year.phase.move",
      reason,
      before: { phase: "SETUP" },
      after: { phase: "PLEDGING" },
    });
  });
});

describe("leaving pledging", () => {
  it("without a version open for signing needs a reason (pendingWork.noOpenPledge), even when a draft exists", async () => {
    const setup = await yearIn("PLEDGING");
    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    const error = await moveYearPhase(setup.secretariatActor, setup.year.id, {
      phase: "SELF_ASSESSMENT",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 1 },
      items: [{ message: "pendingWork.noOpenPledge" }],
    });
    expect(await phaseOf(setup.year.id)).toBe("PLEDGING");
    expect(await auditOf(setup.year.id)).toHaveLength(0);
  });

  it("lists the members that have not signed the open version, and moves with a reason, which is logged", async () => {
    const setup = await yearIn("PLEDGING");
    await openPledge(setup, [0]);
    const error = await moveYearPhase(setup.secretariatActor, setup.year.id, {
      phase: "SELF_ASSESSMENT",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 2 },
    });
    const items = (error as { items: { message: string; params: { agency: string } }[] }).items;
    expect(items.every((item) => item.message === "pendingWork.unsignedPledge")).toBe(true);
    expect(items.map((item) => item.params.agency).sort()).toEqual(
      [setup.agencies[1]!.name, setup.agencies[2]!.name].sort(),
    );
    expect(await phaseOf(setup.year.id)).toBe("PLEDGING");

    // The admin's options show the same pending work.
    const options = await phaseMoveOptions(await newAdmin(), setup.year.id);
    expect(options?.pending).toHaveLength(2);
    expect(options?.pending.map((item) => item.params?.agency)).toEqual(
      expect.arrayContaining([setup.agencies[1]!.name, setup.agencies[2]!.name]),
    );

    const reason = "Hai cơ quan ký bản giấy";
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "SELF_ASSESSMENT", reason }),
    ).resolves.toMatchObject({ phase: "SELF_ASSESSMENT" });
    expect(await auditOf(setup.year.id)).toEqual([
      expect.objectContaining({
        action: "year.phase.move",
        reason,
        before: { phase: "PLEDGING" },
        after: { phase: "SELF_ASSESSMENT" },
      }),
    ]);
  });

  it("counts only signatures of the open version: signatures of a superseded version are pending work again", async () => {
    const setup = await yearIn("PLEDGING");
    await openPledge(setup, [0, 1, 2]);
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [],
    });
    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      content: { targets: "Chỉ tiêu sửa đổi" },
    });
    const options = await phaseMoveOptions(setup.secretariatActor, setup.year.id);
    expect(options?.pending).toHaveLength(3);
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "SELF_ASSESSMENT" }),
    ).rejects.toMatchObject({
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 3 },
    });
  });

  it("needs no reason once every member has signed the open version", async () => {
    const setup = await yearIn("PLEDGING");
    await openPledge(setup, [0, 1, 2]);
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toEqual({
      current: "PLEDGING",
      targets: ["SELF_ASSESSMENT"],
      blockers: [],
      pending: [],
    });
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "SELF_ASSESSMENT" }),
    ).resolves.toMatchObject({ phase: "SELF_ASSESSMENT" });
    expect((await auditOf(setup.year.id))[0]!.reason).toBeNull();
  });
});

describe("leaving self-assessment", () => {
  it("lists the members that have not submitted (a returned one counts as not submitted) and moves with a reason, which is logged", async () => {
    const setup = await yearIn("SELF_ASSESSMENT");
    const leaders = await Promise.all(setup.leaders.map((leader) => actorFor(leader)));
    await submitSelfAssessment(leaders[0]!, setup.year.id);
    await submitSelfAssessment(leaders[1]!, setup.year.id);
    await returnSelfAssessment(setup.secretariatActor, setup.year.id, setup.agencies[1]!.code, {
      comment: "Bổ sung minh chứng",
    });

    const error = await moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "REVIEW" }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 2 },
    });
    const items = (error as { items: { message: string; params: { agency: string } }[] }).items;
    expect(items.every((item) => item.message === "pendingWork.assessmentNotSubmitted")).toBe(true);
    expect(items.map((item) => item.params.agency).sort()).toEqual(
      [setup.agencies[1]!.name, setup.agencies[2]!.name].sort(),
    );
    expect(await phaseOf(setup.year.id)).toBe("SELF_ASSESSMENT");
    await expect(phaseMoveOptions(await newAdmin(), setup.year.id)).resolves.toMatchObject({
      pending: items,
    });

    const reason = "Hết hạn tự chấm";
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "REVIEW", reason }),
    ).resolves.toMatchObject({ phase: "REVIEW" });
    expect(await auditOf(setup.year.id)).toEqual([
      expect.objectContaining({
        action: "year.phase.move",
        reason,
        before: { phase: "SELF_ASSESSMENT" },
        after: { phase: "REVIEW" },
      }),
    ]);
  });

  it("needs no reason once every member has submitted", async () => {
    const setup = await yearIn("SELF_ASSESSMENT");
    for (const leader of setup.leaders) await submitSelfAssessment(await actorFor(leader), setup.year.id);
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [],
    });
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "REVIEW" }),
    ).resolves.toMatchObject({ phase: "REVIEW" });
  });
});

describe("leaving review", () => {
  it("needs a reason (pendingWork.rankingNotPublished) until the ranking is published, and again once it is reopened", async () => {
    const setup = await yearIn("REVIEW");
    const notPublished = {
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      items: [{ message: "pendingWork.rankingNotPublished" }],
    };
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "VOTING" }),
    ).rejects.toMatchObject(notPublished);

    await scoreEveryMember(setup.year.id);
    await publishRanking(setup.secretariatActor, setup.year.id);
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [],
    });
    await reopenRanking(setup.secretariatActor, setup.year.id, { reason: "Sửa điểm" });
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "VOTING" }),
    ).rejects.toMatchObject(notPublished);
    expect(await phaseOf(setup.year.id)).toBe("REVIEW");

    await publishRanking(setup.secretariatActor, setup.year.id);
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "VOTING" }),
    ).resolves.toMatchObject({ phase: "VOTING" });
    expect((await auditOf(setup.year.id))[0]).toMatchObject({
      reason: null,
      before: { phase: "REVIEW" },
      after: { phase: "VOTING" },
    });
  });

  it("moves on without a published ranking when a reason is given", async () => {
    const setup = await yearIn("REVIEW");
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, {
        phase: "VOTING",
        reason: "Công bố bằng văn bản",
      }),
    ).resolves.toMatchObject({ phase: "VOTING" });
    expect((await auditOf(setup.year.id))[0]!.reason).toBe("Công bố bằng văn bản");
  });
});

describe("leaving voting", () => {
  const election = (setup: Awaited<ReturnType<typeof yearIn>>) =>
    createVoteSession(setup.secretariatActor, setup.year.id, {
      kind: "LEADERSHIP_ELECTION",
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });

  it("lists the sessions neither closed nor cancelled (pendingWork.voteSessionRunning) and moves with a reason, which is logged", async () => {
    const setup = await yearIn("VOTING");
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [],
    });
    await election(setup);
    const running = {
      message: "pendingWork.voteSessionRunning",
      params: { title: "Bầu Khối trưởng, Khối phó năm 2023" },
    };
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "NOMINATION" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 1 },
      items: [running],
    });
    expect(await phaseOf(setup.year.id)).toBe("VOTING");
    await expect(phaseMoveOptions(await newAdmin(), setup.year.id)).resolves.toMatchObject({
      pending: [running],
    });

    const reason = "Bầu lại Khối trưởng tại hội nghị tổng kết";
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "NOMINATION", reason }),
    ).resolves.toMatchObject({ phase: "NOMINATION" });
    expect(await auditOf(setup.year.id)).toEqual([
      expect.objectContaining({
        action: "year.phase.move",
        reason,
        before: { phase: "VOTING" },
        after: { phase: "NOMINATION" },
      }),
    ]);
  });

  it("needs no reason once every session is closed or cancelled", async () => {
    const setup = await yearIn("VOTING");
    const cancelled = await election(setup);
    await cancelVoteSession(setup.secretariatActor, cancelled.id, { reason: "Nhầm thời gian" });
    const closed = await election(setup);
    await db.voteSession.update({
      where: { id: closed.id },
      data: { opensAt: new Date(Date.now() - 7_200_000), closesAt: new Date(Date.now() - 1_000) },
    });
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [{ message: "pendingWork.voteSessionRunning" }],
    });
    await closeVoteSession(setup.secretariatActor, closed.id);
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [],
    });
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "NOMINATION" }),
    ).resolves.toMatchObject({ phase: "NOMINATION" });
  });
});

describe("leaving nomination and board review", () => {
  it("NOMINATION: the dossier not sent (pendingWork.dossierNotSubmitted) needs a reason, which is logged", async () => {
    const setup = await nominationYear();
    await setup.nominate(3, "PROVINCIAL_MERIT");
    await setup.nominate(4, "PROVINCIAL_MERIT");
    const notSent = { message: "pendingWork.dossierNotSubmitted", params: { count: 2 } };
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [notSent],
    });
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "BOARD_REVIEW" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      items: [notSent],
    });
    expect(await phaseOf(setup.year.id)).toBe("NOMINATION");
    const reason = "Hồ sơ gửi Hội đồng bằng văn bản giấy";
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "BOARD_REVIEW", reason }),
    ).resolves.toMatchObject({ phase: "BOARD_REVIEW" });
    expect(await auditOf(setup.year.id)).toContainEqual(
      expect.objectContaining({
        action: "year.phase.move",
        reason,
        before: { phase: "NOMINATION" },
        after: { phase: "BOARD_REVIEW" },
      }),
    );
  });

  it("NOMINATION: a year without any nomination or dossier also needs a reason", async () => {
    const setup = await yearIn("NOMINATION");
    await expect(phaseMoveOptions(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      pending: [{ message: "pendingWork.dossierNotSubmitted", params: { count: 0 } }],
    });
  });

  it("BOARD_REVIEW: each undecided nomination is listed (pendingWork.nominationUndecided); none once all are decided", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await bulkApprove(setup.boardActor, { nominationIds: [ids.get(0)!, ids.get(1)!, ids.get(2)!] });
    await recordDecision(setup.boardActor, setup.year.id, {
      number: "12/QĐ-UBND",
      signedOn: "2023-01-10",
      signerName: "Trần Văn B",
    });
    await reviewNomination(setup.boardActor, ids.get(4)!, { action: "return", comment: "Bổ sung" });
    const options = await phaseMoveOptions(setup.secretariatActor, setup.year.id);
    expect(options?.pending).toEqual(
      [
        {
          message: "pendingWork.nominationUndecided",
          params: { agency: setup.agencies[3]!.name, award: "Bằng khen của Chủ tịch UBND tỉnh" },
        },
        {
          message: "pendingWork.nominationUndecided",
          params: { agency: setup.agencies[4]!.name, award: "Bằng khen của Chủ tịch UBND tỉnh" },
        },
      ].sort((a, b) => a.params.agency.localeCompare(b.params.agency)),
    );
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "CLOSED" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.pendingWorkNeedsReason",
      params: { count: 2 },
    });
    // Deciding the rest closes the year by itself.
    await reviewNomination(setup.boardActor, ids.get(3)!, { action: "reject", comment: "Không đạt" });
    await withdrawNomination(setup.secretariatActor, ids.get(4)!, { reason: "Đơn vị xin rút" });
    expect(await phaseOf(setup.year.id)).toBe("CLOSED");
  });

  it("BOARD_REVIEW: moving to CLOSED by hand with undecided nominations keeps the reason", async () => {
    const setup = await nominationYear();
    await submittedDossier(setup);
    const reason = "Hội đồng họp trực tiếp, quyết định bằng văn bản";
    await expect(
      moveYearPhase(setup.secretariatActor, setup.year.id, { phase: "CLOSED", reason }),
    ).resolves.toMatchObject({ phase: "CLOSED" });
    expect(await auditOf(setup.year.id)).toContainEqual(
      expect.objectContaining({ reason, before: { phase: "BOARD_REVIEW" }, after: { phase: "CLOSED" } }),
    );
  });
});

describe("concurrent and stale moves", () => {
  it("refuses a stale version", async () => {
    const { year, secretariatActor } = await yearIn("SETUP");
    await db.emulationYear.update({ where: { id: year.id }, data: { version: 3 } });
    await expect(
      moveYearPhase(secretariatActor, year.id, { phase: "PLEDGING", version: 2 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.year.stale",
    });
    expect(await phaseOf(year.id)).toBe("SETUP");
  });

  it("lets exactly one of two simultaneous moves with the same version succeed", async () => {
    const admin = await newAdmin();
    const { year, secretariatActor } = await yearIn("SETUP");
    const results = await Promise.allSettled([
      moveYearPhase(secretariatActor, year.id, { phase: "PLEDGING", version: 1 }),
      moveYearPhase(admin, year.id, { phase: "PLEDGING", version: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({ code: "CONFLICT" });
    expect(await db.emulationYear.findUniqueOrThrow({ where: { id: year.id } })).toMatchObject({
      phase: "PLEDGING",
      version: 2,
    });
    expect(await auditOf(year.id)).toHaveLength(1);
  });

  it("lets exactly one of several simultaneous moves without a version succeed", async () => {
    const setup = await yearIn("PLEDGING");
    const { year, secretariatActor } = setup;
    await openPledge(setup, [0, 1, 2]);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => moveYearPhase(secretariatActor, year.id, { phase: "SELF_ASSESSMENT" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(result.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await db.emulationYear.findUniqueOrThrow({ where: { id: year.id } })).toMatchObject({
      phase: "SELF_ASSESSMENT",
      version: 2,
    });
    expect(await auditOf(year.id)).toHaveLength(1);
  });
});

describe("phaseMoveOptions", () => {
  it("offers the year's secretariat the next phase only, with no blockers for a ready year", async () => {
    const { year, secretariatActor } = await yearIn("SETUP");
    await expect(phaseMoveOptions(secretariatActor, year.id)).resolves.toEqual({
      current: "SETUP",
      targets: ["PLEDGING"],
      blockers: [],
      pending: [],
    });
  });

  it("offers the secretariat nothing once the year is closed", async () => {
    const { year, secretariatActor } = await yearIn("CLOSED");
    await expect(phaseMoveOptions(secretariatActor, year.id)).resolves.toMatchObject({
      current: "CLOSED",
      targets: [],
    });
  });

  it("offers an admin every other phase, with the blockers and pending work of the year", async () => {
    const admin = await newAdmin();
    const bloc = await makeBloc(db);
    const agency = await makeAgency(db);
    const year = await makeYear(db, { blocId: bloc.id, phase: "SETUP", memberIds: [agency.id] });
    await expect(phaseMoveOptions(admin, year.id)).resolves.toEqual({
      current: "SETUP",
      targets: PHASES.filter((phase) => phase !== "SETUP"),
      blockers: [{ message: "pendingWork.noLeader" }, { message: "pendingWork.tooFewMembers" }],
      pending: [{ message: "pendingWork.noDeputy" }],
    });
  });

  it("lists every other phase for an admin in the middle of the year", async () => {
    const admin = await newAdmin();
    const { year } = await yearIn("REVIEW");
    const options = await phaseMoveOptions(admin, year.id);
    expect(options?.targets).toEqual([
      "SETUP",
      "PLEDGING",
      "SELF_ASSESSMENT",
      "VOTING",
      "NOMINATION",
      "BOARD_REVIEW",
      "CLOSED",
    ]);
  });

  it("is null for users who may not move the year", async () => {
    const { year, leaderAgency, deputyAgency } = await yearIn("PLEDGING");
    const users = [
      await makeUser(db, { role: "SECRETARIAT", agencyId: deputyAgency.id }),
      await makeUser(db, { role: "AGENCY_LEADER", agencyId: leaderAgency.id }),
      await makeUser(db, { role: "AGENCY_STAFF", agencyId: leaderAgency.id }),
      await makeUser(db, { role: "BOARD" }),
    ];
    for (const user of users) {
      await expect(phaseMoveOptions(await actorFor(user), year.id)).resolves.toBeNull();
    }
  });

  it("is NOT_FOUND for a malformed or unknown id", async () => {
    const admin = await newAdmin();
    await expect(phaseMoveOptions(admin, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(phaseMoveOptions(admin, MISSING_ID)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
  });
});
