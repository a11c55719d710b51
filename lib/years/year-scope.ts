import type { Actor } from "@/lib/auth/actor";
import type { YearDto } from "@/lib/years/schemas";

/**
 * A year's permission scope as a page knows it (agency codes, not ids), enough to decide which links
 * and buttons to show the actor. Display only: the data layer checks every call again.
 */
export function yearScopeOf(actor: Actor, year: Pick<YearDto, "leaderAgency" | "members">) {
  const own = actor.agency?.code;
  const agencyId = actor.agencyId;
  return {
    year: {
      leaderAgencyId: own && year.leaderAgency?.code === own ? agencyId : null,
      memberAgencyIds:
        own && agencyId && year.members.some((member) => member.code === own) ? [agencyId] : [],
    },
  };
}
