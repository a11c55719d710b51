import { defineConfig } from "prisma/config";

// Used by `prisma generate` (offline, see package.json). Migrations are applied by scripts/migrate.ts
// through Prisma's wasm schema engine, so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
