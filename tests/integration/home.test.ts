import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { getHomeOverview } from "@/lib/home/overview";
import {
  makeAgency,
  makeBloc,
  makeBlocWithYear,
  makePledgeSignature,
  makePledgeVersion,
  makeUser,
  makeYear,
  uniqueToken,
} from "@/prisma/seed/factories";
import { actorFor } from "../support/dal";

const DEADLINES = {
  PLEDGING: "2022-03-31",
  SELF_ASSESSMENT: "2022-11-30",
  VOTING: "2022-12-25",
  NOMINATION: "2023-01-10",
  BOARD_REVIEW: "2023-02-28",
};

/** A year in `phase` with deadlines; the first agency leads, the second is deputy. */
async function yearIn(phase: Phase) {
  const setup = await makeBlocWithYear(db, { phase, memberCount: 3 });
  await db.emulationYear.update({ where: { id: setup.year.id }, data: { deadlines: DEADLINES } });
  return setup;
}

const taskFor = (setup: Awaited<ReturnType<typeof yearIn>>, key: string, phase: keyof typeof DEADLINES) => ({
  key,
  params: { year: setup.year.year, bloc: setup.bloc.name },
  href: `/years/${setup.year.id}`,
  deadline: DEADLINES[phase],
});

/** Pledging tasks link to the year's pledge page. */
const pledgeTaskFor = (
  setup: Awaited<ReturnType<typeof yearIn>>,
  key: string,
  extra: Record<string, number> = {},
) => ({
  ...taskFor(setup, key, "PLEDGING"),
  params: { year: setup.year.year, bloc: setup.bloc.name, ...extra },
  href: `/years/${setup.year.id}/pledge`,
});

const SEAL_KEY = process.env.SIGNATURE_SEAL_KEY!;

/**
 * Province-wide roles see every year of every bloc, newest first, by bloc name, 50 at most: their
 * test years are the newest possible (2100) in blocs whose names sort first, so that years of
 * other test files never push them out.
 */
async function provinceWideYear(options: { phase: Phase; memberIds: string[]; leaderId?: string | null }) {
  const bloc = await makeBloc(db, { name: `000 Khối ${uniqueToken()}` });
  const year = await makeYear(db, { blocId: bloc.id, year: 2100, ...options });
  return { bloc, year };
}

