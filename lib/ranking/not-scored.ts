import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { rankingPublished } from "@/lib/assessments/load";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { parseInput, requiredText } from "@/lib/validation";
import { loadYear, lockYearInPhase, yearScope } from "@/lib/years/context";

// "Không chấm": the secretariat leaves a member out of the year's scoring (it merged, it was dissolved,
// it had no activity the criteria measure), with a reason that the ranking shows and the audit trail
// keeps. The member then ranks last, shown as "Chưa chấm", instead of counting as 0 points · Yếu.
// Decided in REVIEW before the ranking is published, by whoever may publish it.

const markSchema = z.object({ reason: requiredText(1000) }).strict();

async function changeMark(
  actor: Actor,
  yearId: string,
  agencyCode: string,
  reason: string | null,
): Promise<void> {
  await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, yearId, "criteria.read");
    if (!can(actor, "ranking.publish", yearScope(year))) throw forbidden();
    const member = year.members.find((m) => m.agency.code === agencyCode);
    if (!member) throw notFound("errors.agency.notMember", { code: agencyCode });
    await lockYearInPhase(tx, year.id, ["REVIEW"], "errors.ranking.wrongPhase");
    if (await rankingPublished(tx, year.id)) throw new AppError("WRONG_PHASE", "errors.scores.locked");
    const { notScoredReason: before } = await tx.yearMember.findUniqueOrThrow({
      where: { yearId_agencyId: { yearId: year.id, agencyId: member.agencyId } },
      select: { notScoredReason: true },
    });
    if (reason === null && before === null)
      throw conflict("errors.ranking.notMarked", { agency: member.agency.name });
    await tx.yearMember.update({
      where: { yearId_agencyId: { yearId: year.id, agencyId: member.agencyId } },
      data:
        reason === null
          ? { notScoredReason: null, notScoredAt: null, notScoredById: null }
          : { notScoredReason: reason, notScoredAt: now(), notScoredById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: reason === null ? "ranking.notScored.clear" : "ranking.notScored.mark",
      entity: "EmulationYear",
      entityId: year.id,
      before: { agency: agencyCode, notScored: before },
      after: { agency: agencyCode, notScored: reason },
      reason,
      blocId: year.blocId,
    });
  });
}

/** Marks a member "không chấm" with a reason (or changes the reason). */
export async function markNotScored(
  actor: Actor,
  yearId: string,
  agencyCode: string,
  input: unknown,
): Promise<void> {
  const { reason } = parseInput(markSchema, input);
  await changeMark(actor, yearId, agencyCode, reason);
}

/** Clears the mark: the member is scored and ranked as every other. */
export async function clearNotScored(actor: Actor, yearId: string, agencyCode: string): Promise<void> {
  await changeMark(actor, yearId, agencyCode, null);
}
