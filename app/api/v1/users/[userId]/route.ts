import { apiRoute } from "@/lib/http/api";
import { getUser, updateUser } from "@/lib/users/users";

type Params = { userId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => getUser(actor, params.userId));
export const PATCH = apiRoute<Params>(async ({ actor, params, body }) =>
  updateUser(actor, params.userId, await body()),
);