describe("getHomeOverview for agency users", () => {
  it("asks the leader of a member agency to sign the pledge once a version is open, until their agency has signed it", async () => {
    const setup = await yearIn("PLEDGING");
    const leader = await actorFor(setup.leaders[2]!);
    // Nothing to sign yet: no version is open.
    let overview = await getHomeOverview(leader);
    expect(overview.todos).toEqual([]);
    expect(overview.years).toHaveLength(1);
    expect(overview.years[0]).toMatchObject({
      year: { id: setup.year.id, phase: "PLEDGING" },
      leadsYear: false,
      deadline: DEADLINES.PLEDGING,
    });

    // A draft is not something to sign either.
    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    expect((await getHomeOverview(leader)).todos).toEqual([]);

    const version = await makePledgeVersion(db, { yearId: setup.year.id, createdById: setup.secretariat.id });
    overview = await getHomeOverview(leader);
    expect(overview.todos).toEqual([pledgeTaskFor(setup, "todo.leader.PLEDGING")]);

    // Another agency's signature changes nothing for this leader; their own removes the task.
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[0]!.id,
      sealKey: SEAL_KEY,
    });
    expect((await getHomeOverview(leader)).todos).toEqual([pledgeTaskFor(setup, "todo.leader.PLEDGING")]);
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[2]!.id,
      sealKey: SEAL_KEY,
    });
    expect((await getHomeOverview(leader)).todos).toEqual([]);
  });

  it("asks a leader who signed a superseded version to sign the new one", async () => {
    const setup = await yearIn("PLEDGING");
    const first = await makePledgeVersion(db, { yearId: setup.year.id, createdById: setup.secretariat.id });
    await makePledgeSignature(db, { versionId: first.id, signerId: setup.leaders[1]!.id, sealKey: SEAL_KEY });
    const leader = await actorFor(setup.leaders[1]!);
    expect((await getHomeOverview(leader)).todos).toEqual([]);

    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      content: { targets: "Chỉ tiêu mới" },
    });
    expect((await getHomeOverview(leader)).todos).toEqual([pledgeTaskFor(setup, "todo.leader.PLEDGING")]);
  });

  it("gives staff nothing to do while pledging", async () => {
    const setup = await yearIn("PLEDGING");
    const overview = await getHomeOverview(await actorFor(setup.staff[0]!));
    expect(overview.todos).toEqual([]);
    expect(overview.years.map((entry) => entry.year.id)).toEqual([setup.year.id]);
  });

  it("gives the secretariat of the leader agency the bloc's work of the phase", async () => {
    const setup = await yearIn("PLEDGING");
    const secretariat = await actorFor(setup.secretariat);
    const overview = await getHomeOverview(secretariat);
    expect(overview.todos).toEqual([pledgeTaskFor(setup, "todo.secretariat.PLEDGING")]);
    expect(overview.years[0]).toMatchObject({ leadsYear: true });

    // A draft still has to be opened for signing.
    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    expect((await getHomeOverview(secretariat)).todos).toEqual([
      pledgeTaskFor(setup, "todo.secretariat.PLEDGING"),
    ]);
  });

  it("gives the secretariat the signing progress once a version is open", async () => {
    const setup = await yearIn("PLEDGING");
    const secretariat = await actorFor(setup.secretariat);
    const version = await makePledgeVersion(db, { yearId: setup.year.id, createdById: setup.secretariat.id });
    expect((await getHomeOverview(secretariat)).todos).toEqual([
      pledgeTaskFor(setup, "todo.secretariat.pledgeProgress", { signed: 0, total: 3 }),
    ]);

    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[1]!.id,
      sealKey: SEAL_KEY,
    });
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[2]!.id,
      sealKey: SEAL_KEY,
    });
    expect((await getHomeOverview(secretariat)).todos).toEqual([
      pledgeTaskFor(setup, "todo.secretariat.pledgeProgress", { signed: 2, total: 3 }),
    ]);

    // A new version starts the count again.
    await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      content: { goals: "Mục tiêu mới" },
    });
    expect((await getHomeOverview(secretariat)).todos).toEqual([
      pledgeTaskFor(setup, "todo.secretariat.pledgeProgress", { signed: 0, total: 3 }),
    ]);
  });

  it("gives the secretariat of another member agency no bloc work", async () => {
    const setup = await yearIn("PLEDGING");
    const other = await makeUser(db, { role: "SECRETARIAT", agencyId: setup.deputyAgency.id });
    const overview = await getHomeOverview(await actorFor(other));
    expect(overview.todos).toEqual([]);
    expect(overview.years[0]).toMatchObject({ year: { id: setup.year.id }, leadsYear: false });
  });

  it("gives the secretariat nothing while the year is being set up", async () => {
    const setup = await yearIn("SETUP");
    expect((await getHomeOverview(await actorFor(setup.secretariat))).todos).toEqual([]);
  });

  it("asks staff and leaders to self-assess until their leader submits, and the secretariat to follow", async () => {
    const setup = await yearIn("SELF_ASSESSMENT");
    const assessment = `/years/${setup.year.id}/assessment`;
    expect((await getHomeOverview(await actorFor(setup.staff[1]!))).todos).toEqual([
      { ...taskFor(setup, "todo.staff.SELF_ASSESSMENT", "SELF_ASSESSMENT"), href: assessment },
    ]);
    expect((await getHomeOverview(await actorFor(setup.leaders[1]!))).todos).toEqual([
      { ...taskFor(setup, "todo.leader.SELF_ASSESSMENT", "SELF_ASSESSMENT"), href: assessment },
    ]);
    expect((await getHomeOverview(await actorFor(setup.secretariat))).todos).toEqual([
      {
        ...taskFor(setup, "todo.secretariat.SELF_ASSESSMENT", "SELF_ASSESSMENT"),
        href: `/years/${setup.year.id}/assessments`,
      },
    ]);
    await db.assessment.create({
      data: {
        yearId: setup.year.id,
        agencyId: setup.agencies[1]!.id,
        status: "SUBMITTED",
        submittedAt: new Date(),
      },
    });
    expect((await getHomeOverview(await actorFor(setup.staff[1]!))).todos).toEqual([]);
    expect((await getHomeOverview(await actorFor(setup.leaders[1]!))).todos).toEqual([]);
  });

  it("asks leaders to vote and staff to prepare nominations", async () => {
    const voting = await yearIn("VOTING");
    expect((await getHomeOverview(await actorFor(voting.leaders[0]!))).todos).toEqual([
      { ...taskFor(voting, "todo.leader.VOTING", "VOTING"), href: `/years/${voting.year.id}/votes` },
    ]);
    expect((await getHomeOverview(await actorFor(voting.staff[0]!))).todos).toEqual([]);
    const nomination = await yearIn("NOMINATION");
    expect((await getHomeOverview(await actorFor(nomination.staff[0]!))).todos).toEqual([
      {
        ...taskFor(nomination, "todo.staff.NOMINATION", "NOMINATION"),
        href: `/years/${nomination.year.id}/nominations`,
      },
    ]);
    expect((await getHomeOverview(await actorFor(nomination.secretariat))).todos).toEqual([
      {
        ...taskFor(nomination, "todo.secretariat.NOMINATION", "NOMINATION"),
        href: `/years/${nomination.year.id}/nominations`,
      },
    ]);
    expect((await getHomeOverview(await actorFor(nomination.leaders[0]!))).todos).toEqual([]);
  });

  it("asks the secretariat to fix and resubmit returned nominations", async () => {
    const setup = await yearIn("BOARD_REVIEW");
    const nominations = `/years/${setup.year.id}/nominations`;
    expect((await getHomeOverview(await actorFor(setup.secretariat))).todos).toEqual([
      { ...taskFor(setup, "todo.secretariat.BOARD_REVIEW", "BOARD_REVIEW"), href: nominations },
    ]);
    const basis = { rank: 2, totalX100: 9600, classification: "Xuất sắc", vote: null };
    await db.nomination.create({
      data: {
        yearId: setup.year.id,
        agencyId: setup.agencies[1]!.id,
        awardCode: "PROVINCIAL_MERIT",
        awardName: "Bằng khen",
        status: "RETURNED",
        round: 1,
        basis,
        createdById: setup.secretariat.id,
      },
    });
    expect((await getHomeOverview(await actorFor(setup.secretariat))).todos).toEqual([
      {
        ...taskFor(setup, "todo.secretariat.returned", "BOARD_REVIEW"),
        params: { year: setup.year.year, bloc: setup.bloc.name, count: 1 },
        href: nominations,
      },
    ]);
  });

  it("shows running years only, or the latest closed year when none runs", async () => {
    const agency = await makeAgency(db);
    const peer = await makeAgency(db);
    const bloc = await makeBloc(db);
    const leader = await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id });
    const y2020 = await makeYear(db, {
      blocId: bloc.id,
      year: 2020,
      phase: "CLOSED",
      memberIds: [agency.id, peer.id],
    });
    const y2021 = await makeYear(db, {
      blocId: bloc.id,
      year: 2021,
      phase: "CLOSED",
      memberIds: [agency.id, peer.id],
    });

    let overview = await getHomeOverview(await actorFor(leader));
    expect(overview.years.map((entry) => entry.year.id)).toEqual([y2021.id]);
    expect(overview.todos).toEqual([]);

    const y2022 = await makeYear(db, {
      blocId: bloc.id,
      year: 2022,
      phase: "PLEDGING",
      memberIds: [agency.id, peer.id],
    });
    await makePledgeVersion(db, { yearId: y2022.id, createdById: leader.id });
    overview = await getHomeOverview(await actorFor(leader));
    expect(overview.years.map((entry) => entry.year.id)).toEqual([y2022.id]);
    expect(overview.years[0]!.deadline).toBeNull();
    expect(overview.todos.map((todo) => todo.key)).toEqual(["todo.leader.PLEDGING"]);
    expect(overview.todos[0]!.deadline).toBeNull();
    expect(overview.years.map((entry) => entry.year.id)).not.toContain(y2020.id);
  });

  it("shows an agency outside every bloc nothing", async () => {
    const user = await makeUser(db, { role: "AGENCY_STAFF", agencyId: (await makeAgency(db)).id });
    await expect(getHomeOverview(await actorFor(user))).resolves.toEqual({ years: [], todos: [] });
  });
});

