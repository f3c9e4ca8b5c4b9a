/**
 * `sop gather lines.csv|lines.parquet --into book.xlsx --out new.xlsx [--bucket month|week]
 * [--columns "date=Created On,location=Plant"]`: order lines, as many as the file holds (far beyond
 * Excel's grid), aggregated by item x location x bucket with DuckDB into the workbook's history
 * ("SOP Order History"), with the delivery service by item and location ("SOP Service Levels") when
 * the file has requested and delivery dates. Neither input file is changed.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlanningError } from "../core/errors";
import type { ServiceSummary } from "../core/service/otif";
import { writeOrderHistory, type OrderHistoryWritten } from "../cycle/orderHistorySheets";
import { ROLE_LABELS } from "../cycle/orderLineColumns";
import { importOrderLines, type Bucket, type OrderHistory, type OrderLineFile, type SqlRunner, type SqlValue } from "../cycle/orderLineImport";
import { SHEETS } from "../cycle/sheets";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { formatNumber } from "../workbook/numberFormat";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readInputFile, writeOutputFile } from "./files";

const USAGE = 'sop gather lines.csv|lines.parquet --into book.xlsx --out new.xlsx [--bucket month|week] [--columns "date=Created On,location=Plant"]';

/**
 * Run `sop gather`. The report (columns taken, reconciliation, history and service) goes to stdout.
 * @returns 0 on success
 * @throws PlanningError for missing files or options, an output naming an input, unrecognised columns or a file with no usable line
 */
export async function runGatherCommand(args: string[]): Promise<number> {
  const { values, positionals } = readCommandLine(args, { into: "value", out: "value", bucket: "value", columns: "value" }, USAGE);
  if (positionals.length !== 1 || !values.into || !values.out) throw new PlanningError(`Give one order-line file, --into and --out: ${USAGE}`);
  const bucket = values.bucket ?? "month";
  if (bucket !== "month" && bucket !== "week") throw new PlanningError(`--bucket must be month or week; got ${bucket}.`);
  const file = orderLineFile(positionals[0]);
  assertNotInput(values.out, positionals[0]);
  assertNotInput(values.out, values.into);
  const book = await MemoryWorkbook.fromXlsx(readInputFile(values.into));
  const choices = values.columns === undefined ? [] : values.columns.split(",");
  const history = await withDuckDb((runner) => importOrderLines(runner, file, bucket as Bucket, choices));
  const written = await writeOrderHistory(book, history);
  writeOutputFile(values.out, await book.toXlsx(), values.into);
  process.stdout.write(`${report(history, written).join("\n")}\nWritten: ${values.out}\n`);
  return 0;
}

/** The file as DuckDB reads it, its format from its extension. */
function orderLineFile(file: string): OrderLineFile {
  if (!fs.existsSync(file)) throw new PlanningError(`Cannot read "${file}": no such file.`);
  const extension = path.extname(file).toLowerCase();
  if ([".csv", ".txt", ".tsv"].includes(extension)) return { format: "csv", path: file };
  if ([".parquet", ".pq"].includes(extension)) return { format: "parquet", path: file };
  throw new PlanningError(`"${file}" is neither a .csv nor a .parquet file; save the order lines as one of those.`);
}

/** Run work on an in-memory DuckDB (spilling to the system's temporary folder), closed afterwards. */
async function withDuckDb<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:", { temp_directory: path.join(os.tmpdir(), "sop-duckdb") });
  const connection = await instance.connect();
  const runner: SqlRunner = {
    rows: async (sql) => {
      let reader;
      try {
        reader = await connection.runAndReadAll(sql);
      } catch (error) {
        throw new PlanningError(`DuckDB could not read the order lines: ${(error as Error).message.split("\n")[0]}`);
      }
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])));
    },
  };
  try {
    return await work(runner);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function plain(value: unknown): SqlValue {
  if (typeof value === "bigint") return Number(value);
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function count(value: number): string {
  return formatNumber(value, "#,##0");
}

function report(history: OrderHistory, written: OrderHistoryWritten): string[] {
  const { reconciliation: r } = history;
  const rowsOut = r.rowsIn - r.rowsUsed;
  const lines = [
    `Columns: ${history.columns.map((c) => `${ROLE_LABELS[c.role]} = "${c.header}"${c.reading ? ` (read as ${c.reading})` : ""}`).join(", ")}`,
    `Rows in ${count(r.rowsIn)} = used ${count(r.rowsUsed)} + left out ${count(rowsOut)}`,
    ...r.leftOut.map((entry) => `  left out, ${entry.reason}: ${count(entry.rows)} rows (quantity ${formatNumber(entry.quantity)}); ${entry.lines.length === 1 ? r.numbering : `first ${r.numbering}s`} ${entry.lines.join(", ")}`),
    `Quantity in ${formatNumber(r.quantityIn)} = used ${formatNumber(r.quantityUsed)} + left out ${formatNumber(r.quantityIn - r.quantityUsed)}`,
    `History: ${count(history.series.length)} series (item${history.hasLocation ? " x location" : ""}) x ${history.periods.length} ${history.bucket}s, ${history.periods[0]} to ${history.periods[history.periods.length - 1]}, on "${SHEETS.orderHistory}"`,
    written.mapped ? `  step 1's data mapping now takes "${SHEETS.orderHistory}" as the demand history` : `  ${written.note}`,
  ];
  if (history.service) {
    const total = history.service.total;
    lines.push(`Service as of ${history.service.asOf} (in full = ${history.service.inFullRule}), on "${SHEETS.serviceLevels}":`, `  ${serviceLine(total)}`);
    for (const entry of history.service.leftOut) lines.push(`  not measured, ${entry.reason}: ${count(entry.rows)} lines`);
  } else {
    lines.push("Service: not measured (the file needs both a requested date and a delivery date column)");
  }
  return lines;
}

function serviceLine(summary: ServiceSummary): string {
  const share = (value: number | null): string => (value === null ? "n/a" : formatNumber(value, "0.0%"));
  const lead = summary.leadTime;
  return (
    `OTIF ${share(summary.otif)}, on time ${share(summary.onTime)}, in full ${share(summary.inFull)} of ${count(summary.measured)} lines measured ` +
    `(${count(summary.overdue)} overdue, ${count(summary.open)} open not yet due); ` +
    (lead ? `lead time ${formatNumber(lead.mean, "0.0")} days mean, ${formatNumber(lead.median, "0.0")} median, ${formatNumber(lead.p90, "0.0")} 90th percentile` : "no line delivered")
  );
}
