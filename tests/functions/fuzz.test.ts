/**
 * A seeded fuzz of every custom function of the BUILT add-in (dist/functions.json and dist/functions.js;
 * run `npm run build` first, or name another build with SOP_FUZZ_DIST), called as Excel calls them:
 * every parameter functions.json declares, ranges as rows of cells, an omitted optional argument as null.
 * Each call must answer with what Excel can store (a finite number, text, TRUE/FALSE, or a rectangular
 * array of those and error values with messages) or throw a CustomFunctions.Error #VALUE! or #N/A whose
 * message is written for a planner; a NaN or Infinity, an object, an internal fault (a TypeError, an
 * "Unexpected problem"), an error without a message or a call that hangs past the watchdog fails it.
 */
import * as fs from "fs";
import * as path from "path";
import { mulberry32 } from "../../src/core/random";
import { MAX_CELLS } from "../../src/functions/excelArguments";
import { MAX_FORECAST_PERIODS } from "../../src/functions/functions";
import { BundleWorker, type CallOutcome, type Wire } from "./bundleWorker";

const DIST = process.env.SOP_FUZZ_DIST ?? path.join(__dirname, "../../dist");
const SEED = Number(process.env.SOP_FUZZ_SEED ?? 20261207);
/** Calls per function with arguments of the types functions.json declares, and with any value anywhere. */
const TYPED_CALLS = Number(process.env.SOP_FUZZ_CALLS ?? 90);
const UNTYPED_CALLS = Math.round(TYPED_CALLS / 3);
const WATCHDOG_MS = 10_000;

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  parameters: Parameter[];
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const NUMBERS = [0, 1, -1, 2, 3.5, 12, 100, -250, 0.95, 95, 1.5, 0.3, 1e6, 1e308, -1e308, 5e-324, 1e-300, 2.5e15, 120, 121, 10000];
const TEXTS = ["", " ", "abc", "1,234", "20%", "auto", "ets", "naive", "percent", "revenue", "lost", "wmape", "mase", "fill", "level", "#N/A"];
const BOOLEANS = [true, false];
const ERRORS: Wire[] = [{ error: "#N/A", message: "" }, { error: "#DIV/0!", message: "" }, { error: "#VALUE!", message: "bad" }];

/** A number a plan could hold: mostly demand-like whole numbers, sometimes one of the edge numbers. */
const plausible = (random: Random): number => (random() < 0.85 ? Math.round(random() * 1000) : pick(random, NUMBERS));

/** Any one cell Excel may pass inside a range. */
function anyCell(random: Random): Wire {
  const r = random();
  if (r < 0.45) return pick(random, NUMBERS);
  if (r < 0.7) return pick(random, TEXTS);
  if (r < 0.8) return pick(random, BOOLEANS);
  if (r < 0.9) return "";
  return pick(random, ERRORS);
}

/** A range: 1 x 1, a row, a column or a block; mostly plausible numbers with some odd cells, at times all odd or ragged. */
function range(random: Random): Wire {
  const length = pick(random, [1, 2, 3, 4, 6, 12, 24, 36, 60]);
  const shape = pick(random, ["column", "column", "row", "row", "cell", "block", "empty", "ragged"]);
  const style = pick(random, ["plausible", "plausible", "plausible", "odd", "constant"]);
  const constant = plausible(random);
  const cell = (): Wire => (style === "constant" ? constant : style === "odd" ? anyCell(random) : random() < 0.07 ? anyCell(random) : plausible(random));
  const rows = (count: number, width: number): Wire[][] => Array.from({ length: count }, () => Array.from({ length: width }, cell));
  switch (shape) {
    case "cell":
      return rows(1, 1);
    case "row":
      return rows(1, length);
    case "column":
      return rows(length, 1);
    case "block":
      return rows(pick(random, [2, 3, 5]), pick(random, [2, 3, 12]));
    case "empty":
      return pick(random, [[], [[]]]);
    default:
      return [rows(1, 3)[0], rows(1, 2)[0]];
  }
}

/** A value of the declared type, as Excel passes it (a number reaches a text parameter too). */
function typedArgument(random: Random, parameter: Parameter): Wire {
  if (parameter.optional && random() < 0.3) return null;
  if (parameter.dimensionality === "matrix") return range(random);
  switch (parameter.type) {
    case "number":
      return pick(random, NUMBERS);
    case "boolean":
      return random() < 0.7 ? pick(random, BOOLEANS) : pick(random, [0, 1]);
    case "string":
      return random() < 0.75 ? pick(random, TEXTS) : pick(random, NUMBERS);
    default:
      return anyCell(random);
  }
}

/** Anything at all in any parameter: a range where a number is expected, a number where a range is. */
function untypedArgument(random: Random): Wire {
  const r = random();
  if (r < 0.15) return null;
  if (r < 0.55) return range(random);
  return anyCell(random);
}

/** A long column: a call at its limit answers, one beyond it is refused quickly rather than blocking Excel. */
const hugeColumn = (cells: number): Wire => Array.from({ length: cells }, (_, t) => [100 + (t % 12) * 10]);

