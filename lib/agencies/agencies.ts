import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { uniqueViolation } from "@/lib/db/errors";
import { conflict, notFound } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { createAgencySchema, updateAgencySchema, type AgencyDto } from "./schemas";

const agencySelect = { id: true, code: true, name: true, shortName: true } as const;

/** Cơ quan, đơn vị: the directory every signed-in user reads. */
export async function listAgencies(actor: Actor): Promise<AgencyDto[]> {
  authorize(actor, "agency.read");
  return db.agency.findMany({ select: agencySelect, orderBy: { name: "asc" } });
}

/** The directory as the admin page manages it. */
export async function listAgenciesToManage(actor: Actor): Promise<AgencyDto[]> {
  authorize(actor, "agency.manage");
  return listAgencies(actor);
}

export async function getAgencyByCode(actor: Actor, code: string): Promise<AgencyDto> {
  authorize(actor, "agency.read");
  const agency = await db.agency.findUnique({ where: { code: code.toLowerCase() }, select: agencySelect });
  if (!agency) throw notFound("errors.agency.notFound", { code });
  return agency;
}

function duplicateAgency(error: unknown, input: { code?: string; name?: string }): never {
  const fields = uniqueViolation(error);
  if (fields === null) throw error;
  if (fields.includes("code")) throw conflict("errors.agency.codeTaken", { code: input.code ?? "" });
  throw conflict("errors.agency.nameTaken", { name: input.name ?? "" });
}

export async function createAgency(actor: Actor, input: unknown): Promise<AgencyDto> {
  authorize(actor, "agency.manage");
  const data = parseInput(createAgencySchema, input);
  try {
    return await transaction(TRANSACTION.edit, async (tx) => {
      const agency = await tx.agency.create({ data, select: agencySelect });
      await recordAudit(tx, actor, {
        action: "agency.create",
        entity: "Agency",
        entityId: agency.id,
        after: agency,
      });
      return agency;
    });
  } catch (error) {
    duplicateAgency(error, data);
  }
}

export async function updateAgency(actor: Actor, code: string, input: unknown): Promise<AgencyDto> {
  authorize(actor, "agency.manage");
  const data = parseInput(updateAgencySchema, input);
  try {
    return await transaction(TRANSACTION.edit, async (tx) => {
      const before = await tx.agency.findUnique({
        where: { code: code.toLowerCase() },
        select: agencySelect,
      });
      if (!before) throw notFound("errors.agency.notFound", { code });
      const after = await tx.agency.update({ where: { id: before.id }, data, select: agencySelect });
      await recordAudit(tx, actor, {
        action: "agency.update",
        entity: "Agency",
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    duplicateAgency(error, data);
  }
}
