// The demo bloc's 2021, from the review of the submitted self-assessments to the award decision, done
// through the data layer as the people would do it in the app: the secretariat of Ban Tuyên giáo (the
// bloc's leader in 2021) saves the final scores and publishes the ranking, opens the deliberation's
// sessions where the ten leaders vote (re-entering the demo password) and closes them, makes the
// suggested nominations, attaches each nominee's báo cáo thành tích and sends the dossier; the
// province's board approves every nomination and records the decision, which closes the year. Each
// step is taken only if not taken yet, so an interrupted seed picks up where it stopped.
import type { Actor } from "@/lib/auth/actor";
import { atTime, now } from "@/lib/clock";
import { db } from "@/lib/db";
import { uploadReport } from "@/lib/nominations/reports";
import { applySuggestions, submitDossier } from "@/lib/nominations/nominations";
import { bulkApprove, recordDecision } from "@/lib/nominations/review";
import type { RankingEntry } from "@/lib/ranking/compute";
import { publishRanking } from "@/lib/ranking/ranking";
import { saveFinalScores } from "@/lib/scores/save";
import { castBallot } from "@/lib/votes/ballots";
import { closeVoteSession, createVoteSession } from "@/lib/votes/sessions";
import type { Candidate } from "@/lib/votes/tally";
import { moveYearPhase } from "@/lib/years/move-phase";
import { DEMO_AGENCIES, DEMO_BOARD, DEMO_PASSWORD, DEMO_SECRETARIES, leaderEmail } from "./demo-data";
import { renderDemoReportPdf, type DemoReport } from "./demo-report-pdf";
import { finalCells2021 } from "./demo-scoring";
import { demoBallot2021 } from "./demo-votes";

/**
 * When the people of 2021 acted (Asia/Ho_Chi_Minh is UTC+7): the year's documents carry these dates,
 * never the day the seed runs. The decision keeps its real date (25/02/2022).
 */
export const DEMO_2021_TIMELINE = {
  review: new Date("2021-12-08T01:30:00Z"),
  publish: new Date("2021-12-10T02:00:00Z"),
  deliberation: new Date("2021-12-20T01:30:00Z"),
  nominations: new Date("2022-01-03T02:00:00Z"),
  submission: new Date("2022-01-07T02:00:00Z"),
  approval: new Date("2022-02-21T03:00:00Z"),
  decision: new Date("2022-02-25T08:00:00Z"),
} as const;

/** The award decision of 2021 (Chủ tịch UBND tỉnh). */
export const DECISION_2021 = {
  number: "512/QĐ-UBND",
  signedOn: "2022-02-25",
  signerName: "Phạm Đình Nghị",
  signerTitle: "Chủ tịch UBND tỉnh Nam Định",
} as const;

/**
 * A demo user as the data layer sees a signed-in user, with a fixed request (the seed has none): each
 * person gets an address of their own, as people voting from their own offices would.
 */
export async function demoActor(email: string, ip = "127.0.0.1"): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      title: true,
      role: true,
      agencyId: true,
      mustChangePassword: true,
      agency: { select: { id: true, code: true, name: true, shortName: true } },
    },
  });
  return { ...user, request: { ip, userAgent: "khoi-thi-dua demo seed", requestId: `demo-seed-${email}` } };
}

const phaseOf = async (yearId: string) =>
  (await db.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { phase: true } })).phase;

/** REVIEW: final scores of every cell, then the ranking published; the year moves on to VOTING. */
async function review(secretariat: Actor, yearId: string) {
  const scores = await db.score.findMany({
    where: { yearId },
    select: {
      finalX100: true,
      version: true,
      agency: { select: { code: true } },
      criterion: { select: { code: true } },
    },
  });
  if (scores.every((score) => score.finalX100 === null)) {
    const versions = new Map(
      scores.map((score) => [`${score.agency.code}:${score.criterion.code}`, score.version]),
    );
    const criteria = await db.criterion.findMany({
      where: { yearId },
      select: { code: true, kind: true, maxX100: true },
    });
    const cells = finalCells2021(criteria).map((cell) => ({
      ...cell,
      version: versions.get(`${cell.agencyCode}:${cell.criterionCode}`) ?? 0,
    }));
    await atTime(DEMO_2021_TIMELINE.review, () => saveFinalScores(secretariat, yearId, cells));
  }
  await atTime(DEMO_2021_TIMELINE.publish, async () => {
    const published = await db.rankingPublication.findFirst({
      where: { yearId, reopenedAt: null },
      select: { id: true },
    });
    if (!published) await publishRanking(secretariat, yearId);
    await moveYearPhase(secretariat, yearId, { phase: "VOTING" });
  });
}

/** VOTING: a session per award of the rules, then the election; everyone votes; each closes early. */
function deliberate(secretariat: Actor, yearId: string) {
  return atTime(DEMO_2021_TIMELINE.deliberation, () => deliberateNow(secretariat, yearId));
}

