import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { resultsOf } from "@/lib/votes/load";
import { recordAudit } from "@/lib/audit/record";
import { previousCriteriaTable, writeCriteriaTable } from "@/lib/criteria/criteria";
import type { Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { uniqueViolation } from "@/lib/db/errors";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";
import { membersEditable, rulesEditable, type Phase } from "./phases";
import { toYearDto, yearSelect } from "./queries";
import { rulesOf } from "./context";
import { DEFAULT_RULES, type YearRules } from "./rules";
import { createYearSchema, setYearMembersSchema, updateYearSettingsSchema, type YearDto } from "./schemas";
import { yearDeadlinesColumn } from "./columns";

/** Resolves agency codes to ids; unknown codes are a validation error on `path`. */
async function agencyIdsByCode(tx: Tx, codes: string[], path: string): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const rows = await tx.agency.findMany({
    where: { code: { in: unique } },
    select: { id: true, code: true },
  });
  const byCode = new Map(rows.map((row) => [row.code, row.id]));
  const unknown = unique.filter((code) => !byCode.has(code));
  if (unknown.length > 0)
    throw invalid([{ path, message: "validation.unknownAgencies", params: { codes: unknown.join(", ") } }]);
  return byCode;
}

/**
 * The agencies elected Khối trưởng and Khối phó by the bloc's `year` (the latest closed, not cancelled
 * election session of that year), or null when it held none.
 */
async function previousElection(
  tx: Tx,
  blocId: string,
  year: number,
): Promise<{ sessionId: string; LEADER: string | null; DEPUTY: string | null } | null> {
  const session = await tx.voteSession.findFirst({
    where: {
      kind: "LEADERSHIP_ELECTION",
      closedAt: { not: null },
      cancelledAt: null,
      year: { blocId, year },
    },
    orderBy: { closedAt: "desc" },
    select: { id: true, results: true },
  });
  const elected = session ? resultsOf(session)?.elected : null;
  if (!session || !elected) return null;
  return { sessionId: session.id, LEADER: elected.LEADER ?? null, DEPUTY: elected.DEPUTY ?? null };
}

/** Khối trưởng and Khối phó are two different members of the year. */
function checkLeadership(memberIds: Set<string>, leaderId: string | null, deputyId: string | null): void {
  const issues = [];
  if (leaderId && !memberIds.has(leaderId))
    issues.push({ path: "leaderAgencyCode", message: "validation.leaderNotMember" });
  if (deputyId && !memberIds.has(deputyId))
    issues.push({ path: "deputyAgencyCode", message: "validation.deputyNotMember" });
  if (leaderId && deputyId && leaderId === deputyId)
    issues.push({ path: "deputyAgencyCode", message: "validation.deputyIsLeader" });
  if (issues.length > 0) throw invalid(issues);
}

function assertNotClosed(phase: Phase): void {
  if (phase === "CLOSED") throw new AppError("WRONG_PHASE", "errors.year.closed");
}

/**
 * Creates a year of a bloc (admin). Members come from `memberCodes`, or from the bloc's latest earlier
 * year; rules are copied from that year too (the defaults only for a bloc's first year), and so is the
 * criteria table (of the latest earlier year that has one) unless `copyCriteriaFromPrevious` is false.
 * Khối trưởng and Khối phó not given come from the previous year's election (the audit entry says which source).
 */
