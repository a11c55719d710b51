import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { MessageParams } from "@/lib/errors";
import type { Phase } from "@/lib/years/phases";
import { pledgeStatusOfYears } from "@/lib/pledges/status";
import { listMyYears } from "@/lib/years/queries";
import type { YearDto } from "@/lib/years/schemas";
import { rollOf, statusOf } from "@/lib/votes/load";

/** One thing the user must do next ("việc cần làm"): a catalog key, its values and where to do it. */
export interface Todo {
  key: string;
  params: MessageParams;
  href: string;
  /** Deadline of the phase the task belongs to (ISO date), if set. */
  deadline?: string | null;
}

export interface HomeYear {
  year: YearDto;
  /** The actor's agency leads this year (bloc-level powers, for the secretariat). */
  leadsYear: boolean;
  /** Deadline of the current phase, if set. */
  deadline: string | null;
}

export interface HomeOverview {
  years: HomeYear[];
  todos: Todo[];
}

/** What each agency role does in each phase (PRODUCT.md, "One emulation year"). */
const MEMBER_TASKS: Partial<Record<Phase, Partial<Record<Actor["role"], string>>>> = {
  NOMINATION: { AGENCY_STAFF: "todo.staff.NOMINATION" },
};

function deadlineOf(year: YearDto): string | null {
  return year.deadlines[year.phase] ?? null;
}

function yearParams(year: YearDto): MessageParams {
  return { year: year.year, bloc: year.blocName };
}

/** Setup an admin must finish in the running years. */
async function adminTodos(running: YearDto[]): Promise<Todo[]> {
  const todos: Todo[] = [];
  for (const year of running) {
    if (year.phase === "SETUP" && (!year.leaderAgency || year.members.length < 2)) {
      todos.push({ key: "todo.admin.setupYear", params: yearParams(year), href: `/admin/years/${year.id}` });
    }
  }
  // Agencies of a running year without a leader account cannot sign, submit or vote.
  const codes = [...new Set(running.flatMap((year) => year.members.map((member) => member.code)))];
  if (codes.length > 0) {
    const withLeader = await db.agency.findMany({
      where: { code: { in: codes }, users: { some: { role: "AGENCY_LEADER", disabled: false } } },
      select: { code: true },
    });
    const covered = new Set(withLeader.map((agency) => agency.code));
    for (const year of running) {
      for (const member of year.members) {
        if (!covered.has(member.code)) {
          todos.push({
            key: "todo.admin.agencyWithoutLeader",
            params: { agency: member.name, year: year.year },
            href: `/admin/users?agencyCode=${member.code}`,
          });
          covered.add(member.code);
        }
      }
    }
  }
  return todos;
}

/** Where the year's secretariat does the work of each phase. */
const SECRETARIAT_PAGES: Partial<Record<Phase, (yearId: string) => string>> = {
  SELF_ASSESSMENT: (yearId) => `/years/${yearId}/assessments`,
  REVIEW: (yearId) => `/years/${yearId}/review`,
  VOTING: (yearId) => `/years/${yearId}/votes`,
  NOMINATION: (yearId) => `/years/${yearId}/nominations`,
  BOARD_REVIEW: (yearId) => `/years/${yearId}/nominations`,
};

