import "server-only";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { rankingPublished } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/after";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { fromX100 } from "@/lib/scores/points";
import { can } from "@/lib/permissions";
import { parseInput, requiredText } from "@/lib/validation";

import { z } from "zod";
import { rankingEntriesColumn } from "./columns";
import { computeRanking, type RankAgency, type RankCriterion, type RankingEntry } from "./compute";
import { loadYear, lockYearInPhase, readYear, yearScope, type YearContext } from "@/lib/years/context";

// Xếp hạng: computed from the final scores and the year's rules; the secretariat publishes it (the
// scores lock), and may reopen it with a reason that the audit trail keeps.

/** Criteria and final scores of a year, in two queries whatever its size. */
export async function rankingInputOf(client: Tx | typeof db, year: YearContext) {
  const [criteria, finals] = await Promise.all([
    client.$queryRaw<
      { id: string; kind: RankCriterion["kind"]; maxX100: number; groupCode: string; groupPosition: number }[]
    >`
      SELECT c.id, c.kind, c."maxX100", g.code AS "groupCode", g.position AS "groupPosition"
      FROM "Criterion" c JOIN "CriteriaGroup" g ON g.id = c."groupId"
      WHERE c."yearId" = ${year.id}::uuid`,
    // The final scores of each agency as one JSON object (criterion id → points), parsed natively.
    client.$queryRaw<{ agencyId: string; finals: string }[]>`
      SELECT "agencyId", json_object_agg("criterionId", "finalX100")::text AS finals
      FROM "Score" WHERE "yearId" = ${year.id}::uuid AND "finalX100" IS NOT NULL
      GROUP BY "agencyId"`,
  ]);
  const byAgency = new Map(
    finals.map((row) => [
      row.agencyId,
      new Map(Object.entries(JSON.parse(row.finals) as Record<string, number>)),
    ]),
  );
  return {
    criteria,
    agencies: year.members.map(({ agency, notScoredReason }) => ({
      id: agency.id,
      code: agency.code,
      name: agency.name,
      notScoredReason,
    })),
    finals: byAgency,
    rules: year.rules,
  };
}

/**
 * The standing publication of a year's ranking: the latest one, unless it was reopened (then none
 * stands and the scores are unlocked). What votes, nominations and the dossier rest on.
 */
export async function standingPublication(
  client: Tx | typeof db,
  yearId: string,
): Promise<{ id: string; publishedAt: Date; entries: RankingEntry[] } | null> {
  const latest = await client.rankingPublication.findFirst({
    where: { yearId },
    orderBy: { publishedAt: "desc" },
    select: { id: true, publishedAt: true, entries: true, reopenedAt: true },
  });
  return latest && !latest.reopenedAt
    ? { id: latest.id, publishedAt: latest.publishedAt, entries: rankingEntriesColumn.read(latest.entries) }
    : null;
}

export async function computeYearRanking(client: Tx | typeof db, year: YearContext): Promise<RankingEntry[]> {
  return computeRanking(await rankingInputOf(client, year));
}

export interface RankingView {
  year: { id: string; year: number; phase: YearContext["phase"]; blocName: string };
  /** The standing publication, if any. */
  published: { id: string; at: string; entries: RankingEntry[] } | null;
  /** The ranking from the current scores (before publication, for those who may preview it). */
  preview: RankingEntry[] | null;
  /** With the preview: members without final scores (publishing is refused while there are any). */
  unscored: RankAgency[];
  /** With the preview: members marked "không chấm", with the reason. */
  notScored: (RankAgency & { reason: string })[];
  /** Whether the actor may mark members "không chấm" (or clear the mark) now. */
  mayMarkNotScored: boolean;
  bands: { code: string; label: string; minTotal: number }[];
  mayPublish: boolean;
  mayReopen: boolean;
  history: { id: string; at: string; reopenedAt: string | null; reopenReason: string | null }[];
}

