import { apiRoute, withStatus } from "@/lib/http/api";
import { createNomination, listNominations } from "@/lib/nominations/nominations";

/** The year's nominations: all of them for the secretariat and the province, one's own for a member. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  listNominations(actor, params.yearId),
);

/** 201 with the nomination; 422 naming the rule when the year's rules refuse it. */
export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  withStatus(await createNomination(actor, params.yearId, await body()), 201),
);
