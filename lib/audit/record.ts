import "server-only";
import { z } from "zod";
import { Prisma, type Tx } from "@/lib/db";
import { jsonColumn } from "@/lib/db/json";
import type { Role } from "@/lib/generated/prisma/enums";
import type { RequestMeta } from "@/lib/http/request-meta";

/**
 * Who wrote, as the audit trail records it: a user, or for a failed sign-in the email that was tried.
 * Null for the system (seed, maintenance scripts).
 */
export interface AuditActor {
  id: string | null;
  email: string | null;
  role: Role | null;
  request: Pick<RequestMeta, "ip" | "userAgent"> | null;
}

export interface AuditEntry {
  /** Dotted verb: "<entity>.<verb>", e.g. "agency.create", "year.phase.move". */
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  blocId?: string | null;
}

/** AuditLog.before and AuditLog.after: any entity's state, as JSON (dates as ISO strings). */
const auditStateColumn = jsonColumn(z.json());

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return auditStateColumn.write(JSON.parse(JSON.stringify(value)));
}

/**
 * Appends one row to the audit trail. Call it with the transaction client of the write it describes,
 * so the write and its audit row commit or roll back together.
 */
export async function recordAudit(tx: Tx, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
      blocId: entry.blocId ?? null,
      ip: actor?.request?.ip ?? null,
      userAgent: actor?.request?.userAgent ?? null,
    },
  });
}
