import { apiRoute } from "@/lib/http/api";
import { xlsxResponse } from "@/lib/http/xlsx";
import { exportAwardsXlsx } from "@/lib/nominations/awards-xlsx";

/** The award history search (same filters as GET /api/v1/awards) as an Excel workbook. */
export const GET = apiRoute(async ({ actor, query }) => xlsxResponse(await exportAwardsXlsx(actor, query)));
