import { apiRoute } from "@/lib/http/api";
import { savePledgeDraft } from "@/lib/pledges/pledges";

export const PUT = apiRoute<{ yearId: string }>(async ({ actor, params, body }) =>
  savePledgeDraft(actor, params.yearId, await body()),
);
