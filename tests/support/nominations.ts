// Helpers for the nomination tests (đề nghị khen thưởng, hồ sơ, xét duyệt): a year in NOMINATION
// whose ranking was published and whose award proposal sessions were held and closed through the data
// layer, so that nominations are eligible; báo cáo thành tích rows written directly.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createNomination, submitDossier } from "@/lib/nominations/nominations";
import { reviewNomination } from "@/lib/nominations/review";
import { DEFAULT_RULES, type YearRules } from "@/lib/years/rules";
import { actorOf, setPhase } from "./scoring";
import { cast, endAndClose, openSession, votingYear } from "./votes";

/**
 * Totals of the members by index: 98, 96, 95 Xuất sắc; 90, 86 Tốt; 80 Khá. With the default awards:
 * GOV_FLAG for member 0, PROVINCIAL_FLAG (quota 3) open to 0–2, PROVINCIAL_MERIT to 0–4; 5 gets nothing.
 */
export const NOMINATION_TOTALS = [98, 96, 95, 90, 86, 80];

/**
 * A bloc with a year in NOMINATION (or `phase`): `memberCount` members (6 by default) with
 * NOMINATION_TOTALS, the ranking published, and a closed proposal session for every award of `rules`
 * (DEFAULT_RULES) except those in `skipVotes`, in which every member voted FOR every candidate (all pass).
 * Also a BOARD account and its actor.
 */
export async function nominationYear(
  options: {
    memberCount?: number;
    rules?: YearRules;
    skipVotes?: string[];
    phase?: "VOTING" | "NOMINATION";
  } = {},
) {
  const rules = options.rules ?? DEFAULT_RULES;
  const setup = await votingYear({ memberCount: options.memberCount ?? 6, totals: NOMINATION_TOTALS, rules });
  const sessions = new Map<string, string>();
  for (const award of rules.awards) {
    if (!award.requiresVote || options.skipVotes?.includes(award.code)) continue;
    const session = await openSession(setup, award.code);
    const choices = Object.fromEntries(session.candidates.map((candidate) => [candidate.code, "FOR"]));
    for (let index = 0; index < setup.agencies.length; index += 1)
      await cast(setup, index, session.id, choices);
    await endAndClose(setup, session.id);
    sessions.set(award.code, session.id);
  }
  if ((options.phase ?? "NOMINATION") === "NOMINATION") await setPhase(setup.year.id, "NOMINATION");
  const boardActor = await actorOf("BOARD");
  /** The agency code of member `index`. */
  const code = (index: number) => setup.agencies[index]!.code;
  /** Nominates member `index` for `awardCode` as the secretariat. */
  const nominate = (index: number, awardCode: string, note?: string) =>
    createNomination(setup.secretariatActor, setup.year.id, {
      agencyCode: code(index),
      awardCode,
      ...(note ? { note } : {}),
    });
  return { ...setup, sessions, boardActor, code, nominate };
}

export type NominationYear = Awaited<ReturnType<typeof nominationYear>>;

/** A báo cáo thành tích row of the nomination (no file on disk: the dossier only checks that one exists). */
export async function attachReport(nominationId: string, uploadedById: string) {
  return db.nominationReport.create({
    data: {
      nominationId,
      fileName: "bao-cao-thanh-tich.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1024,
      sha256: "0".repeat(64),
      storageKey: `test/${randomUUID()}.pdf`,
      uploadedById,
    },
  });
}

/**
 * The suggested 6-member outcome nominated and sent to the board: GOV_FLAG 0, PROVINCIAL_FLAG 1 and 2,
 * PROVINCIAL_MERIT 3 and 4, each with a report. Returns the nomination ids by member index.
 */
export async function submittedDossier(setup: NominationYear) {
  const plan: [number, string][] = [
    [0, "GOV_FLAG"],
    [1, "PROVINCIAL_FLAG"],
    [2, "PROVINCIAL_FLAG"],
    [3, "PROVINCIAL_MERIT"],
    [4, "PROVINCIAL_MERIT"],
  ];
  const ids = new Map<number, string>();
  for (const [index, awardCode] of plan) {
    const nomination = await setup.nominate(index, awardCode);
    await attachReport(nomination.id, setup.secretariat.id);
    ids.set(index, nomination.id);
  }
  await submitDossier(setup.secretariatActor, setup.year.id);
  return ids;
}

/** The board's verdict on one nomination. */
export function review(
  actor: Actor,
  nominationId: string,
  action: "approve" | "return" | "reject",
  comment?: string,
) {
  return reviewNomination(actor, nominationId, comment ? { action, comment } : { action });
}

export function statusOf(nominationId: string) {
  return db.nomination.findUniqueOrThrow({
    where: { id: nominationId },
    select: { status: true, round: true, decisionId: true, version: true },
  });
}

export function eventsOf(nominationId: string) {
  return db.nominationEvent.findMany({ where: { nominationId }, orderBy: { id: "asc" } });
}

export async function phaseOf(yearId: string) {
  return (await db.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { phase: true } })).phase;
}
