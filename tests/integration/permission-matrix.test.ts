// The permission matrix: every route handler and every server action of the app, called as every
// persona (each role, plus scoped and cross-agency variants, plus anonymous). A handler or action
// without an entry here fails the first test, so a new endpoint cannot ship without its row.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OPERATIONS } from "@/app/api/v1/openapi.json/openapi";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import { issuedBytes, issueNow } from "@/lib/documents/registry";
import {
  makeAgency,
  makeBloc,
  makeCriteriaTable,
  makePledgeSignature,
  makePledgeVersion,
  makeUser,
  makeYear,
  smallCriteriaTable,
  TEST_PASSWORD,
  uniqueToken,
} from "@/prisma/seed/factories";
import { resetRequest, setHeader } from "../support/request-context";
import { signInAs } from "../support/sessions";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Evidence files of this test go to a folder of its own (read by lib/env.ts on first use).
const EVIDENCE_DIR = await mkdtemp(path.join(os.tmpdir(), "ktd-matrix-evidence-"));
process.env.EVIDENCE_DIR = EVIDENCE_DIR;
const ORIGIN = "http://localhost:3000";

const PERSONAS = [
  "anonymous",
  "ADMIN",
  "BOARD",
  "SECRETARIAT_LEAD",
  "SECRETARIAT_OTHER",
  "AGENCY_LEADER",
  "AGENCY_STAFF",
  "OUTSIDER",
] as const;
type Persona = (typeof PERSONAS)[number];
const SIGNED_IN = PERSONAS.filter((p) => p !== "anonymous");
/** Personas whose agency belongs to the bloc's years (plus the province-wide roles). */
const BLOC_READERS: Persona[] = [
  "ADMIN",
  "BOARD",
  "SECRETARIAT_LEAD",
  "SECRETARIAT_OTHER",
  "AGENCY_LEADER",
  "AGENCY_STAFF",
];

// ---------------------------------------------------------------------------------------------
// The world every call runs in: a bloc whose years are led by agency A1 (deputy A2, member A3), and
// an outsider agency O that is not in the bloc.
interface World {
  blocId: string;
  agencyCodes: { a1: string; a2: string; a3: string; outsider: string };
  ids: { a1: string; a2: string; a3: string };
  users: Record<Exclude<Persona, "anonymous">, { id: string; tokenVersion: number }>;
  /** A new year (SETUP, leader A1, deputy A2, members A1–A3), in a bloc of its own so numbers never run out. */
  newYear(phase?: "SETUP" | "PLEDGING"): Promise<{ id: string; version: number }>;
  /** A PLEDGING year whose pledge has a version OPEN (or only a DRAFT). */
  newPledge(status: "OPEN" | "DRAFT"): Promise<{ yearId: string; versionId: string }>;
  /** A notification of the persona's own (any user's for anonymous). */
  newNotification(persona: Persona): Promise<string>;
  /** A year with the small criteria table, in `phase`; cross-scoring enabled when asked. */
  newScoringYear(
    phase: "SETUP" | "SELF_ASSESSMENT" | "REVIEW",
    options?: { crossScoring?: boolean; scored?: boolean },
  ): Promise<{ yearId: string; criteria: Map<string, string> }>;
  /** A REVIEW year (as newScoringYear) whose member A3 is marked "không chấm". */
  newNotScoredMark(): Promise<string>;
  /** An evidence file of agency A3 in a SELF_ASSESSMENT year (file on disk, row in the table). */
  newEvidence(): Promise<string>;
  newAgencyCode(): Promise<string>;
  newUserId(): Promise<string>;
  /**
   * A VOTING year (members A1–A3, led by A1) with its ranking published (all three Xuất sắc) and an
   * election session written directly: OPEN (for an hour), ENDED (window over) or CLOSED (tallied, no ballots).
   */
  newVoteSession(state: "OPEN" | "ENDED" | "CLOSED"): Promise<{ yearId: string; sessionId: string }>;
  /**
   * A NOMINATION year (members A1–A3, led by A1) with its ranking published and a DRAFT nomination of
   * A3 written directly, with a báo cáo thành tích on disk when `report` is asked.
   */
  newNomination(options?: {
    report?: boolean;
  }): Promise<{ yearId: string; nominationId: string; reportId: string | null }>;
  /** A PLEDGING year whose open pledge A3's leader has signed, issued to the registry: the document and its bytes (one, made on first use: only reads use it). */
  issuedPledge(): Promise<{ yearId: string; documentId: string; bytes: Buffer }>;
}

let world: World;
let issuedPledge: ReturnType<World["issuedPledge"]> | undefined;
/** Years created through the API in the world's bloc. */
let yearNumber = 2040;

