import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { idOrNotFound } from "@/lib/validation";
import { canonicalPledge, documentFrame, sealKeyId, sealMatches, sha256Hex } from "./canonical";
import { versionForActor } from "./load";
import { CONTENT_FIELDS } from "./pledges";
import type { PledgeContent, Verification } from "./schemas";
import { sealKey } from "./seal-key";
import { recordOf, signatureSelect } from "./signatures";

/**
 * Recomputes the document hash from the stored content and every seal from the stored signature, as
 * someone holding the printed document would ask: is this what was signed, and by whom?
 */
async function verify(versionId: string): Promise<Verification> {
  const version = await db.pledgeVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      status: true,
      title: true,
      preamble: true,
      goals: true,
      targets: true,
      movement: true,
      commitments: true,
      criteriaReference: true,
      canonicalContent: true,
      sha256: true,
    },
  });
  if (!version || version.status === "DRAFT") throw notFound("errors.pledge.versionNotFound");

  let documentValid = false;
  try {
    const content = Object.fromEntries(
      CONTENT_FIELDS.map((field) => [field, version[field]]),
    ) as PledgeContent;
    const rebuilt = canonicalPledge({ ...documentFrame(version.canonicalContent ?? ""), ...content });
    documentValid = rebuilt === version.canonicalContent && sha256Hex(rebuilt) === version.sha256;
  } catch {
    documentValid = false;
  }

  const key = sealKey();
  const keyId = sealKeyId(key);
  const rows = await db.pledgeSignature.findMany({
    where: { versionId: version.id },
    select: signatureSelect,
    orderBy: { agencyName: "asc" },
  });
  const signatures = rows.map((row) => {
    const problem =
      row.documentSha256 !== version.sha256
        ? "OTHER_DOCUMENT"
        : row.sealKeyId !== keyId
          ? "OTHER_KEY"
          : !sealMatches(recordOf(row), key, row.seal)
            ? "SEAL_MISMATCH"
            : null;
    return {
      agency: { code: row.agencyCode, name: row.agencyName },
      signerName: row.signerName,
      signedAt: row.signedAt.toISOString(),
      valid: problem === null,
      problem,
    } as const;
  });
  return {
    versionId: version.id,
    number: version.number,
    status: version.status,
    title: version.title,
    sha256: version.sha256,
    documentValid,
    valid: documentValid && signatures.every((signature) => signature.valid),
    signatures,
  };
}

/** The public verification page (the URL and QR code printed on the document): no sign-in needed. */
export async function verifyPledgeVersionPublicly(versionId: string): Promise<Verification> {
  return verify(idOrNotFound(versionId, "errors.pledge.versionNotFound"));
}

/** The API's verification, for those who may read the year's pledge. */
export async function verifyPledgeVersion(actor: Actor, versionId: string): Promise<Verification> {
  const version = await versionForActor(db, actor, idOrNotFound(versionId, "errors.pledge.versionNotFound"));
  return verify(version.id);
}
