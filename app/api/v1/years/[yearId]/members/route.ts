import { apiRoute } from "@/lib/http/api";
import { setYearMembers } from "@/lib/years/manage";

export const PUT = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  setYearMembers(actor, params.yearId, await body()),
);