beforeAll(async () => {
  const bloc = await makeBloc(db);
  const [a1, a2, a3, outsider] = [
    await makeAgency(db),
    await makeAgency(db),
    await makeAgency(db),
    await makeAgency(db),
  ];
  const newYear = async (phase: "SETUP" | "PLEDGING" = "SETUP") => {
    const ownBloc = await makeBloc(db);
    const year = await makeYear(db, {
      blocId: ownBloc.id,
      year: 2030,
      phase,
      memberIds: [a1.id, a2.id, a3.id],
      leaderId: a1.id,
      deputyId: a2.id,
    });
    return { id: year.id, version: year.version };
  };
  await makeYear(db, {
    blocId: bloc.id,
    year: 2030,
    memberIds: [a1.id, a2.id, a3.id],
    leaderId: a1.id,
    deputyId: a2.id,
  });
  const users = {
    ADMIN: await makeUser(db, { role: "ADMIN" }),
    BOARD: await makeUser(db, { role: "BOARD" }),
    SECRETARIAT_LEAD: await makeUser(db, { role: "SECRETARIAT", agencyId: a1.id }),
    SECRETARIAT_OTHER: await makeUser(db, { role: "SECRETARIAT", agencyId: a2.id }),
    AGENCY_LEADER: await makeUser(db, { role: "AGENCY_LEADER", agencyId: a3.id, title: "Trưởng ban" }),
    AGENCY_STAFF: await makeUser(db, { role: "AGENCY_STAFF", agencyId: a3.id }),
    OUTSIDER: await makeUser(db, { role: "AGENCY_LEADER", agencyId: outsider.id }),
  };
  world = {
    blocId: bloc.id,
    agencyCodes: { a1: a1.code, a2: a2.code, a3: a3.code, outsider: outsider.code },
    ids: { a1: a1.id, a2: a2.id, a3: a3.id },
    users,
    newYear,
    newPledge: async (status) => {
      const year = await newYear("PLEDGING");
      const version = await makePledgeVersion(db, {
        yearId: year.id,
        createdById: users.SECRETARIAT_LEAD.id,
        status,
      });
      return { yearId: year.id, versionId: version.id };
    },
    newNotification: async (persona) => {
      const owner = persona === "anonymous" ? users.ADMIN : users[persona];
      const row = await db.notification.create({
        data: {
          userId: owner.id,
          kind: "test",
          messageKey: "notifications.pledgeOpened",
          params: {},
          href: "/",
        },
      });
      return row.id;
    },
    newScoringYear: async (phase, options = {}) => {
      const ownBloc = await makeBloc(db);
      const { DEFAULT_RULES } = await import("@/lib/years/rules");
      const year = await makeYear(db, {
        blocId: ownBloc.id,
        year: 2030,
        phase,
        memberIds: [a1.id, a2.id, a3.id],
        leaderId: a1.id,
        deputyId: a2.id,
        rules: {
          ...DEFAULT_RULES,
          crossScoring: { enabled: options.crossScoring ?? false, trimExtremes: false },
        },
      });
      const criteria = await makeCriteriaTable(db, year.id, smallCriteriaTable());
      // Every member with a final score, so that the ranking may be published.
      if (options.scored)
        await db.score.createMany({
          data: [a1, a2, a3].map((agency) => ({
            yearId: year.id,
            agencyId: agency.id,
            criterionId: criteria.get("I.1")!.id,
            finalX100: 2000,
          })),
        });
      return { yearId: year.id, criteria: new Map([...criteria].map(([code, c]) => [code, c.id])) };
    },
    newNotScoredMark: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      await db.yearMember.update({
        where: { yearId_agencyId: { yearId, agencyId: a3.id } },
        data: {
          notScoredReason: "Sáp nhập từ tháng 6",
          notScoredAt: new Date(),
          notScoredById: users.SECRETARIAT_LEAD.id,
        },
      });
      return yearId;
    },
    newEvidence: async () => {
      const { yearId, criteria } = await world.newScoringYear("SELF_ASSESSMENT");
      const bytes = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
      const storageKey = `${yearId}/${a3.id}/${uniqueToken()}.pdf`;
      await mkdir(path.dirname(path.join(EVIDENCE_DIR, storageKey)), { recursive: true });
      await writeFile(path.join(EVIDENCE_DIR, storageKey), bytes);
      const row = await db.evidence.create({
        data: {
          yearId,
          agencyId: a3.id,
          criterionId: criteria.get("I.1")!,
          fileName: "minh-chung.pdf",
          mimeType: "application/pdf",
          sizeBytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById: users.AGENCY_STAFF.id,
        },
      });
      return row.id;
    },
    newAgencyCode: async () => (await makeAgency(db)).code,
    newUserId: async () => (await makeUser(db, { role: "AGENCY_STAFF", agencyId: a3.id })).id,
    newVoteSession: async (state) => {
      const ownBloc = await makeBloc(db);
      const year = await makeYear(db, {
        blocId: ownBloc.id,
        year: 2030,
        phase: "VOTING",
        memberIds: [a1.id, a2.id, a3.id],
        leaderId: a1.id,
        deputyId: a2.id,
      });
      const members = [a1, a2, a3].map((agency) => ({
        agencyId: agency.id,
        code: agency.code,
        name: agency.name,
      }));
      const entries = members.map((member, index) => ({
        rank: index + 1,
        tied: false,
        agency: { id: member.agencyId, code: member.code, name: member.name },
        baseX100: 9600 - index * 100,
        bonusX100: 0,
        deductionX100: 0,
        totalX100: 9600 - index * 100,
        firstGroupBaseX100: 5000,
        classification: { code: "XUAT_SAC", label: "Xuất sắc" },
        groups: [],
      }));
      await db.rankingPublication.create({
        data: { yearId: year.id, publishedById: users.SECRETARIAT_LEAD.id, entries },
      });
      const { tally } = await import("@/lib/votes/tally");
      const rules = {
        quorum: { numerator: 2, denominator: 3 },
        pass: { numerator: 1, denominator: 2 },
        passStrictlyAbove: true,
        passBase: "MEMBERS" as const,
        quota: null,
      };
      const now = Date.now();
      const session = await db.voteSession.create({
        data: {
          yearId: year.id,
          kind: "LEADERSHIP_ELECTION",
          method: "ELECTION",
          title: "Bầu Khối trưởng, Khối phó năm 2031",
          rules,
          candidates: members,
          roll: members,
          opensAt: new Date(now - 7_200_000),
          closesAt: new Date(state === "OPEN" ? now + 3_600_000 : now - 1_000),
          createdById: users.SECRETARIAT_LEAD.id,
          ...(state === "CLOSED"
            ? {
                closedAt: new Date(now),
                closedById: users.SECRETARIAT_LEAD.id,
                results: tally({
                  method: "ELECTION",
                  rules,
                  candidates: members,
                  rollSize: 3,
                  ballots: [],
                }) as unknown as object,
              }
            : {}),
        },
      });
      return { yearId: year.id, sessionId: session.id };
    },
    newNomination: async (options = {}) => {
      const ownBloc = await makeBloc(db);
      const year = await makeYear(db, {
        blocId: ownBloc.id,
        year: 2030,
        phase: "NOMINATION",
        memberIds: [a1.id, a2.id, a3.id],
        leaderId: a1.id,
        deputyId: a2.id,
      });
      const entries = [a1, a2, a3].map((agency, index) => ({
        rank: index + 1,
        tied: false,
        agency: { id: agency.id, code: agency.code, name: agency.name },
        baseX100: 9600 - index * 100,
        bonusX100: 0,
        deductionX100: 0,
        totalX100: 9600 - index * 100,
        firstGroupBaseX100: 5000,
        classification: { code: "XUAT_SAC", label: "Xuất sắc" },
        groups: [],
      }));
      await db.rankingPublication.create({
        data: { yearId: year.id, publishedById: users.SECRETARIAT_LEAD.id, entries },
      });
      const nomination = await db.nomination.create({
        data: {
          yearId: year.id,
          agencyId: a3.id,
          awardCode: "PROVINCIAL_MERIT",
          awardName: "Bằng khen của Chủ tịch UBND tỉnh",
          basis: { rank: 3, totalX100: 9400, classification: "Xuất sắc", vote: null },
          createdById: users.SECRETARIAT_LEAD.id,
        },
      });
      if (!options.report) return { yearId: year.id, nominationId: nomination.id, reportId: null };
      const bytes = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
      const storageKey = `${year.id}/nominations/${uniqueToken()}.pdf`;
      await mkdir(path.dirname(path.join(EVIDENCE_DIR, storageKey)), { recursive: true });
      await writeFile(path.join(EVIDENCE_DIR, storageKey), bytes);
      const report = await db.nominationReport.create({
        data: {
          nominationId: nomination.id,
          fileName: "bao-cao-thanh-tich.pdf",
          mimeType: "application/pdf",
          sizeBytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById: users.AGENCY_STAFF.id,
        },
      });
      return { yearId: year.id, nominationId: nomination.id, reportId: report.id };
    },
    issuedPledge: () =>
      (issuedPledge ??= (async () => {
        const { yearId, versionId } = await world.newPledge("OPEN");
        await makePledgeSignature(db, {
          versionId,
          signerId: users.AGENCY_LEADER.id,
          sealKey: process.env.SIGNATURE_SEAL_KEY!,
        });
        const entry = await issueNow("PLEDGE", versionId);
        return { yearId, documentId: entry!.id, bytes: await issuedBytes(entry!.id) };
      })()),
  };
});

async function actAs(persona: Persona): Promise<void> {
  resetRequest();
  if (persona !== "anonymous") await signInAs(world.users[persona]);
}

// ---------------------------------------------------------------------------------------------
// Route handlers

interface RouteCall {
  /** Concrete path, e.g. /api/v1/years/<id> */
  path: string;
  params?: Record<string, string | string[]>;
  body?: unknown;
  /** A multipart body instead of JSON. */
  form?: FormData;
}

interface RouteEntry {
  /** Who gets through authorization; everyone else must be refused (401 anonymous, 403/404 others). */
  allowed: Persona[] | "public";
  /** Statuses that count as success for an allowed persona (default: 200/201). */
  okStatuses?: number[];
  call(persona: Persona): Promise<RouteCall>;
}

/**
 * world.newNomination's year (A3's DRAFT with its report) with proposal votes not required, so that
 * A1 and A2 may be nominated; past DRAFT, the year is in BOARD_REVIEW with A3's nomination sent in round 1.
 */
async function nominationIn(status: "DRAFT" | "SUBMITTED" | "APPROVED") {
  const made = await world.newNomination({ report: true });
  const { DEFAULT_RULES } = await import("@/lib/years/rules");
  const rules = {
    ...DEFAULT_RULES,
    awards: DEFAULT_RULES.awards.map((award) => ({ ...award, requiresVote: false })),
  };
  await db.emulationYear.update({
    where: { id: made.yearId },
    data: { rules, ...(status === "DRAFT" ? {} : { phase: "BOARD_REVIEW" }) },
  });
  if (status !== "DRAFT") {
    await db.nomination.update({ where: { id: made.nominationId }, data: { status, round: 1 } });
    await db.dossierSubmission.create({
      data: {
        yearId: made.yearId,
        round: 1,
        submittedById: world.users.SECRETARIAT_LEAD.id,
        // As the app records a submission: each nomination with its agency and award.
        nominations: await db.nomination
          .findUniqueOrThrow({
            where: { id: made.nominationId },
            select: { awardCode: true, agency: { select: { code: true } } },
          })
          .then((row) => [{ id: made.nominationId, agency: row.agency.code, award: row.awardCode }]),
      },
    });
  }
  return made;
}

