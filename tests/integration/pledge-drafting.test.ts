import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { canonicalPledge, documentFrame, PLEDGE_FORMAT, sha256Hex } from "@/lib/pledges/canonical";
import {
  getPledgeEditor,
  getPledgeOverview,
  getPledgeSummary,
  openPledgeForSigning,
  savePledgeDraft,
} from "@/lib/pledges/pledges";
import { pledgeSummarySchema } from "@/lib/pledges/schemas";
import { makeAgency, makeBlocWithYear, makePledgeSignature, makeUser } from "@/prisma/seed/factories";
import { actorFor, auditActorFields, auditCountBy, auditOf, newAdmin, signedIn } from "../support/dal";
import {
  notificationsOf,
  openWithSignatures,
  pledgeContent,
  pledgingYear,
  sealKey,
  versionRow,
} from "../support/pledges";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

const versionsOf = (yearId: string) =>
  db.pledgeVersion.findMany({ where: { pledge: { yearId } }, orderBy: { number: "asc" } });

describe("savePledgeDraft", () => {
  it("lets the leader agency's secretariat create the first draft, parses its Markdown on the server and audits it", async () => {
    const setup = await pledgingYear();
    const content = pledgeContent({
      title: "  Giao ước thi đua năm 2022  ",
      preamble: "<script>alert(1)</script>\n\nĐoạn *nghiêng* và [liên kết](javascript:alert(1))",
      goals: "- Một\n- **Hai**",
    });
    const view = await savePledgeDraft(setup.secretariatActor, setup.year.id, content);

    expect(view).toMatchObject({
      number: 1,
      status: "DRAFT",
      sha256: null,
      openedAt: null,
      supersededAt: null,
      revision: 1,
    });
    expect(view.content).toEqual({ ...content, title: "Giao ước thi đua năm 2022" });
    // Safe Markdown: a small tree of text; HTML and links are kept as plain text, never markup.
    expect(view.rendered.goals).toEqual([
      { type: "list", ordered: false, start: 1, items: [[{ text: "Một" }], [{ text: "Hai", bold: true }]] },
    ]);
    expect(view.rendered.preamble).toEqual([
      { type: "paragraph", content: [{ text: "<script>alert(1)</script>" }] },
      {
        type: "paragraph",
        content: [
          { text: "Đoạn " },
          { text: "nghiêng", italic: true },
          { text: " và " },
          { text: "liên kết" },
        ],
      },
    ]);
    expect(JSON.stringify(view.rendered)).not.toContain("javascript:");

    const row = await versionRow(view.id);
    expect(row).toMatchObject({
      status: "DRAFT",
      number: 1,
      revision: 1,
      createdById: setup.secretariat.id,
      canonicalContent: null,
      sha256: null,
    });
    expect(await db.pledge.findUnique({ where: { yearId: setup.year.id } })).toMatchObject({
      id: row.pledgeId,
    });

    const audit = await auditOf(view.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "pledge.draft.create",
      entity: "PledgeVersion",
      entityId: view.id,
      blocId: setup.bloc.id,
      after: { number: 1, ...content, title: "Giao ước thi đua năm 2022" },
      ...auditActorFields(setup.secretariatActor),
    });
  });

  it("updates the same draft on the next save, bumps its revision and audits before and after", async () => {
    const setup = await pledgingYear();
    const first = await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ targets: "Chỉ tiêu cũ" }),
    );
    const second = await savePledgeDraft(setup.secretariatActor, setup.year.id, {
      ...pledgeContent({ targets: "Chỉ tiêu mới" }),
      revision: 1,
    });

    expect(second).toMatchObject({ id: first.id, number: 1, revision: 2, status: "DRAFT" });
    expect(second.content.targets).toBe("Chỉ tiêu mới");
    expect(await versionsOf(setup.year.id)).toHaveLength(1);
    const audit = await auditOf(first.id);
    expect(audit.map((row) => row.action)).toEqual(["pledge.draft.create", "pledge.draft.update"]);
    expect(audit[1]).toMatchObject({
      before: { number: 1, revision: 1, targets: "Chỉ tiêu cũ" },
      after: { number: 1, revision: 2, targets: "Chỉ tiêu mới" },
      blocId: setup.bloc.id,
    });
  });

  it("refuses a save from a stale revision with CONFLICT errors.pledge.draftStale and changes nothing", async () => {
    const setup = await pledgingYear();
    const draft = await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ goals: "Mục tiêu A" }),
    );
    await savePledgeDraft(setup.secretariatActor, setup.year.id, {
      ...pledgeContent({ goals: "Mục tiêu B" }),
      revision: 1,
    });

    await expect(
      savePledgeDraft(setup.secretariatActor, setup.year.id, {
        ...pledgeContent({ goals: "Mục tiêu C" }),
        revision: 1,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.draftStale",
    });
    expect(await versionRow(draft.id)).toMatchObject({ revision: 2, goals: "Mục tiêu B" });
    expect(await auditOf(draft.id)).toHaveLength(2);
  });

  it("validates every field (empty, blank, too long, unknown) and writes nothing", async () => {
    const setup = await pledgingYear();
    const actor = setup.secretariatActor;
    await expect(savePledgeDraft(actor, setup.year.id, pledgeContent({ title: "" }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "title", message: "validation.required" })],
    });
    await expect(
      savePledgeDraft(actor, setup.year.id, pledgeContent({ goals: "  \n  ", commitments: "" })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [
        expect.objectContaining({ path: "goals", message: "validation.required" }),
        expect.objectContaining({ path: "commitments", message: "validation.required" }),
      ],
    });
    await expect(
      savePledgeDraft(actor, setup.year.id, pledgeContent({ title: "x".repeat(301) })),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "title", message: "validation.tooLong" })],
    });
    await expect(savePledgeDraft(actor, setup.year.id, { title: "Chỉ có tiêu đề" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: expect.arrayContaining([
        expect.objectContaining({ path: "preamble", message: "validation.required" }),
      ]),
    });
    await expect(
      savePledgeDraft(actor, setup.year.id, { ...pledgeContent(), sha256: "a".repeat(64) }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ message: "validation.unknownFields" })],
    });
    await expect(
      savePledgeDraft(actor, setup.year.id, { ...pledgeContent(), revision: 0 }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.pledge.count({ where: { yearId: setup.year.id } })).toBe(0);
    expect(await auditCountBy(actor.id)).toBe(0);
  });

  it("is FORBIDDEN to the secretariat of another member agency, the agency leader, staff, the board and the admin", async () => {
    const setup = await pledgingYear();
    const actors = [
      await actorFor(await makeUser(db, { role: "SECRETARIAT", agencyId: setup.deputyAgency.id })),
      setup.leaderActors[0]!,
      await actorFor(setup.staff[0]!),
      (await signedIn("BOARD")).actor,
      await newAdmin(),
    ];
    for (const actor of actors) {
      await expect(savePledgeDraft(actor, setup.year.id, pledgeContent())).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(openPledgeForSigning(actor, setup.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getPledgeEditor(actor, setup.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.pledge.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("is NOT_FOUND to the secretariat of an agency outside the year, and for a malformed or unknown year id", async () => {
    const setup = await pledgingYear();
    const outsider = await actorFor(
      await makeUser(db, { role: "SECRETARIAT", agencyId: (await makeAgency(db)).id }),
    );
    await expect(savePledgeDraft(outsider, setup.year.id, pledgeContent())).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    await expect(openPledgeForSigning(outsider, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.year.notFound",
    });
    for (const id of ["nam-2022", MISSING_ID]) {
      await expect(savePledgeDraft(setup.secretariatActor, id, pledgeContent())).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.year.notFound",
      });
    }
    expect(await db.pledge.count({ where: { yearId: setup.year.id } })).toBe(0);
  });

  it("is WRONG_PHASE outside pledging, before and after", async () => {
    for (const phase of ["SETUP", "SELF_ASSESSMENT", "CLOSED"] as const) {
      const setup = await pledgingYear({ phase, memberCount: 2 });
      await expect(
        savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent()),
      ).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.pledge.wrongPhase",
      });
      expect(await db.pledge.count({ where: { yearId: setup.year.id } })).toBe(0);
    }
  });

  it("creates exactly one draft when two saves race", async () => {
    const setup = await pledgingYear();
    const results = await Promise.all([
      savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ goals: "Bản A" })),
      savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ goals: "Bản B" })),
    ]);
    expect(results[0]!.id).toBe(results[1]!.id);
    expect(results.map((result) => result.revision).sort()).toEqual([1, 2]);
    const versions = await versionsOf(setup.year.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, revision: 2 });
    expect(await db.pledge.count({ where: { yearId: setup.year.id } })).toBe(1);
  });

  it("starts a new draft version when the open one is edited, leaving the open version untouched", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ targets: "Chỉ tiêu phiên bản 1" }),
    );
    const opened = await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    const before = await versionRow(opened.id);

    const draft = await savePledgeDraft(setup.secretariatActor, setup.year.id, {
      ...pledgeContent({ targets: "Chỉ tiêu phiên bản 2" }),
      revision: 1,
    });
    expect(draft).toMatchObject({ number: 2, status: "DRAFT", revision: 1 });
    expect(draft.id).not.toBe(opened.id);
    expect(await versionRow(opened.id)).toEqual(before);

    const editor = await getPledgeEditor(setup.secretariatActor, setup.year.id);
    expect(editor).toMatchObject({ draft: { number: 2, revision: 1 }, openNumber: 1, nextNumber: 2 });
    expect(editor.content.targets).toBe("Chỉ tiêu phiên bản 2");
  });
});

