// The one permission map. Guards in the data access layer (authorize / can) and the permission matrix
// test are both derived from it. Deny by default: a role without an entry has no access, and a scoped
// entry without the context it needs is a denial.
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";

export const ROLES = [
  "ADMIN",
  "BOARD",
  "SECRETARIAT",
  "AGENCY_LEADER",
  "AGENCY_STAFF",
] as const satisfies readonly Role[];

/**
 * How far a role's permission reaches.
 * - any: every object of the kind
 * - blocMember: blocs in which the actor's agency is (or was) a member in some year
 * - yearMember: years in which the actor's agency is a member
 * - yearLeader: years whose Khối trưởng is the actor's agency (bloc-level powers of that year only)
 * - ownAgency: objects of the actor's own agency
 * - self: the actor's own account
 */
export type Scope = "any" | "blocMember" | "yearMember" | "yearLeader" | "ownAgency" | "self";

/** A role's reach: one scope, or several (any of them grants). */
type Reach = Scope | readonly Scope[];
type PermissionMap = Record<string, Partial<Record<Role, Reach>>>;

const everyone = (scope: Scope) => ({
  ADMIN: scope,
  BOARD: scope,
  SECRETARIAT: scope,
  AGENCY_LEADER: scope,
  AGENCY_STAFF: scope,
});
const membersOr = (scope: Scope) =>
  ({ ADMIN: "any", BOARD: "any", SECRETARIAT: scope, AGENCY_LEADER: scope, AGENCY_STAFF: scope }) as const;

export const PERMISSIONS = {
  "account.read": everyone("self"),
  "account.changePassword": everyone("self"),

  "bloc.read": membersOr("blocMember"),
  "bloc.manage": { ADMIN: "any" },

  // The agency directory (codes and names) is not an agency's data: every signed-in user reads it.
  "agency.read": everyone("any"),
  "agency.manage": { ADMIN: "any" },

  "year.read": membersOr("yearMember"),
  /** Create years; set members, Khối trưởng, Khối phó, rules and deadlines. */
  "year.manage": { ADMIN: "any" },
  /** Move the year to its next phase: the admin, and the year's secretariat. */
  "year.phase.move": { ADMIN: "any", SECRETARIAT: "yearLeader" },
  /** Move the year backwards or past a phase (with a reason): the admin only. */
  "year.phase.moveAny": { ADMIN: "any" },

  "user.read": { ADMIN: "any" },
  "user.manage": { ADMIN: "any" },

  "audit.read": { ADMIN: "any", BOARD: "any" },

  /** Read the year's pledge: drafts, versions, who has signed, the signed document. */
  "pledge.read": membersOr("yearMember"),
  /** Draft the pledge and open a version for signing: the secretariat of the year's Khối trưởng. */
  "pledge.draft": { SECRETARIAT: "yearLeader" },
  /** Sign the open version for one's own agency. */
  "pledge.sign": { AGENCY_LEADER: "yearMember" },

  "notification.read": everyone("self"),

  /** The year's criteria table (bảng tiêu chí). */
  "criteria.read": membersOr("yearMember"),
  "criteria.manage": { SECRETARIAT: "yearLeader" },
  /** An agency's self-assessment and evidence: its own people, the bloc's secretariat, the province. */
  "assessment.read": {
    ADMIN: "any",
    BOARD: "any",
    SECRETARIAT: ["yearLeader", "ownAgency"],
    AGENCY_LEADER: "ownAgency",
    AGENCY_STAFF: "ownAgency",
  },
  "assessment.edit": { AGENCY_LEADER: "ownAgency", AGENCY_STAFF: "ownAgency" },
  "assessment.submit": { AGENCY_LEADER: "ownAgency" },
  "assessment.return": { SECRETARIAT: "yearLeader" },
  /** The review grid: final scores of every member. */
  "score.review": { SECRETARIAT: "yearLeader" },
  "score.read": { ADMIN: "any", BOARD: "any", SECRETARIAT: "yearLeader" },
  /** Chấm chéo: a member's leader scores the other members. */
  "crossScore.enter": { AGENCY_LEADER: "yearMember" },
  "crossScore.progress": membersOr("yearMember"),
  "crossScore.apply": { SECRETARIAT: "yearLeader" },
  /** The ranking before publication; after it, every member reads it (ranking.read). */
  "ranking.preview": { ADMIN: "any", BOARD: "any", SECRETARIAT: "yearLeader" },
  "ranking.read": membersOr("yearMember"),
  "ranking.publish": { SECRETARIAT: "yearLeader" },
  "ranking.reopen": { ADMIN: "any", SECRETARIAT: "yearLeader" },
  /** Vote sessions: their rules, candidates and who has voted (never how); results once closed. */
  "vote.read": membersOr("yearMember"),
  /** Open (create), close and cancel vote sessions: the secretariat of the year's Khối trưởng. */
  "vote.manage": { SECRETARIAT: "yearLeader" },
  /** Cast one's agency's secret ballot (the agency must be on the session's roll). */
  "vote.cast": { AGENCY_LEADER: "yearMember" },
  /** Nominations (đề nghị khen thưởng): the bloc's secretariat and the province read all; a member its own. */
  "nomination.read": {
    ADMIN: "any",
    BOARD: "any",
    SECRETARIAT: ["yearLeader", "ownAgency"],
    AGENCY_LEADER: "ownAgency",
    AGENCY_STAFF: "ownAgency",
  },
  /** Build the list, submit and resubmit the dossier: the secretariat of the year's Khối trưởng. */
  "nomination.manage": { SECRETARIAT: "yearLeader" },
  /** Attach a nominee's báo cáo thành tích: the nominee agency's people or the bloc's secretariat. */
  "nomination.report": {
    SECRETARIAT: ["yearLeader", "ownAgency"],
    AGENCY_LEADER: "ownAgency",
    AGENCY_STAFF: "ownAgency",
  },
  /** Approve, return or reject nominations, and record the award decision: the provincial board. */
  "nomination.review": { BOARD: "any" },
  /** The whole dossier (hồ sơ): the bloc's secretariat and the province. */
  "dossier.read": { ADMIN: "any", BOARD: "any", SECRETARIAT: "yearLeader" },
  /** Award history: decisions are public to every signed-in user. */
  "award.read": everyone("any"),
} as const satisfies PermissionMap;

