import { createRequire } from "node:module";
import { afterAll, beforeEach, inject, vi } from "vitest";
import { fakeNextHeaders, resetRequest } from "../support/request-context";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = "integration-tests-secret-0123456789abcdef";
process.env.SIGNATURE_SEAL_KEY = "integration-tests-seal-key-0123456789abcdef";
process.env.NEXTAUTH_URL = "http://localhost:3000";
process.env.DOCUMENT_SIGNING_P12 = inject("signingP12");
process.env.DOCUMENT_SIGNING_P12_PASSWORD = inject("signingP12Password");
Object.assign(process.env, { NODE_ENV: "test" });

// Server code reads the request through next/headers (ESM imports in our code, CommonJS require in
// next-auth): both get the fake request of tests/support/request-context.ts.
vi.mock("next/headers", () => fakeNextHeaders);
const require = createRequire(import.meta.url);
const headersPath = require.resolve("next/headers");
require.cache[headersPath] = {
  id: headersPath,
  filename: headersPath,
  loaded: true,
  exports: fakeNextHeaders,
} as unknown as NodeJS.Module;

// Cache revalidation needs Next's render context; in tests it has nothing to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

beforeEach(() => resetRequest());

afterAll(async () => {
  const { db } = await import("@/lib/db");
  const { closeRenderPool } = await import("@/lib/documents/render-pool");
  await closeRenderPool();
  await db.$disconnect();
});
