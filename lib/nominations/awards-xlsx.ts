import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { fill, FONT, newWorkbook, THIN_BORDER, workbookBytes, writeTitle } from "@/lib/excel/workbook";
import { formatDateTime } from "@/lib/format";
import { translatorFor } from "@/lib/i18n/translate";
import { searchAwards } from "./history";

// Award history (lịch sử khen thưởng) as an Excel workbook: the rows of the province-wide search with
// the same filters, one award a row, Vietnamese headers.

/** At most this many rows are exported (the on-screen search shows 500). */
export const AWARDS_XLSX_LIMIT = 20_000;

export async function exportAwardsXlsx(
  actor: Actor,
  filters: unknown = {},
): Promise<{ fileName: string; bytes: Uint8Array; rows: number }> {
  const awards = await searchAwards(actor, filters, AWARDS_XLSX_LIMIT);
  const t = translatorFor("vi");
  const workbook = newWorkbook(t("app.name"));
  const sheet = workbook.addWorksheet(t("excel.awards.sheetName"));
  const columns = [
    { header: t("excel.awards.year"), width: 8, value: (a: (typeof awards)[number]) => a.year },
    { header: t("excel.awards.bloc"), width: 36, value: (a: (typeof awards)[number]) => a.bloc.name },
    { header: t("excel.awards.agency"), width: 40, value: (a: (typeof awards)[number]) => a.agency.name },
    { header: t("excel.awards.award"), width: 36, value: (a: (typeof awards)[number]) => a.award.name },
    {
      header: t("excel.awards.decisionNumber"),
      width: 18,
      value: (a: (typeof awards)[number]) => a.decision.number,
    },
    {
      header: t("excel.awards.signedOn"),
      width: 12,
      value: (a: (typeof awards)[number]) => a.decision.signedOn.split("-").reverse().join("/"),
    },
    {
      header: t("excel.awards.signer"),
      width: 32,
      value: (a: (typeof awards)[number]) =>
        [a.decision.signerName, a.decision.signerTitle].filter(Boolean).join(", "),
    },
  ];
  writeTitle(
    sheet,
    columns.length,
    t("excel.awards.title"),
    t("excel.awards.subtitle", { count: awards.length, at: formatDateTime(new Date()) }),
  );
  const HEADER_ROW = 4;
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = fill("FFE2E8F0");
    cell.border = THIN_BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  awards.forEach((award, rowIndex) => {
    const row = sheet.getRow(HEADER_ROW + 1 + rowIndex);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.value = column.value(award);
      cell.font = { name: FONT, size: 11 };
      cell.border = THIN_BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: true,
        horizontal: index === 0 || index === 5 ? "center" : undefined,
      };
    });
  });
  sheet.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: columns.length },
  };
  return { fileName: "lich-su-khen-thuong.xlsx", bytes: await workbookBytes(workbook), rows: awards.length };
}
