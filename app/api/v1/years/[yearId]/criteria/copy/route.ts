import { copyCriteriaFromPreviousYear } from "@/lib/criteria/criteria";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  copyCriteriaFromPreviousYear(actor, params.yearId),
);
