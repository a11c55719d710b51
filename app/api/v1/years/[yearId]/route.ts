import { apiRoute } from "@/lib/http/api";
import { updateYearSettings } from "@/lib/years/manage";
import { moveYearPhase } from "@/lib/years/move-phase";
import { getYear } from "@/lib/years/queries";

type Params = { yearId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getYear(actor, params.yearId));

/** `{phase, reason?, version?}` moves the phase; otherwise the admin settings (leader, deputy, rules, deadlines). */
export const PATCH = apiRoute<Params>(async ({ actor, params, body }) => {
  const input = await body();
  const movesPhase = typeof input === "object" && input !== null && "phase" in input;
  return movesPhase
    ? moveYearPhase(actor, params.yearId, input)
    : updateYearSettings(actor, params.yearId, input);
});
