import { getBloc, updateBloc } from "@/lib/blocs/blocs";
import { apiRoute } from "@/lib/http/api";

type Params = { blocId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getBloc(actor, params.blocId));
export const PATCH = apiRoute<Params>(async ({ actor, params, body }) =>
  updateBloc(actor, params.blocId, await body()),
);
