/**
 * Put order lines aggregated by `importOrderLines` into a workbook: the demand history on the add-in's
 * sheet "SOP Order History" (items and locations down, periods across, as step 1 reads history), which
 * the data mapping then takes as the history; and the delivery service by item and location on
 * "SOP Service Levels", which step 6 shows. A planner's own sheet is never written.
 */
import type { ServiceSummary } from "../core/service/otif";
import type { CellInput, Workbook } from "../workbook/workbook";
import { loadMapping, proposeMapping, saveMapping } from "./mapping";
import type { OrderHistory, ServiceReport } from "./orderLineImport";
import { PERCENT_FORMAT, WHOLE_FORMAT, periodFormats, readIfPresent, replaceSheets } from "./ownedSheets";
import { SHEETS } from "./sheets";
import type { ResultTable } from "./stepTypes";

/** Header of SOP Service Levels. */
export const SERVICE_HEADER = ["Item", "Location", "Lines delivered", "Lines overdue", "Lines open", "On time", "In full", "OTIF", "Lead time mean (days)", "Lead time median (days)", "Lead time 90th pct (days)"];

/**
 * Write the order history (and the service levels, when there are any) into the workbook and point
 * the data mapping's history at it, so the next step 1 reads it: the mapping is the layout written
 * (items, locations, periods across), not a recognition of it, so a history of any length is read.
 * @param book the workbook.
 * @param history what the order lines came to.
 * @throws WorkbookError when a sheet of that name is the planner's own.
 * @example await writeOrderHistory(book, await importOrderLines(duckdb, file, "month"));
 */
export async function writeOrderHistory(book: Workbook, history: OrderHistory): Promise<void> {
  const keyHeader = history.hasLocation ? ["Item", "Location"] : ["Item"];
  const rows: CellInput[][] = [
    [...keyHeader, ...history.periods],
    ...history.series.map((series) => [series.item, ...(history.hasLocation ? [series.location] : []), ...series.quantities]),
  ];
  await replaceSheets(book, {
    [SHEETS.orderHistory]: { rows, numberFormats: periodFormats(keyHeader.length, history.periods, WHOLE_FORMAT) },
    ...(history.service ? { [SHEETS.serviceLevels]: serviceSheet(history.service) } : {}),
  });
  const mapping = (await loadMapping(book)) ?? (await proposeMapping(book));
  mapping.history = {
    source: { kind: "sheet", reference: SHEETS.orderHistory, sheet: SHEETS.orderHistory, row: 0, col: 0 },
    orientation: "periodsAcross",
    headerLine: 0,
    keyLine: 0,
    ...(history.hasLocation ? { locationLine: 1 } : {}),
    periodLines: history.periods.map((_, k) => keyHeader.length + k),
    periods: history.periods,
    periodKind: history.bucket,
  };
  await saveMapping(book, mapping);
}

/**
 * SOP Service Levels as written: a row per item x location, an "All items" row, then a blank row and
 * the notes on how the measures were taken.
 * @example serviceSheet(report).rows[0] // SERVICE_HEADER
 */
export function serviceSheet(service: ServiceReport): { rows: CellInput[][]; numberFormats: string[] } {
  const line = (item: string, location: string, summary: ServiceSummary): CellInput[] => [
    item,
    location,
    summary.delivered,
    summary.overdue,
    summary.open,
    summary.onTime,
    summary.inFull,
    summary.otif,
    summary.leadTime?.mean ?? null,
    summary.leadTime?.median ?? null,
    summary.leadTime?.p90 ?? null,
  ];
  const notes: CellInput[][] = [
    [],
    [`As of ${service.asOf}: a line not delivered and due before then is overdue and counts as a miss; one not yet due is open and not measured.`],
    [`On time = delivered on or before the requested date; in full = ${service.inFullRule}; shares are of delivered plus overdue lines.`],
    ...service.leftOut.map((entry) => [`${entry.rows} order lines with ${entry.reason} are in the history but not in these measures.`]),
  ];
  return {
    rows: [
      SERVICE_HEADER,
      ...service.byItemLocation.map((entry) => line(entry.item, entry.location, entry.summary)),
      line("All items", "All locations", service.total),
      ...notes.map((note) => SERVICE_HEADER.map((_, column) => note[column] ?? null)),
    ],
    numberFormats: SERVICE_FORMATS,
  };
}

/** Number formats of SOP Service Levels' columns. */
const SERVICE_FORMATS = ["@", "@", WHOLE_FORMAT, WHOLE_FORMAT, WHOLE_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, "0.0", "0.0", "0.0"];

/**
 * The service levels the last order-line import measured (SOP Service Levels), as a table for step 6:
 * the rows by item x location and the "All items" row, with the sheet's notes; undefined when the
 * workbook has no such sheet (no import, or order lines without requested and delivery dates).
 * @example (await serviceLevelsTable(book))?.rows.at(-1)?.[0] // "All items"
 */
export async function serviceLevelsTable(book: Workbook): Promise<{ table: ResultTable; notes: string[] } | undefined> {
  const sheet = await readIfPresent(book, SHEETS.serviceLevels);
  if (sheet.length < 2) return undefined;
  const end = sheet.findIndex((row, r) => r > 0 && (row[0] === null || row[0] === ""));
  const rows = sheet.slice(1, end < 0 ? sheet.length : end);
  const notes = (end < 0 ? [] : sheet.slice(end + 1)).map((row) => String(row[0] ?? "")).filter((note) => note !== "");
  return {
    table: { title: `Service from order lines (${SHEETS.serviceLevels})`, headers: SERVICE_HEADER, rows: rows.map((row) => SERVICE_HEADER.map((_, c) => row[c] ?? null)), numberFormats: SERVICE_FORMATS },
    notes,
  };
}
