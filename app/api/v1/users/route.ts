import { apiRoute, withStatus } from "@/lib/http/api";
import { createUser, listUsers } from "@/lib/users/users";

export const GET = apiRoute(async ({ actor, query }) => listUsers(actor, query));
export const POST = apiRoute(async ({ actor, body }) =>
  withStatus(await createUser(actor, await body()), 201),
);
