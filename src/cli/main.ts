import { PlanningError } from "../core/errors";
import { runDiffCommand } from "./diffCommand";
import { runForecastCommand } from "./forecastCommand";
import { runGatherCommand } from "./gatherCommand";
import { runHistoryCommand } from "./historyCommand";
import { runInspectCommand } from "./inspectCommand";
import { runPackCommand } from "./packCommand";
import { runNextCycleCommand } from "./cycleCommand";
import { runCycleCommand } from "./runCommand";
import { runScenarioCommand } from "./scenarioCommand";
import { runSupplyCommand } from "./supplyCommand";
import { runVerifyCommand } from "./verifyCommand";

const USAGE = `sop: Sales & Operations Planning from the command line

  sop inspect book.xlsx                      sheets, tables and what the data mapping recognises
  sop gather lines.csv|lines.parquet --into book.xlsx --out new.xlsx [--bucket month|week]
             [--columns "date=Created On,location=Plant"]
                                             order lines by item x location x month into the history
  sop history book.xlsx --out history.csv [--bucket month|week]
                                             the demand history step 1 reads: item,location,period,quantity
  sop run book.xlsx --out planned.xlsx [--approve "Name" [--scenario "Demand +10%"] [--receipt receipt.json]]
          [--accept-errors "reason"] [--force]
                                             steps 1 to 5 of the S&OP cycle on a workbook
  sop cycle book.xlsx --actuals month.csv --out next.xlsx [--approve "Name" [--receipt receipt.json]] [--force]
                                             the month's actuals (item,location,period,quantity) into the
                                             history, then steps 1 to 5 of the next cycle
  sop verify book.xlsx [--receipt receipt.json]
                                             recompute every approved plan; exit 2 when one changed
  sop diff book.xlsx v1 v2 [--out compared.xlsx]
                                             two approved versions compared by item and month
  sop pack planned.xlsx --out pack.pptx      the executive pack of step 5 as a PowerPoint deck
  sop forecast history.csv --horizon H [--season M] [--method auto|ets|theta|croston|...]
               [--level 80,95] --out forecasts.csv
  sop forecast - --horizon H ... [--out forecasts.csv]
                                             the same, streamed from standard input to standard output
  sop supply model.json --out plan.json [--strategy optimal|chase|level|all]
  sop scenario model.json scenarios.json --out comparison.csv
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  inspect: runInspectCommand,
  gather: runGatherCommand,
  history: runHistoryCommand,
  run: runCycleCommand,
  cycle: runNextCycleCommand,
  verify: runVerifyCommand,
  diff: runDiffCommand,
  pack: runPackCommand,
  forecast: runForecastCommand,
  supply: runSupplyCommand,
  scenario: (args) => runScenarioCommand(args),
};

/**
 * Run one `sop` command and return its exit code. Planner-facing errors print as one line on stderr;
 * anything unexpected prints its message, never a stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`sop: unknown command "${name}".\n\n${USAGE}`);
    return 1;
  }
  try {
    return await command(args);
  } catch (error) {
    const message = error instanceof PlanningError ? error.message : `unexpected problem: ${(error as Error).message ?? String(error)}`;
    process.stderr.write(`sop ${name}: ${message}\n`);
    return 1;
  }
}
