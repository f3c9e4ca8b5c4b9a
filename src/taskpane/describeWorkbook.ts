/**
 * Step 1's first look at a workbook: which sheets, tables and named ranges it holds, so the planner
 * sees what the add-in can map before anything is written.
 */
import type { StepResult, StepRunContext } from "./stepActions";

/**
 * List the sheets, tables and named ranges of the workbook as result tables.
 * @param context the run context; only `workbook`, `onProgress` and `signal` are used
 * @returns a summary and one table per kind of object found
 * @throws whatever the workbook throws when it cannot be read (a WorkbookError in planner words)
 * @example await describeWorkbook(context) // { summary: "3 sheets, 1 table, 0 named ranges.", tables: [...] }
 */
export async function describeWorkbook(context: StepRunContext): Promise<StepResult> {
  const { workbook, onProgress, signal } = context;
  onProgress({ fraction: 0, message: "Reading the sheets" });
  const sheets = await workbook.listSheets();
  signal.throwIfAborted();
  onProgress({ fraction: 1 / 3, message: "Reading the tables" });
  const tables = await workbook.listTables();
  signal.throwIfAborted();
  onProgress({ fraction: 2 / 3, message: "Reading the named ranges" });
  const names = await workbook.listNames();
  onProgress({ fraction: 1, message: "Done" });
  return {
    summary: `${count(sheets.length, "sheet")}, ${count(tables.length, "table")}, ${count(names.length, "named range")}.`,
    messages:
      sheets.length === 0 ? [{ level: "warning", text: "The workbook has no sheets the add-in can read." }] : [],
    tables: [
      {
        title: "Sheets",
        headers: ["Sheet", "Created by the add-in", "Protected", "Visible"],
        rows: sheets.map((sheet) => [sheet.name, yesNo(sheet.ownedByAddin), yesNo(sheet.protected), yesNo(sheet.visible)]),
      },
      {
        title: "Tables",
        headers: ["Table", "Sheet", "Address", "Rows", "Columns"],
        rows: tables.map((table) => [table.name, table.sheet, table.address, table.rowCount, table.headers.join(", ")]),
      },
      {
        title: "Named ranges",
        headers: ["Name", "Address"],
        rows: names.map((name) => [name.name, name.address]),
      },
    ].filter((table) => table.rows.length > 0),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function yesNo(flag: boolean): string {
  return flag ? "yes" : "no";
}