describe("getPledgeEditor", () => {
  it("starts from the template when nothing was drafted, then from the latest version", async () => {
    const setup = await pledgingYear();
    const empty = await getPledgeEditor(setup.secretariatActor, setup.year.id);
    expect(empty).toMatchObject({
      draft: null,
      openNumber: null,
      nextNumber: 1,
      year: { id: setup.year.id, year: 2022, blocName: setup.bloc.name },
    });
    expect(empty.content.title).toBe("Giao ước thi đua năm 2022");
    expect(empty.content.preamble).toContain(setup.bloc.name);

    const content = pledgeContent();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, content);
    await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    // No draft any more: the form starts from the open version, as the next number.
    await expect(getPledgeEditor(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      content,
      draft: null,
      openNumber: 1,
      nextNumber: 2,
    });
  });
});

describe("openPledgeForSigning", () => {
  it("is CONFLICT errors.pledge.noDraft without a draft, also right after the draft was opened", async () => {
    const setup = await pledgingYear();
    await expect(openPledgeForSigning(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.noDraft",
    });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    await expect(openPledgeForSigning(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.noDraft",
    });
    expect(await versionsOf(setup.year.id)).toHaveLength(1);
  });

  it("freezes the draft into its canonical form with the SHA-256 of it, the members sorted by code", async () => {
    const setup = await pledgingYear({ memberCount: 4 });
    const content = pledgeContent({ goals: "Mục tiêu  \r\nhai dòng  " });
    const draft = await savePledgeDraft(setup.secretariatActor, setup.year.id, content);
    const view = await openPledgeForSigning(setup.secretariatActor, setup.year.id, { revision: 1 });

    const row = await versionRow(draft.id);
    expect(view).toMatchObject({
      id: draft.id,
      number: 1,
      status: "OPEN",
      sha256: row.sha256,
      openedAt: row.openedAt!.toISOString(),
    });
    expect(row).toMatchObject({ status: "OPEN", openedById: setup.secretariat.id, revision: 1 });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.sha256).toBe(sha256Hex(row.canonicalContent!));

    const parsed = JSON.parse(row.canonicalContent!) as Record<string, unknown>;
    const members = [...setup.agencies]
      .map((agency) => ({ code: agency.code, name: agency.name }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(parsed).toEqual({
      format: PLEDGE_FORMAT,
      bloc: { id: setup.bloc.id, name: setup.bloc.name },
      year: { id: setup.year.id, year: 2022 },
      version: { id: draft.id, number: 1 },
      members,
      openedAt: row.openedAt!.toISOString(),
      ...content,
      // Hashed text is normalised: "\n" line endings, no trailing spaces.
      goals: "Mục tiêu\nhai dòng",
    });
    // Rebuilding it from the stored columns gives the same bytes.
    expect(canonicalPledge({ ...documentFrame(row.canonicalContent!), ...content })).toBe(
      row.canonicalContent,
    );
  });

  it("notifies every active leader of a member agency (notifications.pledgeOpened) and audits pledge.open", async () => {
    const setup = await pledgingYear();
    const disabledLeader = await makeUser(db, {
      role: "AGENCY_LEADER",
      agencyId: setup.agencies[1]!.id,
      disabled: true,
    });
    const outsideLeader = await makeUser(db, { role: "AGENCY_LEADER", agencyId: (await makeAgency(db)).id });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const view = await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    const leaderIds = setup.leaders.map((leader) => leader.id);
    const notifications = await notificationsOf(leaderIds);
    expect(notifications).toHaveLength(3);
    expect(new Set(notifications.map((n) => n.userId))).toEqual(new Set(leaderIds));
    for (const notification of notifications) {
      expect(notification).toMatchObject({
        kind: "pledge.opened",
        messageKey: "notifications.pledgeOpened",
        params: { year: 2022, bloc: setup.bloc.name, version: 1 },
        href: `/years/${setup.year.id}/pledge`,
        readAt: null,
        emailedAt: null,
      });
    }
    const others = [
      disabledLeader.id,
      outsideLeader.id,
      setup.secretariat.id,
      ...setup.staff.map((staff) => staff.id),
    ];
    expect(await notificationsOf(others)).toEqual([]);

    const audit = await auditOf(view.id);
    expect(audit.map((row) => row.action)).toEqual(["pledge.draft.create", "pledge.open"]);
    expect(audit[1]).toMatchObject({
      entity: "PledgeVersion",
      blocId: setup.bloc.id,
      before: null,
      after: { open: 1, sha256: view.sha256, superseded: null, notified: 3 },
      ...auditActorFields(setup.secretariatActor),
    });
  });

  it("refuses a stale revision and unknown fields", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await expect(
      openPledgeForSigning(setup.secretariatActor, setup.year.id, { revision: 1 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.draftStale",
    });
    await expect(
      openPledgeForSigning(setup.secretariatActor, setup.year.id, { revision: 2, sha256: "x" }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await versionsOf(setup.year.id))[0]).toMatchObject({ status: "DRAFT", sha256: null });
  });

  it("opens a draft once when two opens race: the other finds no draft", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const results = await Promise.allSettled([
      openPledgeForSigning(setup.secretariatActor, setup.year.id),
      openPledgeForSigning(setup.secretariatActor, setup.year.id),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason,
    ).toMatchObject({ code: "CONFLICT", messageKey: "errors.pledge.noDraft" });
    expect((await versionsOf(setup.year.id)).map((version) => version.status)).toEqual(["OPEN"]);
    // One round of notifications only.
    expect(await notificationsOf(setup.leaders.map((leader) => leader.id))).toHaveLength(3);
  });

  it("is WRONG_PHASE outside pledging", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { phase: "SELF_ASSESSMENT" } });
    await expect(openPledgeForSigning(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.pledge.wrongPhase",
    });
    expect((await versionsOf(setup.year.id))[0]).toMatchObject({ status: "DRAFT" });
  });

  it("supersedes the open version when a new one opens: old signatures stay, every leader is asked to sign again", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ targets: "Chỉ tiêu 1" }));
    const first = await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    const signature = await makePledgeSignature(db, {
      versionId: first.id,
      signerId: setup.leaders[1]!.id,
      sealKey: sealKey(),
    });

    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ targets: "Chỉ tiêu 2" }));
    const second = await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    expect(second).toMatchObject({ number: 2, status: "OPEN" });
    expect(second.sha256).not.toBe(first.sha256);
    const old = await versionRow(first.id);
    expect(old).toMatchObject({ status: "SUPERSEDED", sha256: first.sha256, targets: "Chỉ tiêu 1" });
    expect(old.supersededAt!.toISOString()).toBe(second.openedAt);
    expect(await db.pledgeSignature.findUnique({ where: { id: signature.id } })).toMatchObject({
      versionId: first.id,
      seal: signature.seal,
    });
    expect(await db.pledgeSignature.count({ where: { versionId: second.id } })).toBe(0);

    const reopened = (await notificationsOf(setup.leaders.map((leader) => leader.id))).filter(
      (n) => n.kind === "pledge.reopened",
    );
    expect(reopened).toHaveLength(3);
    expect(reopened[0]).toMatchObject({
      messageKey: "notifications.pledgeReopened",
      params: { year: 2022, bloc: setup.bloc.name, version: 2 },
    });
    expect((await auditOf(second.id)).find((row) => row.action === "pledge.open")).toMatchObject({
      before: { open: 1 },
      after: { open: 2, sha256: second.sha256, superseded: 1, notified: 3 },
    });

    // The summary counts the open version only: everyone is pending again.
    const summary = await getPledgeSummary(setup.leaderActors[1]!, setup.year.id);
    expect(summary).toMatchObject({ versionId: second.id, version: 2, status: "OPEN", signatures: [] });
    expect(summary.pending.sort()).toEqual(setup.agencies.map((agency) => agency.code).sort());
  });
});

