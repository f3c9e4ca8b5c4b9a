/**
 * Step 1's first look at a workbook, without writing anything: the sheets, tables and named ranges it
 * holds, and where the add-in proposes to find the sales history, items, resources and capacity
 * (src/cycle/mapping.ts), so the planner sees what will be used before any planning sheet is written.
 */
import { throwIfCancelled } from "../cycle/cancellation";
import { proposeMapping, type BlockSource, type DataMapping, type SeriesMapping } from "../cycle/mapping";
import type { ResultTable, StepMessage, StepReport } from "../cycle/stepTypes";
import { sheetCellAddress } from "../workbook/address";
import type { StepRunContext } from "./stepActions";

/**
 * List the sheets, tables and named ranges of the workbook and the proposed data mapping.
 * @param context the run context; `workbook`, `onProgress` and `signal` are used
 * @returns a summary, a warning when no sales history is found, and one table per kind of object
 * @throws WorkbookError when the workbook cannot be read; PlanningError "Cancelled" when cancelled
 * @example await describeWorkbook(context) // { summary: "5 sheets, 4 tables, 1 named range.", tables: [...] }
 */
export async function describeWorkbook(context: StepRunContext): Promise<StepReport> {
  const { workbook, onProgress, signal } = context;
  onProgress({ fraction: 0, message: "Reading the sheets and tables" });
  const [sheets, tables, names] = await Promise.all([workbook.listSheets(), workbook.listTables(), workbook.listNames()]);
  throwIfCancelled(signal);
  onProgress({ fraction: 0.5, message: "Looking for your sales history, items and capacities" });
  const proposal = await proposeMapping(workbook);
  onProgress({ fraction: 1, message: "Done" });
  const messages: StepMessage[] = [];
  if (sheets.length === 0) messages.push({ level: "warning", text: "The workbook has no sheets the add-in can read." });
  if (!proposal.history) {
    messages.push({
      level: "warning",
      text: "No sales history was found. Put it on a sheet or in a table with a header row: an item column, then one column per period.",
    });
  }
  const listed: ResultTable[] = [
    mappingTable(proposal),
    {
      title: "Sheets",
      headers: ["Sheet", "Created by the add-in", "Protected", "Visible"],
      rows: sheets.map((sheet) => [sheet.name, yesNo(sheet.ownedByAddin), yesNo(sheet.protected), yesNo(sheet.visible)]),
    },
    {
      title: "Tables",
      headers: ["Table", "Sheet", "Address", "Rows", "Columns"],
      rows: tables.map((table) => [table.name, table.sheet, table.address, table.rowCount, table.headers.length]),
    },
    {
      title: "Named ranges",
      headers: ["Name", "Address"],
      rows: names.map((name) => [name.name, name.address]),
    },
  ];
  return {
    summary: `${count(sheets.length, "sheet")}, ${count(tables.length, "table")}, ${count(names.length, "named range")}.`,
    messages,
    tables: listed.filter((table) => table.rows.length > 0),
  };
}

/** One row per part of the planning data: where it was found and how it is laid out. */
function mappingTable(mapping: DataMapping): ResultTable {
  const notFound = (part: string) => [part, "not found", "Add it to the workbook with a header row."];
  return {
    title: "Proposed mapping",
    headers: ["Data", "Found in", "Layout"],
    rows: [
      mapping.history ? ["Sales history", where(mapping.history.source), seriesLayout(mapping.history)] : notFound("Sales history"),
      mapping.items
        ? ["Items", where(mapping.items.source), fieldsLayout(Object.keys(mapping.items.columns), Object.keys(mapping.items.hoursPerUnit))]
        : notFound("Items"),
      mapping.resources
        ? ["Resources", where(mapping.resources.source), fieldsLayout(Object.keys(mapping.resources.columns), [])]
        : notFound("Resources"),
      mapping.capacity ? ["Capacity", where(mapping.capacity.source), seriesLayout(mapping.capacity)] : notFound("Capacity"),
    ],
  };
}

function where(source: BlockSource): string {
  const kind = source.kind === "table" ? "table" : source.kind === "name" ? "named range" : "sheet";
  return `${kind} ${source.reference} (from ${sheetCellAddress(source.sheet, { row: source.row, col: source.col })})`;
}

function seriesLayout(series: SeriesMapping): string {
  const span = series.periods.length > 0 ? ` ${series.periods[0]} to ${series.periods[series.periods.length - 1]}` : "";
  const direction = series.orientation === "periodsAcross" ? "periods across columns" : "periods down rows";
  return `${count(series.periods.length, "period")}${span}, ${direction}`;
}

function fieldsLayout(fields: string[], resources: string[]): string {
  const hours = resources.length > 0 ? `; hours per unit on ${resources.join(", ")}` : "";
  return `columns: ${fields.join(", ")}${hours}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function yesNo(flag: boolean): string {
  return flag ? "yes" : "no";
}