/** Words that show a program's fault rather than a planner's message. */
const FAULT_WORDS = /TypeError|ReferenceError|RangeError|is not a function|is not iterable|Cannot read|of undefined|of null|Unexpected problem|\bNaN\b|Infinity|\[object/;

/** Why a call's outcome is not what Excel can show a planner, or undefined when it is. */
function fault(outcome: CallOutcome): string | undefined {
  if (outcome.kind === "hang") return `no answer within ${WATCHDOG_MS / 1000} s`;
  if (outcome.kind === "thrown") {
    if (!outcome.customFunctionsError) return `threw ${outcome.name}: ${outcome.message}`;
    if (outcome.code !== "#VALUE!" && outcome.code !== "#N/A") return `threw ${outcome.code}, whose message Excel drops: ${outcome.message}`;
    if (outcome.message.trim() === "") return `threw ${outcome.code} without a message`;
    if (FAULT_WORDS.test(outcome.message)) return `internal fault: ${outcome.message}`;
    return undefined;
  }
  return valueFault(outcome.value, true);
}

function cellFault(cell: Wire): string | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? undefined : `a ${cell} cell`;
  if (typeof cell === "string" || typeof cell === "boolean") return undefined;
  if (cell === null || cell === undefined) return `a ${String(cell)} cell`;
  if (Array.isArray(cell)) return "an array inside a cell";
  if ("error" in cell) {
    if (cell.message.trim() === "") return `a ${cell.error} cell without a message`;
    if (FAULT_WORDS.test(cell.message)) return `a ${cell.error} cell with an internal fault: ${cell.message}`;
    return undefined;
  }
  return `an object cell (${cell.object})`;
}

function valueFault(value: Wire, top: boolean): string | undefined {
  if (!Array.isArray(value)) return top ? cellFault(value) : "a result row that is not an array";
  if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0) return "an empty array";
  const width = (value[0] as Wire[]).length;
  for (const row of value) {
    if (!Array.isArray(row)) return "a result row that is not an array";
    if (row.length !== width) return "a ragged array";
    for (const cell of row) {
      const problem = cellFault(cell);
      if (problem) return problem;
    }
  }
  return undefined;
}

const show = (args: Wire[]): string => {
  const text = JSON.stringify(args, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v));
  return text.length > 300 ? `${text.slice(0, 300)}... (${text.length} characters)` : text;
};

let worker: BundleWorker;
let metadata: FunctionMetadata[];

beforeAll(() => {
  const file = path.join(DIST, "functions.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
  metadata = (JSON.parse(fs.readFileSync(file, "utf8")) as { functions: FunctionMetadata[] }).functions;
  worker = new BundleWorker(path.join(DIST, "functions.js"), WATCHDOG_MS);
});

afterAll(async () => {
  await worker?.close();
});

test("the bundle registers every function of functions.json", async () => {
  expect((await worker.registered()).sort()).toEqual(metadata.map((f) => f.id).sort());
});

test("every function answers every input Excel can pass with storable values or a #VALUE!/#N/A with a planner's message", async () => {
  const failures: string[] = [];
  let slowest = { ms: 0, call: "" };
  const counts = { typed: 0, untyped: 0, huge: 0, typedFailures: 0, untypedFailures: 0, hugeFailures: 0 };
  for (const fn of metadata) {
    const random = mulberry32(SEED ^ [...fn.id].reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) | 0, 7));
    const calls: { kind: "typed" | "untyped" | "huge"; args: Wire[] }[] = [];
    for (let i = 0; i < TYPED_CALLS; i++) calls.push({ kind: "typed", args: fn.parameters.map((p) => typedArgument(random, p)) });
    for (let i = 0; i < UNTYPED_CALLS; i++) calls.push({ kind: "untyped", args: fn.parameters.map(() => untypedArgument(random)) });
    // Every range as long as a forecasting or planning call takes, as long as any call takes, and one cell more.
    for (const cells of [MAX_FORECAST_PERIODS, MAX_CELLS, MAX_CELLS + 1]) {
      calls.push({ kind: "huge", args: fn.parameters.map((p) => (p.dimensionality === "matrix" ? hugeColumn(cells) : p.optional ? null : 12)) });
    }
    for (const { kind, args } of calls) {
      counts[kind]++;
      const started = performance.now();
      const outcome = await worker.call(fn.id, args);
      const took = performance.now() - started;
      if (took > slowest.ms) slowest = { ms: took, call: `${fn.id} (${kind})` };
      const problem = fault(outcome);
      if (problem) {
        counts[`${kind}Failures`]++;
        failures.push(`=SOP.${fn.id}${kind === "huge" ? "" : show(args)} (${kind}): ${problem}`);
      }
    }
  }
  console.info(`Fuzz of ${metadata.length} functions, seed ${SEED}: ${JSON.stringify(counts)}, slowest call ${Math.round(slowest.ms)} ms, ${slowest.call}`);
  expect(failures).toEqual([]);
  // Each call is bounded by the watchdog; the whole run takes about a minute when every call answers.
}, 900_000);
