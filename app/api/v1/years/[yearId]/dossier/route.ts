import { apiRoute } from "@/lib/http/api";
import { getDossier } from "@/lib/nominations/board";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  getDossier(actor, params.yearId),
);