const ROUTES: Record<string, RouteEntry> = {
  "GET /api/health": { allowed: "public", call: async () => ({ path: "/api/health" }) },
  "GET /api/v1/openapi.json": { allowed: "public", call: async () => ({ path: "/api/v1/openapi.json" }) },
  // next-auth's own endpoints (csrf, session, sign-in, sign-out) are public by nature.
  "GET /api/auth/[...nextauth]": {
    allowed: "public",
    call: async () => ({ path: "/api/auth/csrf", params: { nextauth: ["csrf"] } }),
  },
  "POST /api/auth/[...nextauth]": {
    allowed: "public",
    okStatuses: [200, 302],
    call: async () => ({ path: "/api/auth/signout", params: { nextauth: ["signout"] }, body: {} }),
  },
  "GET /api/v1/me": { allowed: SIGNED_IN, call: async () => ({ path: "/api/v1/me" }) },
  // Authorized for everyone signed in; the wrong current password makes it a 422 that changes nothing.
  "POST /api/v1/me/password": {
    allowed: SIGNED_IN,
    okStatuses: [422],
    call: async () => ({
      path: "/api/v1/me/password",
      body: { currentPassword: "not-the-password-1", newPassword: "MotMatKhauMoi2026" },
    }),
  },
  "GET /api/v1/blocs": { allowed: SIGNED_IN, call: async () => ({ path: "/api/v1/blocs" }) },
  "POST /api/v1/blocs": {
    allowed: ["ADMIN"],
    call: async () => ({ path: "/api/v1/blocs", body: { name: `Khối ${uniqueToken()}` } }),
  },
  "GET /api/v1/blocs/[blocId]": {
    allowed: BLOC_READERS,
    call: async () => ({ path: `/api/v1/blocs/${world.blocId}`, params: { blocId: world.blocId } }),
  },
  "PATCH /api/v1/blocs/[blocId]": {
    allowed: ["ADMIN"],
    call: async () => ({
      path: `/api/v1/blocs/${world.blocId}`,
      params: { blocId: world.blocId },
      body: { description: `Mô tả ${uniqueToken()}` },
    }),
  },
  "GET /api/v1/blocs/[blocId]/years": {
    allowed: BLOC_READERS,
    call: async () => ({ path: `/api/v1/blocs/${world.blocId}/years`, params: { blocId: world.blocId } }),
  },
  "POST /api/v1/blocs/[blocId]/years": {
    allowed: ["ADMIN"],
    call: async () => {
      yearNumber += 1;
      return {
        path: `/api/v1/blocs/${world.blocId}/years`,
        params: { blocId: world.blocId },
        body: { year: yearNumber },
      };
    },
  },
  "GET /api/v1/years/[yearId]": {
    allowed: BLOC_READERS,
    call: async () => {
      const year = await world.newYear();
      return { path: `/api/v1/years/${year.id}`, params: { yearId: year.id } };
    },
  },
  // Phase moves: the admin, and the secretariat of the year's leader agency (one step forward).
  "PATCH /api/v1/years/[yearId]": {
    allowed: ["ADMIN", "SECRETARIAT_LEAD"],
    call: async () => {
      const year = await world.newYear();
      return { path: `/api/v1/years/${year.id}`, params: { yearId: year.id }, body: { phase: "PLEDGING" } };
    },
  },
  "PUT /api/v1/years/[yearId]/members": {
    allowed: ["ADMIN"],
    call: async () => {
      const year = await world.newYear();
      const { a1, a2, a3 } = world.agencyCodes;
      return {
        path: `/api/v1/years/${year.id}/members`,
        params: { yearId: year.id },
        body: { agencyCodes: [a1, a2, a3] },
      };
    },
  },
  "GET /api/v1/agencies": { allowed: SIGNED_IN, call: async () => ({ path: "/api/v1/agencies" }) },
  "POST /api/v1/agencies": {
    allowed: ["ADMIN"],
    call: async () => {
      const token = uniqueToken();
      return {
        path: "/api/v1/agencies",
        body: { code: `m${token}`, name: `Cơ quan ${token}`, shortName: `CQ ${token}` },
      };
    },
  },
  "GET /api/v1/agencies/[code]": {
    allowed: SIGNED_IN,
    call: async () => ({
      path: `/api/v1/agencies/${world.agencyCodes.a3}`,
      params: { code: world.agencyCodes.a3 },
    }),
  },
  "PATCH /api/v1/agencies/[code]": {
    allowed: ["ADMIN"],
    call: async () => {
      const code = await world.newAgencyCode();
      return {
        path: `/api/v1/agencies/${code}`,
        params: { code },
        body: { shortName: `Sửa ${uniqueToken()}` },
      };
    },
  },
  "GET /api/v1/users": { allowed: ["ADMIN"], call: async () => ({ path: "/api/v1/users" }) },
  "POST /api/v1/users": {
    allowed: ["ADMIN"],
    call: async () => ({
      path: "/api/v1/users",
      body: {
        email: `moi.${uniqueToken()}@test.local`,
        name: "Người mới",
        role: "BOARD",
        password: TEST_PASSWORD,
      },
    }),
  },
  "GET /api/v1/users/[userId]": {
    allowed: ["ADMIN"],
    call: async () => {
      const userId = await world.newUserId();
      return { path: `/api/v1/users/${userId}`, params: { userId } };
    },
  },
  "PATCH /api/v1/users/[userId]": {
    allowed: ["ADMIN"],
    call: async () => {
      const userId = await world.newUserId();
      return { path: `/api/v1/users/${userId}`, params: { userId }, body: { title: "Chuyên viên chính" } };
    },
  },
  "POST /api/v1/users/[userId]/password": {
    allowed: ["ADMIN"],
    call: async () => {
      const userId = await world.newUserId();
      return {
        path: `/api/v1/users/${userId}/password`,
        params: { userId },
        body: { password: "TamThoi2026x" },
      };
    },
  },
  "GET /api/v1/audit": { allowed: ["ADMIN", "BOARD"], call: async () => ({ path: "/api/v1/audit" }) },
  "GET /api/v1/years/[yearId]/pledge": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newPledge("OPEN");
      return { path: `/api/v1/years/${yearId}/pledge`, params: { yearId } };
    },
  },
  // Drafting and opening belong to the secretariat of the year's Khối trưởng only (not the admin).
  "PUT /api/v1/years/[yearId]/pledge/draft": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const year = await world.newYear("PLEDGING");
      const { pledgeTemplate } = await import("@/lib/pledges/template");
      return {
        path: `/api/v1/years/${year.id}/pledge/draft`,
        params: { yearId: year.id },
        body: pledgeTemplate(2030, "Khối"),
      };
    },
  },
  "POST /api/v1/years/[yearId]/pledge/open": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newPledge("DRAFT");
      return { path: `/api/v1/years/${yearId}/pledge/open`, params: { yearId }, body: {} };
    },
  },
  // Only a member agency's leader signs, for their own agency.
  "POST /api/v1/pledge-versions/[versionId]/signatures": {
    allowed: ["AGENCY_LEADER"],
    call: async () => {
      const { versionId } = await world.newPledge("OPEN");
      return {
        path: `/api/v1/pledge-versions/${versionId}/signatures`,
        params: { versionId },
        body: { password: TEST_PASSWORD, consent: true },
      };
    },
  },
  "GET /api/v1/pledge-versions/[versionId]/pdf": {
    allowed: BLOC_READERS,
    call: async () => {
      const { versionId } = await world.newPledge("OPEN");
      return { path: `/api/v1/pledge-versions/${versionId}/pdf`, params: { versionId } };
    },
  },
  "GET /api/v1/pledge-versions/[versionId]/verify": {
    allowed: BLOC_READERS,
    call: async () => {
      const { versionId } = await world.newPledge("OPEN");
      return { path: `/api/v1/pledge-versions/${versionId}/verify`, params: { versionId } };
    },
  },
  "GET /api/v1/years/[yearId]/criteria": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newScoringYear("SETUP");
      return { path: `/api/v1/years/${yearId}/criteria`, params: { yearId } };
    },
  },
  "PUT /api/v1/years/[yearId]/criteria": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("SETUP");
      return { path: `/api/v1/years/${yearId}/criteria`, params: { yearId }, body: criteriaInput() };
    },
  },
  "POST /api/v1/years/[yearId]/criteria/copy": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const ownBloc = await makeBloc(db);
      const members = { memberIds: [world.ids.a1, world.ids.a2, world.ids.a3], leaderId: world.ids.a1 };
      const previous = await makeYear(db, { blocId: ownBloc.id, year: 2029, phase: "CLOSED", ...members });
      await makeCriteriaTable(db, previous.id, smallCriteriaTable());
      const year = await makeYear(db, { blocId: ownBloc.id, year: 2030, phase: "SETUP", ...members });
      return { path: `/api/v1/years/${year.id}/criteria/copy`, params: { yearId: year.id }, body: {} };
    },
  },
  // An agency's self-assessment: its own people, the year's secretariat, the province.
  "GET /api/v1/years/[yearId]/assessment": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD", "AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const { yearId } = await world.newScoringYear("SELF_ASSESSMENT");
      return {
        path: `/api/v1/years/${yearId}/assessment?agency=${world.agencyCodes.a3}`,
        params: { yearId },
      };
    },
  },
  "PUT /api/v1/years/[yearId]/assessment/scores": {
    allowed: ["AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const { yearId, criteria } = await world.newScoringYear("SELF_ASSESSMENT");
      return {
        path: `/api/v1/years/${yearId}/assessment/scores`,
        params: { yearId },
        body: { criterionId: criteria.get("I.2"), points: 25, note: "Có báo cáo" },
      };
    },
  },
  "POST /api/v1/years/[yearId]/assessment/submit": {
    allowed: ["AGENCY_LEADER"],
    call: async () => {
      const { yearId } = await world.newScoringYear("SELF_ASSESSMENT");
      return { path: `/api/v1/years/${yearId}/assessment/submit`, params: { yearId }, body: {} };
    },
  },
  "POST /api/v1/years/[yearId]/assessments/[agencyCode]/return": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("SELF_ASSESSMENT");
      await db.assessment.create({
        data: { yearId, agencyId: world.ids.a3, status: "SUBMITTED", submittedAt: new Date() },
      });
      const agencyCode = world.agencyCodes.a3;
      return {
        path: `/api/v1/years/${yearId}/assessments/${agencyCode}/return`,
        params: { yearId, agencyCode },
        body: { comment: "Bổ sung minh chứng tiêu chí I.1" },
      };
    },
  },
  "POST /api/v1/years/[yearId]/evidence": {
    allowed: ["AGENCY_LEADER", "AGENCY_STAFF"],
    okStatuses: [201],
    call: async () => {
      const { yearId, criteria } = await world.newScoringYear("SELF_ASSESSMENT");
      const form = new FormData();
      form.append("criterionId", criteria.get("I.1")!);
      form.append(
        "file",
        new File([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "bao-cao.pdf", {
          type: "application/pdf",
        }),
      );
      return { path: `/api/v1/years/${yearId}/evidence`, params: { yearId }, form };
    },
  },
  "GET /api/v1/evidence/[evidenceId]": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD", "AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const evidenceId = await world.newEvidence();
      return { path: `/api/v1/evidence/${evidenceId}`, params: { evidenceId } };
    },
  },
  "DELETE /api/v1/evidence/[evidenceId]": {
    allowed: ["AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const evidenceId = await world.newEvidence();
      return { path: `/api/v1/evidence/${evidenceId}`, params: { evidenceId } };
    },
  },
  // Every member reads scores (an agency only its own); the province and the secretariat read all.
  "GET /api/v1/years/[yearId]/scores": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      return { path: `/api/v1/years/${yearId}/scores`, params: { yearId } };
    },
  },
  "PUT /api/v1/years/[yearId]/scores": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      return {
        path: `/api/v1/years/${yearId}/scores`,
        params: { yearId },
        body: [
          {
            agencyCode: world.agencyCodes.a3,
            criterionCode: "I.1",
            points: 25,
            version: 0,
            reason: "Theo minh chứng",
          },
        ],
      };
    },
  },
  "GET /api/v1/years/[yearId]/ranking": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      await db.rankingPublication.create({
        data: { yearId, publishedById: world.users.SECRETARIAT_LEAD.id, entries: [] },
      });
      return { path: `/api/v1/years/${yearId}/ranking`, params: { yearId } };
    },
  },
  "POST /api/v1/years/[yearId]/ranking/publish": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [201],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW", { scored: true });
      return { path: `/api/v1/years/${yearId}/ranking/publish`, params: { yearId }, body: {} };
    },
  },
  "PUT /api/v1/years/[yearId]/ranking/not-scored/[agencyCode]": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      return {
        path: `/api/v1/years/${yearId}/ranking/not-scored/${world.agencyCodes.a3}`,
        params: { yearId, agencyCode: world.agencyCodes.a3 },
        body: { reason: "Sáp nhập từ tháng 6" },
      };
    },
  },
  "DELETE /api/v1/years/[yearId]/ranking/not-scored/[agencyCode]": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const yearId = await world.newNotScoredMark();
      return {
        path: `/api/v1/years/${yearId}/ranking/not-scored/${world.agencyCodes.a3}`,
        params: { yearId, agencyCode: world.agencyCodes.a3 },
      };
    },
  },
  "POST /api/v1/years/[yearId]/ranking/reopen": {
    allowed: ["ADMIN", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      await db.rankingPublication.create({
        data: { yearId, publishedById: world.users.SECRETARIAT_LEAD.id, entries: [] },
      });
      return {
        path: `/api/v1/years/${yearId}/ranking/reopen`,
        params: { yearId },
        body: { reason: "Sửa điểm tiêu chí I.1 theo khiếu nại" },
      };
    },
  },
  "GET /api/v1/years/[yearId]/cross-scores": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW", { crossScoring: true });
      return { path: `/api/v1/years/${yearId}/cross-scores`, params: { yearId } };
    },
  },
  // Only a member's leader cross-scores, and never their own agency.
  "PUT /api/v1/years/[yearId]/cross-scores": {
    allowed: ["AGENCY_LEADER"],
    call: async () => {
      const { yearId, criteria } = await world.newScoringYear("REVIEW", { crossScoring: true });
      return {
        path: `/api/v1/years/${yearId}/cross-scores`,
        params: { yearId },
        body: { targetAgencyCode: world.agencyCodes.a1, criterionId: criteria.get("I.1"), points: 20 },
      };
    },
  },
  "POST /api/v1/years/[yearId]/cross-scores/complete": {
    allowed: ["AGENCY_LEADER"],
    call: async () => {
      const { yearId, criteria } = await world.newScoringYear("REVIEW", { crossScoring: true });
      for (const target of [world.ids.a1, world.ids.a2]) {
        for (const criterionId of criteria.values()) {
          await db.crossScore.create({
            data: {
              yearId,
              scorerAgencyId: world.ids.a3,
              targetAgencyId: target,
              criterionId,
              pointsX100: 100,
              scorerId: world.users.AGENCY_LEADER.id,
            },
          });
        }
      }
      return { path: `/api/v1/years/${yearId}/cross-scores/complete`, params: { yearId }, body: {} };
    },
  },
  "POST /api/v1/years/[yearId]/cross-scores/apply": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId, criteria } = await world.newScoringYear("REVIEW", { crossScoring: true });
      await db.crossScore.create({
        data: {
          yearId,
          scorerAgencyId: world.ids.a3,
          targetAgencyId: world.ids.a1,
          criterionId: criteria.get("I.1")!,
          pointsX100: 2000,
          scorerId: world.users.AGENCY_LEADER.id,
        },
      });
      return { path: `/api/v1/years/${yearId}/cross-scores/apply`, params: { yearId }, body: {} };
    },
  },
  // Excel: the score table for the secretariat and the province; the criteria table for every member.
  "GET /api/v1/years/[yearId]/scores.xlsx": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      return { path: `/api/v1/years/${yearId}/scores.xlsx`, params: { yearId } };
    },
  },
  // Who is asking is checked before the file is read: an empty form is a 422 for the allowed persona.
  "POST /api/v1/years/[yearId]/scores.xlsx": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [422],
    call: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      return { path: `/api/v1/years/${yearId}/scores.xlsx`, params: { yearId }, form: new FormData() };
    },
  },
  "GET /api/v1/years/[yearId]/criteria.xlsx": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newScoringYear("SETUP");
      return { path: `/api/v1/years/${yearId}/criteria.xlsx`, params: { yearId } };
    },
  },
  "POST /api/v1/years/[yearId]/criteria.xlsx": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [422],
    call: async () => {
      const { yearId } = await world.newScoringYear("SETUP");
      return { path: `/api/v1/years/${yearId}/criteria.xlsx`, params: { yearId }, form: new FormData() };
    },
  },
  // The minutes of the deliberation: every reader of the year, once a session is closed.
  "GET /api/v1/years/[yearId]/vote-minutes.pdf": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newVoteSession("CLOSED");
      return { path: `/api/v1/years/${yearId}/vote-minutes.pdf`, params: { yearId } };
    },
  },
  // Vote sessions: every reader of the year sees them (who voted, never how) and, once closed, their
  // results; the secretariat of the year's Khối trưởng opens, closes and cancels; a member's leader votes.
  "GET /api/v1/years/[yearId]/vote-sessions": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.newVoteSession("OPEN");
      return { path: `/api/v1/years/${yearId}/vote-sessions`, params: { yearId } };
    },
  },
  "POST /api/v1/years/[yearId]/vote-sessions": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [201],
    call: async () => {
      // The year's election is running: open the proposal of an award (all three members are eligible).
      const { yearId } = await world.newVoteSession("OPEN");
      return {
        path: `/api/v1/years/${yearId}/vote-sessions`,
        params: { yearId },
        body: {
          kind: "AWARD_PROPOSAL",
          awardCode: "PROVINCIAL_FLAG",
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      };
    },
  },
  "GET /api/v1/vote-sessions/[sessionId]": {
    allowed: BLOC_READERS,
    call: async () => {
      const { sessionId } = await world.newVoteSession("OPEN");
      return { path: `/api/v1/vote-sessions/${sessionId}`, params: { sessionId } };
    },
  },
  // Only a member's leader votes, for their own agency, after re-entering their password.
  "POST /api/v1/vote-sessions/[sessionId]/ballots": {
    allowed: ["AGENCY_LEADER"],
    okStatuses: [201],
    call: async () => {
      const { sessionId } = await world.newVoteSession("OPEN");
      return {
        path: `/api/v1/vote-sessions/${sessionId}/ballots`,
        params: { sessionId },
        body: {
          password: TEST_PASSWORD,
          choices: { LEADER: world.agencyCodes.a1, DEPUTY: world.agencyCodes.a2 },
        },
      };
    },
  },
  "POST /api/v1/vote-sessions/[sessionId]/close": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { sessionId } = await world.newVoteSession("ENDED");
      return { path: `/api/v1/vote-sessions/${sessionId}/close`, params: { sessionId }, body: {} };
    },
  },
  "POST /api/v1/vote-sessions/[sessionId]/cancel": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { sessionId } = await world.newVoteSession("OPEN");
      return {
        path: `/api/v1/vote-sessions/${sessionId}/cancel`,
        params: { sessionId },
        body: { reason: "Sai danh sách cử tri" },
      };
    },
  },
  "GET /api/v1/vote-sessions/[sessionId]/results": {
    allowed: BLOC_READERS,
    call: async () => {
      const { sessionId } = await world.newVoteSession("CLOSED");
      return { path: `/api/v1/vote-sessions/${sessionId}/results`, params: { sessionId } };
    },
  },
  "POST /api/v1/vote-sessions/[sessionId]/receipt-check": {
    allowed: BLOC_READERS,
    call: async () => {
      const { sessionId } = await world.newVoteSession("CLOSED");
      return {
        path: `/api/v1/vote-sessions/${sessionId}/receipt-check`,
        params: { sessionId },
        body: { receipt: "0000-0000-0000-0000" },
      };
    },
  },
  // Báo cáo thành tích: attached by the nominee agency's people or the year's secretariat; read by
  // whoever reads the nomination (another member's people get NOT_FOUND).
  "POST /api/v1/nominations/[nominationId]/report": {
    allowed: ["SECRETARIAT_LEAD", "AGENCY_LEADER", "AGENCY_STAFF"],
    okStatuses: [201],
    call: async () => {
      const { nominationId } = await world.newNomination();
      const form = new FormData();
      form.append(
        "file",
        new File([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "bao-cao.pdf", {
          type: "application/pdf",
        }),
      );
      return { path: `/api/v1/nominations/${nominationId}/report`, params: { nominationId }, form };
    },
  },
  "GET /api/v1/nomination-reports/[reportId]": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD", "AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const { reportId } = await world.newNomination({ report: true });
      return { path: `/api/v1/nomination-reports/${reportId}`, params: { reportId: reportId! } };
    },
  },
  // The dossier's documents: the bloc's secretariat and the province (dossier.read).
  "GET /api/v1/years/[yearId]/to-trinh.pdf": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newNomination();
      return { path: `/api/v1/years/${yearId}/to-trinh.pdf`, params: { yearId } };
    },
  },
  "GET /api/v1/years/[yearId]/score-table.pdf": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newNomination();
      return { path: `/api/v1/years/${yearId}/score-table.pdf`, params: { yearId } };
    },
  },
  "GET /api/v1/years/[yearId]/dossier.zip": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await world.newNomination({ report: true });
      return { path: `/api/v1/years/${yearId}/dossier.zip`, params: { yearId } };
    },
  },
  "GET /api/v1/awards.xlsx": {
    allowed: SIGNED_IN,
    call: async () => ({ path: "/api/v1/awards.xlsx?year=2030" }),
  },
  // The registry of issued documents: anyone checks a file or reads an entry (which document, not what
  // it says); the stored bytes and a year's list go to those who may read what the document is of.
  "GET /api/v1/years/[yearId]/documents": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await world.issuedPledge();
      return { path: `/api/v1/years/${yearId}/documents`, params: { yearId } };
    },
  },
  "GET /api/v1/documents/[documentId]": {
    allowed: "public",
    call: async () => {
      const { documentId } = await world.issuedPledge();
      return { path: `/api/v1/documents/${documentId}`, params: { documentId } };
    },
  },
  "GET /api/v1/documents/[documentId]/pdf": {
    allowed: BLOC_READERS,
    call: async () => {
      const { documentId } = await world.issuedPledge();
      return { path: `/api/v1/documents/${documentId}/pdf`, params: { documentId } };
    },
  },
  "POST /api/v1/documents/check": {
    allowed: "public",
    call: async () => {
      const { bytes } = await world.issuedPledge();
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], "giao-uoc.pdf", { type: "application/pdf" }));
      return { path: "/api/v1/documents/check", form };
    },
  },
  // Nominations: every reader of the year lists them (a member only its own); the secretariat of the
  // year's Khối trưởng builds the list and sends the dossier; the board reviews and decides.
  "GET /api/v1/years/[yearId]/nominations": {
    allowed: BLOC_READERS,
    call: async () => {
      const { yearId } = await nominationIn("DRAFT");
      return { path: `/api/v1/years/${yearId}/nominations`, params: { yearId } };
    },
  },
  "POST /api/v1/years/[yearId]/nominations": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [201],
    call: async () => {
      const { yearId } = await nominationIn("DRAFT");
      return {
        path: `/api/v1/years/${yearId}/nominations`,
        params: { yearId },
        body: { agencyCode: world.agencyCodes.a2, awardCode: "PROVINCIAL_MERIT" },
      };
    },
  },
  "POST /api/v1/years/[yearId]/nominations/suggested": {
    allowed: ["SECRETARIAT_LEAD"],
    okStatuses: [201],
    call: async () => {
      const { yearId } = await nominationIn("DRAFT");
      return { path: `/api/v1/years/${yearId}/nominations/suggested`, params: { yearId }, body: {} };
    },
  },
  "GET /api/v1/years/[yearId]/dossier": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await nominationIn("SUBMITTED");
      return { path: `/api/v1/years/${yearId}/dossier`, params: { yearId } };
    },
  },
  "POST /api/v1/years/[yearId]/dossier/submit": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { yearId } = await nominationIn("DRAFT");
      return { path: `/api/v1/years/${yearId}/dossier/submit`, params: { yearId }, body: {} };
    },
  },
  "POST /api/v1/years/[yearId]/decision": {
    allowed: ["BOARD"],
    okStatuses: [201],
    call: async () => {
      const { yearId } = await nominationIn("APPROVED");
      return {
        path: `/api/v1/years/${yearId}/decision`,
        params: { yearId },
        body: { number: "125/QĐ-UBND", signedOn: "2031-01-20", signerName: "Nguyễn Văn A" },
      };
    },
  },
  // One nomination: the year's secretariat, the province and the nominee agency's people read it.
  "GET /api/v1/nominations/[nominationId]": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD", "AGENCY_LEADER", "AGENCY_STAFF"],
    call: async () => {
      const { nominationId } = await nominationIn("SUBMITTED");
      return { path: `/api/v1/nominations/${nominationId}`, params: { nominationId } };
    },
  },
  "PATCH /api/v1/nominations/[nominationId]": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { nominationId } = await nominationIn("DRAFT");
      return {
        path: `/api/v1/nominations/${nominationId}`,
        params: { nominationId },
        body: { note: "Bổ sung thành tích" },
      };
    },
  },
  "POST /api/v1/nominations/[nominationId]/withdraw": {
    allowed: ["SECRETARIAT_LEAD"],
    call: async () => {
      const { nominationId } = await nominationIn("DRAFT");
      return {
        path: `/api/v1/nominations/${nominationId}/withdraw`,
        params: { nominationId },
        body: { reason: "Đơn vị xin rút" },
      };
    },
  },
  "POST /api/v1/nominations/[nominationId]/review": {
    allowed: ["BOARD"],
    call: async () => {
      const { nominationId } = await nominationIn("SUBMITTED");
      return {
        path: `/api/v1/nominations/${nominationId}/review`,
        params: { nominationId },
        body: { action: "approve" },
      };
    },
  },
  "POST /api/v1/nominations/bulk-approve": {
    allowed: ["BOARD"],
    call: async () => {
      const { nominationId } = await nominationIn("SUBMITTED");
      return { path: "/api/v1/nominations/bulk-approve", body: { nominationIds: [nominationId] } };
    },
  },
  "GET /api/v1/board/inbox": {
    allowed: ["ADMIN", "BOARD"],
    call: async () => ({ path: "/api/v1/board/inbox?status=SUBMITTED" }),
  },
  // Award history: decisions are public records to every signed-in user.
  "GET /api/v1/agencies/[code]/awards": {
    allowed: SIGNED_IN,
    call: async () => ({
      path: `/api/v1/agencies/${world.agencyCodes.a3}/awards`,
      params: { code: world.agencyCodes.a3 },
    }),
  },
  "GET /api/v1/awards": {
    allowed: SIGNED_IN,
    call: async () => ({ path: "/api/v1/awards?year=2030&awardCode=PROVINCIAL_MERIT" }),
  },
  "GET /api/v1/notifications": { allowed: SIGNED_IN, call: async () => ({ path: "/api/v1/notifications" }) },
  "POST /api/v1/notifications/[notificationId]/read": {
    allowed: SIGNED_IN,
    call: async (persona) => {
      const notificationId = await world.newNotification(persona);
      return { path: `/api/v1/notifications/${notificationId}/read`, params: { notificationId }, body: {} };
    },
  },
};

