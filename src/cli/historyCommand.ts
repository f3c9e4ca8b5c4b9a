/**
 * `sop history book.xlsx --out history.csv [--bucket month|week] [--customers customers.csv]`: the demand history step 1 reads, in
 * long format `item,location,period,quantity` (period "YYYY-MM", or "YYYY-Www" for weeks; location
 * empty when the history has none; a blank cell of the workbook is a blank quantity), so that any
 * reading can be checked outside the add-in. The reconciliation (rows and quantities read, used and
 * left out) and every cell that could not be read go to standard error. With --customers, the totals
 * by customer and channel (`customer,channel,quantity`) of a history with such columns, which the
 * series sum over.
 */
import { PlanningError } from "../core/errors";
import { mappedHistory, readHistory } from "../cycle/historyReader";
import { loadMapping, proposeMapping } from "../cycle/mapping";
import type { PlanningBucket } from "../cycle/planningBuckets";
import { reconciliationText } from "../cycle/reconciliation";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { readCommandLine } from "./commandLine";
import { csvField } from "./csv";
import { assertNotInput, readWorkbookFile, writeOutputFile } from "./files";

const USAGE = "sop history book.xlsx --out history.csv [--bucket month|week] [--customers customers.csv]";

/**
 * Run `sop history`.
 * @param args the workbook, then --out FILE and optionally --bucket month|week.
 * @returns 0 when the history was read without problems, 2 when cells could not be read (the CSV is
 *   written all the same, without them; each is listed on standard error with its cell).
 * @throws PlanningError for a usage mistake, an unreadable file or a workbook without a history.
 * @example await runHistoryCommand(["assets/sample-sop.xlsx", "--out", "history.csv"]) // 0
 */
export async function runHistoryCommand(args: string[]): Promise<number> {
  const { positionals, values } = readCommandLine(args, { out: "value", bucket: "value", customers: "value" }, USAGE);
  if (positionals.length !== 1 || values.out === undefined) throw new PlanningError(`Give one workbook and --out: ${USAGE}`);
  const bucket = values.bucket;
  if (bucket !== undefined && bucket !== "month" && bucket !== "week") throw new PlanningError(`--bucket is month or week, not "${bucket}". Usage: ${USAGE}`);
  assertNotInput(values.out, [positionals[0]]);
  if (values.customers !== undefined) assertNotInput(values.customers, [positionals[0]]);
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(positionals[0]));
  const mapping = (await loadMapping(book)) ?? (await proposeMapping(book));
  const reading = await readHistory(book, mappedHistory(mapping), (bucket as PlanningBucket | undefined) ?? mapping.bucket ?? "month");
  const rows = ["item,location,period,quantity"];
  for (const series of reading.series) {
    series.history.forEach((quantity, t) => {
      rows.push([csvField(series.item), csvField(series.location), reading.periods[t], quantity === null ? "" : csvField(quantity)].join(","));
    });
  }
  writeOutputFile(values.out, `${rows.join("\n")}\n`, [positionals[0]]);
  if (values.customers !== undefined) {
    if (!reading.byCustomer) throw new PlanningError("The mapped history has no customer or channel column, so there are no totals by customer to write. Leave out --customers.");
    const totals = reading.byCustomer.map((total) => [csvField(total.customer), csvField(total.channel), csvField(total.quantity)].join(","));
    writeOutputFile(values.customers, `${["customer,channel,quantity", ...totals].join("\n")}\n`, [positionals[0]]);
  }
  process.stderr.write(`${reconciliationText(reading.reconciliation)}\n`);
  for (const problem of reading.problems) process.stderr.write(`error: ${problem.message}\n`);
  process.stdout.write(`Wrote ${reading.series.length} series x ${reading.periods.length} ${reading.bucket}s to ${values.out}\n`);
  return reading.problems.length > 0 ? 2 : 0;
}
