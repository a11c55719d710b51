import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelVoteSession } from "@/lib/votes/sessions";
import { createYear } from "@/lib/years/manage";
import { auditOf, newAdmin } from "../support/dal";
import { cast, endAndClose, openSession, votingYear } from "../support/votes";

type Setup = Awaited<ReturnType<typeof votingYear>>;

/** Runs an election of the setup's year where every member votes `leader` and `deputy` (agency indexes). */
async function elect(setup: Setup, leader: number | null, deputy: number | null) {
  const session = await openSession(setup);
  const code = (index: number | null) => (index === null ? null : setup.agencies[index]!.code);
  for (const index of setup.agencies.keys())
    await cast(setup, index, session.id, { LEADER: code(leader), DEPUTY: code(deputy) });
  await endAndClose(setup, session.id);
  return session;
}

const yearAudit = async (yearId: string) =>
  (await auditOf(yearId)).find((row) => row.action === "year.create")!.after as Record<string, unknown>;

describe("createYear takes next year's leadership from the election", () => {
  it("makes the agencies elected Khối trưởng and Khối phó the new year's leader and deputy, and says so in the audit entry", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const session = await elect(setup, 2, 1);
    const year = await createYear(await newAdmin(), setup.bloc.id, { year: 2023 });
    expect(year).toMatchObject({
      year: 2023,
      leaderAgency: { code: setup.agencies[2]!.code },
      deputyAgency: { code: setup.agencies[1]!.code },
    });
    expect(await yearAudit(year.id)).toMatchObject({
      leader: setup.agencies[2]!.code,
      deputy: setup.agencies[1]!.code,
      leadershipSource: { leader: "ELECTION", deputy: "ELECTION" },
      electionSession: session.id,
    });
  });

  it("lets codes given by the admin win, post by post", async () => {
    const setup = await votingYear({ memberCount: 3 });
    await elect(setup, 2, 1);
    const year = await createYear(await newAdmin(), setup.bloc.id, {
      year: 2023,
      leaderAgencyCode: setup.agencies[0]!.code,
    });
    expect(year).toMatchObject({
      leaderAgency: { code: setup.agencies[0]!.code },
      deputyAgency: { code: setup.agencies[1]!.code },
    });
    expect(await yearAudit(year.id)).toMatchObject({
      leadershipSource: { leader: "REQUEST", deputy: "ELECTION" },
    });

    const both = await votingYear({ memberCount: 3 });
    await elect(both, 2, 1);
    const given = await createYear(await newAdmin(), both.bloc.id, {
      year: 2023,
      leaderAgencyCode: both.agencies[0]!.code,
      deputyAgencyCode: both.agencies[2]!.code,
    });
    expect(given).toMatchObject({
      leaderAgency: { code: both.agencies[0]!.code },
      deputyAgency: { code: both.agencies[2]!.code },
    });
    expect(await yearAudit(given.id)).toMatchObject({
      leadershipSource: { leader: "REQUEST", deputy: "REQUEST" },
      electionSession: null,
    });
  });

  it("does not give a post to an elected agency that is not a member of the new year, or that the admin made the other post", async () => {
    const setup = await votingYear({ memberCount: 3 });
    await elect(setup, 2, 1);
    const [a0, a1] = setup.agencies;
    const year = await createYear(await newAdmin(), setup.bloc.id, {
      year: 2023,
      memberCodes: [a0!.code, a1!.code],
    });
    expect(year).toMatchObject({ leaderAgency: null, deputyAgency: { code: a1!.code } });
    expect(await yearAudit(year.id)).toMatchObject({
      leadershipSource: { leader: null, deputy: "ELECTION" },
    });

    const other = await votingYear({ memberCount: 3 });
    await elect(other, 2, 1);
    const swapped = await createYear(await newAdmin(), other.bloc.id, {
      year: 2023,
      deputyAgencyCode: other.agencies[2]!.code,
    });
    expect(swapped).toMatchObject({ leaderAgency: null, deputyAgency: { code: other.agencies[2]!.code } });
  });

  it("takes the latest closed election of the previous year, never a cancelled one, nor an election of another year", async () => {
    const setup = await votingYear({ memberCount: 3 });
    await elect(setup, 0, 1);
    await elect(setup, 2, 0);
    const cancelled = await openSession(setup);
    await cancelVoteSession(setup.secretariatActor, cancelled.id, { reason: "Nhầm danh sách" });
    const year = await createYear(await newAdmin(), setup.bloc.id, { year: 2023 });
    expect(year).toMatchObject({
      leaderAgency: { code: setup.agencies[2]!.code },
      deputyAgency: { code: setup.agencies[0]!.code },
    });

    // Only the year just before counts: 2025 follows 2024, which has no election (2022's is older).
    const later = await createYear(await newAdmin(), setup.bloc.id, { year: 2025 });
    expect(later).toMatchObject({ leaderAgency: null, deputyAgency: null });
    expect(await yearAudit(later.id)).toMatchObject({
      leadershipSource: { leader: null, deputy: null },
      electionSession: null,
    });
  });

  it("leaves a post empty when the election decided nothing for it (a tie, or no candidate with enough votes)", async () => {
    const setup = await votingYear({ memberCount: 4 });
    const session = await openSession(setup);
    const [c0, c1] = setup.agencies.map((agency) => agency.code);
    // Khối trưởng: 2 against 2 (tied); Khối phó: blank ballots only.
    for (const [index, leader] of [c0, c0, c1, c1].entries())
      await cast(setup, index, session.id, { LEADER: leader, DEPUTY: null });
    await endAndClose(setup, session.id);
    expect((await db.voteSession.findUniqueOrThrow({ where: { id: session.id } })).results).toMatchObject({
      elected: { LEADER: null, DEPUTY: null },
      hasTies: true,
    });
    const year = await createYear(await newAdmin(), setup.bloc.id, { year: 2023 });
    expect(year).toMatchObject({ leaderAgency: null, deputyAgency: null });
  });
});
