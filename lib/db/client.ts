import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one place a Prisma client is constructed: the app's data layer (lib/db), the seed and the test
 * factories all come through here.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  return new PrismaClient({
    // A query waits at most POOL_WAIT_MS for a free connection (the pool's default is forever); then it
    // fails as "pool" (lib/db/transient.ts) and the user is asked to try again (503).
    adapter: new PrismaPg({
      connectionString: databaseUrl,
      max: options.max ?? 10,
      connectionTimeoutMillis: POOL_WAIT_MS,
    }),
  });
}

/** Longest a query outside a transaction waits for a connection; transactions wait less (maxWait). */
export const POOL_WAIT_MS = 10_000;

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
