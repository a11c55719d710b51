import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one place a Prisma client is constructed: the app's data layer (lib/db), the seed and the test
 * factories all come through here.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 }),
  });
}

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
