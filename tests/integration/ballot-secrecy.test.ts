// Secrecy of the ballot (issue 5): nobody, the secretariat and administrators included, can find out
// how an agency voted. The ballot table holds nothing that could link a row to a voter or an agency,
// and no log line or audit row of a whole vote carries a receipt or a ballot's choices.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postBallot } from "@/app/api/v1/vote-sessions/[sessionId]/ballots/route";
import { POST as postClose } from "@/app/api/v1/vote-sessions/[sessionId]/close/route";
import { POST as postReceiptCheck } from "@/app/api/v1/vote-sessions/[sessionId]/receipt-check/route";
import { GET as getResults } from "@/app/api/v1/vote-sessions/[sessionId]/results/route";
import { GET as getSession } from "@/app/api/v1/vote-sessions/[sessionId]/route";
import { GET as listSessions, POST as postSession } from "@/app/api/v1/years/[yearId]/vote-sessions/route";
import { db } from "@/lib/db";
import { receiptHash } from "@/lib/votes/receipts";
import { TEST_PASSWORD, uniqueToken } from "@/prisma/seed/factories";
import { uniqueIp } from "../support/dal";
import { resetRequest, setHeader } from "../support/request-context";
import { signInAs } from "../support/sessions";
import { approval, election, endWindow, inHours, votingYear, type VotingYear } from "../support/votes";

// Log everything the app would log.
process.env.LOG_LEVEL = "debug";

/** The only columns a ballot may have: a random id, its session, the receipt's hash, the choices. */
const ALLOWED_BALLOT_COLUMNS = ["choices", "id", "receiptHash", "sessionId"];

describe("the Ballot table", () => {
  it("has exactly the allowed columns: none could link a ballot to a voter, an agency or a moment", async () => {
    const columns = await db.$queryRaw<
      { column_name: string; data_type: string; column_default: string | null }[]
    >`
      SELECT column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'Ballot' ORDER BY column_name`;
    expect(columns.length, "the Ballot table exists").toBeGreaterThan(0);
    const extra = columns
      .map((column) => column.column_name)
      .filter((name) => !ALLOWED_BALLOT_COLUMNS.includes(name));
    expect(
      extra,
      `Ballot has column(s) ${extra.map((name) => `"${name}"`).join(", ")} that could link a ballot to its voter or agency. ` +
        `A ballot may only hold ${ALLOWED_BALLOT_COLUMNS.join(", ")} (docs: lib/votes/ballots.ts).`,
    ).toEqual([]);
    expect(columns.map((column) => column.column_name)).toEqual(ALLOWED_BALLOT_COLUMNS);

    // No moment of any precision: no timestamp, date, time or interval column.
    const timed = columns.filter((column) => /timestamp|date|time|interval/i.test(column.data_type));
    expect(
      timed.map((column) => `${column.column_name} (${column.data_type})`),
      "Ballot must not record when it was cast",
    ).toEqual([]);
    expect(Object.fromEntries(columns.map((column) => [column.column_name, column.data_type]))).toEqual({
      choices: "jsonb",
      id: "uuid",
      receiptHash: "text",
      sessionId: "uuid",
    });

    // A random id, never a time-ordered one (uuid v7, a sequence) nor one the application chooses.
    const id = columns.find((column) => column.column_name === "id")!;
    expect(id.column_default, "Ballot.id must default to gen_random_uuid() (random, not time-ordered)").toBe(
      "gen_random_uuid()",
    );
    for (const column of columns.filter((c) => c.column_name !== "id")) {
      expect(
        column.column_default,
        `Ballot.${column.column_name} must have no default (a now() or a sequence would date the ballot)`,
      ).toBeNull();
    }
  });

  it("refers to its session only, and nothing refers to a ballot", async () => {
    const keys = await db.$queryRaw<{ conname: string; target: string; columns: string[] }[]>`
      SELECT c.conname, c.confrelid::regclass::text AS target,
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS columns
      FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid = '"Ballot"'::regclass`;
    expect(
      keys.map((key) => `${key.columns.join(",")} -> ${key.target}`),
      "Ballot's only foreign key must be sessionId -> VoteSession (a key to a user or an agency would name the voter)",
    ).toEqual(['sessionId -> "VoteSession"']);

    const inbound = await db.$queryRaw<{ source: string }[]>`
      SELECT c.conrelid::regclass::text AS source FROM pg_constraint c WHERE c.contype = 'f' AND c.confrelid = '"Ballot"'::regclass`;
    expect(
      inbound.map((key) => key.source),
      "no table may point at a ballot (a participation row pointing at it would name the voter)",
    ).toEqual([]);
    const ballotColumns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'Ballot' AND column_name ILIKE '%ballot%'`;
    expect(ballotColumns, "no other table may keep a ballot's id").toEqual([]);
  });

  it("has no trigger but the append-only ones (a trigger could copy a ballot elsewhere with its time)", async () => {
    const triggers = await db.$queryRaw<{ tgname: string }[]>`
      SELECT tgname FROM pg_trigger WHERE tgrelid = '"Ballot"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((row) => row.tgname)).toEqual(["Ballot_append_only", "Ballot_no_truncate"]);
  });

  it("is declared with the same fields in prisma/schema.prisma", () => {
    const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const body = /^model Ballot \{([\s\S]*?)^\}/m.exec(schema)?.[1];
    expect(body, "model Ballot in prisma/schema.prisma").toBeDefined();
    const fields = body!
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("//") && !line.startsWith("@@"))
      .map((line) => line.split(/\s+/)[0]!);
    const extra = fields.filter((field) => ![...ALLOWED_BALLOT_COLUMNS, "session"].includes(field));
    expect(
      extra,
      `model Ballot has field(s) ${extra.join(", ")} that could link a ballot to its voter or agency`,
    ).toEqual([]);
    expect(body).toMatch(/id\s+String\s+@id @default\(dbgenerated\("gen_random_uuid\(\)"\)\)/);
  });
});

