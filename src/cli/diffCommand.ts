/**
 * `sop diff book.xlsx v1 v2 [--out compared.xlsx]`: what changed between two approved versions of the
 * plan, by item and month, in units and money. Prints each item's changed measures with their totals;
 * with --out, writes a copy of the workbook with the month-by-month comparison on SOP Plan Diff.
 */
import { PlanningError } from "../core/errors";
import { diffApprovedVersions, writeVersionDiff } from "../cycle/versionDiff";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { formatNumber } from "../workbook/numberFormat";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readWorkbookFile, writeOutputFile } from "./files";

const USAGE = "sop diff book.xlsx v1 v2 [--out compared.xlsx]";

/**
 * Run `sop diff`.
 * @returns 0 (the comparison printed, and written with --out)
 * @throws PlanningError for a missing workbook, a version not approved in it, or bad arguments
 */
export async function runDiffCommand(args: string[]): Promise<number> {
  const { values, positionals } = readCommandLine(args, { out: "value" }, USAGE);
  if (positionals.length !== 3) throw new PlanningError(`Give a workbook and two approved versions: ${USAGE}`);
  const [file, from, to] = positionals;
  if (values.out !== undefined) assertNotInput(values.out, [file]);
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(file));
  const diff = values.out === undefined ? await diffApprovedVersions(book, from, to) : await writeVersionDiff(book, from, to);
  const changes = diff.rows.slice(1);
  const lines = [`${diff.to} less ${diff.from}: ${changes.length === 0 ? "no difference" : `${changes.length} changed rows (totals over the months)`}`];
  for (const row of changes) lines.push(`  ${String(row[0]).padEnd(12)} ${String(row[1]).padEnd(22)} ${formatNumber(Number(row.at(-1)), "#,##0.00").padStart(14)}`);
  if (values.out !== undefined) {
    writeOutputFile(values.out, await book.toXlsx(), [file]);
    lines.push(`Written: ${values.out} (sheet SOP Plan Diff, month by month)`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
