import { apiRoute } from "@/lib/http/api";
import { uploadedFile, xlsxResponse } from "@/lib/http/xlsx";
import { exportScoresXlsx, importScoresXlsx } from "@/lib/scores/excel";

type Params = { yearId: string };

/** The score table as an Excel workbook (the year's secretariat, the board, the admin). */
export const GET = apiRoute<Params>(async ({ actor, params }) =>
  xlsxResponse(await exportScoresXlsx(actor, params.yearId)),
);

/** multipart/form-data with `file` (the edited workbook) and optionally `reason`: `{changed}`. */
export const POST = apiRoute<Params>(async ({ actor, params, req }) => {
  const { file, form } = await uploadedFile(req);
  const reason = form.get("reason");
  return importScoresXlsx(actor, params.yearId, {
    ...file,
    reason: typeof reason === "string" ? reason : null,
  });
});
