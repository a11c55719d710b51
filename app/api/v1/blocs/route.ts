import { createBloc, listBlocs } from "@/lib/blocs/blocs";
import { apiRoute, withStatus } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor }) => listBlocs(actor));
export const POST = apiRoute(async ({ actor, body }) =>
  withStatus(await createBloc(actor, await body()), 201),
);
