import { apiRoute } from "@/lib/http/api";
import { getInbox } from "@/lib/nominations/board";

export const GET = apiRoute(async ({ actor, query }) => getInbox(actor, query));
