import { toTrinhFile } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";
import { pdfResponse } from "@/lib/http/pdf";

/** Tờ trình đề nghị khen thưởng (issued at each submission, a draft before): the bloc's secretariat, the board, the admin. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  pdfResponse(await toTrinhFile(actor, params.yearId)),
);
