// npm run db:seed — the demo bloc, idempotently. Demo accounts are only ever created in demo mode:
// the embedded database (DATABASE_URL unset), or an external one when DEMO_SEED=1 says so explicitly.
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import { finish, openDatabase, secrets } from "./db/database";
import { applyMigrations } from "./db/migrations";

finish(
  (async () => {
    if (process.env.DATABASE_URL && process.env.DEMO_SEED !== "1") {
      throw new Error(
        "Refusing to create demo accounts in the database named by DATABASE_URL. Set DEMO_SEED=1 to do it on purpose (never in production).",
      );
    }
    const database = await openDatabase();
    const db = createPrismaClient(database.url, { max: 2 });
    try {
      await applyMigrations(database.url);
      const { created } = await seedDemo(db, { sealKey: secrets().sealKey });
      console.log(created ? "Demo bloc seeded." : "Demo bloc already present: nothing to do.");
    } finally {
      await db.$disconnect();
      await database.stop();
    }
  })(),
);
