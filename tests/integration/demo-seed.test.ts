import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";

// The nominees' báo cáo thành tích go to a temporary folder of this file (set before anything reads
// the environment: lib/env caches it on first use).
const evidenceDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = await mkdtemp(nodePath.join(os.tmpdir(), "ktd-demo-seed-"));
  process.env.EVIDENCE_DIR = dir;
  return dir;
});

import { verifyCredentials } from "@/lib/auth/sign-in";
import { getCriteriaTable } from "@/lib/criteria/criteria";
import { db } from "@/lib/db";
import { loadYear } from "@/lib/years/context";
import { getDossier } from "@/lib/nominations/board";
import { listAgencyAwards } from "@/lib/nominations/history";
import { readReport } from "@/lib/nominations/reports";
import { verifyPledgeVersionPublicly } from "@/lib/pledges/verify";
import { computeYearRanking, getRanking } from "@/lib/ranking/ranking";
import { getVoteMinutes } from "@/lib/votes/minutes";
import { renderPdf } from "@/lib/documents/render-pool";
import { tally, type BallotChoices } from "@/lib/votes/tally";
import { demoAlreadySeeded, demoRules, seedDemo } from "@/prisma/seed/demo";
import { DECISION_2021 } from "@/prisma/seed/demo-2021";
import {
  DEMO_AGENCIES,
  DEMO_BLOC,
  DEMO_BOARD,
  DEMO_CRITERIA,
  DEMO_PASSWORD,
  DEMO_YEARS,
  demoAccountEmails,
  leaderEmail,
} from "@/prisma/seed/demo-data";
import { actorFor, uniqueIp } from "../support/dal";
import { issuedBytes } from "@/lib/documents/registry";
import { collapse, popplerText } from "../support/pdf-text";
import { pdfsig } from "../support/pdf-signature";

afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

