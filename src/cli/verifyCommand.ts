/**
 * `sop verify book.xlsx [--receipt receipt.json]`: recompute every approved plan in a workbook, walk
 * its audit log's hash chain, and check receipts kept outside the workbook. Prints what changed, naming
 * the sheet and cell, and exits 2 when anything approved changed (1 when the check could not run).
 */
import { PlanningError } from "../core/errors";
import { parseReceipt } from "../cycle/approval";
import { verifyApprovals, type VerifyFinding } from "../cycle/verifyApprovals";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { readCommandLine } from "./commandLine";
import { readInputFile, readWorkbookFile } from "./files";

const USAGE = "sop verify book.xlsx [--receipt receipt.json]";

/** Exit code when verification finds an approved plan or its audit log changed. */
export const CHANGED_EXIT_CODE = 2;

const LABEL: Record<VerifyFinding["kind"], string> = { changed: "CHANGED", warning: "warning", note: "note" };

/**
 * Run `sop verify`. The findings go to stdout, one a line.
 * @returns 0 when every approved plan is as approved, 2 when anything changed
 * @throws PlanningError for a missing file, a file that is not a workbook, or a file that is not a receipt
 */
export async function runVerifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = readCommandLine(args, { receipt: "value" }, USAGE);
  if (positionals.length !== 1) throw new PlanningError(`Give one workbook: ${USAGE}`);
  const receipts = values.receipt === undefined ? [] : [parseReceipt(new TextDecoder().decode(readInputFile(values.receipt)))];
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(positionals[0]));
  const report = await verifyApprovals(book, receipts);
  const lines = report.findings.map((finding) => `${LABEL[finding.kind]}: ${finding.where}: ${finding.message}`);
  const checked = `${report.versions} approved version${report.versions === 1 ? "" : "s"}${report.receipts > 0 ? ` and ${report.receipts} receipt${report.receipts === 1 ? "" : "s"}` : ""}`;
  lines.push(report.changed ? `${positionals[0]}: CHANGED since approval (${checked} checked).` : `${positionals[0]}: ${checked} verified, unchanged.`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return report.changed ? CHANGED_EXIT_CODE : 0;
}
