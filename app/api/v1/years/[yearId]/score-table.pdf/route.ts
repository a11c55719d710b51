import { scoreTableFile } from "@/lib/documents/downloads";
import { apiRoute } from "@/lib/http/api";
import { pdfResponse } from "@/lib/http/pdf";

/** Bảng tổng hợp điểm (issued at each submission, a draft before): the bloc's secretariat, the board, the admin. */
export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  pdfResponse(await scoreTableFile(actor, params.yearId)),
);
