// npm run db:seed — the demo bloc, idempotently. Demo accounts are only ever created in demo mode:
// the embedded database (DATABASE_URL unset), or an external one when DEMO_SEED=1 says so explicitly.
import { finish, openDatabase, secrets, signingCertificate } from "./db/database";
import { runDemoSeed } from "./db/demo-seed";
import { applyMigrations } from "./db/migrations";

finish(
  (async () => {
    if (process.env.DATABASE_URL && process.env.DEMO_SEED !== "1") {
      throw new Error(
        "Refusing to create demo accounts in the database named by DATABASE_URL. Set DEMO_SEED=1 to do it on purpose (never in production).",
      );
    }
    const database = await openDatabase();
    try {
      await applyMigrations(database.url);
      const { nextAuthSecret, sealKey } = secrets();
      const { created } = await runDemoSeed({
        DATABASE_URL: database.url,
        SIGNATURE_SEAL_KEY: sealKey,
        NEXTAUTH_SECRET: nextAuthSecret,
        ...signingCertificate(),
      });
      console.log(created ? "Demo bloc seeded." : "Demo bloc already present: nothing to do.");
    } finally {
      await database.stop();
    }
  })(),
);
