/**
 * `sop pack BOOK --out pack.pptx`: the executive pack of a planned workbook (steps 3 to 5 run), as a
 * PowerPoint deck: headline figures, charts, scenarios compared, decisions needed. The workbook is not changed.
 */
import { PlanningError } from "../core/errors";
import { executivePack } from "../cycle/executivePack";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { readCommandLine } from "./commandLine";
import { readWorkbookFile, writeOutputFile } from "./files";

const USAGE = "sop pack book.xlsx --out pack.pptx";

/**
 * Run `sop pack`.
 * @param args the workbook, then --out and the deck's file name
 * @returns 0 once the deck is written
 * @throws PlanningError for a usage mistake, a file that is not an .xlsx workbook, or a workbook not planned yet (step 3)
 * @example await runPackCommand(["out/sample-planned.xlsx", "--out", "out/pack.pptx"]) // 0
 */
export async function runPackCommand(args: string[]): Promise<number> {
  const { positionals, values } = readCommandLine(args, { out: "value" }, USAGE);
  if (positionals.length !== 1 || !values.out) throw new PlanningError(`Give one workbook and the deck to write: ${USAGE}`);
  if (!values.out.toLowerCase().endsWith(".pptx")) throw new PlanningError(`The deck "${values.out}" should end in .pptx: ${USAGE}`);
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(positionals[0]));
  writeOutputFile(values.out, await executivePack(book), positionals);
  process.stdout.write(`Written: ${values.out}\n`);
  return 0;
}
