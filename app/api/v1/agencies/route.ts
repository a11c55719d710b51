import { createAgency, listAgencies } from "@/lib/agencies/agencies";
import { apiRoute, withStatus } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor }) => listAgencies(actor));
export const POST = apiRoute(async ({ actor, body }) =>
  withStatus(await createAgency(actor, await body()), 201),
);
