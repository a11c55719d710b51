import { apiRoute } from "@/lib/http/api";
import { openPledgeForSigning } from "@/lib/pledges/pledges";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  openPledgeForSigning(actor, params.yearId, await body()),
);