async function deliberateNow(secretariat: Actor, yearId: string) {
  const year = await db.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { rules: true } });
  const awards = (year.rules as { awards: { code: string }[] }).awards.map((award) => award.code);
  const leaders = await Promise.all(
    DEMO_AGENCIES.map((agency, index) => demoActor(leaderEmail(agency.code), `10.21.12.${index + 1}`)),
  );
  for (const awardCode of [...awards, null]) {
    let session = await db.voteSession.findFirst({
      where: {
        yearId,
        kind: awardCode ? "AWARD_PROPOSAL" : "LEADERSHIP_ELECTION",
        awardCode,
        cancelledAt: null,
      },
      select: { id: true, closedAt: true, candidates: true, participations: { select: { agencyId: true } } },
    });
    if (session?.closedAt) continue;
    if (!session) {
      const closesAt = new Date(now().getTime() + 2 * 3_600_000).toISOString();
      const created = await createVoteSession(
        secretariat,
        yearId,
        awardCode
          ? { kind: "AWARD_PROPOSAL", awardCode, closesAt }
          : { kind: "LEADERSHIP_ELECTION", closesAt },
      );
      session = { id: created.id, closedAt: null, candidates: [], participations: [] };
      session.candidates = (
        await db.voteSession.findUniqueOrThrow({ where: { id: created.id }, select: { candidates: true } })
      ).candidates;
    }
    const candidateCodes = (session.candidates as unknown as Candidate[]).map((candidate) => candidate.code);
    const voted = new Set(session.participations.map((p) => p.agencyId));
    const sessionId = session.id;
    // The leaders vote at once, as in the meeting room (each re-enters the password).
    await Promise.all(
      leaders.map((leader, index) =>
        voted.has(leader.agencyId!)
          ? null
          : castBallot(leader, sessionId, {
              password: DEMO_PASSWORD,
              choices: demoBallot2021(awardCode, candidateCodes, index, leaders.length),
            }),
      ),
    );
    await closeVoteSession(secretariat, sessionId);
  }
  await moveYearPhase(secretariat, yearId, { phase: "NOMINATION" });
}

/** Renders the nominees' báo cáo thành tích (PDF), in order. */
export type RenderReports = (reports: DemoReport[]) => Promise<Buffer[]>;

const renderInProcess: RenderReports = async (reports) => {
  const pdfs: Buffer[] = [];
  for (const report of reports) pdfs.push(await renderDemoReportPdf(report));
  return pdfs;
};

/** NOMINATION: the suggested list, a báo cáo thành tích per nominee, the dossier sent (BOARD_REVIEW). */
async function nominate(secretariat: Actor, yearId: string, renderReports: RenderReports) {
  await atTime(DEMO_2021_TIMELINE.nominations, () => attachReports(secretariat, yearId, renderReports));
  await atTime(DEMO_2021_TIMELINE.submission, () => submitDossier(secretariat, yearId));
}

async function attachReports(secretariat: Actor, yearId: string, renderReports: RenderReports) {
  if ((await db.nomination.count({ where: { yearId } })) === 0) await applySuggestions(secretariat, yearId);
  const nominations = await db.nomination.findMany({
    where: { yearId, status: "DRAFT", reports: { none: {} } },
    select: { id: true, awardName: true, basis: true, agency: { select: { code: true, name: true } } },
  });
  const publication = await db.rankingPublication.findFirstOrThrow({
    where: { yearId, reopenedAt: null },
    select: { entries: true },
  });
  const entries = publication.entries as unknown as RankingEntry[];
  const reports = nominations.map((nomination) => {
    const demo = DEMO_AGENCIES.find((agency) => agency.code === nomination.agency.code)!;
    const entry = entries.find((e) => e.agency.code === nomination.agency.code)!;
    return {
      agencyName: nomination.agency.name,
      leaderName: demo.leader.name,
      leaderTitle: demo.leader.title,
      awardName: nomination.awardName,
      year: 2021,
      rank: entry.rank,
      total: entry.totalX100 / 100,
      classification: entry.classification?.label ?? null,
      date: DEMO_2021_TIMELINE.nominations,
    };
  });
  const pdfs = reports.length > 0 ? await renderReports(reports) : [];
  for (const [index, nomination] of nominations.entries()) {
    const demo = DEMO_AGENCIES.find((agency) => agency.code === nomination.agency.code)!;
    await uploadReport(secretariat, nomination.id, {
      fileName: `Bao cao thanh tich ${demo.shortName} 2021.pdf`,
      bytes: new Uint8Array(pdfs[index]!),
    });
  }
}

/** BOARD_REVIEW: the board approves every submitted nomination and records the decision (CLOSED). */
async function decide(board: Actor, yearId: string) {
  const submitted = await db.nomination.findMany({
    where: { yearId, status: "SUBMITTED" },
    select: { id: true },
  });
  if (submitted.length > 0)
    await atTime(DEMO_2021_TIMELINE.approval, () =>
      bulkApprove(board, { nominationIds: submitted.map((n) => n.id) }),
    );
  if ((await db.nomination.count({ where: { yearId, status: "APPROVED" } })) > 0)
    await atTime(DEMO_2021_TIMELINE.decision, () => recordDecision(board, yearId, { ...DECISION_2021 }));
}

/**
 * Plays 2021 on from wherever it stands (REVIEW after the base seed) to CLOSED. `renderReports` makes
 * the báo cáo thành tích PDFs (in this process by default).
 */
export async function playDemo2021(
  yearId: string,
  renderReports: RenderReports = renderInProcess,
): Promise<void> {
  const secretariat = await demoActor(DEMO_SECRETARIES[0]!.email, "10.21.12.100");
  const board = await demoActor(DEMO_BOARD.email, "10.21.12.200");
  if ((await phaseOf(yearId)) === "REVIEW") await review(secretariat, yearId);
  if ((await phaseOf(yearId)) === "VOTING") await deliberate(secretariat, yearId);
  if ((await phaseOf(yearId)) === "NOMINATION") await nominate(secretariat, yearId, renderReports);
  if ((await phaseOf(yearId)) === "BOARD_REVIEW") await decide(board, yearId);
  const phase = await phaseOf(yearId);
  if (phase !== "CLOSED") throw new Error(`The demo 2021 stopped in ${phase} instead of CLOSED.`);
}
