import { apiRoute } from "@/lib/http/api";
import { getPledgeSummary } from "@/lib/pledges/pledges";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  getPledgeSummary(actor, params.yearId),
);
