// What a signed PDF says about its signature, read two ways: by poppler's pdfsig (a validator nobody
// here wrote) and by parsing the CMS in the signature's /Contents with PKI.js.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pkijs from "pkijs";

/** pdfsig's report of a PDF (it exits non-zero for an invalid signature: the report is what counts). */
export function pdfsig(bytes: Uint8Array): string {
  // pdfsig reads files only, not standard input.
  const file = path.join(os.tmpdir(), `ktd-pdfsig-${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  try {
    const run = spawnSync("pdfsig", [file], { encoding: "utf8" });
    if (run.error) throw run.error;
    return `${run.stdout}${run.stderr}`;
  } finally {
    rmSync(file, { force: true });
  }
}

/** pdfsig is installed (Debian's poppler-utils; .ci/run installs it). */
export function hasPdfsig(): boolean {
  try {
    execFileSync("pdfsig", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const OIDS: Record<string, string> = {
  "1.2.840.113549.1.9.3": "contentType",
  "1.2.840.113549.1.9.4": "messageDigest",
  "1.2.840.113549.1.9.5": "signingTime",
  "1.2.840.113549.1.9.16.2.47": "signingCertificateV2",
};

/** The CMS of the (last) signature: its signed attributes, the signer certificate's SHA-256, the byte range. */
export function signatureOf(bytes: Uint8Array): {
  byteRange: number[];
  signedAttributes: string[];
  signerCertificateSha256: string;
  subFilter: string | null;
} {
  const text = Buffer.from(bytes).toString("latin1");
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const range = ranges.at(-1)!.slice(1, 5).map(Number);
  const contents = text
    .slice(range[1]!, range[2]!)
    .replace(/[<>\s]/g, "")
    .replace(/(00)+$/, "");
  const der = Buffer.from(contents.length % 2 ? `${contents}0` : contents, "hex");
  const info = pkijs.ContentInfo.fromBER(
    der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer,
  );
  const signed = new pkijs.SignedData({ schema: info.content });
  const signer = signed.signerInfos[0]!;
  const attributes = (signer.signedAttrs?.attributes ?? []).map(
    (attribute) => OIDS[attribute.type] ?? attribute.type,
  );
  const certificate = (signed.certificates ?? []).find(
    (candidate): candidate is pkijs.Certificate => candidate instanceof pkijs.Certificate,
  )!;
  const certificateDer = Buffer.from(certificate.toSchema().toBER(false));
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text)?.[1] ?? null;
  return {
    byteRange: range,
    signedAttributes: attributes,
    signerCertificateSha256: createHash("sha256").update(certificateDer).digest("hex"),
    subFilter,
  };
}

/** A PDF literal string's bytes, escapes resolved (PDF 32000-1, 7.3.4.2). */
function literalBytes(body: string): Buffer {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (char !== "\\") {
      out.push(char.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[i + 1]!;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1))?.[0];
    if (octal) {
      out.push(parseInt(octal, 8) & 0xff);
      i += octal.length;
    } else {
      if (next in simple) out.push(simple[next]!);
      i += 1;
    }
  }
  return Buffer.from(out);
}

/** A text string of the (last) signature dictionary (Name, Reason, Location, ContactInfo), decoded as a reader does. */
export function signatureText(
  bytes: Uint8Array,
  key: "Name" | "Reason" | "Location" | "ContactInfo",
): string | null {
  const text = Buffer.from(bytes).toString("latin1");
  const start = text.lastIndexOf(`/${key} (`);
  if (start < 0) return null;
  let depth = 0;
  const first = start + key.length + 3; // after "/Key ("
  let end = first;
  for (; end < text.length; end += 1) {
    if (text[end] === "\\") end += 1;
    else if (text[end] === "(") depth += 1;
    else if (text[end] === ")") {
      if (depth === 0) break;
      depth -= 1;
    }
  }
  const raw = literalBytes(text.slice(first, end));
  // UTF-16BE with its byte order mark, or PDFDocEncoding (ASCII here).
  return raw[0] === 0xfe && raw[1] === 0xff
    ? raw.subarray(2).swap16().toString("utf16le")
    : raw.toString("latin1");
}
