// npm run db:migrate — applies the committed migrations (offline, Prisma's wasm schema engine).
import { finish, openDatabase } from "./db/database";
import { applyMigrations } from "./db/migrations";

finish(
  (async () => {
    const db = await openDatabase();
    try {
      const applied = await applyMigrations(db.url);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    } finally {
      await db.stop();
    }
  })(),
);
