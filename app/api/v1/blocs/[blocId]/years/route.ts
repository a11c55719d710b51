import { apiRoute, withStatus } from "@/lib/http/api";
import { createYear } from "@/lib/years/manage";
import { listYears } from "@/lib/years/queries";

type Params = { blocId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => listYears(actor, params.blocId));
export const POST = apiRoute<Params>(async ({ actor, params, body }) =>
  withStatus(await createYear(actor, params.blocId, await body()), 201),
);
