import { apiRoute } from "@/lib/http/api";
import { submitDossier } from "@/lib/nominations/nominations";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  submitDossier(actor, params.yearId),
);
