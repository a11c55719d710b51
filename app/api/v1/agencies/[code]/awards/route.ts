import { apiRoute } from "@/lib/http/api";
import { listAgencyAwards } from "@/lib/nominations/history";

export const GET = apiRoute<{ code: string }>(async ({ actor, params }) =>
  listAgencyAwards(actor, params.code),
);
