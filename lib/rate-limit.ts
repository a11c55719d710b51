import "server-only";
import { db } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

// Limits on how often one client may do something, counted in PostgreSQL (RateLimitHit) so that every
// app instance sees the same counts. Sign-in failures have their own table (lib/auth/rate-limit.ts).

export interface RateLimit {
  /** What is counted and for whom, e.g. "document-check:ip:203.0.113.7". */
  key: string;
  max: number;
  windowMinutes: number;
}

/**
 * Counts one use against the limit, or refuses it (RATE_LIMITED, with the seconds until a use frees up
 * in details.retryAfterSeconds, sent as Retry-After) without counting it. Real time, not the demo clock.
 */
export async function consumeRateLimit(limit: RateLimit): Promise<void> {
  const current = new Date();
  const since = new Date(current.getTime() - limit.windowMinutes * 60_000);
  await transaction(TRANSACTION.edit, async (tx) => {
    // Uses of one key are counted one at a time, so that concurrent requests cannot all slip under the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate-limit:${limit.key}`}, 0))`;
    const hits = await tx.rateLimitHit.findMany({
      where: { key: limit.key, at: { gt: since } },
      orderBy: { at: "asc" },
      take: limit.max,
      select: { at: true },
    });
    if (hits.length >= limit.max) {
      const seconds = Math.max(
        1,
        Math.ceil((hits[0]!.at.getTime() + limit.windowMinutes * 60_000 - current.getTime()) / 1000),
      );
      throw new AppError("RATE_LIMITED", "errors.rateLimitedUse", {
        params: { minutes: Math.ceil(seconds / 60) },
        details: { retryAfterSeconds: seconds },
      });
    }
    await tx.rateLimitHit.create({ data: { key: limit.key, at: current } });
    await tx.rateLimitHit.deleteMany({ where: { key: limit.key, at: { lte: since } } });
  });
  // Now and then, the rows of clients that never came back (every window is far shorter than a day).
  if (Math.random() < 0.01)
    await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(current.getTime() - 24 * 3_600_000) } } });
}
