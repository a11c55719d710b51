import { getAgencyByCode, updateAgency } from "@/lib/agencies/agencies";
import { apiRoute } from "@/lib/http/api";

type Params = { code: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getAgencyByCode(actor, params.code));
export const PATCH = apiRoute<Params>(async ({ actor, params, body }) =>
  updateAgency(actor, params.code, await body()),
);
