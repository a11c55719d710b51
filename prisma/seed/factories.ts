// Seed factories shared by the demo seed and the tests: each creates real rows through Prisma, with
// unique defaults so that tests never collide, and returns what it created.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Prisma } from "@/lib/db/client";
import type { Phase, Role } from "@/lib/generated/prisma/enums";
import {
  canonicalPledge,
  sealKeyId,
  sealSignature,
  sha256Hex,
  type SignatureRecord,
} from "@/lib/pledges/canonical";
import type { PledgeContent } from "@/lib/pledges/schemas";
import { pledgeTemplate } from "@/lib/pledges/template";
import { DEFAULT_RULES, type YearRules } from "@/lib/years/rules";

export const TEST_PASSWORD = "MatKhau@2026";

/** A Prisma client, or the client of a transaction (the demo seed runs in one). */
type Db = Prisma.TransactionClient;

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

export async function makeAgency(
  db: Db,
  overrides: { code?: string; name?: string; shortName?: string } = {},
) {
  const token = uniqueToken();
  return db.agency.create({
    data: {
      code: overrides.code ?? `a${token}`,
      name: overrides.name ?? `Cơ quan thử nghiệm ${token}`,
      shortName: overrides.shortName ?? `CQ ${token}`,
    },
  });
}

export async function makeBloc(
  db: Db,
  overrides: { name?: string; shortName?: string | null; description?: string | null } = {},
) {
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
  db: Db,
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
  db: Db,
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
      email: (
        options.email ?? `${options.role.toLowerCase().replace(/_/g, "-")}.${token}@test.local`
      ).toLowerCase(),
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
  db: Db,
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
  return {
    bloc,
    year,
    agencies,
    leaderAgency: leaderAgency!,
    deputyAgency: deputyAgency!,
    leaders,
    staff,
    secretariat,
  };
}

/**
 * A pledge version of a year, opened for signing exactly as lib/pledges does it (canonical form and
 * SHA-256 over the year's current members), or left as a draft.
 */
export async function makePledgeVersion(
  db: Db,
  options: {
    yearId: string;
    createdById: string;
    status?: "DRAFT" | "OPEN";
    content?: Partial<PledgeContent>;
    openedAt?: Date;
  },
) {
  const year = await db.emulationYear.findUniqueOrThrow({
    where: { id: options.yearId },
    select: {
      id: true,
      year: true,
      bloc: { select: { id: true, name: true } },
      members: { select: { agency: { select: { code: true, name: true } } } },
    },
  });
  const pledge = await db.pledge.upsert({
    where: { yearId: year.id },
    update: {},
    create: { yearId: year.id },
  });
  const last = await db.pledgeVersion.aggregate({ where: { pledgeId: pledge.id }, _max: { number: true } });
  const content = { ...pledgeTemplate(year.year, year.bloc.name), ...options.content };
  const draft = await db.pledgeVersion.create({
    data: {
      pledgeId: pledge.id,
      number: (last._max.number ?? 0) + 1,
      ...content,
      createdById: options.createdById,
    },
  });
  if (options.status === "DRAFT") return draft;
  const openedAt = options.openedAt ?? new Date();
  await db.pledgeVersion.updateMany({
    where: { pledgeId: pledge.id, status: "OPEN" },
    data: { status: "SUPERSEDED", supersededAt: openedAt },
  });
  const canonicalContent = canonicalPledge({
    bloc: year.bloc,
    year: { id: year.id, year: year.year },
    version: { id: draft.id, number: draft.number },
    members: year.members.map((member) => member.agency),
    openedAt: openedAt.toISOString(),
    ...content,
  });
  return db.pledgeVersion.update({
    where: { id: draft.id },
    data: {
      status: "OPEN",
      canonicalContent,
      sha256: sha256Hex(canonicalContent),
      openedAt,
      openedById: options.createdById,
    },
  });
}

/** A sealed signature of an open version by a leader of one agency, as lib/pledges/signatures writes it. */
export async function makePledgeSignature(
  db: Db,
  options: {
    versionId: string;
    signerId: string;
    sealKey: string;
    signedAt?: Date;
    authMethod?: string;
    ip?: string | null;
    userAgent?: string | null;
  },
) {
  const version = await db.pledgeVersion.findUniqueOrThrow({
    where: { id: options.versionId },
    select: { id: true, sha256: true },
  });
  const signer = await db.user.findUniqueOrThrow({
    where: { id: options.signerId },
    select: { id: true, name: true, title: true, agency: { select: { id: true, code: true, name: true } } },
  });
  const signedAt = options.signedAt ?? new Date();
  const record: SignatureRecord = {
    versionId: version.id,
    documentSha256: version.sha256!,
    agency: signer.agency!,
    signer: { id: signer.id, name: signer.name, title: signer.title },
    authMethod: options.authMethod ?? "PASSWORD_REAUTH",
    authenticatedAt: signedAt.toISOString(),
    ip: options.ip === undefined ? "203.0.113.10" : options.ip,
    userAgent: options.userAgent === undefined ? "seed-factory" : options.userAgent,
    signedAt: signedAt.toISOString(),
  };
  return db.pledgeSignature.create({
    data: {
      versionId: version.id,
      agencyId: signer.agency!.id,
      signerId: signer.id,
      agencyCode: signer.agency!.code,
      agencyName: signer.agency!.name,
      signerName: signer.name,
      signerTitle: signer.title,
      documentSha256: version.sha256!,
      authMethod: record.authMethod,
      authenticatedAt: signedAt,
      ip: record.ip,
      userAgent: record.userAgent,
      signedAt,
      sealKeyId: sealKeyId(options.sealKey),
      seal: sealSignature(record, options.sealKey),
    },
  });
}