/** The small criteria table as the criteria API takes it. */
function criteriaInput() {
  return {
    groups: smallCriteriaTable().groups.map((group) => ({
      code: group.code,
      title: group.title,
      kind: group.criteria[0]!.kind,
      max: group.max,
      criteria: group.criteria.map((criterion) => ({
        code: criterion.code,
        title: criterion.title,
        guidance: "",
        max: criterion.max,
        evidenceRequired: criterion.evidence ?? false,
      })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Server actions

type ActionOutcome = { ok: boolean; code?: string } | undefined;

interface ActionEntry {
  allowed: Persona[] | "public";
  /** Arguments of the action (a FormData last, as forms send it). */
  args(persona: Persona): Promise<unknown[]>;
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values))
    for (const item of [value].flat()) data.append(key, item);
  return data;
}

/** A nomination of A3 before the board (year in BOARD_REVIEW), SUBMITTED or already APPROVED. */
async function nominationUnderReview(status: "SUBMITTED" | "APPROVED") {
  const { yearId, nominationId } = await world.newNomination({ report: true });
  await db.emulationYear.update({ where: { id: yearId }, data: { phase: "BOARD_REVIEW" } });
  await db.nomination.update({ where: { id: nominationId }, data: { status, round: 1 } });
  return { yearId, nominationId };
}

const ACTIONS: Record<string, ActionEntry> = {
  "lib/i18n/actions.ts#setLocaleAction": { allowed: "public", args: async () => ["en"] },
  "lib/auth/actions.ts#changePasswordAction": {
    allowed: SIGNED_IN,
    args: async () => [form({ currentPassword: "not-the-password-1", newPassword: "MotMatKhauMoi2026" })],
  },
  "lib/agencies/actions.ts#createAgencyAction": {
    allowed: ["ADMIN"],
    args: async () => {
      const token = uniqueToken();
      return [form({ code: `f${token}`, name: `Cơ quan ${token}`, shortName: `CQ ${token}` })];
    },
  },
  "lib/agencies/actions.ts#updateAgencyAction": {
    allowed: ["ADMIN"],
    args: async () => [await world.newAgencyCode(), form({ shortName: `Sửa ${uniqueToken()}` })],
  },
  "lib/blocs/actions.ts#createBlocAction": {
    allowed: ["ADMIN"],
    args: async () => [form({ name: `Khối ${uniqueToken()}` })],
  },
  "lib/blocs/actions.ts#updateBlocAction": {
    allowed: ["ADMIN"],
    args: async () => [world.blocId, form({ description: uniqueToken() })],
  },
  "lib/years/manage-actions.ts#createYearAction": {
    allowed: ["ADMIN"],
    args: async () => {
      yearNumber += 1;
      return [form({ blocId: world.blocId, year: String(yearNumber), copyMembersFromPrevious: "on" })];
    },
  },
  "lib/years/manage-actions.ts#updateYearLeadershipAction": {
    allowed: ["ADMIN"],
    args: async () => [
      (await world.newYear()).id,
      form({
        leaderAgencyCode: world.agencyCodes.a1,
        deputyAgencyCode: world.agencyCodes.a3,
        "deadline.PLEDGING": "2031-03-31",
      }),
    ],
  },
  "lib/years/manage-actions.ts#updateYearRulesAction": {
    allowed: ["ADMIN"],
    args: async () => {
      const { DEFAULT_RULES } = await import("@/lib/years/rules");
      return [(await world.newYear()).id, form({ rules: JSON.stringify({ ...DEFAULT_RULES, scale: 1000 }) })];
    },
  },
  "lib/years/manage-actions.ts#setYearMembersAction": {
    allowed: ["ADMIN"],
    args: async () => [
      (await world.newYear()).id,
      form({ "agencyCodes[]": [world.agencyCodes.a1, world.agencyCodes.a2, world.agencyCodes.a3] }),
    ],
  },
  "lib/users/actions.ts#createUserAction": {
    allowed: ["ADMIN"],
    args: async () => [
      form({
        email: `hd.${uniqueToken()}@test.local`,
        name: "Người mới",
        role: "BOARD",
        agencyCode: "",
        password: TEST_PASSWORD,
      }),
    ],
  },
  "lib/users/actions.ts#updateUserAction": {
    allowed: ["ADMIN"],
    args: async () => [
      await world.newUserId(),
      form({ name: "Tên mới", role: "AGENCY_STAFF", agencyCode: world.agencyCodes.a3 }),
    ],
  },
  "lib/users/actions.ts#resetUserPasswordAction": {
    allowed: ["ADMIN"],
    args: async () => [await world.newUserId(), form({ password: "TamThoi2026x" })],
  },
  "lib/pledges/actions.ts#savePledgeDraftAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { pledgeTemplate } = await import("@/lib/pledges/template");
      return [
        (await world.newYear("PLEDGING")).id,
        form(pledgeTemplate(2030, "Khối") as unknown as Record<string, string>),
      ];
    },
  },
  "lib/pledges/actions.ts#openPledgeAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { pledgeTemplate } = await import("@/lib/pledges/template");
      return [
        (await world.newYear("PLEDGING")).id,
        form(pledgeTemplate(2030, "Khối") as unknown as Record<string, string>),
      ];
    },
  },
  "lib/pledges/actions.ts#signPledgeAction": {
    allowed: ["AGENCY_LEADER"],
    args: async () => {
      const { yearId, versionId } = await world.newPledge("OPEN");
      return [yearId, versionId, form({ password: TEST_PASSWORD, consent: "on" })];
    },
  },
  "lib/notifications/actions.ts#markNotificationReadAction": {
    allowed: SIGNED_IN,
    args: async (persona) => [await world.newNotification(persona)],
  },
  "lib/notifications/actions.ts#markAllNotificationsReadAction": {
    allowed: SIGNED_IN,
    args: async () => [],
  },
  "lib/criteria/actions.ts#saveCriteriaTableAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [(await world.newScoringYear("SETUP")).yearId, criteriaInput()],
  },
  "lib/criteria/actions.ts#copyCriteriaAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const ownBloc = await makeBloc(db);
      const members = { memberIds: [world.ids.a1, world.ids.a2, world.ids.a3], leaderId: world.ids.a1 };
      const previous = await makeYear(db, { blocId: ownBloc.id, year: 2029, phase: "CLOSED", ...members });
      await makeCriteriaTable(db, previous.id, smallCriteriaTable());
      return [(await makeYear(db, { blocId: ownBloc.id, year: 2030, phase: "SETUP", ...members })).id];
    },
  },
  "lib/assessments/actions.ts#saveSelfScoreAction": {
    allowed: ["AGENCY_LEADER", "AGENCY_STAFF"],
    args: async () => {
      const { yearId, criteria } = await world.newScoringYear("SELF_ASSESSMENT");
      return [yearId, { criterionId: criteria.get("I.2")!, points: 20, note: "Theo báo cáo" }];
    },
  },
  "lib/assessments/actions.ts#deleteEvidenceAction": {
    allowed: ["AGENCY_LEADER", "AGENCY_STAFF"],
    args: async () => {
      const evidenceId = await world.newEvidence();
      const { yearId } = await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } });
      return [yearId, evidenceId];
    },
  },
  "lib/assessments/actions.ts#submitSelfAssessmentAction": {
    allowed: ["AGENCY_LEADER"],
    args: async () => [(await world.newScoringYear("SELF_ASSESSMENT")).yearId, 0],
  },
  "lib/assessments/actions.ts#returnSelfAssessmentAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId } = await world.newScoringYear("SELF_ASSESSMENT");
      await db.assessment.create({
        data: { yearId, agencyId: world.ids.a3, status: "SUBMITTED", submittedAt: new Date() },
      });
      return [yearId, world.agencyCodes.a3, form({ comment: "Bổ sung minh chứng" })];
    },
  },
  "lib/scores/actions.ts#saveFinalScoreAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [
      (await world.newScoringYear("REVIEW")).yearId,
      {
        agencyCode: world.agencyCodes.a3,
        criterionCode: "I.1",
        points: 20,
        version: 0,
        reason: "Theo minh chứng",
      },
    ],
  },
  "lib/scores/actions.ts#cellHistoryAction": {
    allowed: ["ADMIN", "BOARD", "SECRETARIAT_LEAD"],
    args: async () => [(await world.newScoringYear("REVIEW")).yearId, world.agencyCodes.a3, "I.1"],
  },
  "lib/ranking/actions.ts#publishRankingAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [(await world.newScoringYear("REVIEW", { scored: true })).yearId],
  },
  "lib/ranking/actions.ts#markNotScoredAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [
      (await world.newScoringYear("REVIEW")).yearId,
      world.agencyCodes.a3,
      form({ reason: "Sáp nhập từ tháng 6" }),
    ],
  },
  "lib/ranking/actions.ts#clearNotScoredAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [await world.newNotScoredMark(), world.agencyCodes.a3],
  },
  "lib/ranking/actions.ts#reopenRankingAction": {
    allowed: ["ADMIN", "SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId } = await world.newScoringYear("REVIEW");
      await db.rankingPublication.create({
        data: { yearId, publishedById: world.users.SECRETARIAT_LEAD.id, entries: [] },
      });
      return [yearId, form({ reason: "Sửa điểm theo khiếu nại" })];
    },
  },
  "lib/cross-scoring/actions.ts#saveCrossScoreAction": {
    allowed: ["AGENCY_LEADER"],
    args: async () => {
      const { yearId, criteria } = await world.newScoringYear("REVIEW", { crossScoring: true });
      return [
        yearId,
        { targetAgencyCode: world.agencyCodes.a1, criterionId: criteria.get("I.1")!, points: 20 },
      ];
    },
  },
  "lib/cross-scoring/actions.ts#completeCrossScoringAction": {
    allowed: ["AGENCY_LEADER"],
    args: async () => {
      const { yearId, criteria } = await world.newScoringYear("REVIEW", { crossScoring: true });
      for (const target of [world.ids.a1, world.ids.a2]) {
        for (const criterionId of criteria.values()) {
          await db.crossScore.create({
            data: {
              yearId,
              scorerAgencyId: world.ids.a3,
              targetAgencyId: target,
              criterionId,
              pointsX100: 100,
              scorerId: world.users.AGENCY_LEADER.id,
            },
          });
        }
      }
      return [yearId];
    },
  },
  "lib/cross-scoring/actions.ts#applyCrossScoresAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [(await world.newScoringYear("REVIEW", { crossScoring: true })).yearId],
  },
  "lib/votes/actions.ts#createVoteSessionAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId } = await world.newVoteSession("CLOSED");
      return [
        yearId,
        form({ session: "LEADERSHIP_ELECTION:", closesAt: new Date(Date.now() + 86_400_000).toISOString() }),
      ];
    },
  },
  "lib/votes/actions.ts#castBallotAction": {
    allowed: ["AGENCY_LEADER"],
    args: async () => {
      const { yearId, sessionId } = await world.newVoteSession("OPEN");
      return [
        yearId,
        sessionId,
        form({
          password: TEST_PASSWORD,
          choices: JSON.stringify({ LEADER: world.agencyCodes.a1, DEPUTY: null }),
        }),
      ];
    },
  },
  "lib/votes/actions.ts#closeVoteSessionAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId, sessionId } = await world.newVoteSession("ENDED");
      return [yearId, sessionId];
    },
  },
  "lib/votes/actions.ts#cancelVoteSessionAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId, sessionId } = await world.newVoteSession("OPEN");
      return [yearId, sessionId, form({ reason: "Sai danh sách cử tri" })];
    },
  },
  "lib/votes/actions.ts#checkReceiptAction": {
    allowed: BLOC_READERS,
    args: async () => [
      (await world.newVoteSession("CLOSED")).sessionId,
      form({ receipt: "0000-0000-0000-0000" }),
    ],
  },
  "lib/years/actions.ts#moveYearPhaseAction": {
    allowed: ["ADMIN", "SECRETARIAT_LEAD"],
    args: async () => [(await world.newYear()).id, form({ phase: "PLEDGING" })],
  },
  // Nominations: the year's secretariat builds the list and sends the dossier; a refusal by the rules
  // (VALIDATION), or nothing to do (CONFLICT), still means the call got through authorization.
  "lib/nominations/actions.ts#createNominationAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [
      (await world.newNomination()).yearId,
      form({ agencyCode: world.agencyCodes.a2, awardCode: "PROVINCIAL_MERIT" }),
    ],
  },
  "lib/nominations/actions.ts#applySuggestionsAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [(await world.newNomination()).yearId],
  },
  "lib/nominations/actions.ts#updateNominationNoteAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId, nominationId } = await world.newNomination();
      return [yearId, nominationId, form({ note: "Thành tích nổi bật" })];
    },
  },
  "lib/nominations/actions.ts#withdrawNominationAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => {
      const { yearId, nominationId } = await world.newNomination();
      return [yearId, nominationId, form({ reason: "Cơ quan xin rút" })];
    },
  },
  "lib/nominations/actions.ts#submitDossierAction": {
    allowed: ["SECRETARIAT_LEAD"],
    args: async () => [(await world.newNomination({ report: true })).yearId],
  },
  // The board's review: only the provincial board.
  "lib/nominations/board-actions.ts#reviewNominationAction": {
    allowed: ["BOARD"],
    args: async () => {
      const { yearId, nominationId } = await nominationUnderReview("SUBMITTED");
      return [yearId, nominationId, form({ action: "return", comment: "Bổ sung số liệu năm 2030" })];
    },
  },
  "lib/nominations/board-actions.ts#bulkApproveAction": {
    allowed: ["BOARD"],
    args: async () => [
      form({ "nominationIds[]": [(await nominationUnderReview("SUBMITTED")).nominationId] }),
    ],
  },
  "lib/nominations/board-actions.ts#recordDecisionAction": {
    allowed: ["BOARD"],
    args: async () => [
      (await nominationUnderReview("APPROVED")).yearId,
      form({
        number: "125/QĐ-UBND",
        signedOn: "2031-02-20",
        signerName: "Trần Văn A",
        signerTitle: "Chủ tịch",
      }),
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// Discovery of what the app actually exposes

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const appFiles = walk(path.join(ROOT, "app")).map((file) => path.relative(ROOT, file));
const routeFiles = appFiles.filter((file) => file.endsWith("/route.ts"));
// Server actions live in their features (lib/<feature>/actions.ts); any "use server" module counts.
const actionFiles = ["app", "lib", "components"]
  .flatMap((dir) => walk(path.join(ROOT, dir)).map((file) => path.relative(ROOT, file)))
  .filter(
    (file) =>
      !file.startsWith(path.join("lib", "generated")) &&
      /\.tsx?$/.test(file) &&
      /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")),
  );

function routePath(file: string): string {
  return `/${path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/")}`;
}

async function discoverRoutes(): Promise<
  Map<string, (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>>
> {
  const found = new Map();
  for (const file of routeFiles) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS)
      if (typeof mod[method] === "function") found.set(`${method} ${routePath(file)}`, mod[method]);
  }
  return found;
}

async function discoverActions(): Promise<Map<string, (...args: unknown[]) => Promise<ActionOutcome>>> {
  const found = new Map();
  for (const file of actionFiles) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") found.set(`${file}#${name}`, value);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

describe("permission matrix", () => {
  it("has an entry for every route handler and every server action, and no stale entries", async () => {
    const routes = [...(await discoverRoutes()).keys()].sort();
    const actions = [...(await discoverActions()).keys()].sort();
    expect(routes.length).toBeGreaterThan(20);
    expect(actions.length).toBeGreaterThan(10);
    expect(routes, "route handlers without a matrix entry (or stale entries)").toEqual(
      Object.keys(ROUTES).sort(),
    );
    expect(actions, "server actions without a matrix entry (or stale entries)").toEqual(
      Object.keys(ACTIONS).sort(),
    );
  });

  it("describes every /api route handler in the OpenAPI document", async () => {
    const described = new Set(
      OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, "[$1]")}`),
    );
    const missing = [...(await discoverRoutes()).keys()].filter(
      (key) => !key.includes("/api/auth/") && !described.has(key),
    );
    expect(missing).toEqual([]);
  });

  describe.each(Object.entries(ROUTES))("%s", (key, entry) => {
    const method = key.split(" ")[0]!;
    it.each(PERSONAS)("as %s", async (persona) => {
      const handler = (await discoverRoutes()).get(key);
      expect(handler, `${key} is not exported`).toBeDefined();
      await actAs(persona);
      const call = await entry.call(persona);
      const headers = new Headers({ origin: ORIGIN, host: "localhost:3000", "user-agent": "vitest" });
      const cookie = (await (await import("next/headers")).headers()).get("cookie");
      if (cookie) headers.set("cookie", cookie);
      if (call.body !== undefined) headers.set("content-type", "application/json");
      setHeader("origin", ORIGIN);
      if (call.form) headers.delete("content-type");
      const request = new NextRequest(`${ORIGIN}${call.path}`, {
        method,
        headers,
        ...(call.form
          ? { body: call.form }
          : call.body !== undefined
            ? { body: JSON.stringify(call.body) }
            : {}),
      });
      const response = await handler!(request, { params: Promise.resolve(call.params ?? {}) });
      const status = response.status;
      const allowed = entry.allowed === "public" || entry.allowed.includes(persona);
      if (allowed) {
        expect(
          entry.okStatuses ?? [200, 201],
          `${key} as ${persona}: ${await response.clone().text()}`,
        ).toContain(status);
      } else if (persona === "anonymous") {
        expect(status).toBe(401);
      } else {
        expect(
          [403, 404],
          `${key} as ${persona} must be refused: ${await response.clone().text()}`,
        ).toContain(status);
      }
      if (status >= 400 && key.startsWith(`${method} /api/v1`)) {
        const body = (await response.json()) as { error?: { code?: string; message?: string } };
        expect(body.error?.code).toBeTruthy();
        expect(body.error?.message).toBeTruthy();
      }
    });
  });

  describe.each(Object.entries(ACTIONS))("%s", (key, entry) => {
    it.each(PERSONAS)("as %s", async (persona) => {
      const action = (await discoverActions()).get(key);
      expect(action, `${key} is not exported`).toBeDefined();
      await actAs(persona);
      const outcome = await action!(...(await entry.args(persona)));
      const allowed = entry.allowed === "public" || entry.allowed.includes(persona);
      if (entry.allowed === "public") {
        expect(outcome?.ok ?? true).toBe(true);
      } else if (allowed) {
        // Authorized: the action did its work, or refused the input itself (never an authorization error).
        expect(
          outcome?.ok || ["VALIDATION", "CONFLICT", "WRONG_PHASE"].includes(outcome?.code ?? ""),
          `${key} as ${persona}: ${JSON.stringify(outcome)}`,
        ).toBe(true);
      } else if (persona === "anonymous") {
        expect(outcome).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
      } else {
        expect(["FORBIDDEN", "NOT_FOUND"], `${key} as ${persona}: ${JSON.stringify(outcome)}`).toContain(
          outcome?.code,
        );
      }
    });
  });
});
