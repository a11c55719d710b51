import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { uniqueViolation } from "@/lib/db/errors";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { authorize, scopeOf } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";
import { createBlocSchema, updateBlocSchema, type BlocDto } from "./schemas";

const blocSelect = {
  id: true,
  name: true,
  shortName: true,
  description: true,
  place: true,
  years: { select: { year: true }, orderBy: { year: "desc" }, take: 1 },
  _count: { select: { years: true } },
} as const satisfies Prisma.BlocSelect;

type BlocRow = Prisma.BlocGetPayload<{ select: typeof blocSelect }>;

function toDto(row: BlocRow): BlocDto {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    place: row.place,
    yearCount: row._count.years,
    latestYear: row.years[0]?.year ?? null,
  };
}

/** Blocs the actor may see, as a Prisma filter: all, or those their agency belongs to in some year. */
export function visibleBlocsWhere(actor: Actor): Prisma.BlocWhereInput {
  const scope = scopeOf(actor, "bloc.read");
  if (scope === "any") return {};
  if (scope === "blocMember" && actor.agencyId) {
    return { years: { some: { members: { some: { agencyId: actor.agencyId } } } } };
  }
  throw forbidden();
}

export async function listBlocs(actor: Actor): Promise<BlocDto[]> {
  const rows = await db.bloc.findMany({
    where: visibleBlocsWhere(actor),
    select: blocSelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toDto);
}

/** Every bloc, as the admin page manages them. */
export async function listBlocsToManage(actor: Actor): Promise<BlocDto[]> {
  authorize(actor, "bloc.manage");
  return listBlocs(actor);
}

/** A bloc the actor may see; another bloc is NOT_FOUND, so ids of other blocs reveal nothing. */
export async function getBloc(actor: Actor, blocId: string): Promise<BlocDto> {
  const id = idOrNotFound(blocId, "errors.bloc.notFound");
  const row = await db.bloc.findFirst({
    where: { AND: [{ id }, visibleBlocsWhere(actor)] },
    select: blocSelect,
  });
  if (!row) throw notFound("errors.bloc.notFound");
  return toDto(row);
}

function duplicateBloc(error: unknown, name: string | undefined): never {
  if (uniqueViolation(error) === null) throw error;
  throw conflict("errors.bloc.nameTaken", { name: name ?? "" });
}

export async function createBloc(actor: Actor, input: unknown): Promise<BlocDto> {
  authorize(actor, "bloc.manage");
  const data = parseInput(createBlocSchema, input);
  try {
    return await transaction(TRANSACTION.edit, async (tx) => {
      const row = await tx.bloc.create({ data, select: blocSelect });
      await recordAudit(tx, actor, {
        action: "bloc.create",
        entity: "Bloc",
        entityId: row.id,
        after: data,
        blocId: row.id,
      });
      return toDto(row);
    });
  } catch (error) {
    duplicateBloc(error, data.name);
  }
}

export async function updateBloc(actor: Actor, blocId: string, input: unknown): Promise<BlocDto> {
  authorize(actor, "bloc.manage");
  const id = idOrNotFound(blocId, "errors.bloc.notFound");
  const data = parseInput(updateBlocSchema, input);
  try {
    return await transaction(TRANSACTION.edit, async (tx) => {
      const before = await tx.bloc.findUnique({
        where: { id },
        select: { name: true, shortName: true, description: true, place: true },
      });
      if (!before) throw notFound("errors.bloc.notFound");
      const row = await tx.bloc.update({ where: { id }, data, select: blocSelect });
      await recordAudit(tx, actor, {
        action: "bloc.update",
        entity: "Bloc",
        entityId: id,
        before,
        after: data,
        blocId: id,
      });
      return toDto(row);
    });
  } catch (error) {
    duplicateBloc(error, data.name);
  }
}
