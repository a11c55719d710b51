import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Prisma } from "@/lib/db";
import { authorize } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import { auditFiltersSchema, type AuditEntryDto } from "./schemas";

/** Start of a calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function vnDayStart(day: string, plusDays = 0): Date {
  const start = new Date(`${day}T00:00:00+07:00`);
  return new Date(start.getTime() + plusDays * 86_400_000);
}

/** The audit trail, newest first, filtered; ADMIN and BOARD only. */
export async function listAuditEntries(
  actor: Actor,
  filters: unknown = {},
): Promise<{ entries: AuditEntryDto[]; nextCursor: string | null }> {
  authorize(actor, "audit.read");
  const f = parseInput(auditFiltersSchema, filters);
  const where: Prisma.AuditLogWhereInput = {
    ...(f.actor ? { actorEmail: { contains: f.actor.toLowerCase() } } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.blocId ? { blocId: f.blocId } : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: vnDayStart(f.from) } : {}),
            ...(f.to ? { lt: vnDayStart(f.to, 1) } : {}),
          },
        }
      : {}),
    ...(f.cursor ? { id: { lt: BigInt(f.cursor) } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: f.limit + 1 });
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map((row) => ({
      ...row,
      id: row.id.toString(),
      at: row.at.toISOString(),
      actorRole: row.actorRole,
    })),
    nextCursor: rows.length > f.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
