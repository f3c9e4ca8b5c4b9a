import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { ActualsLine } from "../../src/cycle/nextCycle";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

/**
 * The sample's data cut to its first `items` items (all months), as plain ranges or, with `tables`, as
 * Excel tables like the sample: a small book whose cycles run fast.
 */
export async function smallSampleBook(items: number, tables = false): Promise<MemoryWorkbook> {
  const sample = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
  const book = new ExcelJS.Workbook();
  const tableNames: Record<string, string> = { Items: "ItemMaster", "Sales History": "SalesHistory", Resources: "ResourceList", Capacity: "CapacityPlan" };
  for (const name of ["Items", "Sales History", "Resources", "Capacity"]) {
    const values = sample.sheetValues(name);
    const rows = name === "Items" || name === "Sales History" ? values.slice(0, items + 1) : values;
    const sheet = book.addWorksheet(name);
    if (tables) {
      sheet.addTable({
        name: tableNames[name],
        ref: "A1",
        headerRow: true,
        columns: rows[0].map((header) => ({ name: String(header) })),
        rows: rows.slice(1).map((row) => row.map((cell) => cell ?? null)),
      });
    } else {
      sheet.addRows(rows);
    }
  }
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

/** Actual lines for one month: each item's quantity as given. */
export function actualsFor(period: string, quantities: Record<string, number>, file = "actuals.csv"): ActualsLine[] {
  return Object.entries(quantities).map(([item, quantity], k) => ({ item, location: "", period, quantity, source: `row ${k + 2} of ${file}` }));
}

/** Yes to writing into the planner's history (the planner asked for the actuals to be added). */
export const yes = async (): Promise<boolean> => true;
