import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { invalid } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema } from "./schemas";

export interface MeDto {
  id: string;
  email: string;
  name: string;
  title: string | null;
  role: Actor["role"];
  agency: { code: string; name: string } | null;
  mustChangePassword: boolean;
}

export function getMe(actor: Actor): MeDto {
  authorize(actor, "account.read", { userId: actor.id });
  return {
    id: actor.id,
    email: actor.email,
    name: actor.name,
    title: actor.title,
    role: actor.role,
    agency: actor.agency ? { code: actor.agency.code, name: actor.agency.name } : null,
    mustChangePassword: actor.mustChangePassword,
  };
}

/**
 * Changes the actor's own password after checking the current one. Every session of the user ends,
 * this one included: they sign in again with the new password.
 */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "account.changePassword", { userId: actor.id });
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, tokenVersion: true },
  });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw invalid([{ path: "currentPassword", message: "validation.currentPasswordWrong" }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await transaction(TRANSACTION.edit, async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: actor.id, tokenVersion: user.tokenVersion },
      data: {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        tokenVersion: { increment: 1 },
      },
    });
    if (updated.count !== 1)
      throw invalid([{ path: "currentPassword", message: "validation.sessionChanged" }]);
    await recordAudit(tx, actor, { action: "user.password.change", entity: "User", entityId: actor.id });
  });
}
