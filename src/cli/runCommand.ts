/**
 * `sop run book.xlsx --out planned.xlsx [--approve "Name" [--receipt r.json]] [--horizon N] [--frozen-months N] [--accept-errors "reason"] [--force]`:
 * steps 1 to 5 of the S&OP cycle on a workbook (with its saved data mapping, or the one step 1
 * proposes), writing the same sheets the task pane writes into a new file. Errors step 1 finds stop
 * the run (every one listed with its cell, nothing written) unless --accept-errors gives the reason to
 * go on, which is logged in the workbook. The input workbook is never changed; an approved plan
 * already in it is kept, and a new approval adds a version. An existing output that holds approved
 * plans is replaced only with --force, and then kept beside it under a dated name. With --receipt, the
 * approval's receipt (cycle, version, hashes, approver, time) is written to that file, to keep outside
 * the workbook for `sop verify --receipt`. A name typed on the command line is recorded as self-declared.
 * With --scenario, the plan approved is that scenario's (one step 4 compared), not the base.
 * --frozen-months replaces the workbook's Planning Settings "Frozen months" (the time fence) for this run.
 */
import * as fs from "fs";
import { PlanningError } from "../core/errors";
import { approvalReceipt, readAuditLog } from "../cycle/approval";
import { runCycle } from "../cycle/runCycle";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { formatNumber } from "../workbook/numberFormat";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readInputFile, writeOutputFile } from "./files";

const USAGE = 'sop run book.xlsx --out planned.xlsx [--approve "Name" [--scenario "Demand +10%"] [--receipt receipt.json]] [--comment "..."] [--horizon 18] [--frozen-months 1] [--accept-errors "reason"] [--force]';

/**
 * The approved plan sheets an existing output holds (none when there is no such file, or it is not a
 * workbook of ours).
 * @example await approvedPlansIn("planned.xlsx") // ["Plan 2026-01 v1", "Plan 2026-01 v2"]
 */
async function approvedPlansIn(out: string): Promise<string[]> {
  if (!fs.existsSync(out)) return [];
  try {
    const existing = await MemoryWorkbook.fromXlsx(fs.readFileSync(out));
    return (await readAuditLog(existing)).filter((entry) => entry.decision === "approved").map((entry) => entry.sheet);
  } catch {
    return [];
  }
}

/**
 * Keep a file about to be replaced beside it, under a dated name.
 * @returns the name it is kept under
 * @example keepBeside("planned.xlsx", new Date("2026-12-07T01:50:00Z")) // "planned (replaced 20261207-015000).xlsx"
 */
function keepBeside(out: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const kept = /\.xlsx$/i.test(out) ? out.replace(/(\.xlsx)$/i, ` (replaced ${stamp})$1`) : `${out} (replaced ${stamp})`;
  fs.copyFileSync(out, kept);
  return kept;
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
    { out: "value", approve: "value", scenario: "value", receipt: "value", comment: "value", horizon: "value", "frozen-months": "value", "accept-errors": "value", force: "switch" },
    USAGE,
  );
  if (positionals.length !== 1 || !values.out) throw new PlanningError(`Give one workbook and --out: ${USAGE}`);
  const horizon = values.horizon === undefined ? 18 : Number(values.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 36) throw new PlanningError(`--horizon must be a whole number of months from 1 to 36; got ${values.horizon}.`);
  const frozenMonths = values["frozen-months"] === undefined ? undefined : Number(values["frozen-months"]);
  if (frozenMonths !== undefined && !(Number.isInteger(frozenMonths) && frozenMonths >= 0)) {
    throw new PlanningError(`--frozen-months must be a whole number of months from 0 (0 = no time fence); got ${values["frozen-months"]}.`);
  }
  assertNotInput(values.out, [positionals[0]]);
  if (values.receipt !== undefined) {
    if (values.approve === undefined) throw new PlanningError("--receipt records an approval: give --approve \"Name\" too.");
    assertNotInput(values.receipt, [positionals[0], values.out]);
  }
  const approved = await approvedPlansIn(values.out);
  if (approved.length > 0 && !switches.force) {
    throw new PlanningError(
      `${values.out} already holds ${approved.length} approved plan${approved.length === 1 ? "" : "s"} (${approved.join(", ")}). ` +
        `Write to a new file, or run that workbook itself (sop run "${values.out}" --out new.xlsx) to add a version; --force replaces it and keeps the old file beside it.`,
    );
  }
  const book = await MemoryWorkbook.fromXlsx(readInputFile(positionals[0]));
  let shown = -1;
  const result = await runCycle(
    book,
    { demand: { horizon }, approver: values.approve, comment: values.comment, scenario: values.scenario, acceptErrors: values["accept-errors"] },
    {
      ...(frozenMonths === undefined ? {} : { settings: { frozenMonths } }),
      onProgress: (p) => {
        const percent = Math.floor(100 * (p.fraction ?? 0));
        if (percent >= shown + 5) {
          shown = percent;
          process.stderr.write(`[${String(percent).padStart(3)}%] ${p.message}\n`);
        }
      },
    },
  );
  const kept = approved.length > 0 ? keepBeside(values.out, new Date()) : undefined;
  writeOutputFile(values.out, await book.toXlsx(), [positionals[0]]);
  const audit = result.present.audit;
  if (values.receipt !== undefined && audit !== undefined) writeOutputFile(values.receipt, `${JSON.stringify(approvalReceipt(audit), null, 2)}\n`, [positionals[0], values.out]);
  const lines = result.reports.map(({ step, report }) => `${step}\n  ${report.summary}`);
  if (result.accepted) lines.push("", `Errors accepted: ${result.accepted.errors}, "${result.accepted.reason}" (logged on SOP Validation)`);
  lines.push("", "Executive summary", ...result.present.kpis.map((k) => `  ${k.label.padEnd(26)} ${formatNumber(k.value, k.format)}`));
  lines.push("", `Written: ${values.out}`);
  if (values.receipt !== undefined) lines.push(`Approval receipt: ${values.receipt} (keep it outside the workbook; sop verify "${values.out}" --receipt "${values.receipt}" checks it)`);
  if (kept !== undefined) lines.push(`The file it replaced, with its approved plans, is kept as: ${kept}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
