import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./client";

// One client per process (dev hot reload keeps it on globalThis).
const holder = globalThis as { khoiThiDuaDb?: PrismaClient };

function client(): PrismaClient {
  holder.khoiThiDuaDb ??= createPrismaClient(getEnv().DATABASE_URL);
  return holder.khoiThiDuaDb;
}

/** Lazily connected: importing this module during `next build` does not need a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export { Prisma } from "./client";
import type { Prisma } from "./client";

/** A transaction client, as passed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;
