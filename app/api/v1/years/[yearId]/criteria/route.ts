import { getCriteriaTable, saveCriteriaTable } from "@/lib/criteria/criteria";
import { apiRoute } from "@/lib/http/api";

type Params = { yearId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getCriteriaTable(actor, params.yearId));
/** The whole table (groups with their criteria, in order), conditional on `revision`. */
export const PUT = apiRoute<Params>(async ({ actor, params, body }) =>
  saveCriteriaTable(actor, params.yearId, await body()),
);
