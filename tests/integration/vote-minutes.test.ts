import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/years/[yearId]/vote-minutes.pdf/route";
import { db } from "@/lib/db";
import { getVoteMinutes } from "@/lib/votes/minutes";
import { voteMinutesFile } from "@/lib/documents/downloads";
import { cancelVoteSession } from "@/lib/votes/sessions";
import { makeBlocWithYear } from "@/prisma/seed/factories";
import { actorFor, newAdmin, signedIn } from "../support/dal";
import { cast, endAndClose, openSession, votingYear } from "../support/votes";
import { pdfText } from "../support/pdf-text";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Five members, four of which vote (member 4 is absent): the provincial flag (candidates 0 and 1,
 * Xuất sắc) passes for 0 only; the election makes 1 Khối trưởng and 2 Khối phó; the merit session is
 * cancelled. Returns the setup and every receipt given.
 */
async function deliberatedYear() {
  const setup = await votingYear({ memberCount: 5, totals: [97, 96, 90, 88, 75] });
  await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
  await db.user.update({ where: { id: setup.secretariat.id }, data: { title: "Chuyên viên Văn phòng" } });
  const [c0, c1, c2] = setup.agencies.map((agency) => agency.code);
  const receipts: string[] = [];

  const flag = await openSession(setup, "PROVINCIAL_FLAG");
  const flagBallots = [
    { [c0!]: "FOR", [c1!]: "FOR" },
    { [c0!]: "FOR", [c1!]: "ABSTAIN" },
    { [c0!]: "FOR", [c1!]: "AGAINST" },
    { [c0!]: "AGAINST", [c1!]: "FOR" },
  ];
  for (const [index, choices] of flagBallots.entries())
    receipts.push((await cast(setup, index, flag.id, choices)).receipt);
  await endAndClose(setup, flag.id);

  const merit = await openSession(setup, "PROVINCIAL_MERIT");
  await cancelVoteSession(setup.secretariatActor, merit.id, { reason: "Lập danh sách sai" });

  const election = await openSession(setup);
  const electionBallots = [
    { LEADER: c1, DEPUTY: c2 },
    { LEADER: c1, DEPUTY: c2 },
    { LEADER: c1, DEPUTY: null },
    { LEADER: c0, DEPUTY: c2 },
  ];
  for (const [index, choices] of electionBallots.entries())
    receipts.push((await cast(setup, index, election.id, choices)).receipt);
  await endAndClose(setup, election.id);
  return { setup, flag, merit, election, receipts };
}

