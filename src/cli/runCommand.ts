/**
 * `sop run book.xlsx --out planned.xlsx [--approve "Name" [--receipt r.json]] [--horizon N] [--frozen-months N] [--accept-errors "reason"] [--force]`:
 * steps 1 to 5 of the S&OP cycle on a workbook (with its saved data mapping, or the one step 1
 * proposes), writing the same sheets the task pane writes into a new file. Errors step 1 finds stop
 * the run (every one listed with its cell, nothing written) unless --accept-errors gives the reason to
 * go on, which is logged in the workbook. The input workbook is never changed; an approved plan
 * already in it is kept, and a new approval adds a version. An existing output that holds approved
 * plans is replaced only with --force, and then its approved plans, audit log (hash chain unbroken) and
 * forecast snapshots are carried into the new output, so the run adds a version after them. With --receipt, the
 * approval's receipt (cycle, version, hashes, approver, time) is written to that file, to keep outside
 * the workbook for `sop verify --receipt`. A name typed on the command line is recorded as self-declared.
 * With --scenario, the plan approved is that scenario's (one step 4 compared), not the base.
 * --frozen-months replaces the workbook's Planning Settings "Frozen months" (the time fence) for this run.
 * --coherent on|off: step 2 forecasts the total, families and locations too and reconciles them with the
 * items (on), or keeps the item forecasts (off); by default on when items have families.
 */
import * as fs from "fs";
import * as v8 from "v8";
import { PlanningError } from "../core/errors";
import { approvalReceipt, carryApprovals, readAuditLog } from "../cycle/approval";
import { runCycle, type CycleResult } from "../cycle/runCycle";
import type { StepRunOptions } from "../cycle/stepTypes";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { formatNumber } from "../workbook/numberFormat";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readWorkbookFile, writeOutputFile } from "./files";
import { threadForecaster } from "./threadForecaster";

const USAGE = 'sop run book.xlsx --out planned.xlsx [--approve "Name" [--scenario "Demand +10%"] [--receipt receipt.json]] [--comment "..."] [--horizon 18] [--frozen-months 1] [--coherent on|off] [--accept-errors "reason"] [--force]';

/**
 * An existing output that holds approved plans, read, so that its approvals are carried into the new
 * output (none when there is no such file, it is not a workbook of ours, or it holds no approval).
 * @param command the command's name, for the message
 * @throws PlanningError when it holds approved plans and --force is not given
 */
export async function outputWithApprovals(out: string, force: boolean, command: string): Promise<MemoryWorkbook | undefined> {
  if (!fs.existsSync(out)) return undefined;
  let existing: MemoryWorkbook;
  let approved: string[];
  try {
    existing = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    approved = (await readAuditLog(existing)).filter((entry) => entry.decision === "approved").map((entry) => entry.sheet);
  } catch {
    return undefined;
  }
  if (approved.length === 0) return undefined;
  if (!force) {
    throw new PlanningError(
      `${out} already holds ${approved.length} approved plan${approved.length === 1 ? "" : "s"} (${approved.join(", ")}). ` +
        `Write to a new file, or run that workbook itself (sop ${command} "${out}" --out new.xlsx) to add a version; --force replaces it and keeps its approved plans in the new file.`,
    );
  }
  return existing;
}

/**
 * Memory the cycle needs per cell of input (the planner's sheets), measured with `npm run
 * bench:cycle` on the sample's generator (about 50 cells per item): 2,225 MB peak heap at 5,000 items (250,182 cells).
 */
const HEAP_BYTES_PER_CELL = 8_000;
/** Memory the cycle needs whatever the workbook (Node, ExcelJS, the HiGHS solver). */
const HEAP_BYTES_BASE = 300 * 2 ** 20;
/** Cells per item in the sample's layout, to say the limit in items. */
const CELLS_PER_ITEM = 50;
/**
 * The largest workbook measured to run steps 1-5 within 2 minutes of processor time and 1.5 GB:
 * 1,000 items x 36 months (50,182 cells; `npm run bench:cycle -- --items 1000`: 122 s of processor
 * time, 1,328 MB peak).
 */
