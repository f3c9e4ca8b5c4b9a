/**
 * `sop run book.xlsx --out planned.xlsx [--approve "Name"] [--horizon N] [--accept-errors "reason"]`:
 * steps 1 to 5 of the S&OP cycle on a workbook (with its saved data mapping, or the one step 1
 * proposes), writing the same sheets the task pane writes into a new file. Errors step 1 finds stop
 * the run (every one listed with its cell, nothing written) unless --accept-errors gives the reason to
 * go on, which is logged in the workbook. The input workbook is never changed.
 */
import { PlanningError } from "../core/errors";
import { runCycle } from "../cycle/runCycle";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { formatNumber } from "../workbook/numberFormat";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readInputFile, writeOutputFile } from "./files";

const USAGE = 'sop run book.xlsx --out planned.xlsx [--approve "Name"] [--comment "..."] [--horizon 18] [--accept-errors "reason"]';

/**
 * Run `sop run`. Progress goes to stderr, the step summaries to stdout.
 * @returns 0 on success
 * @throws PlanningError for a missing file, a workbook without usable data, or bad options
 * @throws BlockedByErrors when step 1 finds errors and --accept-errors is not given
 */
export async function runCycleCommand(args: string[]): Promise<number> {
  const { values, positionals } = readCommandLine(args, { out: "value", approve: "value", comment: "value", horizon: "value", "accept-errors": "value" }, USAGE);
  if (positionals.length !== 1 || !values.out) throw new PlanningError(`Give one workbook and --out: ${USAGE}`);
  const horizon = values.horizon === undefined ? 18 : Number(values.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) throw new PlanningError(`--horizon must be a whole number of months from 1 to 36; got ${values.horizon}.`);
  assertNotInput(values.out, positionals[0]);
  const book = await MemoryWorkbook.fromXlsx(readInputFile(positionals[0]));
  let shown = -1;
  const result = await runCycle(
    book,
    { demand: { horizon }, approver: values.approve, comment: values.comment, acceptErrors: values["accept-errors"] },
    {
      onProgress: (p) => {
        const percent = Math.floor(100 * (p.fraction ?? 0));
        if (percent >= shown + 5) {
          shown = percent;
          process.stderr.write(`[${String(percent).padStart(3)}%] ${p.message}\n`);
        }
      },
    },
  );
  writeOutputFile(values.out, await book.toXlsx(), positionals[0]);
  const lines = result.reports.map(({ step, report }) => `${step}\n  ${report.summary}`);
  if (result.accepted) lines.push("", `Errors accepted: ${result.accepted.errors}, "${result.accepted.reason}" (logged on SOP Validation)`);
  lines.push("", "Executive summary", ...result.present.kpis.map((k) => `  ${k.label.padEnd(26)} ${formatNumber(k.value, k.format)}`));
  lines.push("", `Written: ${values.out}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
