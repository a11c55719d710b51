import { exportCriteriaXlsx, importCriteriaXlsx } from "@/lib/criteria/xlsx";
import { apiRoute } from "@/lib/http/api";
import { uploadedFile, xlsxResponse } from "@/lib/http/xlsx";

type Params = { yearId: string };

/** The criteria table as an Excel workbook (whoever may read it). */
export const GET = apiRoute<Params>(async ({ actor, params }) =>
  xlsxResponse(await exportCriteriaXlsx(actor, params.yearId)),
);

/** multipart/form-data with `file`: replaces the whole table (the year's secretariat), answers the saved table. */
export const POST = apiRoute<Params>(async ({ actor, params, req }) => {
  const { file } = await uploadedFile(req);
  return importCriteriaXlsx(actor, params.yearId, file);
});
