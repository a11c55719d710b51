// The demo bloc (PRODUCT.md), seeded idempotently: running it again changes nothing that exists.
//
// What people entered is written as data: the bloc, its agencies and accounts, the year 2021 in REVIEW
// with its criteria table, signed pledge and submitted self-assessments. Everything after that is done
// through the data layer as the people would do it (demo-2021.ts): the review, the ranking, the
// deliberation's votes, the nominations, the dossier and the board's decision, which closes 2021; then
// the admin creates 2022, whose Khối trưởng and Khối phó come from 2021's election, and its
// secretariat opens the pledging. The data layer runs on the app's database (lib/db, DATABASE_URL)
// under the react-server condition: scripts/db/demo-seed.ts runs this in a child process that way.
import type { Actor } from "@/lib/auth/actor";
import { atTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { issueNow } from "@/lib/documents/registry";
import { createYear } from "@/lib/years/manage";
import { moveYearPhase } from "@/lib/years/move-phase";
import { demoActor, playDemo2021, type RenderReports } from "./demo-2021";
import {
  DEMO_ADMIN,
  DEMO_AGENCIES,
  DEMO_BLOC,
  DEMO_BOARD,
  DEMO_PASSWORD,
  DEMO_SECRETARIES,
  DEMO_SEED_ACTION,
  DEMO_YEARS,
  demoAlreadySeeded,
  demoRules,
  leaderEmail,
  staffEmail,
} from "./demo-data";
import { seedDemoPledge } from "./demo-pledges";
import { seedDemoCriteria, seedDemoSelfAssessments } from "./demo-scoring";
import { passwordHashFor } from "./factories";

export { DEMO_SEED_ACTION, demoAlreadySeeded, demoRules };

const [Y2021, Y2022] = DEMO_YEARS;

function accounts(id: (code: string) => string) {
  return [
    {
      email: DEMO_ADMIN.email,
      name: DEMO_ADMIN.name,
      title: DEMO_ADMIN.title,
      role: "ADMIN" as const,
      agencyId: null,
    },
    {
      email: DEMO_BOARD.email,
      name: DEMO_BOARD.name,
      title: DEMO_BOARD.title,
      role: "BOARD" as const,
      agencyId: null,
    },
    ...DEMO_SECRETARIES.map((s) => ({
      email: s.email,
      name: s.name,
      title: s.title,
      role: "SECRETARIAT" as const,
      agencyId: id(s.agencyCode),
    })),
    ...DEMO_AGENCIES.flatMap((agency) => [
      {
        email: leaderEmail(agency.code),
        ...agency.leader,
        role: "AGENCY_LEADER" as const,
        agencyId: id(agency.code),
      },
      {
        email: staffEmail(agency.code),
        ...agency.staff,
        role: "AGENCY_STAFF" as const,
        agencyId: id(agency.code),
      },
    ]),
  ];
}

const userId = async (tx: Pick<typeof db, "user">, email: string) =>
  (await tx.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** When the admin created 2022 (after 2021's decision) and its secretariat opened the pledging. */
const Y2022_CREATED = new Date("2022-02-26T02:00:00Z");
const Y2022_PLEDGING = new Date("2022-02-28T02:00:00Z");

/** The signed pledge issued when its last signature landed (the seed writes signatures as data). */
async function issueSeededPledge(seeded: { versionId: string; lastSignedAt: Date } | null): Promise<void> {
  if (seeded) await atTime(seeded.lastSignedAt, () => issueNow("PLEDGE", seeded.versionId));
}

/** The data people entered: bloc, agencies, accounts, 2021 in REVIEW with criteria, pledge and self-assessments. */
async function seedBase(sealKey: string): Promise<{ blocId: string; year2021: string; accounts: number }> {
  const passwordHash = await passwordHashFor(DEMO_PASSWORD);
  return db
    .$transaction(
      async (tx) => {
        const bloc = await tx.bloc.upsert({ where: { name: DEMO_BLOC.name }, update: {}, create: DEMO_BLOC });
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
        const people = accounts(id);
        for (const account of people)
          await tx.user.upsert({
            where: { email: account.email },
            update: {},
            create: { ...account, passwordHash },
          });

        const year =
          (await tx.emulationYear.findUnique({
            where: { blocId_year: { blocId: bloc.id, year: Y2021.year } },
          })) ??
          (await tx.emulationYear.create({
            data: {
              blocId: bloc.id,
              year: Y2021.year,
              phase: "REVIEW",
              leaderAgencyId: id(Y2021.leader),
              deputyAgencyId: id(Y2021.deputy),
              rules: demoRules(),
              deadlines: Y2021.deadlines,
              members: { create: DEMO_AGENCIES.map((agency) => ({ agencyId: id(agency.code) })) },
            },
          }));
        const pledge = await seedDemoPledge(
          tx,
          Y2021.year,
          year.id,
          await userId(tx, DEMO_SECRETARIES[0]!.email),
          sealKey,
        );
        await seedDemoCriteria(tx, year.id);
        await seedDemoSelfAssessments(tx, year.id, agencyIds, {
          staffOf: (code) => userId(tx, staffEmail(code)),
          leaderOf: (code) => userId(tx, leaderEmail(code)),
        });
        return { blocId: bloc.id, year2021: year.id, accounts: people.length, pledge };
      },
      { timeout: 60_000 },
    )
    .then(async ({ pledge, ...base }) => {
      await issueSeededPledge(pledge);
      return base;
    });
}

/** 2022, created by the admin after 2021's election (which names its Khối trưởng and Khối phó), then open for pledging. */
async function seed2022(blocId: string, sealKey: string): Promise<void> {
  let year = await db.emulationYear.findUnique({
    where: { blocId_year: { blocId, year: Y2022.year } },
    select: { id: true, phase: true },
  });
  if (!year) {
    const admin = await demoActor(DEMO_ADMIN.email);
    const created = await atTime(Y2022_CREATED, () =>
      createYear(admin, blocId, { year: Y2022.year, deadlines: Y2022.deadlines }),
    );
    if (created.leaderAgency?.code !== Y2022.leader || created.deputyAgency?.code !== Y2022.deputy) {
      throw new Error(
        `2021's election should make ${Y2022.leader} and ${Y2022.deputy} lead 2022; it gave ${created.leaderAgency?.code} and ${created.deputyAgency?.code}.`,
      );
    }
    year = { id: created.id, phase: created.phase };
  }
  const secretary2022 = DEMO_SECRETARIES[1]!.email;
  const pledge = await db.$transaction(async (tx) => {
    await seedDemoCriteria(tx, year.id);
    return seedDemoPledge(tx, Y2022.year, year.id, await userId(tx, secretary2022), sealKey);
  });
  if (year.phase === "SETUP") {
    const secretariat: Actor = await demoActor(secretary2022, "10.22.2.100");
    await atTime(Y2022_PLEDGING, () => moveYearPhase(secretariat, year.id, { phase: "PLEDGING" }));
  }
  await issueSeededPledge(pledge);
}

export async function seedDemo(options: {
  sealKey: string;
  renderReports?: RenderReports;
}): Promise<{ created: boolean }> {
  if (await demoAlreadySeeded(db)) return { created: false };
  const base = await seedBase(options.sealKey);
  await playDemo2021(base.year2021, options.renderReports);
  await seed2022(base.blocId, options.sealKey);
  await db.auditLog.create({
    data: {
      action: DEMO_SEED_ACTION,
      entity: "Bloc",
      entityId: base.blocId,
      blocId: base.blocId,
      after: {
        agencies: DEMO_AGENCIES.length,
        years: DEMO_YEARS.map((y) => y.year),
        accounts: base.accounts,
      },
    },
  });
  return { created: true };
}
