import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { uniqueViolation } from "@/lib/db/errors";
import { conflict, invalid, notFound } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";
import {
  AGENCY_ROLES,
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  userFiltersSchema,
  type UserDto,
} from "./schemas";

// Accounts (admin). No function here returns a password hash: DTOs only.

const userSelect = {
  id: true,
  email: true,
  name: true,
  title: true,
  role: true,
  disabled: true,
  mustChangePassword: true,
  lastSignInAt: true,
  agency: { select: { code: true, name: true } },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toDto(row: UserRow): UserDto {
  return { ...row, lastSignInAt: row.lastSignInAt?.toISOString() ?? null };
}

/** What the audit trail keeps of an account: never the hash. */
function auditView(row: UserRow) {
  return {
    email: row.email,
    name: row.name,
    title: row.title,
    role: row.role,
    agency: row.agency?.code ?? null,
    disabled: row.disabled,
  };
}

export async function listUsers(actor: Actor, filters: unknown = {}): Promise<UserDto[]> {
  authorize(actor, "user.read");
  const { q, role, agencyCode, disabled } = parseInput(userFiltersSchema, filters);
  const rows = await db.user.findMany({
    where: {
      ...(role ? { role } : {}),
      ...(agencyCode ? { agency: { code: agencyCode } } : {}),
      ...(disabled !== undefined ? { disabled } : {}),
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: "insensitive" } },
              { name: { contains: q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    select: userSelect,
    orderBy: [{ agency: { name: "asc" } }, { email: "asc" }],
    take: 500,
  });
  return rows.map(toDto);
}

export async function getUser(actor: Actor, userId: string): Promise<UserDto> {
  authorize(actor, "user.read");
  const row = await db.user.findUnique({
    where: { id: idOrNotFound(userId, "errors.user.notFound") },
    select: userSelect,
  });
  if (!row) throw notFound("errors.user.notFound");
  return toDto(row);
}

async function agencyIdOf(tx: Tx, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const agency = await tx.agency.findUnique({ where: { code }, select: { id: true } });
  if (!agency)
    throw invalid([{ path: "agencyCode", message: "validation.unknownAgencies", params: { codes: code } }]);
  return agency.id;
}

export async function createUser(actor: Actor, input: unknown): Promise<UserDto> {
  authorize(actor, "user.manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await transaction(TRANSACTION.edit, async (tx) => {
      const row = await tx.user.create({
        data: {
          email: data.email,
          name: data.name,
          title: data.title,
          role: data.role,
          agencyId: await agencyIdOf(tx, data.agencyCode),
          passwordHash,
          mustChangePassword: true,
        },
        select: userSelect,
      });
      await recordAudit(tx, actor, {
        action: "user.create",
        entity: "User",
        entityId: row.id,
        after: auditView(row),
      });
      return toDto(row);
    });
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
    throw conflict("errors.user.emailTaken", { email: data.email });
  }
}

/**
 * Name, title, role, agency, disabled (admin). A change of role or agency, or disabling, ends the
 * user's sessions at once. An admin cannot lock themself out.
 */
export async function updateUser(actor: Actor, userId: string, input: unknown): Promise<UserDto> {
  authorize(actor, "user.manage");
  const id = idOrNotFound(userId, "errors.user.notFound");
  const data = parseInput(updateUserSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { ...userSelect, agencyId: true } });
    if (!before) throw notFound("errors.user.notFound");
    const role = data.role ?? before.role;
    const agencyCode = data.agencyCode !== undefined ? data.agencyCode : (before.agency?.code ?? null);
    const needsAgency = (AGENCY_ROLES as readonly string[]).includes(role);
    if (needsAgency && !agencyCode)
      throw invalid([{ path: "agencyCode", message: "validation.agencyRequiredForRole" }]);
    const agencyId = needsAgency ? await agencyIdOf(tx, agencyCode) : null;
    if (id === actor.id && (data.disabled === true || role !== "ADMIN"))
      throw conflict("errors.user.cannotLockOutSelf");

    const rightsChanged =
      role !== before.role || agencyId !== before.agencyId || (data.disabled === true && !before.disabled);
    const row = await tx.user.update({
      where: { id },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.title !== undefined ? { title: data.title } : {}),
        ...(data.disabled !== undefined ? { disabled: data.disabled } : {}),
        role,
        agencyId,
        ...(rightsChanged ? { tokenVersion: { increment: 1 } } : {}),
      },
      select: userSelect,
    });
    const action =
      data.disabled === true && !before.disabled
        ? "user.disable"
        : data.disabled === false && before.disabled
          ? "user.enable"
          : "user.update";
    await recordAudit(tx, actor, {
      action,
      entity: "User",
      entityId: id,
      before: auditView(before),
      after: auditView(row),
    });
    return toDto(row);
  });
}

/** Sets a temporary password (admin): the user's sessions end and they must choose a new one. */
export async function resetUserPassword(actor: Actor, userId: string, input: unknown): Promise<UserDto> {
  authorize(actor, "user.manage");
  const id = idOrNotFound(userId, "errors.user.notFound");
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return transaction(TRANSACTION.edit, async (tx) => {
    const exists = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw notFound("errors.user.notFound");
    const row = await tx.user.update({
      where: { id },
      data: {
        passwordHash,
        mustChangePassword: id !== actor.id,
        passwordChangedAt: new Date(),
        tokenVersion: { increment: 1 },
      },
      select: userSelect,
    });
    await recordAudit(tx, actor, { action: "user.password.reset", entity: "User", entityId: id });
    return toDto(row);
  });
}
