// Every kind of write that depends on the year's phase, raced against a phase move that leaves that
// phase, many times: the write either commits before the move (it was in its phase the whole time) or is
// refused WRONG_PHASE with nothing written. Never after. The order of the commits comes from PostgreSQL
// itself (track_commit_timestamp, on in this tier).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { saveSelfScore } from "@/lib/assessments/assessments";
import { saveCrossScore } from "@/lib/cross-scoring/cross-scoring";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import { createNomination, submitDossier } from "@/lib/nominations/nominations";
import { reviewNomination } from "@/lib/nominations/review";
import { openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { signPledge } from "@/lib/pledges/signatures";
import { publishRanking } from "@/lib/ranking/ranking";
import { saveFinalScores } from "@/lib/scores/save";
import { moveYearPhase } from "@/lib/years/move-phase";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { TEST_PASSWORD } from "@/prisma/seed/factories";
import { newAdmin } from "../support/dal";
import { attachReport, nominationYear } from "../support/nominations";
import { openWithSignatures, pledgeContent, pledgingYear } from "../support/pledges";
import { scoreEveryMember, scoringSetup } from "../support/scoring";
import { cast, openSession, votingYear } from "../support/votes";

/**
 * Races of each kind, the move starting this many ms after the write (before it when negative), in turn:
 * from the move well ahead to the move well behind, through every overlap in between.
 */
const MOVE_AFTER_MS = [-30, -10, -3, 0, 3, 10, 30, 80];
const RUNS = MOVE_AFTER_MS.length;

interface Race {
  yearId: string;
  /** Who writes (their audit rows are the write's). */
  writer: Actor;
  write: () => Promise<unknown>;
  /** A phase where the write is not allowed. */
  target: Phase;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When the transaction that wrote audit row `id` committed, in microseconds since the epoch (PostgreSQL's clock). */
async function committedAt(ids: bigint[]): Promise<bigint[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<{ at: bigint }[]>`
    SELECT (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint AS at FROM "AuditLog" WHERE id = ANY(${ids}::bigint[])`;
  return rows.map((row) => row.at);
}

async function race(prepare: () => Promise<Race>): Promise<{ landed: number; refused: number }> {
  const admin = await newAdmin();
  const outcome = { landed: 0, refused: 0 };
  for (let run = 0; run < RUNS; run += 1) {
    const { yearId, writer, write, target } = await prepare();
    const [{ last }] = await db.$queryRaw<
      [{ last: bigint }]
    >`SELECT coalesce(max(id), 0)::bigint AS last FROM "AuditLog"`;
    const after = MOVE_AFTER_MS[run]!;
    const [written, moved] = await Promise.allSettled([
      pause(Math.max(0, -after)).then(write),
      pause(Math.max(0, after)).then(() =>
        moveYearPhase(admin, yearId, { phase: target, reason: "Kiểm thử tranh chấp giai đoạn" }),
      ),
    ]);
    if (moved.status === "rejected") throw moved.reason;

    const move = await db.auditLog.findFirstOrThrow({
      where: { id: { gt: last }, actorId: admin.id, action: "year.phase.move", entityId: yearId },
      select: { id: true },
    });
    const [moveAt] = await committedAt([move.id]);
    const writes = await db.auditLog.findMany({
      where: { id: { gt: last }, actorId: writer.id },
      select: { id: true, action: true },
    });
    if (written.status === "fulfilled") {
      outcome.landed += 1;
      expect(writes.length).toBeGreaterThan(0);
      // Committed before the move: it never landed in the phase that forbids it.
      for (const at of await committedAt(writes.map((row) => row.id))) expect(at).toBeLessThan(moveAt!);
    } else {
      outcome.refused += 1;
      expect(written.reason).toMatchObject({ code: "WRONG_PHASE" });
      expect(writes).toEqual([]);
    }
  }
  expect(outcome.landed + outcome.refused).toBe(RUNS);
  return outcome;
}

/** Rules whose awards need no vote: nominations rest on the ranking alone (cheaper years to race on). */
const NO_VOTE_RULES = {
  ...DEFAULT_RULES,
  awards: DEFAULT_RULES.awards.map((award) => ({ ...award, requiresVote: false })),
};

describe("a phase-dependent write raced against a phase move never lands in the wrong phase", () => {
  it("self score (SELF_ASSESSMENT → REVIEW)", async () => {
    await race(async () => {
      const setup = await scoringSetup({ phase: "SELF_ASSESSMENT", memberCount: 2 });
      const writer = setup.staffActors[1]!;
      return {
        yearId: setup.year.id,
        writer,
        target: "REVIEW",
        write: () =>
          saveSelfScore(writer, setup.year.id, { criterionId: setup.criterionId("I.2"), points: 20 }),
      };
    });
  });

  it("final score (REVIEW → VOTING)", async () => {
    await race(async () => {
      const setup = await scoringSetup({ phase: "REVIEW", memberCount: 2 });
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "VOTING",
        write: () =>
          saveFinalScores(writer, setup.year.id, [
            {
              agencyCode: setup.agencies[1]!.code,
              criterionCode: "I.2",
              points: 20,
              version: 0,
              reason: "Thẩm định",
            },
          ]),
      };
    });
  });

  it("cross-score (REVIEW → VOTING)", async () => {
    await race(async () => {
      const setup = await scoringSetup({
        phase: "REVIEW",
        memberCount: 3,
        rules: { ...DEFAULT_RULES, crossScoring: { enabled: true, trimExtremes: false } },
      });
      const writer = setup.leaderActors[1]!;
      return {
        yearId: setup.year.id,
        writer,
        target: "VOTING",
        write: () =>
          saveCrossScore(writer, setup.year.id, {
            targetAgencyCode: setup.agencies[2]!.code,
            criterionId: setup.criterionId("I.1"),
            points: 20,
          }),
      };
    });
  });

  it("ranking publication (REVIEW → VOTING)", async () => {
    await race(async () => {
      const setup = await scoringSetup({ phase: "REVIEW", memberCount: 2 });
      await scoreEveryMember(setup.year.id);
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "VOTING",
        write: () => publishRanking(writer, setup.year.id),
      };
    });
  });

  it("pledge draft (PLEDGING → SELF_ASSESSMENT)", async () => {
    await race(async () => {
      const setup = await pledgingYear({ memberCount: 2 });
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "SELF_ASSESSMENT",
        write: () => savePledgeDraft(writer, setup.year.id, pledgeContent()),
      };
    });
  });

  it("pledge opened for signing (PLEDGING → SELF_ASSESSMENT)", async () => {
    await race(async () => {
      const setup = await pledgingYear({ memberCount: 2 });
      await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "SELF_ASSESSMENT",
        write: () => openPledgeForSigning(writer, setup.year.id),
      };
    });
  });

  it("signature (PLEDGING → SELF_ASSESSMENT)", async () => {
    await race(async () => {
      const setup = await pledgingYear({ memberCount: 3 });
      const { version } = await openWithSignatures(setup);
      const writer = setup.leaderActors[1]!;
      return {
        yearId: setup.year.id,
        writer,
        target: "SELF_ASSESSMENT",
        write: () => signPledge(writer, version.id, { password: TEST_PASSWORD, consent: true }),
      };
    });
  });

  it("ballot (VOTING → NOMINATION)", async () => {
    await race(async () => {
      const setup = await votingYear({ memberCount: 3 });
      const session = await openSession(setup);
      return {
        yearId: setup.year.id,
        writer: setup.leaderActors[1]!,
        target: "NOMINATION",
        write: () =>
          cast(setup, 1, session.id, { LEADER: setup.agencies[0]!.code, DEPUTY: setup.agencies[1]!.code }),
      };
    });
  });

  it("nomination (NOMINATION → BOARD_REVIEW)", async () => {
    await race(async () => {
      const setup = await nominationYear({ memberCount: 3, rules: NO_VOTE_RULES });
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "BOARD_REVIEW",
        write: () =>
          createNomination(writer, setup.year.id, {
            agencyCode: setup.code(0),
            awardCode: "PROVINCIAL_MERIT",
          }),
      };
    });
  });

  it("dossier sent to the board (NOMINATION, back to VOTING)", async () => {
    await race(async () => {
      const setup = await nominationYear({ memberCount: 3, rules: NO_VOTE_RULES });
      const nomination = await setup.nominate(0, "PROVINCIAL_MERIT");
      await attachReport(nomination.id, setup.secretariat.id);
      const writer = setup.secretariatActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "VOTING",
        write: () => submitDossier(writer, setup.year.id),
      };
    });
  });

  it("board verdict (BOARD_REVIEW, back to NOMINATION)", async () => {
    await race(async () => {
      const setup = await nominationYear({ memberCount: 3, rules: NO_VOTE_RULES });
      const nomination = await setup.nominate(0, "PROVINCIAL_MERIT");
      await attachReport(nomination.id, setup.secretariat.id);
      await submitDossier(setup.secretariatActor, setup.year.id);
      const writer = setup.boardActor;
      return {
        yearId: setup.year.id,
        writer,
        target: "NOMINATION",
        write: () => reviewNomination(writer, nomination.id, { action: "approve" }),
      };
    });
  });
});
