// Filling an exported score workbook (Bảng điểm) the way a secretariat does in Excel: a value typed in
// every cell of the criteria it names. Shared by the tests at size and the benchmark.
import ExcelJS from "exceljs";

/**
 * The workbook `bytes` with the final score of every (agency, criterion) cell set to `points(agencyCode,
 * criterionCode)` (null leaves the cell as exported). Returns the new bytes and how many cells were set.
 */
export async function fillScoreWorkbook(
  bytes: Uint8Array,
  points: (agencyCode: string, criterionCode: string) => number | null,
): Promise<{ bytes: Uint8Array; cells: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet("Bảng điểm");
  if (!sheet) throw new Error("not a score workbook");
  const codes = sheet.getRow(5);
  const columns: { column: number; agencyCode: string }[] = [];
  for (let column = 4; column <= sheet.columnCount; column += 1) {
    const value = codes.getCell(column).value;
    if (typeof value === "string" && value) columns.push({ column, agencyCode: value });
  }
  let cells = 0;
  for (let r = 6; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const criterionCode = row.getCell(1).value;
    if (typeof criterionCode !== "string" || !criterionCode.includes(".")) continue;
    for (const { column, agencyCode } of columns) {
      const value = points(agencyCode, criterionCode);
      if (value === null) continue;
      row.getCell(column).value = value;
      cells += 1;
    }
  }
  return { bytes: new Uint8Array((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array), cells };
}
