// Seed factories shared by the demo seed and the tests: each creates real rows through Prisma, with
// unique defaults so that tests never collide, and returns what it created.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/client";
import type { Phase, Role } from "@/lib/generated/prisma/enums";
import { DEFAULT_RULES, type YearRules } from "@/lib/years/rules";

export const TEST_PASSWORD = "MatKhau@2026";

let sequence = 0;
/** A short token unique in this process and across processes (lower-case letters and digits). */
export function uniqueToken(): string {
  sequence += 1;
  return `${randomBytes(3).toString("hex")}${sequence.toString(36)}`;
}

// argon2id is deliberately slow; one hash per distinct password is enough for seeds and tests.
const hashes = new Map<string, Promise<string>>();
export function passwordHashFor(password: string): Promise<string> {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
}

export async function makeAgency(db: PrismaClient, overrides: { code?: string; name?: string; shortName?: string } = {}) {
  const token = uniqueToken();
  return db.agency.create({
    data: {
      code: overrides.code ?? `a${token}`,
      name: overrides.name ?? `Cơ quan thử nghiệm ${token}`,
      shortName: overrides.shortName ?? `CQ ${token}`,
    },
  });
}

export async function makeBloc(db: PrismaClient, overrides: { name?: string; shortName?: string | null; description?: string | null } = {}) {
  const token = uniqueToken();
  return db.bloc.create({
    data: {
      name: overrides.name ?? `Khối thi đua thử nghiệm ${token}`,
      shortName: overrides.shortName === undefined ? `Khối ${token}` : overrides.shortName,
      description: overrides.description ?? null,
    },
  });
}

export async function makeYear(
  db: PrismaClient,
  options: {
    blocId: string;
    year?: number;
    phase?: Phase;
    memberIds?: string[];
    leaderId?: string | null;
    deputyId?: string | null;
    rules?: YearRules;
    deadlines?: Record<string, string>;
  },
) {
  return db.emulationYear.create({
    data: {
      blocId: options.blocId,
      year: options.year ?? 2022,
      phase: options.phase ?? "SETUP",
      leaderAgencyId: options.leaderId ?? null,
      deputyAgencyId: options.deputyId ?? null,
      rules: options.rules ?? DEFAULT_RULES,
      deadlines: options.deadlines ?? {},
      members: { create: (options.memberIds ?? []).map((agencyId) => ({ agencyId })) },
    },
  });
}

export async function makeUser(
  db: PrismaClient,
  options: {
    role: Role;
    agencyId?: string | null;
    email?: string;
    name?: string;
    title?: string | null;
    password?: string;
    disabled?: boolean;
    mustChangePassword?: boolean;
  },
) {
  const token = uniqueToken();
  return db.user.create({
    data: {
      email: (options.email ?? `${options.role.toLowerCase().replace(/_/g, "-")}.${token}@test.local`).toLowerCase(),
      name: options.name ?? `Người dùng ${token}`,
      title: options.title ?? null,
      role: options.role,
      agencyId: options.agencyId ?? null,
      passwordHash: await passwordHashFor(options.password ?? TEST_PASSWORD),
      disabled: options.disabled ?? false,
      mustChangePassword: options.mustChangePassword ?? false,
    },
  });
}

/**
 * A bloc with one year, `memberCount` member agencies (the first leads the bloc, the second is deputy)
 * and, for every agency, a leader and a staff account; plus a secretariat account of the leader agency.
 */
export async function makeBlocWithYear(
  db: PrismaClient,
  options: { memberCount?: number; phase?: Phase; year?: number; rules?: YearRules } = {},
) {
  const bloc = await makeBloc(db);
  const agencies = [];
  for (let i = 0; i < (options.memberCount ?? 3); i += 1) agencies.push(await makeAgency(db));
  const [leaderAgency, deputyAgency] = agencies;
  const year = await makeYear(db, {
    blocId: bloc.id,
    year: options.year,
    phase: options.phase ?? "SETUP",
    memberIds: agencies.map((agency) => agency.id),
    leaderId: leaderAgency?.id ?? null,
    deputyId: deputyAgency?.id ?? null,
    rules: options.rules,
  });
  const leaders = [];
  const staff = [];
  for (const agency of agencies) {
    leaders.push(await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id, title: "Trưởng ban" }));
    staff.push(await makeUser(db, { role: "AGENCY_STAFF", agencyId: agency.id }));
  }
  const secretariat = await makeUser(db, { role: "SECRETARIAT", agencyId: leaderAgency!.id });
  return { bloc, year, agencies, leaderAgency: leaderAgency!, deputyAgency: deputyAgency!, leaders, staff, secretariat };
}
