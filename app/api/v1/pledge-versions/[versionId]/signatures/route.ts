import { apiRoute, withStatus } from "@/lib/http/api";
import { signPledge } from "@/lib/pledges/signatures";

/** 201 with the new signature; 200 with the existing one when the agency has already signed. */
export const POST = apiRoute<{ versionId: string }>(async ({ actor, params, body }) => {
  const { signature, created } = await signPledge(actor, params.versionId, await body());
  return withStatus(signature, created ? 201 : 200);
});
