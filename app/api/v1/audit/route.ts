import { listAuditEntries } from "@/lib/audit/list-audit";
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(async ({ actor, query }) => listAuditEntries(actor, query));
