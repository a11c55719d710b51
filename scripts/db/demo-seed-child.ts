// The demo seed's own process (spawned by scripts/db/demo-seed.ts with the react-server condition): the
// data layer it drives imports "server-only" and uses the app's database client (DATABASE_URL).
import { db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed/demo";
import { renderDemoReportsApart } from "./demo-reports";

seedDemo({ sealKey: process.env.SIGNATURE_SEAL_KEY!, renderReports: renderDemoReportsApart })
  .then(async (result) => {
    await db.$disconnect();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
