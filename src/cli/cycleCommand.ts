/**
 * `sop cycle book.xlsx --actuals month.csv --out next.xlsx [--approve "Name" [--receipt r.json]] [--comment "..."] [--horizon 18] [--accept-errors "reason"] [--force]`:
 * the next month of rolling S&OP. The month's actuals (CSV `item,location,period,quantity`, location
 * optional) are added to the history where the workbook's saved mapping reads it (an Excel table grows
 * to take the new month; a month already there must hold the same numbers), then steps 1 to 5 run for
 * the next cycle (named by its first planned month) and the plan is approved when --approve names the
 * approver. Approved plans of earlier cycles stay in the workbook and still verify; each approval keeps
 * the cycle's forecast snapshot for accuracy by lag. Files as `sop run`: the input is never changed,
 * the output is written to a temporary file and renamed, and an existing output holding approved plans
 * is replaced only with --force, its approvals carried into the new file.
 */
import * as path from "path";
import { PlanningError } from "../core/errors";
import { carryApprovals } from "../cycle/approval";
import { runNextCycle, type ActualsLine } from "../cycle/nextCycle";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readInputFile, readWorkbookFile } from "./files";
import { csvSeparator, splitCsvLine } from "./forecastCsv";
import { decimalCommaNumber, notNumberAdvice, toNumber } from "../cycle/cellValues";
import { historyFieldOf, type HistoryField } from "../cycle/headerNames";
import { checkCycleSize, outputWithApprovals, progressOnStderr, writeCycleOutputs } from "./runCommand";
import { threadForecaster } from "./threadForecaster";

const USAGE = 'sop cycle book.xlsx --actuals month.csv --out next.xlsx [--approve "Name" [--receipt receipt.json]] [--comment "..."] [--horizon 18] [--accept-errors "reason"] [--force]';

/**
 * Read an actuals CSV: a header naming item, period and quantity (location optional, any order, any
 * case, or as step 1 knows them: SKU or Material, Plant or Warehouse, Month or Calendar Year/Month, Qty
 * or Units), then one line per item (and location) and month. Quantities are read as step 1 reads numbers
 * written as text ("1,234" is 1234; "12,5" and "1.234", which read two ways, are refused); a file
 * separated by semicolons is a European export, read with decimal commas ("1.234,5").
 * @param text the file's text
 * @param file its name, for messages
 * @throws PlanningError naming the missing column, or every line whose quantity is not a number (by row)
 * @example readActualsCsv("item,period,quantity\nCH-101,2026-01,300\n", "jan.csv")[0].source // "row 2 of jan.csv"
 */
export function readActualsCsv(text: string, file: string): ActualsLine[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separator = csvSeparator(lines[0] ?? "");
  const header = splitCsvLine(lines[0] ?? "", separator);
  const column = (name: string, field: HistoryField, required: boolean): number => {
    const at = header.findIndex((cell) => cell.toLowerCase() === name || historyFieldOf(cell) === field);
    if (at < 0 && required) {
      throw new PlanningError(`${file} has no "${name}" column (its columns: ${header.join(", ")}): the actuals need the columns item, location (optional), period and quantity, or names such as SKU, Plant, Month and Qty.`);
    }
    return at;
  };
  const [item, location, period, quantity] = [column("item", "item", true), column("location", "location", false), column("period", "date", true), column("quantity", "quantity", true)];
  const actuals: ActualsLine[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((line, k) => {
    if (line.trim() === "") return;
    const fields = splitCsvLine(line, separator);
    const source = `row ${k + 2} of ${file}`;
    const typed = fields[quantity] ?? "";
    const value = separator === ";" ? decimalCommaNumber(typed) : toNumber(typed);
    if (value === null) problems.push(`${source}: quantity "${typed}" is not a number.${separator === ";" ? "" : ` ${notNumberAdvice(typed)}`}`);
    else if ((fields[item] ?? "") === "") problems.push(`${source}: the item is empty.`);
    else actuals.push({ item: fields[item], location: location < 0 ? "" : (fields[location] ?? ""), period: fields[period] ?? "", quantity: value, source });
  });
  if (problems.length > 0) throw new PlanningError(`${file} has ${problems.length === 1 ? "a line" : `${problems.length} lines`} that cannot be read:\n${problems.join("\n")}`);
  return actuals;
}

/**
 * Run `sop cycle`. Progress goes to stderr, the actuals added and the step summaries to stdout.
 * @returns 0 on success
 * @throws PlanningError for a missing file, actuals that cannot be placed (each line named), or bad options
 */
export async function runNextCycleCommand(args: string[]): Promise<number> {
  const { values, positionals, switches } = readCommandLine(
    args,
    { actuals: "value", out: "value", approve: "value", receipt: "value", comment: "value", horizon: "value", "accept-errors": "value", force: "switch" },
    USAGE,
  );
  if (positionals.length !== 1 || !values.out || !values.actuals) throw new PlanningError(`Give one workbook, --actuals and --out: ${USAGE}`);
  const horizon = values.horizon === undefined ? 18 : Number(values.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) throw new PlanningError(`--horizon must be a whole number of months from 1 to 36; got ${values.horizon}.`);
  const inputs = [positionals[0], values.actuals];
  assertNotInput(values.out, inputs);
  if (values.receipt !== undefined) {
    if (values.approve === undefined) throw new PlanningError('--receipt records an approval: give --approve "Name" too.');
    assertNotInput(values.receipt, [...inputs, values.out]);
  }
  const actuals = readActualsCsv(Buffer.from(readInputFile(values.actuals)).toString("utf8"), path.basename(values.actuals));
  const replaced = await outputWithApprovals(values.out, switches.force, "cycle");
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(positionals[0]));
  await checkCycleSize(book, positionals[0]);
  const kept = replaced === undefined ? [] : await carryApprovals(book, replaced, values.out);
  // The planner asked for the actuals to go into the history: that is the yes to writing into it.
  const { appended, retiredOverrides, cycle } = await runNextCycle(
    book,
    actuals,
    async () => true,
    { demand: { horizon }, approver: values.approve, comment: values.comment ?? "Approved from the command line (sop cycle)", acceptErrors: values["accept-errors"] },
    { onProgress: progressOnStderr(), forecaster: threadForecaster() },
  );
  const lines = [
    `Actuals from ${values.actuals}: ${appended.added.length > 0 ? `${appended.added.join(", ")} added to the history` : "no new month"} (${appended.cells} cells written, ${appended.unchanged} already there)`,
    ...(appended.zeroFilled.length > 0 ? [`  No line for ${appended.zeroFilled.join(", ")} in ${appended.added.join(", ")}: written as 0`] : []),
    ...(appended.newSeries.length > 0 ? [`  New in the history: ${appended.newSeries.join(", ")} (the months before their first left blank)`] : []),
    ...(retiredOverrides > 0 ? [`  ${retiredOverrides} override row(s) of months now past taken off SOP Overrides (kept in the last cycle's snapshot)`] : []),
    `Cycle ${cycle.present.plan.cycle}`,
    "",
    ...(await writeCycleOutputs(book, cycle, { input: positionals[0], out: values.out, receipt: values.receipt })),
  ];
  if (kept.length > 0) lines.push(`Kept from the file it replaced: ${kept.join(", ")} (approved earlier; they still verify)`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
