import { PlanningError } from "../core/errors";
import { chasePlan, compareStrategies, levelPlan, networkSizeNotice, optimizeSupply, planTransfers, strategyLine, validateSupplyModel } from "../core/supply";
import type { LpBasis } from "../core/optimize/highsSolve";
import type { StrategySummary, SupplyModel, SupplyOutcome, SupplyPlan } from "../core/supply";
import { readCommandLine } from "./commandLine";
import { assertNotInput, readJsonFile, writeOutputFile } from "./files";

const STRATEGIES = ["optimal", "chase", "level", "all"] as const;
type StrategyChoice = (typeof STRATEGIES)[number];

/** Parsed command line of `sop supply`. */
interface SupplyArguments {
  input: string;
  out: string;
  strategy: StrategyChoice;
  timeLimitSeconds?: number;
  /** A plan file written before, whose stored basis starts the solve. */
  from?: string;
}

const USAGE = "sop supply model.json --out plan.json [--strategy optimal|chase|level|all] [--time-limit seconds] [--from previous-plan.json]";

function parseArguments(args: string[]): SupplyArguments {
  const { positionals, values } = readCommandLine(args, { out: "value", strategy: "value", "time-limit": "value", from: "value" }, USAGE);
  if (positionals.length !== 1) throw new PlanningError(`Give exactly one model file: ${USAGE}`);
  if (!values.out) throw new PlanningError("Say where to write the plan with --out plan.json.");
  const strategy = values.strategy ?? "optimal";
  if (!(STRATEGIES as readonly string[]).includes(strategy)) throw new PlanningError(`--strategy must be one of ${STRATEGIES.join(", ")}, not "${strategy}".`);
  const limit = values["time-limit"];
  const timeLimitSeconds = limit === undefined ? undefined : Number(limit);
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0)) throw new PlanningError(`--time-limit must be a number of seconds > 0, not "${limit}".`);
  return {
    input: positionals[0],
    out: values.out,
    strategy: strategy as StrategyChoice,
    ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }),
    ...(values.from === undefined ? {} : { from: values.from }),
  };
}

function readModel(file: string): SupplyModel {
  return validateSupplyModel(readJsonFile(file, "model"));
}

const money = (v: number): string => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function summaryLine(s: StrategySummary): string {
  if (Number.isNaN(s.totalCost)) return `${s.strategy.padEnd(8)} no plan: ${s.message ?? ""}`;
  return `${s.strategy.padEnd(8)} cost ${money(s.totalCost).padStart(16)}   fill rate ${(100 * s.fillRate).toFixed(1).padStart(5)}%   backlog ${Math.round(s.backlogUnitPeriods).toLocaleString("en-US")} unit-months   revenue at risk ${money(s.revenueAtRisk)}   peak inventory ${Math.round(s.peakInventory).toLocaleString("en-US")}`;
}


/** A basis as the plan file stores it: one digit (HiGHS status 0-4) per column and per row. */
interface StoredBasis {
  columns: string;
  rows: string;
}

const encode = (codes: Int32Array): string => Array.from(codes, String).join("");

/**
 * The basis stored in a plan file by an earlier `sop supply`, or undefined when it holds none (a chase
 * or level plan, a whole-unit plan, or a file written before bases were stored).
 * @throws PlanningError when the file cannot be read or its basis is damaged
 */
function storedBasis(file: string): LpBasis | undefined {
  const json = readJsonFile(file, "previous plan") as { basis?: unknown; optimal?: { basis?: unknown } };
  const raw = (json.basis ?? json.optimal?.basis) as Partial<StoredBasis> | undefined;
  if (raw === undefined) return undefined;
  const decode = (text: unknown, what: string): Int32Array => {
    if (typeof text !== "string" || !/^[0-4]*$/.test(text)) throw new PlanningError(`${file}: basis.${what} must be a text of digits 0-4; write the plan again with sop supply.`);
    return Int32Array.from(text, (c) => Number(c));
  };
  return { colStatus: decode(raw.columns, "columns"), rowStatus: decode(raw.rows, "rows") };
}