/** Per year in BOARD_REVIEW: its nominations awaiting the board (SUBMITTED) and those returned to the bloc. */
async function reviewCounts(years: YearDto[]): Promise<Map<string, { submitted: number; returned: number }>> {
  const ids = years.filter((year) => year.phase === "BOARD_REVIEW").map((year) => year.id);
  const counts = new Map<string, { submitted: number; returned: number }>();
  if (ids.length === 0) return counts;
  const groups = await db.nomination.groupBy({
    by: ["yearId", "status"],
    where: { yearId: { in: ids }, status: { in: ["SUBMITTED", "RETURNED"] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const entry = counts.get(group.yearId) ?? { submitted: 0, returned: 0 };
    if (group.status === "SUBMITTED") entry.submitted = group._count._all;
    else entry.returned = group._count._all;
    counts.set(group.yearId, entry);
  }
  return counts;
}

/**
 * Voting: the leader votes in each open session of the year whose roll holds their agency and in which
 * it has not voted yet (one task per session); before the year's first session, the year's votes page.
 */
async function votingTodos(
  actor: Actor,
  years: YearDto[],
  task: (year: YearDto) => Omit<Todo, "key">,
): Promise<Todo[]> {
  const agencyId = actor.agencyId;
  if (actor.role !== "AGENCY_LEADER" || !agencyId || years.length === 0) return [];
  const sessionsOfYears = await db.voteSession.findMany({
    where: { yearId: { in: years.map((year) => year.id) } },
    select: {
      id: true,
      yearId: true,
      title: true,
      roll: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      cancelledAt: true,
      participations: { where: { agencyId }, select: { agencyId: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const now = new Date();
  const todos: Todo[] = [];
  for (const year of years) {
    const sessions = sessionsOfYears.filter((session) => session.yearId === year.id);
    if (sessions.length === 0) {
      todos.push({ key: "todo.leader.VOTING", ...task(year), href: `/years/${year.id}/votes` });
      continue;
    }
    for (const session of sessions) {
      const onRoll = rollOf(session).some((voter) => voter.agencyId === agencyId);
      if (!onRoll || statusOf(session, now) !== "OPEN" || session.participations.length > 0) continue;
      todos.push({
        key: "todo.leader.voteSession",
        params: { title: session.title },
        href: `/years/${year.id}/votes/${session.id}`,
        deadline: session.closesAt.toISOString(),
      });
    }
  }
  return todos;
}

/**
 * Pledging: the secretariat drafts and opens the pledge, then follows the signatures; each member's
 * leader signs the open version (again, when a new version supersedes the one they signed).
 */
function pledgeTodos(
  actor: Actor,
  year: YearDto,
  pledge: { openVersionId: string; signedAgencyIds: Set<string> } | undefined,
  leadsYear: boolean,
  task: Omit<Todo, "key">,
): Todo[] {
  const href = `/years/${year.id}/pledge`;
  if (actor.role === "SECRETARIAT" && leadsYear) {
    if (!pledge) return [{ ...task, key: "todo.secretariat.PLEDGING", href }];
    return [
      {
        ...task,
        key: "todo.secretariat.pledgeProgress",
        params: { ...task.params, signed: pledge.signedAgencyIds.size, total: year.members.length },
        href,
      },
    ];
  }
  if (
    actor.role === "AGENCY_LEADER" &&
    pledge &&
    actor.agencyId &&
    !pledge.signedAgencyIds.has(actor.agencyId)
  ) {
    return [{ ...task, key: "todo.leader.PLEDGING", href }];
  }
  return [];
}

/** The home page: the user's blocs and years with their phase, and what they must do next. */
export async function getHomeOverview(actor: Actor): Promise<HomeOverview> {
  const current = await listMyYears(actor, { running: true });
  const shown = current.length > 0 ? current : await listMyYears(actor, { take: 1 });
  const leads = (year: YearDto) => actor.agency !== null && year.leaderAgency?.code === actor.agency.code;

  const todos: Todo[] = [];
  if (actor.role === "ADMIN") todos.push(...(await adminTodos(current)));
  const pledges = await pledgeStatusOfYears(
    current.filter((year) => year.phase === "PLEDGING").map((year) => year.id),
  );
  const submitted = new Set(
    actor.agencyId
      ? (
          await db.assessment.findMany({
            where: {
              agencyId: actor.agencyId,
              status: "SUBMITTED",
              yearId: { in: current.map((year) => year.id) },
            },
            select: { yearId: true },
          })
        ).map((a) => a.yearId)
      : [],
  );
  const review = await reviewCounts(current);
  for (const year of current) {
    const task = { params: yearParams(year), href: `/years/${year.id}`, deadline: deadlineOf(year) };
    if (year.phase === "PLEDGING") {
      todos.push(...pledgeTodos(actor, year, pledges.get(year.id), leads(year), task));
      continue;
    }
    // Xét duyệt: the board, while a dossier has nominations awaiting its verdict.
    if (
      actor.role === "BOARD" &&
      year.phase === "BOARD_REVIEW" &&
      (review.get(year.id)?.submitted ?? 0) > 0
    ) {
      todos.push({ key: "todo.board.BOARD_REVIEW", ...task, href: `/board/years/${year.id}` });
    }
    const returned = review.get(year.id)?.returned ?? 0;
    if (actor.role === "SECRETARIAT" && leads(year) && year.phase === "BOARD_REVIEW" && returned > 0) {
      todos.push({
        key: "todo.secretariat.returned",
        ...task,
        params: { ...task.params, count: returned },
        href: `/years/${year.id}/nominations`,
      });
    } else if (actor.role === "SECRETARIAT" && leads(year) && year.phase !== "SETUP") {
      todos.push({
        key: `todo.secretariat.${year.phase}`,
        ...task,
        href: SECRETARIAT_PAGES[year.phase]?.(year.id) ?? task.href,
      });
    }
    // Self-assessment: the agency's people until its leader submits.
    if (
      year.phase === "SELF_ASSESSMENT" &&
      (actor.role === "AGENCY_STAFF" || actor.role === "AGENCY_LEADER") &&
      !submitted.has(year.id)
    ) {
      todos.push({
        key: actor.role === "AGENCY_LEADER" ? "todo.leader.SELF_ASSESSMENT" : "todo.staff.SELF_ASSESSMENT",
        ...task,
        href: `/years/${year.id}/assessment`,
      });
    }
    const memberTask = MEMBER_TASKS[year.phase]?.[actor.role];
    if (memberTask)
      todos.push({
        key: memberTask,
        ...task,
        href: year.phase === "NOMINATION" ? `/years/${year.id}/nominations` : task.href,
      });
  }
  todos.push(
    ...(await votingTodos(
      actor,
      current.filter((year) => year.phase === "VOTING"),
      (year) => ({ params: yearParams(year), href: `/years/${year.id}`, deadline: deadlineOf(year) }),
    )),
  );

  return {
    years: shown.map((year) => ({ year, leadsYear: leads(year), deadline: deadlineOf(year) })),
    todos,
  };
}