const MEASURED_CELLS = { cells: 50_182, items: 1_000, seconds: 122, peakMb: 1_328 } as const;
/** The share of the heap at which the run stops with a message rather than let Node crash. */
const HEAP_STOP_SHARE = 0.92;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 2 ** 20).toLocaleString("en-US")} MB`;

/** Cells of the planner's sheets (those the add-in did not write), by each sheet's used extent. */
async function inputCells(book: MemoryWorkbook): Promise<number> {
  let cells = 0;
  for (const sheet of await book.listSheets()) {
    if (sheet.ownedByAddin) continue;
    const { rows, columns } = await book.extent(sheet.name);
    cells += rows * columns;
  }
  return cells;
}

/**
 * Warns when a workbook is larger than the largest measured to finish within the cycle's targets, and
 * refuses, before step 1, a workbook the cycle cannot finish in the memory this Node allows (its heap
 * limit, `--max-old-space-size`): the message names the cells, the memory needed and the largest
 * workbook that fits.
 * @throws PlanningError when the estimate exceeds the heap limit
 */
export async function checkCycleSize(book: MemoryWorkbook, file: string): Promise<void> {
  const cells = await inputCells(book);
  if (cells > MEASURED_CELLS.cells) {
    process.stderr.write(
      `sop run: ${file} holds ${cells.toLocaleString("en-US")} cells of data (about ${Math.round(cells / CELLS_PER_ITEM).toLocaleString("en-US")} items), more than the largest measured to finish in 2 minutes and 1.5 GB ` +
        `(${MEASURED_CELLS.items.toLocaleString("en-US")} items x 36 months: ${MEASURED_CELLS.seconds} s, ${MEASURED_CELLS.peakMb.toLocaleString("en-US")} MB); expect it to take longer and need more memory, or split the workbook by family.\n`,
    );
  }
  const limit = v8.getHeapStatistics().heap_size_limit;
  const needed = HEAP_BYTES_BASE + cells * HEAP_BYTES_PER_CELL;
  if (needed <= limit) return;
  const fits = Math.max(0, Math.floor((limit - HEAP_BYTES_BASE) / HEAP_BYTES_PER_CELL));
  throw new PlanningError(
    `${file} holds ${cells.toLocaleString("en-US")} cells of data (about ${Math.round(cells / CELLS_PER_ITEM).toLocaleString("en-US")} items with 36 months); the cycle needs about ${megabytes(needed)} of memory ` +
      `and this Node allows ${megabytes(limit)}. With this memory the cycle fits about ${fits.toLocaleString("en-US")} cells (about ${Math.floor(fits / CELLS_PER_ITEM).toLocaleString("en-US")} items x 36 months). ` +
      `Run it with more memory (NODE_OPTIONS=--max-old-space-size=${Math.ceil((needed * 1.1) / 2 ** 20)}), or split the workbook by family.`,
  );
}

/**
 * Stops the run with a message when the heap nears its limit (Node would otherwise end with an
 * out-of-memory crash and no output); checked at every progress report.
 * @throws PlanningError naming the step and the memory
 */
function checkHeap(step: string): void {
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  if (used <= HEAP_STOP_SHARE * limit) return;
  throw new PlanningError(
    `Memory ran out at "${step}": ${megabytes(used)} used of the ${megabytes(limit)} this Node allows. Nothing was written. ` +
      `Run it with more memory (NODE_OPTIONS=--max-old-space-size=${Math.ceil((2 * limit) / 2 ** 20)}), or split the workbook by family.`,
  );
}

/**
 * Run `sop run`. Progress goes to stderr, the step summaries to stdout.
 * @returns 0 on success
 * @throws PlanningError for a missing file, a workbook without usable data, or bad options
 * @throws BlockedByErrors when step 1 finds errors and --accept-errors is not given
 */
export async function runCycleCommand(args: string[]): Promise<number> {
  const { values, positionals, switches } = readCommandLine(
    args,
    { out: "value", approve: "value", scenario: "value", receipt: "value", comment: "value", horizon: "value", "frozen-months": "value", coherent: "value", "accept-errors": "value", force: "switch" },
    USAGE,
  );
  if (positionals.length !== 1 || !values.out) throw new PlanningError(`Give one workbook and --out: ${USAGE}`);
  const horizon = values.horizon === undefined ? 18 : Number(values.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) throw new PlanningError(`--horizon must be a whole number of months from 1 to 36; got ${values.horizon}.`);
  const frozenMonths = values["frozen-months"] === undefined ? undefined : Number(values["frozen-months"]);
  if (frozenMonths !== undefined && !(Number.isInteger(frozenMonths) && frozenMonths >= 0)) {
    throw new PlanningError(`--frozen-months must be a whole number of months from 0 (0 = no time fence); got ${values["frozen-months"]}.`);
  }
  if (values.coherent !== undefined && values.coherent !== "on" && values.coherent !== "off") throw new PlanningError(`--coherent takes on or off; got ${values.coherent}.`);
  assertNotInput(values.out, [positionals[0]]);
  if (values.receipt !== undefined) {
    if (values.approve === undefined) throw new PlanningError("--receipt records an approval: give --approve \"Name\" too.");
    assertNotInput(values.receipt, [positionals[0], values.out]);
  }
  const replaced = await outputWithApprovals(values.out, switches.force, "run");
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(positionals[0]));
  await checkCycleSize(book, positionals[0]);
  const kept = replaced === undefined ? [] : await carryApprovals(book, replaced, values.out);
  const result = await runCycle(
    book,
    { demand: { horizon, ...(values.coherent === undefined ? {} : { coherent: values.coherent === "on" }) }, approver: values.approve, comment: values.comment, scenario: values.scenario, acceptErrors: values["accept-errors"] },
    { ...(frozenMonths === undefined ? {} : { settings: { frozenMonths } }), onProgress: progressOnStderr(), forecaster: threadForecaster() },
  );
  const lines = await writeCycleOutputs(book, result, { input: positionals[0], out: values.out, receipt: values.receipt });
  if (kept.length > 0) lines.push(`Kept from the file it replaced: ${kept.join(", ")} (approved earlier; they still verify)`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

/**
 * Progress of a cycle on stderr every 5%, stopping the run with a message when memory nears its limit.
 * @example runCycle(book, options, { onProgress: progressOnStderr() })
 */
export function progressOnStderr(): NonNullable<StepRunOptions["onProgress"]> {
  let shown = -1;
  return (p) => {
    checkHeap(p.message);
    const percent = Math.floor(100 * (p.fraction ?? 0));
    if (percent >= shown + 5) {
      shown = percent;
      process.stderr.write(`[${String(percent).padStart(3)}%] ${p.message}\n`);
    }
  };
}

/**
 * Write a cycle's workbook (and its approval receipt, when asked) and say what the steps did.
 * @param files the input workbook, the output and the receipt file, if any
 * @returns the lines to print: each step's summary, the executive summary, the files written
 * @throws PlanningError when a file cannot be written or would overwrite an input
 */
export async function writeCycleOutputs(book: MemoryWorkbook, result: CycleResult, files: { input: string; out: string; receipt?: string }): Promise<string[]> {
  writeOutputFile(files.out, await book.toXlsx(), [files.input]);
  const audit = result.present.audit;
  if (files.receipt !== undefined && audit !== undefined) writeOutputFile(files.receipt, `${JSON.stringify(approvalReceipt(audit), null, 2)}\n`, [files.input, files.out]);
  const lines = result.reports.map(({ step, report }) => `${step}\n  ${report.summary}`);
  if (result.accepted) lines.push("", `Errors accepted: ${result.accepted.errors}, "${result.accepted.reason}" (logged on SOP Validation)`);
  lines.push("", "Executive summary", ...result.present.kpis.map((k) => `  ${k.label.padEnd(26)} ${formatNumber(k.value, k.format)}`));
  lines.push("", `Written: ${files.out}`);
  if (files.receipt !== undefined) lines.push(`Approval receipt: ${files.receipt} (keep it outside the workbook; sop verify "${files.out}" --receipt "${files.receipt}" checks it)`);
  return lines;
}
