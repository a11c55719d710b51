import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// The canonical forms that pledge hashes and signature seals are computed over. Documented in
// docs/signatures.md; changing anything here invalidates every existing hash and seal, so a new form
// gets a new `format` name instead.

export const PLEDGE_FORMAT = "khoithidua.pledge.v1";
export const SIGNATURE_FORMAT = "khoithidua.pledge-signature.v1";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Text as it is hashed: Unicode NFC, "\n" line endings, no trailing spaces, no surrounding blank lines. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();
}

/**
 * JSON with object keys sorted by code point at every level and no whitespace (the key ordering of
 * RFC 8785); strings are NFC-normalised. Numbers must be integers.
 */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error("canonicalJson: only safe integers");
    return String(value);
  }
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface PledgeContent {
  title: string;
  preamble: string;
  goals: string;
  targets: string;
  movement: string;
  commitments: string;
  criteriaReference: string;
}

/** Everything a signer agrees to, frozen when the version is opened for signing. */
export interface PledgeDocument extends PledgeContent {
  bloc: { id: string; name: string };
  year: { id: string; year: number };
  version: { id: string; number: number };
  /** Member agencies bound by the pledge, sorted by code. */
  members: { code: string; name: string }[];
  /** ISO 8601 UTC with milliseconds. */
  openedAt: string;
}

export function canonicalPledge(document: PledgeDocument): string {
  return canonicalJson({
    format: PLEDGE_FORMAT,
    bloc: { id: document.bloc.id, name: document.bloc.name },
    year: { id: document.year.id, year: document.year.year },
    version: { id: document.version.id, number: document.version.number },
    members: [...document.members]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((m) => ({ code: m.code, name: m.name })),
    openedAt: document.openedAt,
    title: normalizeText(document.title),
    preamble: normalizeText(document.preamble),
    goals: normalizeText(document.goals),
    targets: normalizeText(document.targets),
    movement: normalizeText(document.movement),
    commitments: normalizeText(document.commitments),
    criteriaReference: normalizeText(document.criteriaReference),
  });
}

/** The parts of a frozen document that are not content columns (to rebuild it when verifying). */
export function documentFrame(canonical: string): Omit<PledgeDocument, keyof PledgeContent> {
  const parsed = JSON.parse(canonical) as PledgeDocument & { format: string };
  if (parsed.format !== PLEDGE_FORMAT) throw new Error(`Unknown pledge format ${parsed.format}`);
  return {
    bloc: parsed.bloc,
    year: parsed.year,
    version: parsed.version,
    members: parsed.members,
    openedAt: parsed.openedAt,
  };
}

export type SignatureRecord = {
  versionId: string;
  documentSha256: string;
  agency: { id: string; code: string; name: string };
  signer: { id: string; name: string; title: string | null };
  authMethod: string;
  authenticatedAt: string;
  ip: string | null;
  userAgent: string | null;
  signedAt: string;
};

export function canonicalSignature(record: SignatureRecord): string {
  return canonicalJson({ format: SIGNATURE_FORMAT, ...record });
}

/** Which key sealed a signature, without revealing it. */
export function sealKeyId(key: string): string {
  return sha256Hex(`seal-key:${key}`).slice(0, 16);
}

export function sealSignature(record: SignatureRecord, key: string): string {
  return createHmac("sha256", key).update(canonicalSignature(record), "utf8").digest("hex");
}

export function sealMatches(record: SignatureRecord, key: string, seal: string): boolean {
  const expected = Buffer.from(sealSignature(record, key), "hex");
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(seal) ? seal : "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
