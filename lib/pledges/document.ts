import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { idOrNotFound } from "@/lib/validation";
import { readYear } from "@/lib/years/context";
import { documentFrame } from "./canonical";
import { versionForActor, versionSelect } from "./load";
import { toVersionView, type PledgeVersionView } from "./pledges";
import { signatureSelect, type SignatureRow } from "./signatures";

/** Everything the printed pledge shows: the frozen version, one block per member, the certificate. */
export interface SignedDocument {
  bloc: { name: string; place: string | null };
  yearId: string;
  year: number;
  version: PledgeVersionView;
  members: { code: string; name: string; signature: SignatureRow | null }[];
  verificationUrl: string;
}

/** The printed pledge of a version the actor may read (CONFLICT while it is a draft). */
export async function getSignedDocument(actor: Actor, versionId: string): Promise<SignedDocument> {
  const version = await versionForActor(db, actor, idOrNotFound(versionId, "errors.pledge.versionNotFound"));
  return signedDocumentOf(db, version.id);
}

/** The printed pledge of a version as it stands, read with `client` (for issuing it in a transaction). */
export async function signedDocumentOf(client: Tx | typeof db, versionId: string): Promise<SignedDocument> {
  const version = await client.pledgeVersion.findUnique({
    where: { id: versionId },
    select: { ...versionSelect, pledge: { select: { yearId: true } } },
  });
  if (!version) throw notFound("errors.pledge.versionNotFound");
  if (version.status === "DRAFT") throw conflict("errors.pledge.notOpen");
  const year = await readYear(client, version.pledge.yearId);
  const signatures = await client.pledgeSignature.findMany({
    where: { versionId: version.id },
    select: signatureSelect,
  });
  const byCode = new Map(signatures.map((signature) => [signature.agencyCode, signature]));
  // The members bound by this version are those frozen into it (membership may have changed since).
  const { members: frozen } = documentFrame(version.canonicalContent ?? "");
  return {
    bloc: { name: year.bloc.name, place: year.bloc.place },
    yearId: year.id,
    year: year.year,
    version: toVersionView(version),
    members: [...frozen]
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((member) => ({ ...member, signature: byCode.get(member.code) ?? null })),
    verificationUrl: `${getEnv().NEXTAUTH_URL.replace(/\/$/, "")}/verify/pledge/${version.id}`,
  };
}