export async function createYear(actor: Actor, blocId: string, input: unknown): Promise<YearDto> {
  authorize(actor, "year.manage");
  const bloc = idOrNotFound(blocId, "errors.bloc.notFound");
  const data = parseInput(createYearSchema, input);
  try {
    return await transaction(TRANSACTION.bulk, async (tx) => {
      if (!(await tx.bloc.findUnique({ where: { id: bloc }, select: { id: true } })))
        throw notFound("errors.bloc.notFound");
      const previous = await tx.emulationYear.findFirst({
        where: { blocId: bloc, year: { lt: data.year } },
        orderBy: { year: "desc" },
        select: { year: true, rules: true, members: { select: { agencyId: true } } },
      });

      let memberIds: string[] = [];
      if (data.memberCodes)
        memberIds = [...(await agencyIdsByCode(tx, data.memberCodes, "memberCodes")).values()];
      else if (data.copyMembersFromPrevious && previous)
        memberIds = previous.members.map((member) => member.agencyId);
      const leadership = await agencyIdsByCode(
        tx,
        [data.leaderAgencyCode, data.deputyAgencyCode].filter((code): code is string => !!code),
        "leaderAgencyCode",
      );
      let leaderId = data.leaderAgencyCode ? leadership.get(data.leaderAgencyCode)! : null;
      let deputyId = data.deputyAgencyCode ? leadership.get(data.deputyAgencyCode)! : null;
      // A post the request leaves empty goes to the agency elected to it in the previous year, if it
      // is a member of the new year (and does not hold the other post); a code given always wins.
      const memberSet = new Set(memberIds);
      const election = !leaderId || !deputyId ? await previousElection(tx, bloc, data.year - 1) : null;
      const source = { leader: leaderId ? "REQUEST" : null, deputy: deputyId ? "REQUEST" : null } as Record<
        "leader" | "deputy",
        "REQUEST" | "ELECTION" | null
      >;
      const elected = (id: string | null | undefined, other: string | null) =>
        id && memberSet.has(id) && id !== other ? id : null;
      if (election && !leaderId) {
        leaderId = elected(election.LEADER, deputyId);
        if (leaderId) source.leader = "ELECTION";
      }
      if (election && !deputyId) {
        deputyId = elected(election.DEPUTY, leaderId);
        if (deputyId) source.deputy = "ELECTION";
      }
      checkLeadership(memberSet, leaderId, deputyId);

      const rules: YearRules = data.rules ?? (previous ? rulesOf(previous.rules) : DEFAULT_RULES);

      const created = await tx.emulationYear.create({
        data: {
          blocId: bloc,
          year: data.year,
          rules,
          deadlines: yearDeadlinesColumn.write(data.deadlines ?? {}),
          leaderAgencyId: leaderId,
          deputyAgencyId: deputyId,
          members: { create: memberIds.map((agencyId) => ({ agencyId })) },
        },
        select: yearSelect,
      });
      // The criteria table carries over too (the secretariat edits it until self-assessment starts).
      const criteria = data.copyCriteriaFromPrevious
        ? await previousCriteriaTable(tx, bloc, data.year)
        : null;
      if (criteria) {
        await writeCriteriaTable(tx, created.id, criteria.table);
        await tx.emulationYear.update({
          where: { id: created.id },
          data: { criteriaRevision: { increment: 1 } },
        });
      }
      const dto = toYearDto(created);
      await recordAudit(tx, actor, {
        action: "year.create",
        entity: "EmulationYear",
        entityId: created.id,
        after: {
          year: dto.year,
          members: dto.members.map((member) => member.code),
          leader: dto.leaderAgency?.code ?? null,
          deputy: dto.deputyAgency?.code ?? null,
          copiedFrom: !data.memberCodes && data.copyMembersFromPrevious ? (previous?.year ?? null) : null,
          leadershipSource: source,
          criteriaCopiedFrom: criteria?.year ?? null,
          electionSession:
            source.leader === "ELECTION" || source.deputy === "ELECTION" ? election!.sessionId : null,
        },
        blocId: bloc,
      });
      return dto;
    });
  } catch (error) {
    if (uniqueViolation(error) === null) throw error;
    throw conflict("errors.year.exists", { year: data.year });
  }
}

/**
 * The year's row under an exclusive lock, for a change of the year itself: settings, members and
 * phase moves of one year are serialised, and each waits for the writes that share the lock (see
 * lockYearInPhase) to finish. CONFLICT when the editor's `version` is stale.
 */
