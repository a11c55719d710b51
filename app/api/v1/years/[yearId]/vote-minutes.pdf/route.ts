import { voteMinutesFile } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";
import { pdfResponse } from "@/lib/http/pdf";

/** Biên bản họp bình xét, suy tôn: the latest issued version (members of the year, the province). */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  pdfResponse(await voteMinutesFile(actor, params.yearId)),
);
