import { apiRoute } from "@/lib/http/api";
import { searchAwards } from "@/lib/nominations/history";

export const GET = apiRoute(async ({ actor, query }) => searchAwards(actor, query));