describe("getHomeOverview for province-wide roles", () => {
  it("asks the admin to finish setting up a year without a leader, and to give agencies a leader account", async () => {
    const admin = await actorFor(await makeUser(db, { role: "ADMIN" }));
    const [withLeader, without] = [await makeAgency(db), await makeAgency(db)];
    await makeUser(db, { role: "AGENCY_LEADER", agencyId: withLeader.id });
    await makeUser(db, { role: "AGENCY_LEADER", agencyId: without.id, disabled: true });
    const { bloc, year } = await provinceWideYear({ phase: "SETUP", memberIds: [withLeader.id, without.id] });

    const { todos } = await getHomeOverview(admin);
    const mine = todos.filter(
      (todo) =>
        todo.href === `/admin/years/${year.id}` ||
        todo.href.endsWith(`agencyCode=${without.code}`) ||
        todo.href.endsWith(`agencyCode=${withLeader.code}`),
    );
    expect(mine).toEqual([
      {
        key: "todo.admin.setupYear",
        params: { year: 2100, bloc: bloc.name },
        href: `/admin/years/${year.id}`,
      },
      {
        key: "todo.admin.agencyWithoutLeader",
        params: { agency: without.name, year: 2100 },
        href: `/admin/users?agencyCode=${without.code}`,
      },
    ]);
  });

  it("asks the admin to finish a year with a leader but a single member", async () => {
    const admin = await actorFor(await makeUser(db, { role: "ADMIN" }));
    const agency = await makeAgency(db);
    await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id });
    const { year } = await provinceWideYear({ phase: "SETUP", memberIds: [agency.id], leaderId: agency.id });
    const { todos } = await getHomeOverview(admin);
    expect(todos.filter((todo) => todo.href === `/admin/years/${year.id}`).map((todo) => todo.key)).toEqual([
      "todo.admin.setupYear",
    ]);
  });

  it("does not bother the admin about a ready year or a closed one", async () => {
    const admin = await actorFor(await makeUser(db, { role: "ADMIN" }));
    const [a, b] = [await makeAgency(db), await makeAgency(db)];
    const ready = await provinceWideYear({ phase: "SETUP", memberIds: [a.id, b.id], leaderId: a.id });
    const closed = await provinceWideYear({ phase: "CLOSED", memberIds: [a.id, b.id] });
    const { todos } = await getHomeOverview(admin);
    // Neither agency has a leader account, but only running years count; the ready year does.
    const hrefs = todos.map((todo) => todo.href);
    expect(hrefs).not.toContain(`/admin/years/${ready.year.id}`);
    expect(hrefs).not.toContain(`/admin/years/${closed.year.id}`);
    expect(todos.filter((todo) => todo.href.endsWith(`agencyCode=${a.code}`))).toHaveLength(1);
  });

  it("asks the board to review dossiers with nominations awaiting its verdict", async () => {
    const boardUser = await makeUser(db, { role: "BOARD" });
    const board = await actorFor(boardUser);
    const agency = await makeAgency(db);
    const { bloc, year } = await provinceWideYear({ phase: "BOARD_REVIEW", memberIds: [agency.id] });
    const nothingYet = await getHomeOverview(board);
    expect(nothingYet.todos.filter((todo) => todo.href.endsWith(year.id))).toEqual([]);
    const basis = { rank: 1, totalX100: 9800, classification: "Xuất sắc", vote: null };
    await db.nomination.create({
      data: {
        yearId: year.id,
        agencyId: agency.id,
        awardCode: "PROVINCIAL_MERIT",
        awardName: "Bằng khen",
        status: "SUBMITTED",
        round: 1,
        basis,
        createdById: boardUser.id,
      },
    });
    const { todos, years } = await getHomeOverview(board);
    expect(todos.filter((todo) => todo.href.endsWith(year.id))).toEqual([
      {
        key: "todo.board.BOARD_REVIEW",
        params: { year: 2100, bloc: bloc.name },
        href: `/board/years/${year.id}`,
        deadline: null,
      },
    ]);
    expect(years.find((entry) => entry.year.id === year.id)).toMatchObject({ leadsYear: false });
    // The board has no admin work.
    expect(todos.some((todo) => todo.key.startsWith("todo.admin."))).toBe(false);
  });
});