describe("getVoteMinutes", () => {
  it("collects the closed sessions in closing order with their stored results, who was present, the chair and the secretary", async () => {
    const { setup, flag, election } = await deliberatedYear();
    const minutes = await getVoteMinutes(setup.staffActors[3]!, setup.year.id);
    const [a0, a1, a2, a3, a4] = setup.agencies;
    expect(minutes).toMatchObject({
      bloc: { name: setup.bloc.name, place: "Nam Định" },
      yearId: setup.year.id,
      year: 2022,
      chair: {
        agencyName: a0!.name,
        person: { name: setup.leaders[0]!.name, title: "Trưởng ban", agencyName: a0!.name },
      },
      secretary: { name: setup.secretariat.name, title: "Chuyên viên Văn phòng", agencyName: a0!.name },
    });
    expect(minutes.sessions.map((session) => session.id)).toEqual([flag.id, election.id]);
    expect(minutes.date).toEqual(minutes.sessions[1]!.closedAt);
    const presence = Object.fromEntries(minutes.members.map((member) => [member.code, member.present]));
    expect(presence).toEqual({
      [a0!.code]: true,
      [a1!.code]: true,
      [a2!.code]: true,
      [a3!.code]: true,
      [a4!.code]: false,
    });

    const [flagMinutes, electionMinutes] = minutes.sessions;
    expect(flagMinutes).toMatchObject({
      awardCode: "PROVINCIAL_FLAG",
      awardName: "Cờ thi đua của UBND tỉnh",
      method: "APPROVAL",
      rules: { quota: 3 },
    });
    expect(flagMinutes!.results).toMatchObject({
      rollSize: 5,
      ballots: 4,
      quorumRequired: 4,
      quorumMet: true,
      passRequired: 3,
    });
    expect(
      flagMinutes!.results.candidates.map((row) => [row.code, row.for, row.against, row.abstain, row.passed]),
    ).toEqual([
      [a0!.code, 3, 1, 0, true],
      [a1!.code, 2, 1, 1, false],
    ]);
    expect(electionMinutes!.results.elected).toEqual({ LEADER: a1!.id, DEPUTY: a2!.id });
  });

  it("is NOT_FOUND (errors.vote.noMinutes) while no session is closed, a cancelled one not counting", async () => {
    const setup = await votingYear({ memberCount: 3 });
    await expect(getVoteMinutes(setup.secretariatActor, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.vote.noMinutes",
    });
    const open = await openSession(setup, "PROVINCIAL_FLAG");
    await expect(getVoteMinutes(setup.leaderActors[1]!, setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.vote.noMinutes",
    });
    await cancelVoteSession(setup.secretariatActor, open.id, { reason: "Sai danh sách" });
    await expect(getVoteMinutes(await newAdmin(), setup.year.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.vote.noMinutes",
    });
  });

  it("is NOT_FOUND for an agency outside the bloc and for a malformed or unknown year; readable by the board and the admin", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await openSession(setup);
    for (const index of [0, 1, 2])
      await cast(setup, index, session.id, {
        LEADER: setup.agencies[0]!.code,
        DEPUTY: setup.agencies[1]!.code,
      });
    await endAndClose(setup, session.id);

    const other = await makeBlocWithYear(db, { phase: "VOTING", memberCount: 2 });
    for (const user of [other.leaders[0]!, other.secretariat]) {
      await expect(getVoteMinutes(await actorFor(user), setup.year.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.year.notFound",
      });
    }
    for (const id of ["nam-nay", MISSING_ID]) {
      await expect(getVoteMinutes(setup.leaderActors[0]!, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const actor of [(await signedIn("BOARD")).actor, await newAdmin()]) {
      await expect(getVoteMinutes(actor, setup.year.id)).resolves.toMatchObject({
        year: 2022,
        sessions: [{ id: session.id }],
      });
    }
  });
});

describe("the minutes PDF (voteMinutesFile)", () => {
  it("prints the minutes in the official layout: members, rules, counts and outcome of each session, the signature blocks; nothing of a ballot", async () => {
    const { setup, receipts } = await deliberatedYear();
    const buffer = (await voteMinutesFile(setup.leaderActors[2]!, setup.year.id)).bytes;
    expect(buffer.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const text = await pdfText(buffer);
    const [a0, a1, a2, a3, a4] = setup.agencies;

    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("BIÊN BẢN");
    expect(text).toContain("Họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm 2022");
    expect(text).toContain(`của ${setup.bloc.name}`);
    expect(text).toMatch(/Nam Định, ngày \d\d tháng \d\d năm \d{4}/);

    // Members present and absent, the chair and the secretary.
    expect(text).toContain("Thành viên có mặt: 4/5 cơ quan thành viên");
    for (const agency of [a0, a1, a2, a3]) expect(text).toContain(agency!.name);
    expect(text).toContain(`Vắng mặt: 1 cơ quan: ${a4!.name}`);
    expect(text).toContain(`Chủ trì: ${setup.leaders[0]!.name}, Trưởng ban, ${a0!.name} (Khối trưởng)`);
    expect(text).toContain(`Thư ký: ${setup.secretariat.name}, Chuyên viên Văn phòng, ${a0!.name}`);

    // The provincial flag: rules in words, counts per candidate and the outcome.
    expect(text).toContain("1. Bình xét, suy tôn Cờ thi đua của UBND tỉnh năm 2022");
    expect(text).toContain("ít nhất 2/3 tổng số thành viên (4/5 thành viên)");
    expect(text).toContain("trên 1/2 tổng số thành viên (ít nhất 3 phiếu)");
    expect(text).toContain("số lượng tối đa: 3 đơn vị");
    expect(text).toContain("Số phiếu bầu: 4/5 thành viên; đủ số thành viên tham gia theo quy định.");
    expect(text).toContain(`${a0!.name} 3 1 0 60% Đạt`);
    expect(text).toContain(`${a1!.name} 2 1 1 40% Không đạt`);
    expect(text).toContain(`Đề nghị Cờ thi đua của UBND tỉnh: ${a0!.name} (1 đơn vị)`);

    // The election: votes per post, the elected Khối trưởng and Khối phó.
    expect(text).toContain("2. Bầu Khối trưởng, Khối phó năm 2023");
    expect(text).toContain(`${a1!.name} 3 60% Trúng cử`);
    expect(text).toContain(`${a0!.name} 1 20% Không trúng cử`);
    expect(text).toContain("Bầu Khối phó năm 2023 (phiếu để trống: 1)");
    expect(text).toContain(`Khối trưởng năm 2023: ${a1!.name}.`);
    expect(text).toContain(`Khối phó năm 2023: ${a2!.name}.`);

    // The cancelled session is not in the minutes; the closing line and the signature blocks are.
    expect(text).not.toContain("Bằng khen");
    expect(text).toMatch(
      /Biên bản được lập xong lúc \d\d giờ \d\d phút cùng ngày, đã thông qua tại cuộc họp\./,
    );
    expect(text).toMatch(/THƯ KÝ .*CHỦ TRÌ/);
    expect(text.lastIndexOf(setup.secretariat.name)).toBeGreaterThan(text.indexOf("THƯ KÝ"));
    expect(text.lastIndexOf(setup.leaders[0]!.name)).toBeGreaterThan(text.indexOf("CHỦ TRÌ"));

    // Nothing of a single ballot: no receipt, no receipt hash.
    for (const receipt of receipts) expect(text).not.toContain(receipt);
    const hashes = await db.ballot.findMany({
      where: { session: { yearId: setup.year.id } },
      select: { receiptHash: true },
    });
    for (const { receiptHash } of hashes) expect(text).not.toContain(receiptHash.slice(0, 12));
  });
});

describe("GET /api/v1/years/{yearId}/vote-minutes.pdf", () => {
  it("answers the issued PDF as an attachment named after the year and its registry code, and a JSON NOT_FOUND without closed sessions", async () => {
    const { setup } = await deliberatedYear();
    await actorFor(setup.staff[4]!);
    const url = `http://localhost:3000/api/v1/years/${setup.year.id}/vote-minutes.pdf`;
    const cookie = (await (await import("next/headers")).headers()).get("cookie")!;
    const response = await GET(new NextRequest(url, { headers: { cookie } }), {
      params: Promise.resolve({ yearId: setup.year.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const code = response.headers.get("x-document-code")!;
    expect(code).toMatch(/^BB-2022-[0-9A-F]{8}$/);
    expect(response.headers.get("x-document-status")).toBe("issued");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="bien-ban-binh-xet-suy-ton-2022-${code.toLowerCase()}.pdf"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(response.headers.get("x-document-sha256"));

    const empty = await votingYear({ memberCount: 2 });
    await actorFor(empty.leaders[1]!);
    const emptyCookie = (await (await import("next/headers")).headers()).get("cookie")!;
    const missing = await GET(new NextRequest(url, { headers: { cookie: emptyCookie } }), {
      params: Promise.resolve({ yearId: empty.year.id }),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: "NOT_FOUND", message: expect.stringContaining("biên bản") },
    });
  });
});
