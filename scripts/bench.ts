// npm run bench — speed targets of issue 4 on a generated province, printed as a table (not a timed
// test). Runs the real code: the data layer in this process for rankings and query counts, and the
// production build (`next start`) over HTTP for the review grid page and cell saves.
//
//   rankings   40 blocs × 20 agencies × 80 criteria, all rankings computed     median < 200 ms
//   grid page  30 agencies × 80 criteria, server-rendered, 10 concurrent        median < 300 ms
//   cell save  20 concurrent writers, each saving a cell about once a second     p95    <  50 ms
//              (people typing in the grid); also shown without pauses (saturation), for information
//   bulk saves while the 20 cell-writers type, each in a bloc of 30 × 80 of its own:
//              a 2,400-cell PUT (a whole grid)                                   p95    < 1.5 s
//              an Excel import of a filled 30 × 80 workbook                      p95    <   3 s
//              a 170-cell PUT                                                    p95    < 300 ms
//   queries    SQL queries of one grid page, 10 vs 30 agencies                  equal
//   inbox      the board's inbox page (/board) over the province: 40 blocs × 20  median < 300 ms
//              agencies, every member nominated and before the board, 10 concurrent
//   document   download of an issued document (the signed pledge's stored bytes)  median < 100 ms
//              over HTTP, one at a time; also the first draft printed after the server starts and
//              the issue of a signed pledge (render, signature, registry), for information
//
// The grid page's HTML holds the headers, the criteria, the totals and all the cells' data; the
// 2 400 cells are drawn from that data in the browser right after hydration (review-grid.tsx).
//
// Also printed, to read the targets against: a small page's figures (what any signed-in page costs),
// and the server's CPU time per page (the grid's 10-concurrent median is about ten times that on the
// one JavaScript thread of a Node.js server).
// While optimising: BENCH_QUICK=1 (a 3-bloc province), BENCH_ONLY_GRID=1 (no cell saves),
// BENCH_ONLY_SAVES=1 (no grid page loads), BENCH_ONLY_INBOX=1 (only the board's inbox), BENCH_PROFILE=<dir> (a CPU profile of the server, node --cpu-prof).
//
// Needs `npm run build` (done when missing). Run with the react-server condition (see package.json)
// so that the data layer's `server-only` marker resolves as it does inside Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { selfSignedCertificate } from "./db/database";
import { freePort, startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/migrations";
import { waitForHealth } from "./next-server";

const root = path.resolve(import.meta.dirname, "..");
const SECRET = "bench-secret-0123456789abcdef0123456789";
const SEAL_KEY = "bench-seal-key-0123456789abcdef012345";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const median = (values: number[]) => percentile(values, 50);

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function serverCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface Bloc {
  yearId: string;
  secretary: { id: string; tokenVersion: number; agencyId: string };
  agencies: { id: string; code: string }[];
  criteria: { id: string; code: string; maxX100: number }[];
}

async function generate(
  db: import("@/lib/db/client").PrismaClient,
  blocIndex: number,
  agencyCount: number,
): Promise<Bloc> {
  const bloc = await db.bloc.create({ data: { name: `Khối đo tốc độ ${blocIndex}` } });
  const agencies = await db.agency.createManyAndReturn({
    data: Array.from({ length: agencyCount }, (_, a) => ({
      code: `b${blocIndex}a${a}`,
      name: `Cơ quan ${a + 1} của khối ${blocIndex}`,
      shortName: `CQ${a + 1}`,
    })),
    select: { id: true, code: true },
  });
  const year = await db.emulationYear.create({
    data: {
      blocId: bloc.id,
      year: 2030,
      phase: "REVIEW",
      leaderAgencyId: agencies[0]!.id,
      deputyAgencyId: agencies[1]!.id,
      rules: (await import("@/lib/years/rules")).DEFAULT_RULES,
      members: { create: agencies.map((agency) => ({ agencyId: agency.id })) },
    },
  });
  const criteria: Bloc["criteria"] = [];
  const { provinceCriteriaTable } = await import("@/prisma/seed/factories");
  for (const [g, group] of provinceCriteriaTable().groups.entries()) {
    const kind = group.criteria[0]!.kind;
    const row = await db.criteriaGroup.create({
      data: {
        yearId: year.id,
        code: group.code,
        title: group.title,
        kind,
        maxX100: group.max * 100,
        position: g + 1,
      },
    });
    const created = await db.criterion.createManyAndReturn({
      data: group.criteria.map((item, c) => ({
        yearId: year.id,
        groupId: row.id,
        code: item.code,
        title: item.title,
        kind,
        maxX100: item.max * 100,
        position: c + 1,
      })),
      select: { id: true, code: true, maxX100: true },
    });
    criteria.push(...created);
  }
  const scores = agencies.flatMap((agency, a) =>
    criteria.map((criterion, c) => {
      const x100 = Math.max(0, criterion.maxX100 - ((a * 7 + c * 3) % 3) * 50);
      return {
        yearId: year.id,
        agencyId: agency.id,
        criterionId: criterion.id,
        selfX100: x100,
        finalX100: x100,
      };
    }),
  );
  for (let i = 0; i < scores.length; i += 5000)
    await db.score.createMany({ data: scores.slice(i, i + 5000) });
  const secretary = await db.user.create({
    data: {
      email: `thuky.b${blocIndex}@bench.local`,
      name: `Thư ký khối ${blocIndex}`,
      role: "SECRETARIAT",
      agencyId: agencies[0]!.id,
      passwordHash: "x",
    },
  });
  return {
    yearId: year.id,
    secretary: { id: secretary.id, tokenVersion: 0, agencyId: agencies[0]!.id },
    agencies,
    criteria,
  };
}

/**
 * The bloc's dossier before the board: every member nominated (the first for the Government's flag,
 * the next three for the provincial flag, the others for the provincial merit), each with its báo cáo
 * thành tích, submitted in one round. Rows written directly (the inbox reads them, nothing else).
 */
async function nominateAll(db: import("@/lib/db/client").PrismaClient, bloc: Bloc): Promise<void> {
  const awards = [
    { code: "GOV_FLAG", name: "Cờ thi đua của Chính phủ" },
    { code: "PROVINCIAL_FLAG", name: "Cờ thi đua của UBND tỉnh" },
    { code: "PROVINCIAL_MERIT", name: "Bằng khen của Chủ tịch UBND tỉnh" },
  ];
  const nominations = await db.nomination.createManyAndReturn({
    data: bloc.agencies.map((agency, a) => {
      const award = awards[a === 0 ? 0 : a <= 3 ? 1 : 2]!;
      return {
        yearId: bloc.yearId,
        agencyId: agency.id,
        awardCode: award.code,
        awardName: award.name,
        status: "SUBMITTED" as const,
        round: 1,
        basis: {
          rank: a + 1,
          totalX100: 9900 - a * 50,
          classification: a < 4 ? "Xuất sắc" : "Tốt",
          vote: null,
        },
        createdById: bloc.secretary.id,
      };
    }),
    select: { id: true, agencyId: true, awardCode: true },
  });
  await db.nominationReport.createMany({
    data: nominations.map((n) => ({
      nominationId: n.id,
      fileName: "Bao cao thanh tich.pdf",
      mimeType: "application/pdf",
      sizeBytes: 48_213,
      sha256: "0".repeat(64),
      storageKey: `${bloc.yearId}/nominations/${n.id}/bench.pdf`,
      uploadedById: bloc.secretary.id,
    })),
  });
  await db.nominationEvent.createMany({
    data: nominations.flatMap((n) => [
      {
        nominationId: n.id,
        round: 0,
        action: "create",
        fromStatus: null,
        toStatus: "DRAFT" as const,
        actorId: bloc.secretary.id,
      },
      {
        nominationId: n.id,
        round: 1,
        action: "submit",
        fromStatus: "DRAFT" as const,
        toStatus: "SUBMITTED" as const,
        actorId: bloc.secretary.id,
      },
    ]),
  });
  await db.dossierSubmission.create({
    data: {
      yearId: bloc.yearId,
      round: 1,
      submittedById: bloc.secretary.id,
      nominations: nominations.map((n) => ({ id: n.id, award: n.awardCode })),
    },
  });
  await db.emulationYear.update({ where: { id: bloc.yearId }, data: { phase: "BOARD_REVIEW" } });
}

/** Runs `total` tasks with `concurrency` workers; returns each task's duration (ms). */
async function load(
  concurrency: number,
  total: number,
  task: (worker: number, index: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const index = next++;
        const started = performance.now();
        await task(worker, index);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations;
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No production build: building first …");
    const build = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if ((await new Promise<number>((resolve) => build.on("exit", (code) => resolve(code ?? 1)))) !== 0)
      throw new Error("next build failed");
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-bench-"));
  await chmod(dir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(database.url);
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      SIGNATURE_SEAL_KEY: SEAL_KEY,
      NEXTAUTH_URL: "http://localhost:3000",
      LOG_LEVEL: "error",
      ...selfSignedCertificate(dir, "đo hiệu năng"),
    });
    const { createPrismaClient } = await import("@/lib/db/client");
    const setup = createPrismaClient(database.url, { max: 4 });

    console.log(
      "Generating a province: 40 blocs × 20 agencies × 80 criteria, plus blocs of 10 and 30 agencies …",
    );
    const started = performance.now();
    // With BENCH_QUICK=1 the printed ranking figure is not the target's (3 blocs, not 40).
    const province: Bloc[] = [];
    for (let b = 1; b <= (process.env.BENCH_QUICK === "1" ? 3 : 40); b += 1)
      province.push(await generate(setup, b, 20));
    const ten = await generate(setup, 41, 10);
    const thirty = await generate(setup, 42, 30);
    // Saved whole, over HTTP, while the 20 cell-writers type in the bloc of thirty.
    const bulk = await generate(setup, 43, 30);
    const bulkSmall = await generate(setup, 44, 30);
    // The province's dossiers before the board, and the board's account.
    for (const bloc of province) await nominateAll(setup, bloc);
    // The bloc of ten's pledge, opened for signing (its members sign once the server runs).
    const { makePledgeSignature, makePledgeVersion, makeUser } = await import("@/prisma/seed/factories");
    const pledgeVersion = await makePledgeVersion(setup, {
      yearId: ten.yearId,
      createdById: ten.secretary.id,
    });
    const pledgeSigners = await Promise.all(
      ten.agencies
        .slice(0, 6)
        .map((agency) => makeUser(setup, { role: "AGENCY_LEADER", agencyId: agency.id })),
    );
    const board = await setup.user.create({
      data: {
        email: "board@bench.local",
        name: "Chuyên viên Ban Thi đua – Khen thưởng",
        role: "BOARD",
        passwordHash: "x",
      },
    });
    console.log(
      `  ${(await setup.score.count()).toLocaleString("vi-VN")} scores, ${(await setup.nomination.count()).toLocaleString("vi-VN")} nominations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await setup.$disconnect();

    // ---- rankings, in process, through the data layer
    const { db } = await import("@/lib/db");
    const { readYear } = await import("@/lib/years/context");
    const { computeYearRanking } = await import("@/lib/ranking/ranking");
    const years = await Promise.all(province.map((bloc) => readYear(db, bloc.yearId)));
    const rankingRuns: number[] = [];
    for (let run = 0; run < 15; run += 1) {
      const t0 = performance.now();
      const rankings = await Promise.all(years.map((year) => computeYearRanking(db, year)));
      rankingRuns.push(performance.now() - t0);
      if (rankings.length !== province.length || rankings.some((ranking) => ranking.length !== 20))
        throw new Error("rankings incomplete");
    }

    // ---- SQL queries of one grid page, 10 and 30 agencies
    const { getReviewGrid } = await import("@/lib/scores/review");
    const countQueries = async (bloc: Bloc) => {
      const actor = {
        id: bloc.secretary.id,
        email: "",
        name: "",
        title: null,
        role: "SECRETARIAT" as const,
        agencyId: bloc.secretary.agencyId,
        agency: null,
        mustChangePassword: false,
        request: { ip: null, userAgent: null, requestId: "bench" },
      };
      await getReviewGrid(actor, bloc.yearId); // warm
      let queries = 0;
      const original = pg.Client.prototype.query;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        queries += 1;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await getReviewGrid(actor, bloc.yearId);
      } finally {
        pg.Client.prototype.query = original;
      }
      return queries;
    };
    const queries10 = await countQueries(ten);
    const queries30 = await countQueries(thirty);
    const gridDataTimes: number[] = [];
    {
      const actor = {
        id: thirty.secretary.id,
        email: "",
        name: "",
        title: null,
        role: "SECRETARIAT" as const,
        agencyId: thirty.secretary.agencyId,
        agency: null,
        mustChangePassword: false,
        request: { ip: null, userAgent: null, requestId: "bench" },
      };
      for (let i = 0; i < 30; i += 1) {
        const t0 = performance.now();
        const grid = await getReviewGrid(actor, thirty.yearId);
        JSON.stringify(grid.cells);
        gridDataTimes.push(performance.now() - t0);
      }
    }
    // The board inbox's data (the first page, the filters' choices, the counts), in process.
    const { getInbox } = await import("@/lib/nominations/board");
    const boardActor = {
      id: board.id,
      email: board.email,
      name: board.name,
      title: null,
      role: "BOARD" as const,
      agencyId: null,
      agency: null,
      mustChangePassword: false,
      request: { ip: null, userAgent: null, requestId: "bench" },
    };
    const inboxDataTimes: number[] = [];
    const inboxDataCpuBefore = process.cpuUsage();
    for (let i = 0; i < 30; i += 1) {
      const t0 = performance.now();
      const data = await getInbox(boardActor, {});
      JSON.stringify(data);
      inboxDataTimes.push(performance.now() - t0);
      if (data.total !== province.length * 20) throw new Error(`the inbox counts ${data.total} nominations`);
    }
    const inboxDataCpuUsed = process.cpuUsage(inboxDataCpuBefore);
    const inboxDataCpu = (inboxDataCpuUsed.user + inboxDataCpuUsed.system) / 1000 / 30;
    await db.$disconnect();

    // ---- the production server over HTTP
    const port = await freePort();
    const profile = process.env.BENCH_PROFILE
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [];
    server = spawn(
      process.execPath,
      [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXTAUTH_URL: `http://localhost:${port}`,
          DEMO_MODE: "1",
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
    );
    const base = `http://localhost:${port}`;
    await waitForHealth(`${base}/api/health`, 60);
    const cookie = `next-auth.session-token=${await encode({ token: { sub: thirty.secretary.id, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;

    let pageBytes = 0;
    const page = async () => {
      const response = await fetch(`${base}/years/${thirty.yearId}/review`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`grid page answered ${response.status}`);
      pageBytes = (await response.text()).length;
    };
    for (let i = 0; i < 5; i += 1) await page();
    const small = async () => {
      const response = await fetch(`${base}/account`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`account page answered ${response.status}`);
      await response.text();
    };
    for (let i = 0; i < 5; i += 1) await small();
    const smallAlone = await load(1, 20, small);

    // The board's inbox over the whole province (its first page of 20, the filters' choices and the counts).
    const boardCookie = `next-auth.session-token=${await encode({ token: { sub: board.id, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;
    let inboxBytes = 0;
    const inbox = async () => {
      const response = await fetch(`${base}/board`, { headers: { cookie: boardCookie } });
      if (response.status !== 200) throw new Error(`board inbox answered ${response.status}`);
      const html = await response.text();
      if (!html.includes("của khối 1<"))
        throw new Error("the board inbox does not list the first bloc's nominations");
      inboxBytes = html.length;
    };
    for (let i = 0; i < 5; i += 1) await inbox();
    const inboxAlone = await load(1, 20, inbox);
    const inboxCpuBefore = serverCpuMs(server.pid!);
    const inboxTimes = await load(10, 100, inbox);
    const inboxCpu = (serverCpuMs(server.pid!) - inboxCpuBefore) / 100;
    if (process.env.BENCH_ONLY_INBOX === "1")
      Object.assign(process.env, { BENCH_ONLY_GRID: "1", BENCH_ONLY_SAVES: "1" });

    // ---- documents: a draft printed on demand, then issued once and downloaded as stored bytes
    const tenCookie = `next-auth.session-token=${await encode({ token: { sub: ten.secretary.id, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;
    const pledgePdf = async (expect: "draft" | "issued") => {
      const response = await fetch(`${base}/api/v1/pledge-versions/${pledgeVersion.id}/pdf`, {
        headers: { cookie: tenCookie },
      });
      if (response.status !== 200 || response.headers.get("x-document-status") !== expect)
        throw new Error(
          `pledge PDF answered ${response.status} ${response.headers.get("x-document-status")}`,
        );
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("the pledge PDF is not a PDF");
    };
    const firstDraft = await load(1, 1, () => pledgePdf("draft"));
    const drafts = await load(1, 5, () => pledgePdf("draft"));
    const signing = createPrismaClient(database.url, { max: 2 });
    for (const signer of pledgeSigners)
      await makePledgeSignature(signing, {
        versionId: pledgeVersion.id,
        signerId: signer.id,
        sealKey: SEAL_KEY,
      });
    await signing.$disconnect();
    const issuing = await load(1, 1, () => pledgePdf("issued"));
    const downloads = await load(1, 50, () => pledgePdf("issued"));
    const downloadsConcurrent = await load(10, 100, () => pledgePdf("issued"));

    const gridAlone = process.env.BENCH_ONLY_SAVES === "1" ? [0] : await load(1, 20, page);
    const smallCpuBefore = serverCpuMs(server.pid!);
    const smallTimes = await load(10, 100, small);
    const smallCpu = (serverCpuMs(server.pid!) - smallCpuBefore) / 100;
    const cpuBefore = serverCpuMs(server.pid!);
    const gridTimes = process.env.BENCH_ONLY_SAVES === "1" ? [0] : await load(10, 100, page);
    const gridCpu = (serverCpuMs(server.pid!) - cpuBefore) / 100;

    // 20 writers, each on its own cells, each save conditional on the version it last saw; a writer
    // pauses between saves as a person moving to the next cell does (0.5–1.5 s), or not at all.
    const versions = new Map<string, number>();
    const pause = (worker: number, index: number) =>
      new Promise((resolve) => setTimeout(resolve, 500 + ((worker * 37 + index * 53) % 1000)));
    const save = async (worker: number, index: number) => {
      const agency = thirty.agencies[worker % thirty.agencies.length]!;
      const criterion = thirty.criteria[(index * 7 + worker) % thirty.criteria.length]!;
      const key = `${agency.code}:${criterion.code}`;
      const version = versions.get(key) ?? 1;
      const points = ((index % 2) * 50 + 50) / 100;
      const response = await fetch(`${base}/api/v1/years/${thirty.yearId}/scores`, {
        method: "PUT",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify([
          { agencyCode: agency.code, criterionCode: criterion.code, points, version, reason: "Đo tốc độ" },
        ]),
      });
      const body = (await response.json()) as { data?: { version: number }[]; error?: { code: string } };
      if (response.status !== 200)
        throw new Error(`cell save answered ${response.status} ${JSON.stringify(body.error)}`);
      versions.set(key, body.data![0]!.version);
    };
    const saves: number[] = [];
    const saveCpuBefore = serverCpuMs(server.pid!);
    if (process.env.BENCH_ONLY_GRID !== "1")
      await Promise.all(
        Array.from({ length: 20 }, async (_, worker) => {
          for (let index = 0; index < 15; index += 1) {
            await pause(worker, index);
            const t0 = performance.now();
            await save(worker, index + 100);
            saves.push(performance.now() - t0);
          }
        }),
      );
    const saveCpu = (serverCpuMs(server.pid!) - saveCpuBefore) / saves.length;
    const saturated = process.env.BENCH_ONLY_GRID === "1" ? [] : await load(20, 400, save);

    // ---- bulk saves over HTTP while the 20 cell-writers type (each pausing as a person does): a whole
    // 30 × 80 grid in one PUT, a filled 30 × 80 workbook imported, a 170-cell PUT (two members' columns
    // plus ten cells); each in a bloc of its own, each request conditional on the versions it last saw.
    const bulkPuts: number[] = [];
    const imports: number[] = [];
    const smallPuts: number[] = [];
    if (process.env.BENCH_ONLY_GRID !== "1") {
      let writing = true;
      const writers = Array.from({ length: 20 }, async (_, worker) => {
        for (let index = 0; writing; index += 1) {
          await pause(worker, index);
          await save(worker, index + 1000);
        }
      });
      const cookieOf = async (bloc: Bloc) =>
        `next-auth.session-token=${await encode({ token: { sub: bloc.secretary.id, tv: 0 }, secret: SECRET, maxAge: 3600 })}`;
      const bulkCookie = await cookieOf(bulk);
      const smallCookie = await cookieOf(bulkSmall);
      const bulkVersions = new Map<string, number>();
      const putCells = async (
        bloc: Bloc,
        blocCookie: string,
        cells: { agency: Bloc["agencies"][number]; criterion: Bloc["criteria"][number] }[],
        round: number,
      ) => {
        const body = cells.map(({ agency, criterion }) => {
          const key = `${bloc.yearId}:${agency.code}:${criterion.code}`;
          return {
            agencyCode: agency.code,
            criterionCode: criterion.code,
            points: Math.max(0, criterion.maxX100 - (round % 2) * 25 - 25) / 100,
            version: bulkVersions.get(key) ?? 1,
            reason: "Thẩm định hồ sơ",
          };
        });
        const t0 = performance.now();
        const response = await fetch(`${base}/api/v1/years/${bloc.yearId}/scores`, {
          method: "PUT",
          headers: { cookie: blocCookie, origin: base, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as {
          data?: { agencyCode: string; criterionCode: string; version: number }[];
          error?: unknown;
        };
        const elapsed = performance.now() - t0;
        if (response.status !== 200 || answer.data?.length !== cells.length)
          throw new Error(
            `a ${cells.length}-cell save answered ${response.status} ${JSON.stringify(answer.error)}`,
          );
        for (const cell of answer.data)
          bulkVersions.set(`${bloc.yearId}:${cell.agencyCode}:${cell.criterionCode}`, cell.version);
        return elapsed;
      };
      const grid = (bloc: Bloc) =>
        bloc.agencies.flatMap((agency) => bloc.criteria.map((criterion) => ({ agency, criterion })));
      const smallCells = grid(bulkSmall).slice(0, 170);
      const { fillScoreWorkbook } = await import("@/tests/support/score-workbook");
      const maxOf = new Map(bulk.criteria.map((criterion) => [criterion.code, criterion.maxX100]));
      try {
        for (let round = 0; round < 20; round += 1) {
          bulkPuts.push(await putCells(bulk, bulkCookie, grid(bulk), round));
          smallPuts.push(await putCells(bulkSmall, smallCookie, smallCells, round));
          smallPuts.push(await putCells(bulkSmall, smallCookie, smallCells, round + 1));
          // The workbook as exported now (its hidden sheet holds the versions), every cell changed.
          const exported = await fetch(`${base}/api/v1/years/${bulk.yearId}/scores.xlsx`, {
            headers: { cookie: bulkCookie },
          });
          if (exported.status !== 200)
            throw new Error(`the score workbook export answered ${exported.status}`);
          const filled = await fillScoreWorkbook(
            new Uint8Array(await exported.arrayBuffer()),
            (_, criterion) => Math.max(0, maxOf.get(criterion)! - 50 - (round % 2) * 25) / 100,
          );
          const form = new FormData();
          form.set("file", new Blob([filled.bytes as BlobPart]), `bang-diem-${round}.xlsx`);
          const t0 = performance.now();
          const response = await fetch(`${base}/api/v1/years/${bulk.yearId}/scores.xlsx`, {
            method: "POST",
            headers: { cookie: bulkCookie, origin: base },
            body: form,
          });
          const answer = (await response.json()) as { data?: { changed: number }; error?: unknown };
          imports.push(performance.now() - t0);
          if (response.status !== 200 || answer.data?.changed !== 2400)
            throw new Error(
              `the workbook import answered ${response.status} ${JSON.stringify(answer.error ?? answer.data)}`,
            );
          // The versions moved on: the next whole-grid PUT reads them back from the export it just imported.
          const versions = await fetch(`${base}/api/v1/years/${bulk.yearId}/scores`, {
            headers: { cookie: bulkCookie },
          });
          for (const cell of (
            (await versions.json()) as {
              data: { agencyCode: string; criterionCode: string; version: number }[];
            }
          ).data)
            bulkVersions.set(`${bulk.yearId}:${cell.agencyCode}:${cell.criterionCode}`, cell.version);
        }
      } finally {
        writing = false;
        await Promise.all(writers);
      }
    }

    const rows = [
      {
        metric: "rankings, 40 blocs × 20 × 80 (median of 15)",
        target: "< 200 ms",
        value: median(rankingRuns),
        unit: "ms",
        ok: median(rankingRuns) < 200,
      },
      {
        metric: "grid page 30 × 80, 10 concurrent (median)",
        target: "< 300 ms",
        value: median(gridTimes),
        unit: "ms",
        ok: median(gridTimes) < 300,
      },
      {
        metric: "grid page 30 × 80, 10 concurrent (p95)",
        target: "—",
        value: percentile(gridTimes, 95),
        unit: "ms",
        ok: true,
      },
      {
        metric: "grid page 30 × 80, one at a time (median)",
        target: "—",
        value: median(gridAlone),
        unit: "ms",
        ok: true,
      },
      {
        metric: "a small page (/account), one at a time (median)",
        target: "—",
        value: median(smallAlone),
        unit: "ms",
        ok: true,
      },
      {
        metric: "a small page (/account), 10 concurrent (median)",
        target: "—",
        value: median(smallTimes),
        unit: "ms",
        ok: true,
      },
      {
        metric: "server CPU per small page, under load (mean)",
        target: "—",
        value: smallCpu,
        unit: "ms",
        ok: true,
      },
      {
        metric: "server CPU per grid page, under load (mean)",
        target: "—",
        value: gridCpu,
        unit: "ms",
        ok: true,
      },
      {
        metric: "grid data 30 × 80 read and packed, in process (median)",
        target: "—",
        value: median(gridDataTimes),
        unit: "ms",
        ok: true,
      },
      {
        metric: "cell save, 20 writers saving about once a second (p95)",
        target: "< 50 ms",
        value: percentile(saves, 95),
        unit: "ms",
        ok: percentile(saves, 95) < 50,
      },
      {
        metric: "cell save, 20 writers saving about once a second (median)",
        target: "—",
        value: median(saves),
        unit: "ms",
        ok: true,
      },
      { metric: "server CPU per cell save (mean)", target: "—", value: saveCpu, unit: "ms", ok: true },
      {
        metric: "cell save, 20 writers without pauses (p95, saturation)",
        target: "—",
        value: percentile(saturated, 95),
        unit: "ms",
        ok: true,
      },
      {
        metric: "2,400-cell PUT (30 × 80), while the 20 cell-writers type (p95)",
        target: "< 1500 ms",
        value: percentile(bulkPuts, 95),
        unit: "ms",
        ok: percentile(bulkPuts, 95) < 1500,
      },
      {
        metric: "Excel import of a filled 30 × 80 workbook, while the 20 cell-writers type (p95)",
        target: "< 3000 ms",
        value: percentile(imports, 95),
        unit: "ms",
        ok: percentile(imports, 95) < 3000,
      },
      {
        metric: "170-cell PUT, while the 20 cell-writers type (p95)",
        target: "< 300 ms",
        value: percentile(smallPuts, 95),
        unit: "ms",
        ok: percentile(smallPuts, 95) < 300,
      },
      {
        metric: "SQL queries per grid page, 10 agencies",
        target: "= 30 agencies",
        value: queries10,
        unit: "",
        ok: queries10 === queries30,
      },
      {
        metric: "SQL queries per grid page, 30 agencies",
        target: "= 10 agencies",
        value: queries30,
        unit: "",
        ok: queries10 === queries30,
      },
      {
        metric: "board inbox, 40 blocs × 20 nominated, 10 concurrent (median)",
        target: "< 300 ms",
        value: median(inboxTimes),
        unit: "ms",
        ok: median(inboxTimes) < 300,
      },
      {
        metric: "board inbox, 40 blocs × 20 nominated, 10 concurrent (p95)",
        target: "—",
        value: percentile(inboxTimes, 95),
        unit: "ms",
        ok: true,
      },
      {
        metric: "board inbox, one at a time (median)",
        target: "—",
        value: median(inboxAlone),
        unit: "ms",
        ok: true,
      },
      {
        metric: "server CPU per board inbox page, under load (mean)",
        target: "—",
        value: inboxCpu,
        unit: "ms",
        ok: true,
      },
      {
        metric: "board inbox data, in process (median)",
        target: "—",
        value: median(inboxDataTimes),
        unit: "ms",
        ok: true,
      },
      {
        metric: "board inbox data, in process: CPU of this process per read (mean)",
        target: "—",
        value: inboxDataCpu,
        unit: "ms",
        ok: true,
      },
      {
        metric: "issued document download, one at a time (median)",
        target: "< 100 ms",
        value: median(downloads),
        unit: "ms",
        ok: median(downloads) < 100,
      },
      {
        metric: "issued document download, 10 concurrent (median)",
        target: "—",
        value: median(downloadsConcurrent),
        unit: "ms",
        ok: true,
      },
      {
        metric: "first draft PDF after the server starts",
        target: "—",
        value: firstDraft[0]!,
        unit: "ms",
        ok: true,
      },
      {
        metric: "draft PDF printed on demand (median)",
        target: "—",
        value: median(drafts),
        unit: "ms",
        ok: true,
      },
      {
        metric: "issue of the signed pledge: render, PAdES signature, registry",
        target: "—",
        value: issuing[0]!,
        unit: "ms",
        ok: true,
      },
    ];
    console.log("\n| metric | target | measured | |\n|---|---|---|---|");
    for (const row of rows.filter((row) => Number.isFinite(row.value)))
      console.log(
        `| ${row.metric} | ${row.target} | ${row.unit ? row.value.toFixed(1) : row.value} ${row.unit} | ${row.ok ? "✓" : "✗"} |`,
      );
    console.log(
      `\ngrid page HTML ${(pageBytes / 1024).toFixed(0)} KiB, board inbox HTML ${(inboxBytes / 1024).toFixed(0)} KiB`,
    );
    console.log(`bench process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    process.exitCode = rows.every((row) => row.ok || !Number.isFinite(row.value)) ? 0 : 1;
  } finally {
    // (A server that failed to start has exited already: nothing to wait for.)
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.on("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
