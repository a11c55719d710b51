// Where the scripts find PostgreSQL: DATABASE_URL when set, else the embedded server in ./.data (demo mode).
import { randomBytes } from "node:crypto";
import { createSelfSignedPkcs12 } from "../../lib/documents/signing/pkcs12";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

export const DATA_DIR = path.resolve(import.meta.dirname, "../../.data");

export interface Database {
  url: string;
  /** True when the embedded server was started for us: demo mode. */
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(log: (message: string) => void = () => undefined): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => undefined };
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port,
    persistent: true,
    log,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** Scripts end explicitly: the wasm schema engine leaves a timer pending for ~10 s. */
export function finish(promise: Promise<unknown>): void {
  promise.then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/** A secret of demo mode kept in ./.data, so sessions and seals survive restarts. */
function demoSecret(name: string): string {
  const file = path.join(DATA_DIR, name);
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * The session secret and the seal key: from the environment (required with DATABASE_URL), else the
 * demo ones in ./.data.
 */
export function secrets(): { nextAuthSecret: string; sealKey: string } {
  const external = Boolean(process.env.DATABASE_URL);
  const nextAuthSecret = process.env.NEXTAUTH_SECRET ?? (external ? "" : demoSecret("nextauth-secret"));
  const sealKey = process.env.SIGNATURE_SEAL_KEY ?? (external ? "" : demoSecret("signature-seal-key"));
  const missing = [!nextAuthSecret && "NEXTAUTH_SECRET", !sealKey && "SIGNATURE_SEAL_KEY"].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(" and ")} required with DATABASE_URL (generate each with: openssl rand -base64 32).`,
    );
  }
  return { nextAuthSecret, sealKey };
}

export interface SigningCertificate {
  DOCUMENT_SIGNING_P12: string;
  DOCUMENT_SIGNING_P12_PASSWORD: string;
}

/**
 * A self-signed document certificate in `folder` (made on the first call, kept afterwards): for demo
 * mode and tests. Valid from 2020, so that the demo's 2021 documents are signed within its validity.
 */
export function selfSignedCertificate(folder: string, label = "chế độ dùng thử"): SigningCertificate {
  const file = path.join(folder, "document-signing.p12");
  const passwordFile = path.join(folder, "document-signing.password");
  if (!existsSync(file) || !existsSync(passwordFile)) {
    mkdirSync(folder, { recursive: true });
    const password = randomBytes(18).toString("base64url");
    const notAfter = new Date();
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
    const p12 = createSelfSignedPkcs12({
      commonName: `Khối thi đua (${label})`,
      organization: `Khối thi đua – ${label}`,
      password,
      notBefore: new Date("2020-01-01T00:00:00Z"),
      notAfter,
    });
    writeFileSync(passwordFile, password, { mode: 0o600 });
    writeFileSync(file, p12, { mode: 0o600 });
  }
  return {
    DOCUMENT_SIGNING_P12: file,
    DOCUMENT_SIGNING_P12_PASSWORD: readFileSync(passwordFile, "utf8").trim(),
  };
}

/**
 * The document certificate: from the environment (required with DATABASE_URL), else the demo one in
 * ./.data.
 */
export function signingCertificate(): SigningCertificate {
  if (process.env.DOCUMENT_SIGNING_P12)
    return {
      DOCUMENT_SIGNING_P12: process.env.DOCUMENT_SIGNING_P12,
      DOCUMENT_SIGNING_P12_PASSWORD: process.env.DOCUMENT_SIGNING_P12_PASSWORD ?? "",
    };
  if (process.env.DATABASE_URL) {
    throw new Error(
      "DOCUMENT_SIGNING_P12 (the organisation's document certificate, a .p12 file) and DOCUMENT_SIGNING_P12_PASSWORD are required with DATABASE_URL: issued documents are signed with it.",
    );
  }
  return selfSignedCertificate(DATA_DIR);
}
