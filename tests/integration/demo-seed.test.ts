import { describe, expect, it } from "vitest";
import { scoringYear } from "@/lib/assessments/load";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { getCriteriaTable } from "@/lib/criteria/criteria";
import { db } from "@/lib/db";
import { verifyPledgeVersionPublicly } from "@/lib/pledges/verify";
import { computeYearRanking, getRanking } from "@/lib/ranking/ranking";
import { getVoteMinutes } from "@/lib/votes/minutes";
import { renderVoteMinutesPdf } from "@/lib/votes/minutes-pdf";
import { tally, type BallotChoices } from "@/lib/votes/tally";
import { demoAlreadySeeded, demoRules, seedDemo } from "@/prisma/seed/demo";
import { DEMO_AGENCIES, DEMO_BLOC, DEMO_CRITERIA, DEMO_PASSWORD, DEMO_YEARS, demoAccountEmails, leaderEmail } from "@/prisma/seed/demo-data";
import { actorFor, uniqueIp } from "../support/dal";

/** Everything the demo seed owns, counted (other test files write their own rows in parallel). */
async function demoCounts() {
  const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
  const codes = DEMO_AGENCIES.map((agency) => agency.code);
  const years = await db.emulationYear.findMany({
    where: { blocId: bloc.id },
    select: { year: true, phase: true, version: true, updatedAt: true, _count: { select: { members: true } } },
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
    years: years.map((year) => ({ year: year.year, phase: year.phase, version: year.version, updatedAt: year.updatedAt.toISOString(), members: year._count.members })),
    seedMarks: await db.auditLog.count({ where: { action: "demo.seed" } }),
    pledgeVersions: await db.pledgeVersion.count({ where: { pledge: { year: { blocId: bloc.id } } } }),
    pledgeSignatures: await db.pledgeSignature.count({ where: { version: { pledge: { year: { blocId: bloc.id } } } } }),
    criteria: await db.criterion.count({ where: { year: { blocId: bloc.id } } }),
    scores: await db.score.count({ where: { year: { blocId: bloc.id } } }),
    assessments: await db.assessment.count({ where: { year: { blocId: bloc.id } } }),
    rankingPublications: await db.rankingPublication.count({ where: { year: { blocId: bloc.id } } }),
    voteSessions: await db.voteSession.count({ where: { year: { blocId: bloc.id } } }),
    participations: await db.voteParticipation.count({ where: { session: { year: { blocId: bloc.id } } } }),
    ballots: await db.ballot.count({ where: { session: { year: { blocId: bloc.id } } } }),
  };
}

const SEAL_KEY = process.env.SIGNATURE_SEAL_KEY!;
const CRITERIA_CODES = DEMO_CRITERIA.groups.flatMap((group) => group.criteria.map((criterion) => criterion.code));

async function demoYearId(year: number) {
  const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
  return (await db.emulationYear.findUniqueOrThrow({ where: { blocId_year: { blocId: bloc.id, year } } })).id;
}

describe("the demo seed", () => {
  it("seeds the demo bloc once and changes nothing when run again", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    expect(await demoAlreadySeeded(db)).toBe(true);
    const first = await demoCounts();

    expect(first.agencies).toBe(DEMO_AGENCIES.length);
    expect(first.users).toBe(demoAccountEmails().length);
    expect(first.years).toEqual(
      DEMO_YEARS.map((year) => expect.objectContaining({ year: year.year, phase: year.phase, members: DEMO_AGENCIES.length })),
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

    await expect(seedDemo(db, { sealKey: SEAL_KEY })).resolves.toEqual({ created: false });
    expect(await demoAlreadySeeded(db)).toBe(true);
    expect(await demoCounts()).toEqual(first);
  }, 60_000);

  it("gives the demo years their leadership and the demo rules", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    for (const demoYear of DEMO_YEARS) {
      const year = await db.emulationYear.findUniqueOrThrow({
        where: { blocId_year: { blocId: bloc.id, year: demoYear.year } },
        select: { rules: true, deadlines: true, leaderAgency: { select: { code: true } }, deputyAgency: { select: { code: true } } },
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
    await seedDemo(db, { sealKey: SEAL_KEY });
    const ip = uniqueIp();
    for (const email of ["admin@khoithidua.local", "thuky.bdv@khoithidua.local", "lanhdao.btg@khoithidua.local"]) {
      await expect(verifyCredentials({ email, password: DEMO_PASSWORD }, { ip, userAgent: "vitest" })).resolves.toMatchObject({ id: expect.any(String) });
    }
    const secretary = await db.user.findUniqueOrThrow({ where: { email: "thuky.bdv@khoithidua.local" }, select: { role: true, agency: { select: { code: true } } } });
    expect(secretary).toEqual({ role: "SECRETARIAT", agency: { code: "bdv" } });
  }, 60_000);

  it("gives 2021 a pledge signed by all ten members and 2022 an open one signed by bdv, btg, vptu and bao, with seals that verify", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    expect(bloc.place).toBe("Nam Định");
    const expected = { 2021: DEMO_AGENCIES.map((agency) => agency.code).sort(), 2022: ["bao", "bdv", "btg", "vptu"] };
    for (const [yearNumber, signers] of Object.entries(expected)) {
      const versions = await db.pledgeVersion.findMany({
        where: { pledge: { year: { blocId: bloc.id, year: Number(yearNumber) } } },
        select: { id: true, number: true, status: true, sha256: true, signatures: { select: { agencyCode: true, authMethod: true, documentSha256: true } } },
      });
      expect(versions).toHaveLength(1);
      const version = versions[0]!;
      expect(version).toMatchObject({ number: 1, status: "OPEN", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(version.signatures.map((signature) => signature.agencyCode).sort()).toEqual(signers);
      expect(version.signatures.every((signature) => signature.authMethod === "DEMO_SEED" && signature.documentSha256 === version.sha256)).toBe(true);

      const verification = await verifyPledgeVersionPublicly(version.id);
      expect(verification).toMatchObject({ versionId: version.id, status: "OPEN", documentValid: true, valid: true, sha256: version.sha256 });
      expect(verification.signatures.map((signature) => signature.agency.code).sort()).toEqual(signers);
      expect(verification.signatures.every((signature) => signature.valid && signature.problem === null)).toBe(true);
    }
  }, 60_000);
  it("gives both demo years the criteria table of criteria.json (six groups, bonus and deduction items)", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const reader = await actorFor(await db.user.findUniqueOrThrow({ where: { email: leaderEmail("tct") } }));
    expect(CRITERIA_CODES).toHaveLength(17);
    for (const year of [2021, 2022]) {
      const table = await getCriteriaTable(reader, await demoYearId(year));
      expect(table.scale).toBe(DEMO_CRITERIA.scale);
      expect(table.groups.map((group) => [group.code, group.max])).toEqual(DEMO_CRITERIA.groups.map((group) => [group.code, group.max]));
      expect(table.groups.flatMap((group) => group.criteria.map((criterion) => criterion.code))).toEqual(CRITERIA_CODES);
      expect(table.groups.map((group) => group.kind)).toEqual(["BASE", "BASE", "BASE", "BASE", "BONUS", "DEDUCTION"]);
      expect(table.groups.flatMap((group) => group.criteria).filter((criterion) => criterion.evidenceRequired).length).toBeGreaterThan(0);
    }
  }, 60_000);

  it("gives 2021 submitted self-assessments, reviewed scores and a published ranking with the bloc's real outcome; 2022 no scores yet", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const y2021 = await demoYearId(2021);
    const y2022 = await demoYearId(2022);
    expect(await db.score.count({ where: { yearId: y2021, finalX100: { not: null }, selfX100: { not: null } } })).toBe(DEMO_AGENCIES.length * CRITERIA_CODES.length);
    expect(await db.assessment.count({ where: { yearId: y2021, status: "SUBMITTED" } })).toBe(DEMO_AGENCIES.length);
    // Where the review lowered a self score, the reason is kept.
    const lowered = await db.score.findMany({ where: { yearId: y2021, finalReason: { not: null } }, select: { selfX100: true, finalX100: true } });
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
    expect(entries.map((entry) => [entry.agency.code, entry.rank, entry.totalX100 / 100, entry.classification?.label])).toEqual([
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
    const admin = await actorFor(await db.user.findUniqueOrThrow({ where: { email: "admin@khoithidua.local" } }));
    const recomputed = await computeYearRanking(db, await scoringYear(db, admin, y2021));
    expect(JSON.parse(JSON.stringify(recomputed))).toEqual(entries);
  }, 60_000);

  it("gives 2021 its closed deliberation with the bloc's real outcome, tallied from its ballots, in the minutes; 2022 led by the agencies elected", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
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
      minutes.sessions.map((session) => [session.awardCode ?? "ELECTION", session.results.candidates.filter((c) => c.passed).map((c) => (c.post ? `${c.post}:${c.code}` : c.code)).sort()]),
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
      const ballots = await db.ballot.findMany({ where: { sessionId: session.id }, select: { choices: true } });
      expect(await db.voteParticipation.count({ where: { sessionId: session.id } })).toBe(DEMO_AGENCIES.length);
      const recount = tally({ method: session.method, rules: session.rules, candidates: session.candidates, rollSize: DEMO_AGENCIES.length, ballots: ballots.map((b) => b.choices as BallotChoices) });
      expect(row.results).toEqual(JSON.parse(JSON.stringify(recount)));
    }
    // 2022 is led by the agencies 2021 elected.
    const y2022 = await db.emulationYear.findUniqueOrThrow({ where: { id: await demoYearId(2022) }, select: { leaderAgency: { select: { code: true } }, deputyAgency: { select: { code: true } } } });
    expect(y2022).toEqual({ leaderAgency: { code: "bdv" }, deputyAgency: { code: "vptu" } });
    const pdf = await renderVoteMinutesPdf(minutes);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  }, 60_000);
});
