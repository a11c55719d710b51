import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { verifyPledgeVersionPublicly } from "@/lib/pledges/verify";
import { demoAlreadySeeded, demoRules, seedDemo } from "@/prisma/seed/demo";
import { DEMO_AGENCIES, DEMO_BLOC, DEMO_PASSWORD, DEMO_YEARS, demoAccountEmails } from "@/prisma/seed/demo-data";
import { uniqueIp } from "../support/dal";

/** Everything the demo seed owns, counted (other test files write their own rows in parallel). */
async function demoCounts() {
  const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
  const codes = DEMO_AGENCIES.map((agency) => agency.code);
  const years = await db.emulationYear.findMany({
    where: { blocId: bloc.id },
    select: { year: true, phase: true, version: true, updatedAt: true, _count: { select: { members: true } } },
    orderBy: { year: "asc" },
  });
  return {
    blocId: bloc.id,
    blocUpdatedAt: bloc.updatedAt.toISOString(),
    agencies: await db.agency.count({ where: { code: { in: codes } } }),
    users: await db.user.count({ where: { email: { in: demoAccountEmails() } } }),
    accounts: await db.user.findMany({
      where: { email: { in: demoAccountEmails() } },
      select: { email: true, role: true, tokenVersion: true, passwordHash: true },
      orderBy: { email: "asc" },
    }),
    years: years.map((year) => ({ year: year.year, phase: year.phase, version: year.version, updatedAt: year.updatedAt.toISOString(), members: year._count.members })),
    seedMarks: await db.auditLog.count({ where: { action: "demo.seed" } }),
    pledgeVersions: await db.pledgeVersion.count({ where: { pledge: { year: { blocId: bloc.id } } } }),
    pledgeSignatures: await db.pledgeSignature.count({ where: { version: { pledge: { year: { blocId: bloc.id } } } } }),
  };
}

const SEAL_KEY = process.env.SIGNATURE_SEAL_KEY!;

describe("the demo seed", () => {
  it("seeds the demo bloc once and changes nothing when run again", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    expect(await demoAlreadySeeded(db)).toBe(true);
    const first = await demoCounts();

    expect(first.agencies).toBe(DEMO_AGENCIES.length);
    expect(first.users).toBe(demoAccountEmails().length);
    expect(first.years).toEqual(
      DEMO_YEARS.map((year) => expect.objectContaining({ year: year.year, phase: year.phase, members: DEMO_AGENCIES.length })),
    );
    expect(first.seedMarks).toBeGreaterThanOrEqual(1);
    expect(first.pledgeVersions).toBe(2);
    expect(first.pledgeSignatures).toBe(DEMO_AGENCIES.length + 4);

    await expect(seedDemo(db, { sealKey: SEAL_KEY })).resolves.toEqual({ created: false });
    expect(await demoAlreadySeeded(db)).toBe(true);
    expect(await demoCounts()).toEqual(first);
  }, 60_000);

  it("gives the demo years their leadership and the demo rules", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    for (const demoYear of DEMO_YEARS) {
      const year = await db.emulationYear.findUniqueOrThrow({
        where: { blocId_year: { blocId: bloc.id, year: demoYear.year } },
        select: { rules: true, deadlines: true, leaderAgency: { select: { code: true } }, deputyAgency: { select: { code: true } } },
      });
      expect(year).toEqual({
        rules: demoRules(),
        deadlines: demoYear.deadlines,
        leaderAgency: { code: demoYear.leader },
        deputyAgency: { code: demoYear.deputy },
      });
    }
  }, 60_000);

  it("creates demo accounts that sign in with the demo password", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const ip = uniqueIp();
    for (const email of ["admin@khoithidua.local", "thuky.bdv@khoithidua.local", "lanhdao.btg@khoithidua.local"]) {
      await expect(verifyCredentials({ email, password: DEMO_PASSWORD }, { ip, userAgent: "vitest" })).resolves.toMatchObject({ id: expect.any(String) });
    }
    const secretary = await db.user.findUniqueOrThrow({ where: { email: "thuky.bdv@khoithidua.local" }, select: { role: true, agency: { select: { code: true } } } });
    expect(secretary).toEqual({ role: "SECRETARIAT", agency: { code: "bdv" } });
  }, 60_000);

  it("gives 2021 a pledge signed by all ten members and 2022 an open one signed by bdv, btg, vptu and bao, with seals that verify", async () => {
    await seedDemo(db, { sealKey: SEAL_KEY });
    const bloc = await db.bloc.findUniqueOrThrow({ where: { name: DEMO_BLOC.name } });
    expect(bloc.place).toBe("Nam Định");
    const expected = { 2021: DEMO_AGENCIES.map((agency) => agency.code).sort(), 2022: ["bao", "bdv", "btg", "vptu"] };
    for (const [yearNumber, signers] of Object.entries(expected)) {
      const versions = await db.pledgeVersion.findMany({
        where: { pledge: { year: { blocId: bloc.id, year: Number(yearNumber) } } },
        select: { id: true, number: true, status: true, sha256: true, signatures: { select: { agencyCode: true, authMethod: true, documentSha256: true } } },
      });
      expect(versions).toHaveLength(1);
      const version = versions[0]!;
      expect(version).toMatchObject({ number: 1, status: "OPEN", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(version.signatures.map((signature) => signature.agencyCode).sort()).toEqual(signers);
      expect(version.signatures.every((signature) => signature.authMethod === "DEMO_SEED" && signature.documentSha256 === version.sha256)).toBe(true);

      const verification = await verifyPledgeVersionPublicly(version.id);
      expect(verification).toMatchObject({ versionId: version.id, status: "OPEN", documentValid: true, valid: true, sha256: version.sha256 });
      expect(verification.signatures.map((signature) => signature.agency.code).sort()).toEqual(signers);
      expect(verification.signatures.every((signature) => signature.valid && signature.problem === null)).toBe(true);
    }
  }, 60_000);
});
