// The demo bloc (PRODUCT.md), seeded idempotently: running it again changes nothing that exists.
import type { PrismaClient } from "@/lib/db/client";
import { DEFAULT_RULES, yearRulesSchema, type YearRules } from "@/lib/years/rules";
import {
  DEMO_ADMIN,
  DEMO_AGENCIES,
  DEMO_BLOC,
  DEMO_BOARD,
  DEMO_CRITERIA,
  DEMO_PASSWORD,
  DEMO_SECRETARIES,
  DEMO_YEARS,
  leaderEmail,
  staffEmail,
} from "./demo-data";
import { seedDemoPledges } from "./demo-pledges";
import { seedDemoScoring } from "./demo-scoring";
import { seedDemoVotes } from "./demo-votes";
import { passwordHashFor } from "./factories";

export const DEMO_SEED_ACTION = "demo.seed";

/** Rules of the demo years: the defaults with the classification bands of the demo criteria table. */
export function demoRules(): YearRules {
  return yearRulesSchema.parse({ ...DEFAULT_RULES, scale: DEMO_CRITERIA.scale, classificationBands: DEMO_CRITERIA.classificationBands });
}

export async function demoAlreadySeeded(db: PrismaClient): Promise<boolean> {
  return (await db.auditLog.count({ where: { action: DEMO_SEED_ACTION } })) > 0;
}

export async function seedDemo(db: PrismaClient, options: { sealKey: string }): Promise<{ created: boolean }> {
  const passwordHash = await passwordHashFor(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const bloc = await tx.bloc.upsert({ where: { name: DEMO_BLOC.name }, update: {}, create: DEMO_BLOC });
      const years = new Map<number, { id: string; leaderCode: string }>();
      const agencyIds = new Map<string, string>();
      for (const agency of DEMO_AGENCIES) {
        const row = await tx.agency.upsert({
          where: { code: agency.code },
          update: {},
          create: { code: agency.code, name: agency.name, shortName: agency.shortName },
        });
        agencyIds.set(agency.code, row.id);
      }
      const id = (code: string) => agencyIds.get(code)!;

      for (const demoYear of DEMO_YEARS) {
        const existing = await tx.emulationYear.findUnique({ where: { blocId_year: { blocId: bloc.id, year: demoYear.year } } });
        if (existing) {
          years.set(demoYear.year, { id: existing.id, leaderCode: demoYear.leader });
          continue;
        }
        const created = await tx.emulationYear.create({
          data: {
            blocId: bloc.id,
            year: demoYear.year,
            phase: demoYear.phase,
            leaderAgencyId: id(demoYear.leader),
            deputyAgencyId: id(demoYear.deputy),
            rules: demoRules(),
            deadlines: demoYear.deadlines,
            members: { create: DEMO_AGENCIES.map((agency) => ({ agencyId: id(agency.code) })) },
          },
        });
        years.set(demoYear.year, { id: created.id, leaderCode: demoYear.leader });
      }

      const accounts = [
        { email: DEMO_ADMIN.email, name: DEMO_ADMIN.name, title: DEMO_ADMIN.title, role: "ADMIN" as const, agencyId: null },
        { email: DEMO_BOARD.email, name: DEMO_BOARD.name, title: DEMO_BOARD.title, role: "BOARD" as const, agencyId: null },
        ...DEMO_SECRETARIES.map((s) => ({ email: s.email, name: s.name, title: s.title, role: "SECRETARIAT" as const, agencyId: id(s.agencyCode) })),
        ...DEMO_AGENCIES.flatMap((agency) => [
          { email: leaderEmail(agency.code), ...agency.leader, role: "AGENCY_LEADER" as const, agencyId: id(agency.code) },
          { email: staffEmail(agency.code), ...agency.staff, role: "AGENCY_STAFF" as const, agencyId: id(agency.code) },
        ]),
      ];
      for (const account of accounts) {
        await tx.user.upsert({ where: { email: account.email }, update: {}, create: { ...account, passwordHash } });
      }
      const secretaries = new Map<number, string>();
      for (const [index, secretary] of DEMO_SECRETARIES.entries()) {
        secretaries.set(DEMO_YEARS[index]!.year, (await tx.user.findUniqueOrThrow({ where: { email: secretary.email } })).id);
      }
      await seedDemoPledges(tx, years, secretaries, options.sealKey);
      const userId = async (email: string) => (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
      await seedDemoScoring(
        tx,
        years,
        agencyIds,
        { secretary2021: secretaries.get(2021)!, staffOf: (code) => userId(staffEmail(code)), leaderOf: (code) => userId(leaderEmail(code)) },
        demoRules(),
      );
      await seedDemoVotes(tx, years.get(2021)!.id, secretaries.get(2021)!, (code) => userId(leaderEmail(code)), demoRules());

      const created = (await tx.auditLog.count({ where: { action: DEMO_SEED_ACTION } })) === 0;
      if (created) {
        await tx.auditLog.create({
          data: {
            action: DEMO_SEED_ACTION,
            entity: "Bloc",
            entityId: bloc.id,
            blocId: bloc.id,
            after: { agencies: DEMO_AGENCIES.length, years: DEMO_YEARS.map((y) => y.year), accounts: accounts.length },
          },
        });
      }
      return { created };
    },
    { timeout: 60_000 },
  );
}