/** Everything the demo seed owns, counted (other test files write their own rows in parallel). */
async function demoCounts() {
  const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
  const codes = DEMO_AGENCIES.map((agency) => agency.code);
  const years = await db.emulationYear.findMany({
    where: { blocId: bloc.id },
    select: {
      year: true,
      phase: true,
      version: true,
      updatedAt: true,
      _count: { select: { members: true } },
    },
    orderBy: { year: "asc" },
  });
  return {
    blocId: bloc.id,
    blocUpdatedAt: bloc.updatedAt.toISOString(),
    agencies: await db.agency.count({ where: { code: { in: codes } } }),
    users: await db.user.count({ where: { email: { in: demoAccountEmails() } } }),
    accounts: await db.user.findMany({
      where: { email: { in: demoAccountEmails() } },
      select: { email: true, role: true, tokenVersion: true, passwordHash: true },
      orderBy: { email: "asc" },
    }),
    years: years.map((year) => ({
      year: year.year,
      phase: year.phase,
      version: year.version,
      updatedAt: year.updatedAt.toISOString(),
      members: year._count.members,
    })),
    seedMarks: await db.auditLog.count({ where: { action: "demo.seed" } }),
    pledgeVersions: await db.pledgeVersion.count({ where: { pledge: { year: { blocId: bloc.id } } } }),
    pledgeSignatures: await db.pledgeSignature.count({
      where: { version: { pledge: { year: { blocId: bloc.id } } } },
    }),
    criteria: await db.criterion.count({ where: { year: { blocId: bloc.id } } }),
    scores: await db.score.count({ where: { year: { blocId: bloc.id } } }),
    assessments: await db.assessment.count({ where: { year: { blocId: bloc.id } } }),
    rankingPublications: await db.rankingPublication.count({ where: { year: { blocId: bloc.id } } }),
    voteSessions: await db.voteSession.count({ where: { year: { blocId: bloc.id } } }),
    participations: await db.voteParticipation.count({ where: { session: { year: { blocId: bloc.id } } } }),
    ballots: await db.ballot.count({ where: { session: { year: { blocId: bloc.id } } } }),
    nominations: await db.nomination.findMany({
      where: { year: { blocId: bloc.id } },
      select: { id: true, status: true, version: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    nominationEvents: await db.nominationEvent.count({
      where: { nomination: { year: { blocId: bloc.id } } },
    }),
    reports: await db.nominationReport.count({ where: { nomination: { year: { blocId: bloc.id } } } }),
    decisions: await db.awardDecision.count({ where: { year: { blocId: bloc.id } } }),
    notifications: await db.notification.count({ where: { user: { email: { in: demoAccountEmails() } } } }),
    issuedDocuments: await db.issuedDocument.findMany({
      where: { year: { blocId: bloc.id } },
      select: { kind: true, state: true, version: true, sha256: true },
      orderBy: [{ kind: "asc" }, { version: "asc" }],
    }),
  };
}

const SEAL_KEY = process.env.SIGNATURE_SEAL_KEY!;
const CRITERIA_CODES = DEMO_CRITERIA.groups.flatMap((group) =>
  group.criteria.map((criterion) => criterion.code),
);

async function demoYearId(year: number) {
  const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
  return (await db.emulationYear.findUniqueOrThrow({ where: { blocId_year: { blocId: bloc.id, year } } })).id;
}

describe("the demo seed", () => {
  it("seeds the demo bloc once and changes nothing when run again", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    expect(await demoAlreadySeeded(db)).toBe(true);
    const first = await demoCounts();

    expect(first.agencies).toBe(DEMO_AGENCIES.length);
    expect(first.users).toBe(demoAccountEmails().length);
    expect(first.years).toEqual(
      DEMO_YEARS.map((year) =>
        expect.objectContaining({ year: year.year, phase: year.phase, members: DEMO_AGENCIES.length }),
      ),
    );
    expect(first.seedMarks).toBeGreaterThanOrEqual(1);
    expect(first.pledgeVersions).toBe(2);
    expect(first.pledgeSignatures).toBe(DEMO_AGENCIES.length + 4);
    expect(first.criteria).toBe(2 * CRITERIA_CODES.length);
    expect(first.scores).toBe(DEMO_AGENCIES.length * CRITERIA_CODES.length);
    expect(first.assessments).toBe(DEMO_AGENCIES.length);
    expect(first.rankingPublications).toBe(1);
    expect(first.voteSessions).toBe(4);
    expect(first.participations).toBe(4 * DEMO_AGENCIES.length);
    expect(first.ballots).toBe(4 * DEMO_AGENCIES.length);
    expect(first.nominations).toHaveLength(DEMO_AGENCIES.length);
    expect(first.reports).toBe(DEMO_AGENCIES.length);
    expect(first.decisions).toBe(1);

    await expect(seedDemo({ sealKey: SEAL_KEY })).resolves.toEqual({ created: false });
    expect(await demoAlreadySeeded(db)).toBe(true);
    expect(await demoCounts()).toEqual(first);
  }, 120_000);

  it("gives the demo years their leadership and the demo rules", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    for (const demoYear of DEMO_YEARS) {
      const year = await db.emulationYear.findUniqueOrThrow({
        where: { blocId_year: { blocId: bloc.id, year: demoYear.year } },
        select: {
          rules: true,
          deadlines: true,
          leaderAgency: { select: { code: true } },
          deputyAgency: { select: { code: true } },
        },
      });
      expect(year).toEqual({
        rules: demoRules(),
        deadlines: demoYear.deadlines,
        leaderAgency: { code: demoYear.leader },
        deputyAgency: { code: demoYear.deputy },
      });
    }
  }, 60_000);

  it("creates demo accounts that sign in with the demo password", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const ip = uniqueIp();
    for (const email of [
      "admin@khoithidua.local",
      "thuky.bdv@khoithidua.local",
      "lanhdao.btg@khoithidua.local",
    ]) {
      await expect(
        verifyCredentials({ email, password: DEMO_PASSWORD }, { ip, userAgent: "vitest" }),
      ).resolves.toMatchObject({ id: expect.any(String) });
    }
    const secretary = await db.user.findUniqueOrThrow({
      where: { email: "thuky.bdv@khoithidua.local" },
      select: { role: true, agency: { select: { code: true } } },
    });
    expect(secretary).toEqual({ role: "SECRETARIAT", agency: { code: "bdv" } });
  }, 60_000);

  it("gives 2021 a pledge signed by all ten members and 2022 an open one signed by bdv, btg, vptu and bao, with seals that verify", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    expect(bloc.place).toBe("Nam Định");
    const expected = {
      2021: DEMO_AGENCIES.map((agency) => agency.code).sort(),
      2022: ["bao", "bdv", "btg", "vptu"],
    };
    for (const [yearNumber, signers] of Object.entries(expected)) {
      const versions = await db.pledgeVersion.findMany({
        where: { pledge: { year: { blocId: bloc.id, year: Number(yearNumber) } } },
        select: {
          id: true,
          number: true,
          status: true,
          sha256: true,
          signatures: { select: { agencyCode: true, authMethod: true, documentSha256: true } },
        },
      });
      expect(versions).toHaveLength(1);
      const version = versions[0]!;
      expect(version).toMatchObject({
        number: 1,
        status: "OPEN",
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(version.signatures.map((signature) => signature.agencyCode).sort()).toEqual(signers);
      expect(
        version.signatures.every(
          (signature) => signature.authMethod === "DEMO_SEED" && signature.documentSha256 === version.sha256,
        ),
      ).toBe(true);

      const verification = await verifyPledgeVersionPublicly(version.id);
      expect(verification).toMatchObject({
        versionId: version.id,
        status: "OPEN",
        documentValid: true,
        valid: true,
        sha256: version.sha256,
      });
      expect(verification.signatures.map((signature) => signature.agency.code).sort()).toEqual(signers);
      expect(
        verification.signatures.every((signature) => signature.valid && signature.problem === null),
      ).toBe(true);
    }
  }, 60_000);
  it("gives both demo years the criteria table of criteria.json (six groups, bonus and deduction items)", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const reader = await actorFor(await db.user.findUniqueOrThrow({ where: { email: leaderEmail("tct") } }));
    expect(CRITERIA_CODES).toHaveLength(17);
    for (const year of [2021, 2022]) {
      const table = await getCriteriaTable(reader, await demoYearId(year));
      expect(table.scale).toBe(DEMO_CRITERIA.scale);
      expect(table.groups.map((group) => [group.code, group.max])).toEqual(
        DEMO_CRITERIA.groups.map((group) => [group.code, group.max]),
      );
      expect(table.groups.flatMap((group) => group.criteria.map((criterion) => criterion.code))).toEqual(
        CRITERIA_CODES,
      );
      expect(table.groups.map((group) => group.kind)).toEqual([
        "BASE",
        "BASE",
        "BASE",
        "BASE",
        "BONUS",
        "DEDUCTION",
      ]);
      expect(
        table.groups.flatMap((group) => group.criteria).filter((criterion) => criterion.evidenceRequired)
          .length,
      ).toBeGreaterThan(0);
    }
  }, 60_000);

  it("gives 2021 submitted self-assessments, reviewed scores and a published ranking with the bloc's real outcome; 2022 no scores yet", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const y2021 = await demoYearId(2021);
    const y2022 = await demoYearId(2022);
    expect(
      await db.score.count({ where: { yearId: y2021, finalX100: { not: null }, selfX100: { not: null } } }),
    ).toBe(DEMO_AGENCIES.length * CRITERIA_CODES.length);
    expect(await db.assessment.count({ where: { yearId: y2021, status: "SUBMITTED" } })).toBe(
      DEMO_AGENCIES.length,
    );
    // Where the review lowered a self score, the reason is kept.
    const lowered = await db.score.findMany({
      where: { yearId: y2021, finalReason: { not: null } },
      select: { selfX100: true, finalX100: true },
    });
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered.every((score) => score.selfX100! > score.finalX100!)).toBe(true);
    expect(await db.score.count({ where: { yearId: y2022 } })).toBe(0);
    expect(await db.assessment.count({ where: { yearId: y2022 } })).toBe(0);
    expect(await db.rankingPublication.count({ where: { yearId: y2022 } })).toBe(0);

    // Any member reads the published 2021 ranking.
    const member = await actorFor(await db.user.findUniqueOrThrow({ where: { email: leaderEmail("bao") } }));
    const view = await getRanking(member, y2021);
    expect(view.preview).toBeNull();
    const entries = view.published!.entries;
    expect(
      entries.map((entry) => [
        entry.agency.code,
        entry.rank,
        entry.totalX100 / 100,
        entry.classification?.label,
      ]),
    ).toEqual([
      ["btg", 1, 98.5, "Xuất sắc"],
      ["bdv", 2, 97.5, "Xuất sắc"],
      ["vptu", 3, 96, "Xuất sắc"],
      ["bao", 4, 95.5, "Xuất sắc"],
      ["btc", 5, 94.5, "Tốt"],
      ["ubkt", 6, 92, "Tốt"],
      // Equal totals: fewer deduction points first.
      ["tct", 7, 90, "Tốt"],
      ["bnc", 8, 90, "Tốt"],
      ["dukcq", 9, 89, "Tốt"],
      ["bbvsk", 10, 87, "Tốt"],
    ]);
    expect(entries.some((entry) => entry.tied)).toBe(false);
    // The published snapshot is what the stored scores give.
    const admin = await actorFor(
      await db.user.findUniqueOrThrow({ where: { email: "admin@khoithidua.local" } }),
    );
    const recomputed = await computeYearRanking(db, await loadYear(db, admin, y2021, "criteria.read"));
    expect(JSON.parse(JSON.stringify(recomputed))).toEqual(entries);
  }, 60_000);

  it("gives 2021 its closed deliberation with the bloc's real outcome, tallied from its ballots, in the minutes; 2022 led by the agencies elected", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const y2021 = await demoYearId(2021);
    const member = await actorFor(await db.user.findUniqueOrThrow({ where: { email: leaderEmail("tct") } }));
    const minutes = await getVoteMinutes(member, y2021);
    expect(minutes).toMatchObject({
      year: 2021,
      bloc: { name: DEMO_BLOC.name, place: "Nam Định" },
      chair: { agencyName: "Ban Tuyên giáo Tỉnh ủy", person: { name: "Đặng Thị Hà", title: "Trưởng ban" } },
      secretary: { name: "Lưu Thị Vân" },
    });
    expect(minutes.members.every((m) => m.present)).toBe(true);
    const passed = Object.fromEntries(
      minutes.sessions.map((session) => [
        session.awardCode ?? "ELECTION",
        session.results.candidates
          .filter((c) => c.passed)
          .map((c) => (c.post ? `${c.post}:${c.code}` : c.code))
          .sort(),
      ]),
    );
    expect(passed).toEqual({
      GOV_FLAG: ["btg"],
      PROVINCIAL_FLAG: ["bao", "bdv", "vptu"],
      PROVINCIAL_MERIT: ["bbvsk", "bnc", "btc", "dukcq", "tct", "ubkt"],
      ELECTION: ["DEPUTY:vptu", "LEADER:bdv"],
    });
    // The stored results are the tally of the stored ballots, and everyone voted once in each session.
    for (const session of minutes.sessions) {
      const row = await db.voteSession.findUniqueOrThrow({ where: { id: session.id } });
      const ballots = await db.ballot.findMany({
        where: { sessionId: session.id },
        select: { choices: true },
      });
      expect(await db.voteParticipation.count({ where: { sessionId: session.id } })).toBe(
        DEMO_AGENCIES.length,
      );
      const recount = tally({
        method: session.method,
        rules: session.rules,
        candidates: session.candidates,
        rollSize: DEMO_AGENCIES.length,
        ballots: ballots.map((b) => b.choices as BallotChoices),
      });
      expect(row.results).toEqual(JSON.parse(JSON.stringify(recount)));
    }
    // 2022 is led by the agencies 2021 elected.
    const y2022 = await db.emulationYear.findUniqueOrThrow({
      where: { id: await demoYearId(2022) },
      select: { leaderAgency: { select: { code: true } }, deputyAgency: { select: { code: true } } },
    });
    expect(y2022).toEqual({ leaderAgency: { code: "bdv" }, deputyAgency: { code: "vptu" } });
    const pdf = await renderPdf({ kind: "VOTE_MINUTES", data: minutes, stamp: { status: "DRAFT" } });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  }, 60_000);
  it("plays 2021 through the data layer to the bloc's real outcome: awarded under the decision, every step by its person, 2022 led by the agencies elected", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const y2021 = await demoYearId(2021);
    const y2022 = await demoYearId(2022);
    expect((await db.emulationYear.findUniqueOrThrow({ where: { id: y2021 } })).phase).toBe("CLOSED");

    // The nominations: the suggested list, each with its report, submitted once, approved, awarded.
    const nominations = await db.nomination.findMany({
      where: { yearId: y2021 },
      select: {
        id: true,
        awardCode: true,
        status: true,
        round: true,
        agency: { select: { code: true } },
        decision: true,
        reports: { select: { id: true } },
        events: { orderBy: { id: "asc" }, select: { action: true, toStatus: true, actorName: true } },
      },
    });
    const byAward = (code: string) =>
      nominations
        .filter((n) => n.awardCode === code)
        .map((n) => n.agency.code)
        .sort();
    expect(byAward("GOV_FLAG")).toEqual(["btg"]);
    expect(byAward("PROVINCIAL_FLAG")).toEqual(["bao", "bdv", "vptu"]);
    expect(byAward("PROVINCIAL_MERIT")).toEqual(["bbvsk", "bnc", "btc", "dukcq", "tct", "ubkt"]);
    for (const nomination of nominations) {
      expect(nomination).toMatchObject({
        status: "AWARDED",
        round: 1,
        decision: {
          number: DECISION_2021.number,
          signerName: DECISION_2021.signerName,
          signerTitle: DECISION_2021.signerTitle,
          signedOn: new Date(`${DECISION_2021.signedOn}T00:00:00Z`),
        },
      });
      expect(nomination.reports).toHaveLength(1);
      expect(nomination.events).toEqual([
        { action: "create", toStatus: "DRAFT", actorName: "Lưu Thị Vân" },
        { action: "report", toStatus: "DRAFT", actorName: "Lưu Thị Vân" },
        { action: "submit", toStatus: "SUBMITTED", actorName: "Lưu Thị Vân" },
        { action: "approve", toStatus: "APPROVED", actorName: DEMO_BOARD.name },
        { action: "award", toStatus: "AWARDED", actorName: DEMO_BOARD.name },
      ]);
    }

    // The board reads the dossier and each report (a real PDF).
    const board = await actorFor(await db.user.findUniqueOrThrow({ where: { email: DEMO_BOARD.email } }));
    const report = await readReport(board, nominations.find((n) => n.agency.code === "btg")!.reports[0]!.id);
    expect(report.bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(report.mimeType).toBe("application/pdf");
    const dossier = await getDossier(board, y2021);
    expect(dossier.submissions).toEqual([expect.objectContaining({ round: 1, count: DEMO_AGENCIES.length })]);
    expect(dossier.decisions).toEqual([{ ...DECISION_2021, count: DEMO_AGENCIES.length }]);
    expect(dossier.mayReview).toBe(false);

    // Every agency's page lists its award of 2021.
    const member = await actorFor(await db.user.findUniqueOrThrow({ where: { email: leaderEmail("tct") } }));
    const awards = Object.fromEntries(
      await Promise.all(
        DEMO_AGENCIES.map(async (agency) => {
          const { awards: list } = await listAgencyAwards(member, agency.code);
          expect(
            list.every(
              (award) =>
                award.year === 2021 &&
                award.decision.number === DECISION_2021.number &&
                award.bloc.name === DEMO_BLOC.name,
            ),
          ).toBe(true);
          return [agency.code, list.map((award) => award.award.code)] as const;
        }),
      ),
    );
    expect(awards).toEqual({
      btg: ["GOV_FLAG"],
      bdv: ["PROVINCIAL_FLAG"],
      vptu: ["PROVINCIAL_FLAG"],
      bao: ["PROVINCIAL_FLAG"],
      btc: ["PROVINCIAL_MERIT"],
      ubkt: ["PROVINCIAL_MERIT"],
      bnc: ["PROVINCIAL_MERIT"],
      tct: ["PROVINCIAL_MERIT"],
      dukcq: ["PROVINCIAL_MERIT"],
      bbvsk: ["PROVINCIAL_MERIT"],
    });

    // The four sessions were closed by the secretariat with every member's ballot counted.
    const secretary = await db.user.findUniqueOrThrow({ where: { email: "thuky.btg@khoithidua.local" } });
    const sessions = await db.voteSession.findMany({
      where: { yearId: y2021 },
      orderBy: { createdAt: "asc" },
      select: { awardCode: true, closedById: true, cancelledAt: true, results: true },
    });
    expect(sessions.map((session) => session.awardCode)).toEqual([
      "GOV_FLAG",
      "PROVINCIAL_FLAG",
      "PROVINCIAL_MERIT",
      null,
    ]);
    for (const session of sessions) {
      expect(session).toMatchObject({
        closedById: secretary.id,
        cancelledAt: null,
        results: { rollSize: 10, ballots: 10, quorumMet: true, hasTies: false },
      });
    }
    const election = sessions.at(-1)!.results as { elected: Record<string, string> };
    const codeOf = async (agencyId: string) =>
      (await db.agency.findUniqueOrThrow({ where: { id: agencyId } })).code;
    expect({
      LEADER: await codeOf(election.elected.LEADER!),
      DEPUTY: await codeOf(election.elected.DEPUTY!),
    }).toEqual({ LEADER: "bdv", DEPUTY: "vptu" });

    // Each step was taken by its person through the data layer (the audit trail says who).
    const trail = await db.auditLog.findMany({
      where: { blocId: dossier.year.bloc.id },
      select: { action: true, actorEmail: true },
    });
    const by = (action: string) =>
      [...new Set(trail.filter((row) => row.action === action).map((row) => row.actorEmail))].sort();
    expect(by("score.final.save")).toEqual(["thuky.btg@khoithidua.local"]);
    expect(by("ranking.publish")).toEqual(["thuky.btg@khoithidua.local"]);
    expect(by("vote.session.close")).toEqual(["thuky.btg@khoithidua.local"]);
    expect(by("vote.cast")).toEqual(DEMO_AGENCIES.map((agency) => leaderEmail(agency.code)).sort());
    expect(trail.filter((row) => row.action === "vote.cast")).toHaveLength(4 * DEMO_AGENCIES.length);
    expect(by("nomination.report.upload")).toEqual(["thuky.btg@khoithidua.local"]);
    expect(by("dossier.submit")).toEqual(["thuky.btg@khoithidua.local"]);
    expect(by("nomination.approve")).toEqual([DEMO_BOARD.email]);
    expect(by("decision.record")).toEqual([DEMO_BOARD.email]);
    expect(by("year.create")).toEqual(["admin@khoithidua.local"]);

    // 2022 was created by the admin with the leadership 2021 elected.
    const created = await db.auditLog.findFirstOrThrow({ where: { action: "year.create", entityId: y2022 } });
    expect(created.after).toMatchObject({
      leader: "bdv",
      deputy: "vptu",
      leadershipSource: { leader: "ELECTION", deputy: "ELECTION" },
    });
    expect(
      await db.emulationYear.findUniqueOrThrow({
        where: { id: y2022 },
        select: { phase: true, leaderAgency: { select: { code: true } } },
      }),
    ).toEqual({ phase: "PLEDGING", leaderAgency: { code: "bdv" } });
  }, 120_000);

  it("issues 2021's documents on the days its people acted: the dates they print are of 2021 and 2022, none later, none the day of seeding", async () => {
    await seedDemo({ sealKey: SEAL_KEY });
    const y2021 = await demoYearId(2021);
    const y2022 = await demoYearId(2022);
    const documents = await db.issuedDocument.findMany({
      where: { yearId: { in: [y2021, y2022] } },
      orderBy: [{ issuedAt: "asc" }],
      select: { id: true, kind: true, yearId: true, state: true, version: true, issuedAt: true },
    });
    const of2021 = documents.filter((document) => document.yearId === y2021);
    expect(of2021.map((document) => `${document.kind} ${document.state}`)).toEqual([
      "PLEDGE signatures:10",
      "VOTE_MINUTES sessions:1",
      "VOTE_MINUTES sessions:2",
      "VOTE_MINUTES sessions:3",
      "VOTE_MINUTES sessions:4",
      // Issued with the submission, one after the other in its transaction.
      "TO_TRINH round:1",
      "SCORE_TABLE round:1",
      "AWARD_DECISION recorded",
    ]);
    expect(
      documents
        .filter((document) => document.yearId === y2022)
        .map((document) => `${document.kind} ${document.state}`),
    ).toEqual(["PLEDGE signatures:4"]);

    const vnDay = (date: Date) =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Ho_Chi_Minh",
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      }).format(date);
    const today = vnDay(new Date());
    const [day, month, year] = today.split("/");
    for (const document of documents) {
      expect(document.issuedAt.getUTCFullYear(), `${document.kind} issued`).toBeGreaterThanOrEqual(2021);
      expect(document.issuedAt.getUTCFullYear(), `${document.kind} issued`).toBeLessThanOrEqual(2022);
      const bytes = await issuedBytes(document.id);
      const text = collapse(popplerText(bytes));
      // Dates as documents print them: "ngày 07 tháng 01 năm 2022", "07/01/2022 09:00".
      const years = [...text.matchAll(/năm (\d{4})|\d{2}\/\d{2}\/(\d{4})/g)].map((match) =>
        Number(match[1] ?? match[2]),
      );
      // The acts' dates (and the laws they cite, of earlier years): nothing later than 2022.
      expect(
        years.filter((printed) => printed === 2021 || printed === 2022).length,
        document.kind,
      ).toBeGreaterThan(0);
      for (const printed of years)
        expect(printed, `${document.kind}: năm ${printed}`).toBeLessThanOrEqual(2022);
      expect(text).not.toContain(`ngày ${day} tháng ${month} năm ${year}`);
      expect(text).not.toContain(today);
      // The signature's time is the issue time too.
      expect(pdfsig(bytes)).toMatch(/Signing Time: \w{3} \d{2} 202[12] /);
    }
    // The decision keeps its real date; the minutes are of the deliberation's day.
    const decision = of2021.find((document) => document.kind === "AWARD_DECISION")!;
    expect(collapse(popplerText(await issuedBytes(decision.id)))).toContain(
      `Quyết định số ${DECISION_2021.number} ngày 25 tháng 02 năm 2022`,
    );
    const minutes = of2021.filter((document) => document.kind === "VOTE_MINUTES").at(-1)!;
    expect(collapse(popplerText(await issuedBytes(minutes.id)))).toContain(
      "Nam Định, ngày 20 tháng 12 năm 2021",
    );
  }, 120_000);
});