export type Permission = keyof typeof PERMISSIONS;

/** Who is asking: the fields of the acting user that permissions depend on. */
export interface Principal {
  id: string;
  role: Role;
  agencyId: string | null;
}

/** Facts about the object that scoped permissions are checked against. */
export interface ScopeContext {
  /** Agencies that are members of the bloc in any year (for blocMember). */
  blocMemberAgencyIds?: readonly string[];
  year?: { leaderAgencyId: string | null; memberAgencyIds: readonly string[] };
  /** Agency the object belongs to (for ownAgency). */
  agencyId?: string | null;
  /** User the object is (for self). */
  userId?: string;
}

/** The entry of a permission; undefined for a name the map does not hold (deny, never a TypeError). */
function entryOf(permission: Permission): Partial<Record<Role, Reach>> | undefined {
  return Object.hasOwn(PERMISSIONS, permission)
    ? (PERMISSIONS[permission] as Partial<Record<Role, Reach>>)
    : undefined;
}

/** Every scope through which the principal's role holds the permission (none: denied). */
export function scopesOf(principal: Principal, permission: Permission): Scope[] {
  const entry = entryOf(permission);
  const reach = entry && Object.hasOwn(entry, principal.role) ? entry[principal.role] : undefined;
  return reach === undefined ? [] : typeof reach === "string" ? [reach] : [...reach];
}

/** The widest scope of the principal's role for a permission (lists filter by it). */
export function scopeOf(principal: Principal, permission: Permission): Scope | undefined {
  return scopesOf(principal, permission)[0];
}

export function can(principal: Principal, permission: Permission, context: ScopeContext = {}): boolean {
  return scopesOf(principal, permission).some((scope) => scopeAllows(principal, scope, context));
}

function scopeAllows(principal: Principal, scope: Scope, context: ScopeContext): boolean {
  const agencyId = principal.agencyId;
  switch (scope) {
    case "any":
      return true;
    case "blocMember":
      return agencyId !== null && (context.blocMemberAgencyIds?.includes(agencyId) ?? false);
    case "yearMember":
      return agencyId !== null && (context.year?.memberAgencyIds.includes(agencyId) ?? false);
    case "yearLeader":
      return agencyId !== null && context.year?.leaderAgencyId === agencyId;
    case "ownAgency":
      return agencyId !== null && context.agencyId === agencyId;
    case "self":
      return context.userId === principal.id;
    default:
      return false;
  }
}

/** Throws FORBIDDEN unless `can`. */
export function authorize(principal: Principal, permission: Permission, context: ScopeContext = {}): void {
  if (!can(principal, permission, context)) throw forbidden();
}

/** Roles that hold a permission at all (any scope); used by navigation and the matrix test. */
export function rolesWith(permission: Permission): Role[] {
  const entry = entryOf(permission);
  return ROLES.filter((role) => entry?.[role] !== undefined);
}