/** A criteria table as in prisma/seed/criteria.json (points, not hundredths). */
export interface CriteriaTableData {
  groups: {
    code: string;
    title: string;
    max: number;
    criteria: {
      code: string;
      kind: "BASE" | "BONUS" | "DEDUCTION";
      max: number;
      evidence?: boolean;
      title: string;
      guidance?: string;
    }[];
  }[];
}

/** Writes a year's criteria table; returns the criteria by code. */
export async function makeCriteriaTable(db: Db, yearId: string, table: CriteriaTableData) {
  const criteria = new Map<
    string,
    { id: string; code: string; kind: "BASE" | "BONUS" | "DEDUCTION"; maxX100: number }
  >();
  for (const [g, group] of table.groups.entries()) {
    const kind = group.criteria[0]?.kind ?? "BASE";
    const row = await db.criteriaGroup.create({
      data: {
        yearId,
        code: group.code,
        title: group.title,
        kind,
        maxX100: Math.round(group.max * 100),
        position: g + 1,
      },
    });
    for (const [c, criterion] of group.criteria.entries()) {
      const created = await db.criterion.create({
        data: {
          yearId,
          groupId: row.id,
          code: criterion.code,
          title: criterion.title,
          guidance: criterion.guidance ?? "",
          kind: criterion.kind,
          maxX100: Math.round(criterion.max * 100),
          evidenceRequired: criterion.evidence ?? false,
          position: c + 1,
        },
      });
      criteria.set(created.code, {
        id: created.id,
        code: created.code,
        kind: created.kind,
        maxX100: created.maxX100,
      });
    }
  }
  return criteria;
}

/**
 * A table of province size: 80 criteria in six base groups adding up to 100 points (items of 2 and 1
 * points), seven bonus and seven deduction items of 1 point. What the benchmarks and the tests at size use.
 */
export function provinceCriteriaTable(): CriteriaTableData {
  const romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
  const groups: CriteriaTableData["groups"] = [20, 20, 15, 15, 15, 15].map((max, g) => {
    const twos = max === 20 ? 9 : 4;
    const code = romans[g]!;
    return {
      code,
      title: `Nhóm ${code}`,
      max,
      criteria: Array.from({ length: 11 }, (_, c) => ({
        code: `${code}.${c + 1}`,
        kind: "BASE" as const,
        max: c < twos ? 2 : 1,
        title: `Tiêu chí ${code}.${c + 1}`,
      })),
    };
  });
  for (const [code, kind] of [
    ["VII", "BONUS"],
    ["VIII", "DEDUCTION"],
  ] as const) {
    groups.push({
      code,
      title: `Nhóm ${code}`,
      max: 10,
      criteria: Array.from({ length: 7 }, (_, c) => ({
        code: `${code}.${c + 1}`,
        kind,
        max: 1,
        title: `Tiêu chí ${code}.${c + 1}`,
      })),
    });
  }
  return { groups };
}

/** A small table for tests: two base groups (60 + 40), one bonus and one deduction item. */
export function smallCriteriaTable(): CriteriaTableData {
  return {
    groups: [
      {
        code: "I",
        title: "Nhiệm vụ chính trị",
        max: 60,
        criteria: [
          { code: "I.1", kind: "BASE", max: 30, evidence: true, title: "Tham mưu" },
          { code: "I.2", kind: "BASE", max: 30, title: "Chỉ tiêu" },
        ],
      },
      {
        code: "II",
        title: "Xây dựng cơ quan",
        max: 40,
        criteria: [{ code: "II.1", kind: "BASE", max: 40, title: "Tổ chức đảng" }],
      },
      {
        code: "V",
        title: "Điểm thưởng",
        max: 5,
        criteria: [{ code: "V.1", kind: "BONUS", max: 5, title: "Sáng kiến" }],
      },
      {
        code: "VI",
        title: "Điểm trừ",
        max: 5,
        criteria: [{ code: "VI.1", kind: "DEDUCTION", max: 5, title: "Kỷ luật" }],
      },
    ],
  };
}
