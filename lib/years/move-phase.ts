import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { authorize, can } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";
import { PHASES, classifyMove, nextPhase } from "./phases";
import { blockersOf, pendingWorkOf, type PendingItem } from "./pending-work";
import { lockYear } from "./manage";
import { toYearDto, yearSelect } from "./queries";
import { moveYearPhaseSchema, type YearDto } from "./schemas";
import { yearScope } from "@/lib/years/context";

async function loadForMove(yearId: string) {
  const row = await db.emulationYear.findUnique({
    where: { id: yearId },
    select: { ...yearSelect, deputyAgencyId: true },
  });
  if (!row) throw notFound("errors.year.notFound");
  return row;
}

/**
 * Moves the year to another phase. The year's secretariat moves it one step forward; an admin moves it
 * anywhere, with a reason when going back or skipping. Leaving work undone needs a reason. The move
 * is conditional on the version read, so two people moving at once cannot both succeed.
 */
export async function moveYearPhase(actor: Actor, yearId: string, input: unknown): Promise<YearDto> {
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const { phase: target, reason, version } = parseInput(moveYearPhaseSchema, input);

  return transaction(TRANSACTION.edit, async (tx) => {
    const row = await lockYear(tx, id, undefined);
    authorize(actor, "year.phase.move", yearScope(row));
    if (version !== undefined && version !== row.version) throw conflict("errors.year.stale");

    const move = classifyMove(row.phase, target);
    if (move === "none") throw conflict("errors.year.samePhase");
    if (move !== "forward" && !can(actor, "year.phase.moveAny", yearScope(row)))
      throw forbidden("errors.year.forwardOnly");
    if ((move === "back" || move === "skip") && !reason) {
      throw invalid([{ path: "reason", message: "validation.reasonRequired" }]);
    }

    const facts = { ...row, memberCount: row.members.length };
    if (move !== "back") {
      const blockers = blockersOf(facts);
      if (blockers.length > 0) throw new AppError("CONFLICT", "errors.year.blocked", { items: blockers });
      const pending = await pendingWorkOf(tx, facts);
      if (pending.length > 0 && !reason) {
        throw new AppError("CONFLICT", "errors.year.pendingWorkNeedsReason", {
          items: pending,
          params: { count: pending.length },
        });
      }
    }

    const updated = await tx.emulationYear.updateMany({
      where: { id, version: row.version },
      data: { phase: target, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw conflict("errors.year.stale");
    await recordAudit(tx, actor, {
      action: "year.phase.move",
      entity: "EmulationYear",
      entityId: id,
      before: { phase: row.phase },
      after: { phase: target },
      reason,
      blocId: row.blocId,
    });
    const fresh = await tx.emulationYear.findUniqueOrThrow({ where: { id }, select: yearSelect });
    return toYearDto(fresh);
  });
}

export interface PhaseMoveOptions {
  current: YearDto["phase"];
  /** Phases the actor may move the year to. */
  targets: YearDto["phase"][];
  blockers: PendingItem[];
  pending: PendingItem[];
}

/** What the actor may do with the year's phase, or null when they may not move it at all. */
export async function phaseMoveOptions(actor: Actor, yearId: string): Promise<PhaseMoveOptions | null> {
  const row = await loadForMove(idOrNotFound(yearId, "errors.year.notFound"));
  if (!can(actor, "year.phase.move", yearScope(row))) return null;
  const facts = { ...row, memberCount: row.members.length };
  const next = nextPhase(row.phase);
  const targets = can(actor, "year.phase.moveAny", yearScope(row))
    ? PHASES.filter((phase) => phase !== row.phase)
    : next
      ? [next]
      : [];
  return {
    current: row.phase,
    targets,
    blockers: blockersOf(facts),
    pending: await transaction(TRANSACTION.edit, (tx) => pendingWorkOf(tx, facts)),
  };
}
