import "server-only";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { REAUTH_FRESH_MS, reauthenticate } from "@/lib/auth/reauth";
import { recordAudit } from "@/lib/audit/record";
import { issueAfterCommit } from "@/lib/documents/registry";
import { db, type Prisma } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { authorize, scopeOf } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";

import { sealKeyId, sealSignature, type SignatureRecord } from "./canonical";
import { assertPledgingPhase, versionForActor } from "./load";
import { signPledgeSchema, type SignatureDto } from "./schemas";
import { sealKey } from "./seal-key";
import { lockYearInPhase, yearScope } from "@/lib/years/context";

export const SIGNATURE_AUTH_METHOD = "PASSWORD_REAUTH";

const signatureSelect = {
  id: true,
  versionId: true,
  agencyId: true,
  signerId: true,
  agencyCode: true,
  agencyName: true,
  signerName: true,
  signerTitle: true,
  documentSha256: true,
  authMethod: true,
  authenticatedAt: true,
  ip: true,
  userAgent: true,
  signedAt: true,
  sealKeyId: true,
  seal: true,
} as const satisfies Prisma.PledgeSignatureSelect;

export type SignatureRow = Prisma.PledgeSignatureGetPayload<{ select: typeof signatureSelect }>;
export { signatureSelect };

/** The record a seal covers, rebuilt from a stored signature row. */
export function recordOf(row: SignatureRow): SignatureRecord {
  return {
    versionId: row.versionId,
    documentSha256: row.documentSha256,
    agency: { id: row.agencyId, code: row.agencyCode, name: row.agencyName },
    signer: { id: row.signerId, name: row.signerName, title: row.signerTitle },
    authMethod: row.authMethod,
    authenticatedAt: row.authenticatedAt.toISOString(),
    ip: row.ip,
    userAgent: row.userAgent,
    signedAt: row.signedAt.toISOString(),
  };
}

export function toSignatureDto(row: SignatureRow): SignatureDto {
  return {
    id: row.id,
    versionId: row.versionId,
    agency: { code: row.agencyCode, name: row.agencyName },
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    documentSha256: row.documentSha256,
    authMethod: row.authMethod,
    signedAt: row.signedAt.toISOString(),
    seal: row.seal,
  };
}

/**
 * A leader signs the open version for their own agency, after re-entering their password and
 * consenting. The agency is the signer's own, never one named by the request. Exactly one signature
 * per agency and version: the unique constraint with ON CONFLICT DO NOTHING lets a second or
 * concurrent request find the first one (`created: false`).
 */
export async function signPledge(
  actor: Actor,
  versionId: string,
  input: unknown,
): Promise<{ signature: SignatureDto; created: boolean }> {
  if (scopeOf(actor, "pledge.sign") === undefined || !actor.agencyId)
    throw forbidden("errors.pledge.onlyLeaders");
  const id = idOrNotFound(versionId, "errors.pledge.versionNotFound");
  const { password } = parseInput(signPledgeSchema, input);
  const version = await versionForActor(db, actor, id);
  const year = version.pledge.year;
  authorize(actor, "pledge.sign", yearScope(year));
  assertPledgingPhase(year);
  if (version.status !== "OPEN")
    throw conflict(version.status === "SUPERSEDED" ? "errors.pledge.superseded" : "errors.pledge.notOpen");
  const agency = year.members.find((member) => member.agencyId === actor.agencyId)!.agency;

  const authenticatedAt = await reauthenticate(actor, password, "pledge.sign");

  const result = await transaction(TRANSACTION.edit, async (tx) => {
    await lockYearInPhase(tx, year.id, ["PLEDGING"], "errors.pledge.wrongPhase");
    // Shares the lock that superseding the version takes exclusively: a signature is written for an
    // open version or not at all.
    const [locked] = await tx.$queryRaw<{ status: string; sha256: string }[]>`
      SELECT status, sha256 FROM "PledgeVersion" WHERE id = ${id}::uuid FOR SHARE`;
    if (locked?.status !== "OPEN") throw conflict("errors.pledge.superseded");
    const existing = await tx.pledgeSignature.findUnique({
      where: { versionId_agencyId: { versionId: id, agencyId: agency.id } },
      select: signatureSelect,
    });
    if (existing) return { signature: toSignatureDto(existing), created: false };

    const signedAt = now();
    if (signedAt.getTime() - authenticatedAt.getTime() > REAUTH_FRESH_MS)
      throw new AppError("CONFLICT", "errors.pledge.reauthExpired");
    const key = sealKey();
    const record: SignatureRecord = {
      versionId: id,
      documentSha256: locked.sha256,
      agency: { id: agency.id, code: agency.code, name: agency.name },
      signer: { id: actor.id, name: actor.name, title: actor.title },
      authMethod: SIGNATURE_AUTH_METHOD,
      authenticatedAt: authenticatedAt.toISOString(),
      ip: actor.request.ip,
      userAgent: actor.request.userAgent,
      signedAt: signedAt.toISOString(),
    };
    const [inserted] = await tx.pledgeSignature.createManyAndReturn({
      data: [
        {
          versionId: id,
          agencyId: agency.id,
          signerId: actor.id,
          agencyCode: agency.code,
          agencyName: agency.name,
          signerName: actor.name,
          signerTitle: actor.title,
          documentSha256: locked.sha256,
          authMethod: SIGNATURE_AUTH_METHOD,
          authenticatedAt,
          ip: actor.request.ip,
          userAgent: actor.request.userAgent,
          signedAt,
          sealKeyId: sealKeyId(key),
          seal: sealSignature(record, key),
        },
      ],
      skipDuplicates: true,
      select: signatureSelect,
    });
    if (!inserted) {
      const winner = await tx.pledgeSignature.findUniqueOrThrow({
        where: { versionId_agencyId: { versionId: id, agencyId: agency.id } },
        select: signatureSelect,
      });
      return { signature: toSignatureDto(winner), created: false };
    }
    await recordAudit(tx, actor, {
      action: "pledge.sign",
      entity: "PledgeSignature",
      entityId: inserted.id,
      after: {
        version: version.number,
        versionId: id,
        agency: agency.code,
        documentSha256: locked.sha256,
        seal: inserted.seal,
      },
      blocId: year.blocId,
    });
    return { signature: toSignatureDto(inserted), created: true };
  });
  // Each signature that lands issues the signed pledge anew (a numbered version in the registry).
  if (result.created) await issueAfterCommit("PLEDGE", id);
  return result;
}
