import { z } from "zod";
import { isoDay } from "@/lib/validation";

export const auditFiltersSchema = z.object({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  blocId: z.uuid("validation.invalidId").optional(),
  /** Inclusive days (Asia/Ho_Chi_Minh). */
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Entries older than this id (the `nextCursor` of the previous page). */
  cursor: z.string().regex(/^\d+$/, "validation.invalid").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  blocId: z.string().nullable(),
});

export type AuditFilters = z.input<typeof auditFiltersSchema>;
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