// ---------------------------------------------------------------------------------------------
// A whole vote through the HTTP API with every log line captured.

const ORIGIN = "http://localhost:3000";
let logLines: string[] = [];

beforeEach(() => {
  logLines = [];
  const capture =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      logLines.push(
        args
          .map((arg) =>
            typeof arg === "string"
              ? arg
              : arg instanceof Error
                ? `${arg.message}\n${arg.stack}`
                : JSON.stringify(arg),
          )
          .join(" "),
      );
      void original;
    };
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation(capture(original));
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler as `user` (signed in through the session cookie), from the app's origin. */
async function call<P>(
  handler: Handler<P>,
  user: { id: string; tokenVersion: number },
  method: string,
  url: string,
  params: P,
  body?: unknown,
  ip?: string,
) {
  resetRequest();
  if (ip) setHeader("x-forwarded-for", ip);
  await signInAs(user);
  setHeader("origin", ORIGIN);
  const cookie = (await (await import("next/headers")).headers()).get("cookie")!;
  const headers = new Headers({ origin: ORIGIN, host: "localhost:3000", "user-agent": "vitest", cookie });
  if (body !== undefined) headers.set("content-type", "application/json");
  const response = await handler(
    new NextRequest(`${ORIGIN}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as { data?: unknown; error?: { code: string; message: string } },
  };
}

const toText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

/** Opens a session through the API as the secretariat. */
async function open(setup: VotingYear, body: unknown) {
  const response = await call(
    postSession,
    setup.secretariat,
    "POST",
    `/api/v1/years/${setup.year.id}/vote-sessions`,
    { yearId: setup.year.id },
    body,
  );
  expect(response.status, response.text).toBe(201);
  return (response.json.data as { id: string }).id;
}

async function vote(setup: VotingYear, index: number, sessionId: string, choices: unknown) {
  const response = await call(
    postBallot,
    setup.leaders[index]!,
    "POST",
    `/api/v1/vote-sessions/${sessionId}/ballots`,
    { sessionId },
    { password: TEST_PASSWORD, choices },
  );
  expect(response.status, response.text).toBe(201);
  return (response.json.data as { receipt: string }).receipt;
}

describe("a whole vote", () => {
  it("never writes a receipt or a ballot's choices to the logs, the audit trail or the answers of others", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const approvalId = await open(setup, {
      kind: "AWARD_PROPOSAL",
      awardCode: "PROVINCIAL_FLAG",
      closesAt: inHours(1),
    });
    const electionId = await open(setup, { kind: "LEADERSHIP_ELECTION", closesAt: inHours(1) });

    // Distinct choices per voter, so that any leak of one would show.
    const approvalBallots = [
      approval(setup, { 0: "FOR", 1: "AGAINST", 2: "ABSTAIN" }),
      approval(setup, { 0: "AGAINST", 1: "FOR", 2: "FOR" }),
      approval(setup, { 0: "ABSTAIN", 1: "ABSTAIN", 2: "AGAINST" }),
      approval(setup, { 0: "FOR", 1: "FOR", 2: "FOR" }),
    ];
    const electionBallots = [
      election(setup, 1, 2),
      election(setup, 2, 3),
      election(setup, 3, null),
      election(setup, null, 0),
    ];
    // A wrong password (from an address of its own: failures count per IP) goes through the same paths.
    const wrong = await call(
      postBallot,
      setup.leaders[0]!,
      "POST",
      `/api/v1/vote-sessions/${approvalId}/ballots`,
      { sessionId: approvalId },
      { password: "sai-mat-khau", choices: approvalBallots[0] },
      uniqueIp(),
    );
    expect(wrong.status, wrong.text).toBe(422);
    const receipts: string[] = [];
    for (const [index, choices] of approvalBallots.entries())
      receipts.push(await vote(setup, index, approvalId, choices));
    for (const [index, choices] of electionBallots.entries())
      receipts.push(await vote(setup, index, electionId, choices));

    // So does a refused second ballot.
    const again = await call(
      postBallot,
      setup.leaders[0]!,
      "POST",
      `/api/v1/vote-sessions/${approvalId}/ballots`,
      { sessionId: approvalId },
      { password: TEST_PASSWORD, choices: approvalBallots[3] },
    );
    expect(again.json.error?.code).toBe("CONFLICT");

    // An unexpected database failure while storing a ballot, whose message quotes the refused row
    // (as a constraint violation would): the 500 answer and the log line must withhold it.
    const refusedSessionId = await open(setup, {
      kind: "AWARD_PROPOSAL",
      awardCode: "PROVINCIAL_MERIT",
      closesAt: inHours(1),
    });
    const token = uniqueToken();
    await db.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_ballot_${token}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused row: receipt % choices %', NEW."receiptHash", NEW.choices::text; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_ballot_${token}" BEFORE INSERT ON "Ballot" FOR EACH ROW
      WHEN (NEW."sessionId" = '${refusedSessionId}'::uuid) EXECUTE FUNCTION "test_refuse_ballot_${token}"()`);
    let failed;
    const refusedChoices = approval(setup, { 0: "AGAINST", 1: "ABSTAIN", 2: "FOR", 3: "AGAINST" });
    try {
      failed = await call(
        postBallot,
        setup.leaders[3]!,
        "POST",
        `/api/v1/vote-sessions/${refusedSessionId}/ballots`,
        { sessionId: refusedSessionId },
        { password: TEST_PASSWORD, choices: refusedChoices },
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_ballot_${token}" ON "Ballot"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_refuse_ballot_${token}"()`);
    }
    expect(failed.status).toBe(500);
    expect(failed.json.error?.code).toBe("INTERNAL");
    expect(failed.text).not.toMatch(/refused row|AGAINST|ABSTAIN|"FOR"/);
    // The failure was logged (so the capture works), without the row.
    const unexpected = logLines.filter((line) => line.includes("unexpected error"));
    expect(unexpected.length).toBeGreaterThan(0);
    for (const line of unexpected) expect(line).not.toMatch(/refused row|AGAINST|ABSTAIN|FOR/);
    // Nothing of the failed ballot stayed: the agency may still vote.
    expect(await db.voteParticipation.count({ where: { sessionId: refusedSessionId } })).toBe(0);
    expect(await db.ballot.count({ where: { sessionId: refusedSessionId } })).toBe(0);

    // Everyone has voted: the secretariat closes early; results and receipt checks are read.
    for (const sessionId of [approvalId, electionId]) {
      const closed = await call(
        postClose,
        setup.secretariat,
        "POST",
        `/api/v1/vote-sessions/${sessionId}/close`,
        { sessionId },
        {},
      );
      expect(closed.status, closed.text).toBe(200);
    }
    const answers: string[] = [];
    for (const [user, receipt, sessionId] of [
      [setup.leaders[0]!, receipts[0]!, approvalId],
      [setup.leaders[1]!, receipts[5]!, electionId],
    ] as const) {
      const check = await call(
        postReceiptCheck,
        user,
        "POST",
        `/api/v1/vote-sessions/${sessionId}/receipt-check`,
        { sessionId },
        { receipt },
      );
      expect(check.json.data).toEqual({ counted: true, receiptHash: receiptHash(receipt) });
    }
    for (const user of [setup.secretariat, setup.staff[0]!, setup.leaders[2]!]) {
      for (const sessionId of [approvalId, electionId]) {
        answers.push(
          (await call(getSession, user, "GET", `/api/v1/vote-sessions/${sessionId}`, { sessionId })).text,
        );
        const results = await call(getResults, user, "GET", `/api/v1/vote-sessions/${sessionId}/results`, {
          sessionId,
        });
        expect(results.status, results.text).toBe(200);
        answers.push(results.text);
      }
      answers.push(
        (
          await call(listSessions, user, "GET", `/api/v1/years/${setup.year.id}/vote-sessions`, {
            yearId: setup.year.id,
          })
        ).text,
      );
    }
    const approvalResults = JSON.parse(answers[1]!) as {
      data: { candidates: { code: string; for: number }[]; receiptHashes: string[] };
    };
    expect(approvalResults.data.candidates.map((c) => c.for)).toEqual([2, 2, 2]);
    expect(approvalResults.data.receiptHashes).toEqual(receipts.slice(0, 4).map(receiptHash).sort());

    // What was stored, what must never come out.
    const ballots = await db.ballot.findMany({ where: { sessionId: { in: [approvalId, electionId] } } });
    expect(ballots).toHaveLength(8);
    const choicesJson = ballots.map((ballot) => JSON.stringify(ballot.choices));
    const secrets = [
      ...receipts,
      ...receipts.map((r) => r.replace(/-/g, "")),
      ...choicesJson,
      ...ballots.map((b) => b.id),
      TEST_PASSWORD,
      "sai-mat-khau",
    ];

    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) {
      for (const secret of secrets) expect(line, `a log line carries ${secret}`).not.toContain(secret);
      expect(line).not.toMatch(/"(FOR|AGAINST|ABSTAIN)"/);
    }

    // The answers others get name agencies by code and never carry a ballot or a receipt.
    for (const answer of answers) {
      for (const secret of [
        ...receipts,
        ...choicesJson,
        ...ballots.map((b) => b.id),
        ...setup.agencies.map((a) => a.id),
      ])
        expect(answer).not.toContain(secret);
    }

    // The audit trail of the vote: who voted (agency and session), never how.
    const audits = await db.auditLog.findMany({
      where: {
        OR: [
          { entityId: { in: [approvalId, electionId, refusedSessionId] } },
          { actorId: { in: [...setup.leaders.map((l) => l.id), setup.secretariat.id] } },
        ],
      },
    });
    const casts = audits.filter((row) => row.action === "vote.cast");
    expect(casts).toHaveLength(8);
    for (const row of casts) {
      const voter = setup.agencies.find((agency) => agency.code === (row.after as { agency: string }).agency);
      expect(voter, toText(row)).toBeDefined();
      expect(row.after).toEqual({ agency: voter!.code });
      expect(row.before).toBeNull();
    }
    for (const row of audits) {
      const text = toText(row);
      for (const secret of [
        ...receipts,
        ...receipts.map(receiptHash),
        ...choicesJson,
        ...ballots.map((b) => b.id),
        ...setup.agencies.map((a) => a.id),
      ]) {
        expect(text, `audit ${row.action} carries ${secret}`).not.toContain(secret);
      }
      expect(text, `audit ${row.action}`).not.toMatch(/"(FOR|AGAINST|ABSTAIN)"/);
    }
  });

  it("the votes of an agency cannot be told from the ballot table and the participation table together", async () => {
    const setup = await votingYear({ memberCount: 3, publish: false });
    const sessionId = await open(setup, { kind: "LEADERSHIP_ELECTION", closesAt: inHours(1) });
    for (const [index, choices] of [
      election(setup, 1, 2),
      election(setup, 2, 0),
      election(setup, 0, 1),
    ].entries())
      await vote(setup, index, sessionId, choices);
    await endWindow(sessionId);
    // The participation rows carry the time each agency voted; ballots carry none to match it against,
    // and their ids sort in no relation to the order of voting.
    const participations = await db.voteParticipation.findMany({
      where: { sessionId },
      orderBy: { votedAt: "asc" },
    });
    expect(participations.map((p) => p.agencyId)).toEqual(setup.agencies.map((a) => a.id));
    const ballots = await db.ballot.findMany({ where: { sessionId } });
    for (const ballot of ballots) expect(Object.keys(ballot).sort()).toEqual(ALLOWED_BALLOT_COLUMNS);
    // Random (version 4) uuids: nothing time-ordered in them.
    for (const ballot of ballots)
      expect(ballot.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
