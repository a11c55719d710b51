import { completeCrossScoring } from "@/lib/cross-scoring/cross-scoring";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  completeCrossScoring(actor, params.yearId),
);