describe("reading the pledge", () => {
  it("lets every member, the board and the admin read the draft; only the leader agency's secretariat may draft", async () => {
    const setup = await pledgingYear();
    const content = pledgeContent();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, content);
    const readers = [
      { actor: setup.secretariatActor, mayDraft: true },
      { actor: setup.leaderActors[2]!, mayDraft: false },
      { actor: await actorFor(setup.staff[1]!), mayDraft: false },
      {
        actor: await actorFor(await makeUser(db, { role: "SECRETARIAT", agencyId: setup.deputyAgency.id })),
        mayDraft: false,
      },
      { actor: (await signedIn("BOARD")).actor, mayDraft: false },
      { actor: await newAdmin(), mayDraft: false },
    ];
    for (const { actor, mayDraft } of readers) {
      const overview = await getPledgeOverview(actor, setup.year.id);
      expect(overview).toMatchObject({
        year: { id: setup.year.id, year: 2022, phase: "PLEDGING", blocName: setup.bloc.name },
        open: null,
        draft: { number: 1, status: "DRAFT", content },
        history: [],
        mayDraft,
        maySign: false,
        ownSignature: null,
        mustSignAgain: false,
      });
      expect(overview.board.map((row) => row.signature)).toEqual([null, null, null]);
    }
  });

  it("is NOT_FOUND to users of agencies outside the year", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const other = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 2 });
    for (const user of [other.leaders[0]!, other.staff[0]!, other.secretariat]) {
      const actor = await actorFor(user);
      await expect(getPledgeOverview(actor, setup.year.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.year.notFound",
      });
      await expect(getPledgeSummary(actor, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("gives the editing secretariat no drafting right outside pledging", async () => {
    const setup = await pledgingYear({ phase: "SELF_ASSESSMENT", memberCount: 2 });
    await expect(getPledgeOverview(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      mayDraft: false,
      open: null,
      draft: null,
    });
  });
});

describe("getPledgeSummary", () => {
  it("is NOT_FOUND errors.pledge.none before anything was drafted", async () => {
    const setup = await pledgingYear();
    await expect(getPledgeSummary(setup.leaderActors[0]!, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.pledge.none",
    });
  });

  it("gives the draft with every member pending while nothing is open", async () => {
    const setup = await pledgingYear();
    const draft = await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const summary = await getPledgeSummary(setup.leaderActors[0]!, setup.year.id);
    expect(pledgeSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      versionId: draft.id,
      version: 1,
      status: "DRAFT",
      sha256: null,
      signatures: [],
    });
    expect(summary.pending.sort()).toEqual(setup.agencies.map((agency) => agency.code).sort());
  });

  it("gives the open version, who signed it and when, and the codes still pending", async () => {
    const setup = await pledgingYear();
    const { version, signatures } = await openWithSignatures(setup, [0, 2]);
    // A draft of the next version does not hide the open one.
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const summary = await getPledgeSummary(await actorFor(setup.staff[1]!), setup.year.id);
    expect(pledgeSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      versionId: version.id,
      version: 1,
      status: "OPEN",
      sha256: version.sha256,
      pending: [setup.agencies[1]!.code],
    });
    const byCode = Object.fromEntries(
      summary.signatures.map((signature) => [signature.agency.code, signature]),
    );
    expect(Object.keys(byCode).sort()).toEqual([setup.agencies[0]!.code, setup.agencies[2]!.code].sort());
    expect(byCode[setup.agencies[0]!.code]).toEqual({
      agency: { code: setup.agencies[0]!.code, name: setup.agencies[0]!.name },
      signerName: setup.leaders[0]!.name,
      signerTitle: "Trưởng ban",
      signedAt: signatures[0]!.signedAt.toISOString(),
    });
  });
});
