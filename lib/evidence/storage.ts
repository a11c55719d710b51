import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { AppError, conflict, notFound } from "@/lib/errors";
import { detectEvidenceType } from "./types";

// The file store under EVIDENCE_DIR shared by evidence (minh chứng) and nomination reports (báo cáo
// thành tích): uploads checked by size and by content type, kept by an opaque key, hashed with
// SHA-256 and checked against that hash when read back. Callers name their own messages.

function storageRoot(): string {
  // A folder chosen at run time, outside the build: nothing to trace for Turbopack.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().EVIDENCE_DIR);
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Cleans a file name for display and download headers (no paths, no control characters). */
export function safeFileName(name: string, fallback = "minh-chung"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

/**
 * Checks an upload before anything is stored: not empty, within EVIDENCE_MAX_MB, of an accepted type
 * recognised from its content. VALIDATION with the caller's message otherwise.
 */
export async function inspectUpload(
  bytes: Uint8Array,
  messages: { empty: string; tooLarge: string; type: string },
): Promise<{ mime: string; ext: string; sha256: string }> {
  const maxMb = getEnv().EVIDENCE_MAX_MB;
  if (bytes.byteLength === 0) throw new AppError("VALIDATION", messages.empty);
  if (bytes.byteLength > maxMb * 1024 * 1024)
    throw new AppError("VALIDATION", messages.tooLarge, { params: { max: maxMb } });
  const type = await detectEvidenceType(bytes);
  if (!type) throw new AppError("VALIDATION", messages.type);
  return { ...type, sha256: sha256Hex(bytes) };
}

/** Writes the bytes under `storageKey` (a relative POSIX path), atomically (temporary file, then rename). */
export async function storeFile(storageKey: string, bytes: Uint8Array): Promise<void> {
  const target = path.join(/*turbopackIgnore: true*/ storageRoot(), storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.part`;
  await writeFile(temporary, bytes, { mode: 0o640 });
  await rename(temporary, target);
}

/** Reads a stored file back: NOT_FOUND when it is gone, CONFLICT when it no longer matches its hash. */
export async function readStoredFile(
  storageKey: string,
  sha256: string,
  messages: { missing: string; corrupted: string },
): Promise<Buffer> {
  const bytes = await readFile(path.join(/*turbopackIgnore: true*/ storageRoot(), storageKey)).catch(() => {
    throw notFound(messages.missing);
  });
  if (sha256Hex(bytes) !== sha256) throw conflict(messages.corrupted);
  return bytes;
}
