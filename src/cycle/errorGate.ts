/**
 * Errors gate the cycle. Step 1 records the errors its checks found (each with its cell); every later
 * step refuses to run while any is open, listing all of them at once, until the planner fixes the data
 * (and runs step 1 again) or accepts them with a reason. Each acceptance is logged with its time and
 * reason in the workbook (metadata key "errorGate", shown on SOP Validation) and stays valid while step
 * 1 finds exactly the errors that were accepted.
 */
import { PlanningError } from "../core/errors";
import type { Workbook } from "../workbook/workbook";
import { contentHash } from "./contentHash";
import { SHEETS } from "./sheets";

/** Metadata key under which the gate is kept (JSON). */
const GATE_KEY = "errorGate";

/** Where the acceptance log sits on SOP Validation, right of the list of problems. */
const LOG_TOP_LEFT = "H1";

/** One error step 1 found: its cell (null when no cell is concerned) and what is wrong. */
export interface GateProblem {
  address: string | null;
  message: string;
}

/**
 * A problem as a planner reads it in a list: its cell first, unless the message already starts with it.
 * @example shownProblem({ address: "Sales!A8", message: "The item A-1 appears twice" }) // "Sales!A8: The item A-1 appears twice"
 * @example shownProblem({ address: "Sales!A8", message: "Sales!A8 has no item, but its row holds quantities." }) // "Sales!A8 has no item, ..."
 */
export function shownProblem(problem: GateProblem): string {
  return problem.address && !problem.message.startsWith(problem.address) ? `${problem.address}: ${problem.message}` : problem.message;
}

/** The planner's acceptance of a set of errors. */
export interface ErrorAcceptance {
  reason: string;
  /** ISO 8601 time of the acceptance. */
  when: string;
  /** How many errors were accepted. */
  errors: number;
  /** SHA-256 of the accepted problems (contentHash of address and message). */
  hash: string;
}

/** The errors of the last run of step 1, the acceptance in force (if any) and every acceptance made. */
export interface ErrorGate {
  problems: GateProblem[];
  accepted: ErrorAcceptance | null;
  log: ErrorAcceptance[];
}

/** Thrown by a step that the open errors of step 1 block; `problems` lists them all. */
export class BlockedByErrors extends PlanningError {
  readonly problems: GateProblem[];

  constructor(step: string, problems: GateProblem[]) {
    super(
      `${step} cannot run: step 1 found ${problems.length} error${problems.length === 1 ? "" : "s"} that would make the plan wrong. ` +
        `Fix them in your data and run step 1 again, or accept them with a reason.\n` +
        problems.map((problem) => `- ${shownProblem(problem)}`).join("\n"),
    );
    this.name = "BlockedByErrors";
    this.problems = problems;
  }
}

async function hashOf(problems: readonly GateProblem[]): Promise<string> {
  return contentHash(problems.map((problem) => [problem.address, problem.message]));
}

/**
 * The gate as the last run of step 1 left it.
 * @returns undefined when step 1 has not run on this workbook (or ran before the gate existed)
 * @example const gate = await readErrorGate(book); gate?.problems.length // 2
 */
export async function readErrorGate(workbook: Workbook): Promise<ErrorGate | undefined> {
  const text = await workbook.getMetadata(GATE_KEY);
  return text ? (JSON.parse(text) as ErrorGate) : undefined;
}

async function writeGate(workbook: Workbook, gate: ErrorGate): Promise<void> {
  await workbook.setMetadata(GATE_KEY, JSON.stringify(gate));
  if (gate.log.length === 0) return;
  const rows = [["Errors accepted", "When", "Reason"], ...gate.log.map((entry) => [entry.errors, entry.when, entry.reason])];
  await workbook.writeBlocks([{ sheet: SHEETS.validation, topLeft: LOG_TOP_LEFT, values: rows, numberFormats: ["0", "@", "@"], headerRow: true }]);
}

/**
 * Record the errors step 1 found (called by step 1 after it wrote SOP Validation). An earlier
 * acceptance stays in force when the errors are exactly those it accepted; otherwise it lapses.
 * @returns the gate now in force
 * @example const gate = await recordErrors(book, [{ address: "Sales!A4", message: "The item A appears twice" }]);
 */
export async function recordErrors(workbook: Workbook, problems: GateProblem[]): Promise<ErrorGate> {
  const previous = await readErrorGate(workbook);
  const hash = await hashOf(problems);
  const accepted = problems.length > 0 && previous?.accepted?.hash === hash ? previous.accepted : null;
  const gate: ErrorGate = { problems, accepted, log: previous?.log ?? [] };
  await writeGate(workbook, gate);
  return gate;
}

/**
 * Accept the open errors of step 1 with a reason, so the later steps run on the data as it is; the
 * acceptance is logged (time, number of errors, reason) and lapses when step 1 finds other errors.
 * @param reason why the plan may go ahead with these errors
 * @param now the time recorded (for tests)
 * @returns the acceptance, or null when there is no error to accept
 * @throws PlanningError when the reason is empty or step 1 has not run
 * @example await acceptErrors(book, "Duplicates are two channels of one item; the first row is right");
 */
export async function acceptErrors(workbook: Workbook, reason: string, now: Date = new Date()): Promise<ErrorAcceptance | null> {
  const why = reason.trim();
  if (why === "") throw new PlanningError("Say why the errors may be accepted: the reason is logged with the plan.");
  const gate = await readErrorGate(workbook);
  if (!gate) throw new PlanningError("Run step 1 (gather and check data) first: there is nothing to accept yet.");
  if (gate.problems.length === 0) return null;
  const accepted: ErrorAcceptance = { reason: why, when: now.toISOString(), errors: gate.problems.length, hash: await hashOf(gate.problems) };
  await writeGate(workbook, { ...gate, accepted, log: [...gate.log, accepted] });
  return accepted;
}

/**
 * Let a later step run only when step 1 left no open error: none, or all accepted.
 * @param step the step's name as the planner sees it, e.g. "Step 2 (demand forecast)"
 * @returns the acceptance the step runs under, or null when there are no errors
 * @throws BlockedByErrors listing every open error with its cell
 * @example const accepted = await requireNoOpenErrors(book, "Step 2 (demand forecast)");
 */
export async function requireNoOpenErrors(workbook: Workbook, step: string): Promise<ErrorAcceptance | null> {
  const gate = await readErrorGate(workbook);
  if (!gate || gate.problems.length === 0) return null;
  if (gate.accepted) return gate.accepted;
  throw new BlockedByErrors(step, gate.problems);
}

/**
 * The acceptance in force, when step 1's errors were accepted (null when there are none or none is accepted).
 * @example const accepted = await readAcceptance(book);
 */
export async function readAcceptance(workbook: Workbook): Promise<ErrorAcceptance | null> {
  const gate = await readErrorGate(workbook);
  return gate && gate.problems.length > 0 ? gate.accepted : null;
}

/**
 * What a step tells the planner when it runs under accepted errors (nothing when there are none).
 * @example acceptedNote(accepted) // "Runs with 2 errors of step 1 accepted on 2026-12-07T01:40:00.000Z: ..."
 */
export function acceptedNote(accepted: ErrorAcceptance | null): { level: "warning"; text: string }[] {
  if (!accepted) return [];
  return [{ level: "warning", text: `Runs with ${accepted.errors} error${accepted.errors === 1 ? "" : "s"} of step 1 accepted on ${accepted.when}: "${accepted.reason}".` }];
}
