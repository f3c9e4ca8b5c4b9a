import { PlanningError } from "../core/errors";
import { compareScenarios, comparisonTable, parseScenarios, type ComparisonRow, type Planner } from "../core/reconcile";
import { optimalPlanner } from "../core/reconcile/optimalPlanner";
import { validateSupplyModel } from "../core/supply/validateSupplyModel";
import { readCommandLine } from "./commandLine";
import { csvField } from "./csv";
import { assertNotInput, readJsonFile, writeOutputFile } from "./files";

const USAGE = "sop scenario model.json scenarios.json [--out comparison.csv]";

/** Parsed command line of `sop scenario`. */
interface ScenarioArguments {
  model: string;
  scenarios: string;
  /** Where to write the CSV; undefined = standard output. */
  out?: string;
}

function parseArguments(args: readonly string[]): ScenarioArguments {
  const { positionals, values } = readCommandLine(args, { out: "value" }, USAGE);
  if (positionals.length !== 2) throw new PlanningError(`Give the supply model and the scenarios: ${USAGE}`);
  return { model: positionals[0], scenarios: positionals[1], out: values.out };
}

/**
 * The comparison table as CSV text, one line per row.
 * @example comparisonCsv([["figure", "base"], ["cost", 10]]) // "figure,base\ncost,10\n"
 */
export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

/**
 * `sop scenario model.json scenarios.json [--out comparison.csv]`
 *
 * Reads a supply model (docs/supply-model.md) and a list of scenarios (docs/scenarios.md), plans the
 * base and every scenario, and writes the side-by-side comparison (figures as rows; base, then each
 * scenario and its delta to the base as columns) as CSV to --out, or to standard output. A scenario
 * that cannot be planned is reported on stderr and in the table's "error" row; the exit code is then 1.
 * @param args command-line arguments after "scenario"
 * @param planner plans one model (default: the least-cost plan from HiGHS, `optimalPlanner`)
 * @returns exit code: 0 when every scenario was planned, 1 otherwise
 * @example await runScenarioCommand(["model.json", "scenarios.json", "--out", "comparison.csv"])
 */
export async function runScenarioCommand(args: string[], planner: Planner = optimalPlanner()): Promise<number> {
  try {
    const options = parseArguments(args);
    if (options.out !== undefined) assertNotInput(options.out, [options.model, options.scenarios]);
    const model = validateSupplyModel(readJsonFile(options.model, "supply model"));
    const scenarios = parseScenarios(readJsonFile(options.scenarios, "scenarios"));
    const comparison = await compareScenarios(model, scenarios, planner);
    const csv = comparisonCsv(comparisonTable(comparison));
    if (options.out === undefined) process.stdout.write(csv);
    else {
      writeOutputFile(options.out, csv, [options.model, options.scenarios]);
    }
    const failed = comparison.scenarios.filter((s) => s.error !== undefined);
    for (const s of failed) process.stderr.write(`sop scenario: ${s.name}: ${s.error}\n`);
    if (options.out !== undefined) {
      process.stderr.write(`scenario: base and ${scenarios.length - failed.length}/${scenarios.length} scenarios compared, written to ${options.out}\n`);
    }
    return failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof PlanningError) {
      process.stderr.write(`sop scenario: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
