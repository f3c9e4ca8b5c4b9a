import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/** Save an ExcelJS workbook and load it as the add-in would. */
export async function load(book: ExcelJS.Workbook): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

/**
 * Periods down the rows (real dates in column A from A2), items across row 1, no Excel table;
 * and an item master in a plain range under a title, starting at B3, with other header words.
 */
export async function transposedBook(): Promise<MemoryWorkbook> {
  const book = new ExcelJS.Workbook();
  const demand = book.addWorksheet("Demand");
  demand.getRow(1).values = ["Month", "P-100", "P-200", "P-300"];
  for (let t = 0; t < 24; t++) {
    demand.getCell(t + 2, 1).value = new Date(Date.UTC(2024, t, 1));
    for (let k = 0; k < 3; k++) demand.getCell(t + 2, k + 2).value = 10 * (k + 1) + (t % 12);
  }
  const master = book.addWorksheet("Master data");
  master.getCell("A1").value = "Product master, updated monthly";
  const header = ["SKU", "Product Group", "List Price", "Std Cost", "On hand", "LT"];
  header.forEach((text, c) => (master.getCell(3, c + 2).value = text));
  [
    ["P-100", "Pumps", 120, 70, 15, 2],
    ["P-200", "Pumps", 150, 90, 8, 1],
    ["P-300", "Valves", 40, 22, 60, 3],
  ].forEach((row, r) => row.forEach((value, c) => (master.getCell(4 + r, c + 2).value = value)));
  return load(book);
}

/** A history kept as a headerless named range (ids then six months of numbers) in the middle of a sheet. */
export async function headerlessBook(): Promise<MemoryWorkbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Data");
  sheet.getCell("A1").value = "Quantities by item (named range DemandBlock)";
  [
    ["X1", 5, 6, 7, 8, 9, 10],
    ["X2", 1, 0, 0, 2, 0, 1],
    ["X3", 50, 52, 49, 55, 60, 58],
  ].forEach((row, r) => row.forEach((value, c) => (sheet.getCell(5 + r, 1 + c).value = value)));
  book.definedNames.add("Data!$A$5:$G$7", "DemandBlock");
  return load(book);
}

/** The export's month headers. */
const MONTHS = ["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"];

/** Rows of the export: material, outlet, key account, then Jan to Apr 2025. */
const ROWS: [string, string, string, ...number[]][] = [
  ["M-1", "Lyon", "Acme", 10, 11, 12, 13],
  ["M-1", "Lyon", "Bolt", 1, 2, 3, 4],
  ["M-1", "Nice", "Acme", 5, 5, 5, 5],
  ["M-2", "Lyon", "Bolt", 7, 0, 7, 0],
  ["M-2", "Nice", "Acme", 2, 4, 6, 8],
];

/**
 * An export the proposer reads wrong: a title row, headers on row 3 that name the location "Outlet" and
 * the customer "Key account" (words it does not know), a "FY total" column after the months, and one
 * row per material x outlet x key account. Proposed, "Outlet" is taken for nothing, so rows of one
 * material at two outlets (or for two accounts) look like duplicates. With `extraMonth`, next cycle's
 * export: May 2025 added (100 in every row) before the total column.
 */
export async function exportBook(extraMonth = false): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  sheet.getCell("A1").value = "Sales by outlet, run 2025-05-02";
  const months = extraMonth ? [...MONTHS, "May 2025"] : MONTHS;
  sheet.getRow(3).values = ["Material", "Outlet", "Key account", ...months, "FY total"];
  ROWS.forEach((row, r) => {
    const quantities = row.slice(3) as number[];
    const values = [...row.slice(0, 3), ...quantities, ...(extraMonth ? [100] : [])];
    sheet.getRow(4 + r).values = [...values, values.slice(3).reduce<number>((sum, value) => sum + Number(value), 0)];
  });
  return book;
}
