import { apiRoute, withStatus } from "@/lib/http/api";
import { applySuggestions } from "@/lib/nominations/nominations";

/** Makes every suggested nomination (from the ranking and the votes) at once. */
export const POST = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  withStatus(await applySuggestions(actor, params.yearId), 201),
);
