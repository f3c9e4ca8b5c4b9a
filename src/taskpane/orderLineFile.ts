/**
 * The pane's "Import file" for order lines: DuckDB compiled to WebAssembly (@duckdb/duckdb-wasm, its
 * worker and .wasm served from the add-in's own folder, never a CDN) reads the planner's CSV or parquet
 * file where it lies on their disk, and the same queries as `sop gather` aggregate it into the
 * workbook's history.
 */
import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, LogLevel } from "@duckdb/duckdb-wasm";
import { PlanningError } from "../core/errors";
import { orderHistoryReport } from "../cycle/orderHistoryReport";
import { writeOrderHistory } from "../cycle/orderHistorySheets";
import { importOrderLines, type Bucket, type SqlRunner, type SqlValue } from "../cycle/orderLineImport";
import type { Workbook } from "../workbook/workbook";

let database: Promise<AsyncDuckDB> | undefined;

/**
 * Files up to this size are handed to DuckDB whole, in one transfer to its worker; larger ones are
 * read from disk piece by piece (each piece a synchronous read in the worker), so that a file of any
 * size can be imported without holding it in the pane's memory.
 */
const BUFFER_BYTES = 256 * 1024 * 1024;

/** DuckDB in a Web Worker, started once per page from the files the build copies beside the page. */
function duckDb(): Promise<AsyncDuckDB> {
  database ??= (async () => {
    const here = (file: string): string => new URL(file, document.baseURI).href;
    const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), new Worker(here("duckdb-browser-eh.worker.js")));
    await db.instantiate(here("duckdb-eh.wasm"));
    return db;
  })();
  return database;
}

/**
 * Aggregate an order-line file the planner picked into the workbook's history (SOP Order History)
 * and, with requested and delivery dates, its service levels (SOP Service Levels).
 * @param workbook the workbook the pane works on.
 * @param file the CSV or parquet file from the file picker.
 * @param bucket months or ISO weeks.
 * @returns The report lines, as `sop gather` prints them.
 * @throws PlanningError for a file that is neither CSV nor parquet, unrecognised columns or no usable line.
 * @example const lines = await importOrderLineFile(workbook, input.files[0], "month");
 */
export async function importOrderLineFile(workbook: Workbook, file: File, bucket: Bucket, measure?: string): Promise<string[]> {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1].toLowerCase() ?? "";
  const format = ["csv", "txt", "tsv"].includes(extension) ? "csv" : ["parquet", "pq"].includes(extension) ? "parquet" : undefined;
  if (!format) throw new PlanningError(`"${file.name}" is neither a .csv nor a .parquet file; save the order lines as one of those.`);
  const db = await duckDb();
  const name = `lines-${Date.now()}.${extension}`;
  if (file.size <= BUFFER_BYTES) await db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
  else await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const connection = await db.connect();
  const runner: SqlRunner = {
    rows: async (sql) => {
      try {
        const table = await connection.query(sql);
        return table.toArray().map((row: { toJSON: () => Record<string, unknown> }) =>
          Object.fromEntries(Object.entries(row.toJSON()).map(([key, value]) => [key, plain(value)])),
        );
      } catch (error) {
        throw new PlanningError(`DuckDB could not read the order lines: ${(error as Error).message.split("\n")[0]}`);
      }
    },
  };
  try {
    const history = await importOrderLines(runner, { format, path: name }, bucket, [], measure);
    await writeOrderHistory(workbook, history);
    return orderHistoryReport(history);
  } finally {
    await connection.close();
    await db.dropFile(name);
  }
}

function plain(value: unknown): SqlValue {
  if (typeof value === "bigint") return Number(value);
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}