/** A plan as the file holds it: with a network model, its shipments listed as transfers (from, to, item, period, units). */
function planJson(model: SupplyModel, plan: SupplyPlan): SupplyPlan & { transfers?: ReturnType<typeof planTransfers> } {
  return plan.lanes === undefined ? plan : { ...plan, transfers: planTransfers(model, plan.lanes) };
}

/** JSON form of an optimiser outcome (a plan, or the status and the planner's sentence), with its basis for the next re-plan. */
function outcomeJson(model: SupplyModel, o: SupplyOutcome): Record<string, unknown> {
  const solver = { variables: o.variables, constraints: o.constraints, buildSeconds: o.buildSeconds, solveSeconds: o.solveSeconds, warm: o.warm };
  if (o.status !== "optimal") return { status: o.status, message: o.message, solver };
  const basis: StoredBasis | undefined = o.basis === undefined ? undefined : { columns: encode(o.basis.colStatus), rows: encode(o.basis.rowStatus) };
  return { status: o.status, solver: { ...solver, ...(o.mipGap === undefined ? {} : { mipGap: o.mipGap }) }, plan: planJson(model, o.plan), ...(basis ? { basis } : {}) };
}

/**
 * `sop supply model.json --out plan.json [--strategy optimal|chase|level|all] [--time-limit seconds]
 * [--from previous-plan.json]`: plans the supply model (JSON, docs/supply-model.md) and writes the
 * plan(s) as JSON with the optimal plan's basis; prints cost, fill rate and peak inventory per strategy.
 * With --from the solve starts from the basis stored in an earlier plan file (a re-plan after edited
 * numbers; a basis that does not fit the model is ignored and the plan is made from scratch). Returns 0 when every requested plan was made, 2 when the
 * optimiser found none (its reason is printed on stderr and, with --strategy all, written to the file).
 * @throws PlanningError for bad arguments, an unreadable file or an invalid model.
 * @example await runSupplyCommand(["model.json", "--out", "plan.json", "--strategy", "all"]) // 0
 */
export async function runSupplyCommand(args: string[]): Promise<number> {
  const options = parseArguments(args);
  assertNotInput(options.out, [options.input]);
  const model = readModel(options.input);
  const startBasis = options.from === undefined ? undefined : storedBasis(options.from);
  const solve = { ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }), ...(startBasis === undefined ? {} : { startBasis }) };
  const notice = options.strategy === "chase" || options.strategy === "level" ? undefined : networkSizeNotice(model);
  if (notice !== undefined) process.stderr.write(`sop supply: ${notice}\n`);
  let output: Record<string, unknown>;
  let summary: StrategySummary[];
  let failure: string | undefined;
  if (options.strategy === "all") {
    const c = await compareStrategies(model, solve);
    output = { summary: c.summary, chase: planJson(model, c.chase), level: planJson(model, c.level), optimal: outcomeJson(model, c.optimal) };
    summary = c.summary;
    if (c.optimal.status !== "optimal") failure = c.optimal.message;
  } else if (options.strategy === "optimal") {
    const o = await optimizeSupply(model, solve);
    if (o.status !== "optimal") {
      process.stderr.write(`sop supply: ${o.message}\n`);
      return 2;
    }
    output = outcomeJson(model, o);
    summary = [strategyLine(o.plan)];
    if (o.mipGap !== undefined) process.stdout.write(`whole-unit plan within ${(100 * o.mipGap).toFixed(2)}% of the best possible cost\n`);
    if (options.from !== undefined) process.stdout.write(o.warm ? `re-planned from the basis in ${options.from} in ${o.solveSeconds.toFixed(2)} s\n` : `${options.from} holds no basis this model can use: planned from scratch\n`);
  } else {
    const plan = options.strategy === "chase" ? chasePlan(model) : levelPlan(model);
    output = { plan: planJson(model, plan) };
    summary = [strategyLine(plan)];
  }
  writeOutputFile(options.out, JSON.stringify(output, null, 1), [options.input, ...(options.from === undefined ? [] : [options.from])]);
  process.stdout.write(`${summary.map(summaryLine).join("\n")}\nwritten to ${options.out}\n`);
  if (failure !== undefined) {
    process.stderr.write(`sop supply: ${failure}\n`);
    return 2;
  }
  return 0;
}
