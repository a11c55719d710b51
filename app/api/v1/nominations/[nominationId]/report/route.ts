import { apiRoute, withStatus } from "@/lib/http/api";
import { uploadedFile } from "@/lib/http/xlsx";
import { uploadReport } from "@/lib/nominations/reports";

/** multipart/form-data with `file`: the nominee's báo cáo thành tích. */
export const POST = apiRoute<{ nominationId: string }>(async ({ actor, params, req }) => {
  // A missing file arrives as empty bytes: the data layer checks who is asking first, then refuses it.
  const { file } = await uploadedFile(req);
  return withStatus(await uploadReport(actor, params.nominationId, file), 201);
});
