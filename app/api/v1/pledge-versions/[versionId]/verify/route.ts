import { apiRoute } from "@/lib/http/api";
import { verifyPledgeVersion } from "@/lib/pledges/verify";

export const GET = apiRoute<{ versionId: string }>(async ({ actor, params }) =>
  verifyPledgeVersion(actor, params.versionId),
);
