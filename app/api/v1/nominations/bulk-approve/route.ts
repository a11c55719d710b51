import { apiRoute } from "@/lib/http/api";
import { bulkApprove } from "@/lib/nominations/review";

export const POST = apiRoute(async ({ actor, body }) => bulkApprove(actor, await body()));