export async function lockYear(tx: Tx, id: string, version: number | undefined) {
  await tx.$queryRaw`SELECT id FROM "EmulationYear" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.emulationYear.findUnique({
    where: { id },
    select: { ...yearSelect, deputyAgencyId: true },
  });
  if (!row) throw notFound("errors.year.notFound");
  if (version !== undefined && version !== row.version) throw conflict("errors.year.stale");
  return row;
}

/** Khối trưởng, Khối phó, rules and deadlines of a year (admin). */
export async function updateYearSettings(actor: Actor, yearId: string, input: unknown): Promise<YearDto> {
  authorize(actor, "year.manage");
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const data = parseInput(updateYearSettingsSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const row = await lockYear(tx, id, data.version);
    assertNotClosed(row.phase);
    if (data.rules && !rulesEditable(row.phase)) {
      throw new AppError("WRONG_PHASE", "errors.year.rulesLocked");
    }
    const codes = [data.leaderAgencyCode, data.deputyAgencyCode].filter((code): code is string => !!code);
    const byCode = await agencyIdsByCode(tx, codes, "leaderAgencyCode");
    const leaderId =
      data.leaderAgencyCode === undefined
        ? row.leaderAgencyId
        : data.leaderAgencyCode
          ? byCode.get(data.leaderAgencyCode)!
          : null;
    const deputyId =
      data.deputyAgencyCode === undefined
        ? row.deputyAgencyId
        : data.deputyAgencyCode
          ? byCode.get(data.deputyAgencyCode)!
          : null;
    checkLeadership(new Set(row.members.map((member) => member.agencyId)), leaderId, deputyId);

    const updated = await tx.emulationYear.update({
      where: { id },
      data: {
        leaderAgencyId: leaderId,
        deputyAgencyId: deputyId,
        ...(data.rules ? { rules: data.rules } : {}),
        ...(data.deadlines ? { deadlines: yearDeadlinesColumn.write(data.deadlines) } : {}),
        version: { increment: 1 },
      },
      select: yearSelect,
    });
    const before = toYearDto(row);
    const after = toYearDto(updated);
    await recordAudit(tx, actor, {
      action: "year.settings.update",
      entity: "EmulationYear",
      entityId: id,
      before: {
        leader: before.leaderAgency?.code ?? null,
        deputy: before.deputyAgency?.code ?? null,
        rules: data.rules ? before.rules : undefined,
        deadlines: data.deadlines ? before.deadlines : undefined,
      },
      after: {
        leader: after.leaderAgency?.code ?? null,
        deputy: after.deputyAgency?.code ?? null,
        rules: data.rules,
        deadlines: data.deadlines,
      },
      blocId: row.blocId,
    });
    return after;
  });
}

/** The member agencies of a year (admin), until self-assessment starts. */
export async function setYearMembers(actor: Actor, yearId: string, input: unknown): Promise<YearDto> {
  authorize(actor, "year.manage");
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const data = parseInput(setYearMembersSchema, input);
  return transaction(TRANSACTION.edit, async (tx) => {
    const row = await lockYear(tx, id, data.version);
    if (!membersEditable(row.phase)) throw new AppError("WRONG_PHASE", "errors.year.membersLocked");
    const byCode = await agencyIdsByCode(tx, data.agencyCodes, "agencyCodes");
    const wanted = new Set(byCode.values());
    const current = new Set(row.members.map((member) => member.agencyId));
    if (row.leaderAgencyId && !wanted.has(row.leaderAgencyId))
      throw invalid([{ path: "agencyCodes", message: "validation.leaderMustStay" }]);
    if (row.deputyAgencyId && !wanted.has(row.deputyAgencyId))
      throw invalid([{ path: "agencyCodes", message: "validation.deputyMustStay" }]);

    const removed = [...current].filter((agencyId) => !wanted.has(agencyId));
    const added = [...wanted].filter((agencyId) => !current.has(agencyId));
    await tx.yearMember.deleteMany({ where: { yearId: id, agencyId: { in: removed } } });
    await tx.yearMember.createMany({ data: added.map((agencyId) => ({ yearId: id, agencyId })) });
    const updated = await tx.emulationYear.update({
      where: { id },
      data: { version: { increment: 1 } },
      select: yearSelect,
    });
    await recordAudit(tx, actor, {
      action: "year.members.set",
      entity: "EmulationYear",
      entityId: id,
      before: { members: toYearDto(row).members.map((member) => member.code) },
      after: { members: toYearDto(updated).members.map((member) => member.code) },
      blocId: row.blocId,
    });
    return toYearDto(updated);
  });
}
