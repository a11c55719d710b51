import "server-only";
import { readFileSync, statSync } from "node:fs";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { Tx } from "@/lib/db";
import { readPkcs12, type SigningIdentity } from "./pkcs12";

// The organisation's document certificate from the configuration (DOCUMENT_SIGNING_P12 and its
// password), read again whenever the file changes. Rotating it (replacing the file, or a new path and a
// restart) leaves every document signed before verifiable: the registry keeps the certificate each one
// was signed with.

let cached: { file: string; version: string; identity: SigningIdentity } | undefined;

export function signingIdentity(): SigningIdentity {
  const { DOCUMENT_SIGNING_P12: file, DOCUMENT_SIGNING_P12_PASSWORD: password } = getEnv();
  if (!file)
    throw new Error(
      "DOCUMENT_SIGNING_P12 is not set: documents cannot be issued without the organisation's document certificate (README, Environment variables).",
    );
  let version: string;
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    version = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    if (cached?.file === file && cached.version === version) return cached.identity;
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(
      `DOCUMENT_SIGNING_P12 (${file}) cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  cached = { file, version, identity: readPkcs12(bytes, password) };
  return cached.identity;
}

/** The organisation that signs, as printed on documents: the certificate's O, else its CN. */
export function signerOrganisation(identity: SigningIdentity): string {
  return identity.organisation ?? identity.commonName ?? identity.subject;
}

/** The registry row of a certificate, added (in the issuing transaction) the first time a document is signed with it. */
export async function certificateRowId(tx: Tx, identity: SigningIdentity): Promise<string> {
  await tx.documentCertificate.createMany({
    data: [
      {
        fingerprint: identity.fingerprint,
        subject: identity.subject,
        issuer: identity.issuer,
        serialNumber: identity.serialNumber,
        notBefore: identity.notBefore,
        notAfter: identity.notAfter,
        pem: identity.pem,
      },
    ],
    skipDuplicates: true,
  });
  const row = await tx.documentCertificate.findUniqueOrThrow({
    where: { fingerprint: identity.fingerprint },
    select: { id: true },
  });
  return row.id;
}

/** Logs which certificate signs documents, and an error if it cannot be read or is not valid now (or within 30 days). */
export function reportSigningCertificate(now = new Date()): void {
  try {
    const identity = signingIdentity();
    const fields = {
      subject: identity.subject,
      fingerprint: identity.fingerprint,
      notAfter: identity.notAfter.toISOString(),
    };
    if (now < identity.notBefore || now > identity.notAfter)
      log.error("document signing certificate is not valid now: issued documents will not verify", fields);
    else if (identity.notAfter.getTime() - now.getTime() < 30 * 86_400_000)
      log.warn("document signing certificate expires within 30 days", fields);
    else log.info("document signing certificate", fields);
  } catch (error) {
    log.error("document signing certificate unusable: no document can be issued", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