export async function getRanking(actor: Actor, yearId: string): Promise<RankingView> {
  const year = await loadYear(db, actor, yearId, "criteria.read");
  const scope = yearScope(year);
  const mayPreview = can(actor, "ranking.preview", scope);
  if (!mayPreview && !can(actor, "ranking.read", scope)) throw forbidden();
  const publications = await db.rankingPublication.findMany({
    where: { yearId: year.id },
    orderBy: { publishedAt: "desc" },
  });
  const standing = publications[0] && publications[0].reopenedAt === null ? publications[0] : null;
  if (!mayPreview && !standing)
    throw new AppError("NOT_FOUND", "errors.ranking.notPublished", { reason: "RANKING_NOT_PUBLISHED" });
  const input = mayPreview && !standing ? await rankingInputOf(db, year) : null;
  const preview = input ? computeRanking(input) : null;
  const mayPublish = !standing && year.phase === "REVIEW" && can(actor, "ranking.publish", scope);
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    published: standing
      ? {
          id: standing.id,
          at: standing.publishedAt.toISOString(),
          entries: rankingEntriesColumn.read(standing.entries),
        }
      : null,
    preview,
    unscored: (preview ?? []).filter((entry) => entry.unscored).map((entry) => entry.agency),
    notScored: (preview ?? []).flatMap(({ agency, notScored }) =>
      notScored ? [{ ...agency, reason: notScored }] : [],
    ),
    // Marking members "không chấm" belongs to publishing: the same people, at the same time.
    mayMarkNotScored: mayPublish,
    bands: year.rules.classificationBands,
    mayPublish,
    mayReopen: standing !== null && year.phase === "REVIEW" && can(actor, "ranking.reopen", scope),
    history: mayPreview
      ? publications.map((p) => ({
          id: p.id,
          at: p.publishedAt.toISOString(),
          reopenedAt: p.reopenedAt?.toISOString() ?? null,
          reopenReason: p.reopenReason,
        }))
      : [],
  };
}

/** The API's ranking: the published one for members; for the secretariat and the province, the current one. */
export async function getRankingEntries(actor: Actor, yearId: string): Promise<RankingEntry[]> {
  const view = await getRanking(actor, yearId);
  return view.published?.entries ?? view.preview ?? [];
}

/** Publishes the ranking: a frozen snapshot; scores lock; every member's people are told. */
export async function publishRanking(
  actor: Actor,
  yearId: string,
): Promise<{ id: string; entries: RankingEntry[] }> {
  const { publication, notificationIds } = await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "ranking.publish", yearScope(year))) throw forbidden();
    // Exclusive lock: no score save or mark (they share it) runs while the snapshot is taken; the
    // members and their marks are read again under it.
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.ranking.wrongPhase", { exclusive: true });
    if (await rankingPublished(tx, year.id)) throw conflict("errors.ranking.alreadyPublished");
    const input = await rankingInputOf(tx, await readYear(tx, year.id));
    const entries = computeRanking(input);
    const unscored = entries.filter((entry) => entry.unscored).map((entry) => entry.agency);
    if (unscored.length > 0) {
      throw new AppError("VALIDATION", "errors.ranking.unscored", {
        params: { count: unscored.length },
        items: unscored.map((agency) => ({
          message: "errors.ranking.unscoredMember",
          params: { agency: agency.name },
        })),
        details: { unscored: unscored.map((agency) => agency.code) },
      });
    }
    const publication = await tx.rankingPublication.create({
      data: {
        yearId: year.id,
        publishedById: actor.id,
        publishedAt: now(),
        entries: rankingEntriesColumn.write(entries),
      },
    });
    await recordAudit(tx, actor, {
      action: "ranking.publish",
      entity: "RankingPublication",
      entityId: publication.id,
      after: entries.map((entry) => ({
        rank: entry.rank,
        agency: entry.agency.code,
        total: fromX100(entry.totalX100),
        classification: entry.classification?.code ?? null,
        ...(entry.notScored ? { notScored: entry.notScored } : {}),
      })),
      blocId: year.blocId,
    });
    const people = await tx.user.findMany({
      where: {
        disabled: false,
        agencyId: { in: year.members.map((m) => m.agencyId) },
        role: { in: ["AGENCY_LEADER", "AGENCY_STAFF", "SECRETARIAT"] },
      },
      select: { id: true },
    });
    const notificationIds = await notifyUsers(
      tx,
      people.map((person) => person.id),
      {
        kind: "ranking.published",
        messageKey: "notifications.rankingPublished",
        params: { year: year.year, bloc: year.bloc.name },
        href: `/years/${year.id}/ranking`,
      },
    );
    return { publication: { id: publication.id, entries }, notificationIds };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  return publication;
}

const reopenSchema = z.object({ reason: requiredText(1000) }).strict();

/** Reopens the published ranking (scores unlock) with a reason the audit trail keeps. */
export async function reopenRanking(actor: Actor, yearId: string, input: unknown): Promise<void> {
  const { reason } = parseInput(reopenSchema, input);
  await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "ranking.reopen", yearScope(year))) throw forbidden();
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.ranking.wrongPhase", { exclusive: true });
    const standing = await tx.rankingPublication.findFirst({
      where: { yearId: year.id },
      orderBy: { publishedAt: "desc" },
    });
    if (!standing || standing.reopenedAt)
      throw new AppError("NOT_FOUND", "errors.ranking.notPublished", { reason: "RANKING_NOT_PUBLISHED" });
    await tx.rankingPublication.update({
      where: { id: standing.id },
      data: { reopenedAt: now(), reopenedById: actor.id, reopenReason: reason },
    });
    await recordAudit(tx, actor, {
      action: "ranking.reopen",
      entity: "RankingPublication",
      entityId: standing.id,
      reason,
      blocId: year.blocId,
    });
  });
}
