import "server-only";
import { getEnv } from "@/lib/env";

/** The HMAC key of signature seals: from the environment, never from the database. */
export function sealKey(): string {
  return getEnv().SIGNATURE_SEAL_KEY;
}
