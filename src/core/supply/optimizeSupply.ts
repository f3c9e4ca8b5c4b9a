/**
 * The optimal supply plan: the supply LP (see supplyLp.ts) solved with HiGHS, read back into a
 * SupplyPlan with the cost by kind and the marginal value of an hour of each resource in each period.
 * When there is no plan the outcome carries a sentence for the planner instead.
 */

import type { Highs } from "highs";
import type { LpSolution, SolveOptions } from "../optimize/highsSolve";
import { inThreadSolver, lpSolver, type LpSession } from "../optimize/lpSolver";
import { describeUnbounded, diagnoseInfeasibility, negativeCosts, overfullStorage } from "./diagnoseSupply";
import { lanePlans, planCost, planService, resourcePlans, storagePlans } from "./evaluatePlan";
import { DEFAULT_MIP_GAP, isMixedInteger, type SupplyModel } from "./model";
import type { ItemPlan, SupplyOutcome, SupplyPlan, WorkforceSchedule } from "./plan";
import { buildSupplyLp, type SupplyLpIndex } from "./supplyLp";

/** Options of the optimiser. */
export interface OptimizeOptions extends SolveOptions {
  /** A loaded HiGHS runtime to solve with in this thread (default: the solver in use, see `lpSolver`). */
  highs?: Highs;
  /**
   * A kept HiGHS model (a `HighsSession` in this thread, or `openLpSession()` where the solver runs): a
   * model with the structure of the last one solved in it is re-solved from that plan's basis (a
   * re-plan after edited demand, capacity or costs).
   */
  session?: LpSession;
}

const INFEASIBLE = "No plan meets every constraint of the model. Check the workforce limits and the opening backlog of items that may not carry backlog.";

/** The sentence for a model the elastic copy cannot explain, naming overfull storage where there is some. */
function infeasible(model: SupplyModel): string {
  const overfull = overfullStorage(model);
  return overfull.length === 0 ? INFEASIBLE : `No plan meets every constraint of the model: ${overfull.join("; ")}. Raise the storage limit, or lower the opening stock there.`;
}

/**
 * From this many variables the interior-point method (with crossover, so duals and a basic plan are
 * still returned) is used by default for a model without lanes: on generated 1000 x 20 x 36 plans it
 * needs about a third of the CPU time of dual simplex (bench/supply-scale.ts). Networks with lanes are
 * solved by dual simplex, which needs less than half the CPU time of interior point there
 * (bench/network.ts: 3.9 s against 10.5 s at 100 items x 5 locations, 21 s against 44 s at 300).
 */
const INTERIOR_POINT_FROM = 50_000;

/**
 * Dual simplex settings for a network LP: without presolve and with devex pricing it needs about half
 * the CPU time of HiGHS's defaults for the same optimum (bench/network.ts, 300 items x 5 locations x 36
 * months: 10.7 s against 22.1 s; 600 items: 36.6 s against 62 s).
 */
const NETWORK_SIMPLEX: SolveOptions = { presolve: false, devexPricing: true };

/** Values below this are reported as 0 (solver round-off). */
const ZERO = 1e-9;

function read(x: Float64Array, cols: Int32Array): number[] {
  return Array.from(cols, (c) => {
    if (c < 0) return 0;
    const v = x[c];
    return Math.abs(v) < ZERO ? 0 : v;
  });
}

/** Turns an optimal LP solution back into a plan. */
function planFromSolution(model: SupplyModel, index: SupplyLpIndex, solution: LpSolution): SupplyPlan {
  const x = solution.colValue;
  const items: ItemPlan[] = model.items.map((item, i) => ({
    itemId: item.id,
    ...(item.location === undefined ? {} : { location: item.location }),
    production: read(x, index.production[i]),
    subcontract: read(x, index.subcontract[i]),
    inventory: read(x, index.inventory[i]),
    backlog: read(x, index.backlog[i]),
    lost: read(x, index.lost[i]),
    safetyStockShortfall: read(x, index.shortfall[i]),
  }));
  const workforce: WorkforceSchedule | undefined =
    model.workforce === undefined ? undefined : { workers: read(x, index.workers), hires: read(x, index.hires), layoffs: read(x, index.layoffs) };
  const overtime = index.overtime.map((cols) => read(x, cols));
  const duals = (rows: Int32Array[]): number[][] | undefined =>
    solution.rowDual.length === 0 ? undefined : rows.map((list) => Array.from(list, (r) => (r < 0 ? 0 : Math.max(0, -solution.rowDual[r]))));
  const production = items.map((p) => p.production);
  const resources = resourcePlans(model, production, overtime, workforce, duals(index.capacityRow));
  const lanes = model.lanes === undefined ? undefined : lanePlans(model, index.transfers.map((move) => read(x, move.columns)), duals(index.laneRow));
  const plan: SupplyPlan = { strategy: "optimal", items, resources, cost: planCost(model, items, resources, workforce, lanes), service: planService(model, items) };
  if (workforce !== undefined) plan.workforce = workforce;
  if (lanes !== undefined) plan.lanes = lanes;
  if (model.locations !== undefined) plan.storage = storagePlans(model, items, duals(index.storageRow));
  return plan;
}

/**
 * Finds the least-cost supply plan of a validated model (regular production, overtime,
 * subcontracting, inventory, backlog, lost sales and, with a workforce, hires and layoffs).
 * @param model a model from `validateSupplyModel`.
 * @param options HiGHS runtime, time limit, algorithm (default: simplex, interior point for large plans).
 * @returns status "optimal" with the plan, or "infeasible" / "unbounded" / "timeLimit" / "error" with a
 *   sentence saying what cannot be met (resource and period) or why the solve stopped. A time-limit
 *   stop never returns a plan.
 * @example const outcome = await optimizeSupply(model); if (outcome.status === "optimal") outcome.plan.cost.total
 */
export async function optimizeSupply(model: SupplyModel, options: OptimizeOptions = {}): Promise<SupplyOutcome> {
  const solve = options.highs ? inThreadSolver(options.highs) : lpSolver();
  const started = performance.now();
  const { lp, index } = buildSupplyLp(model);
  const buildSeconds = (performance.now() - started) / 1000;
  const { session } = options;
  const network = (model.lanes ?? []).length > 0;
  const solver = options.solver ?? (options.startBasis === undefined && lp.numCols >= INTERIOR_POINT_FROM && !network ? "ipm" : "choose");
  const settings: SolveOptions = {
    ...(options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds }),
    ...(options.startBasis === undefined ? {} : { startBasis: options.startBasis }),
    solver,
    ...(isMixedInteger(model) ? { mipRelativeGap: model.mipGap ?? DEFAULT_MIP_GAP } : network && solver !== "ipm" ? NETWORK_SIMPLEX : {}),
  };
  const solution: LpSolution & { warm?: boolean } = session ? await session.solve(lp, settings) : await solve(lp, settings);
  const size = {
    buildSeconds,
    solveSeconds: solution.solveSeconds,
    variables: lp.numCols,
    constraints: lp.numRows,
    warm: solution.warm === true || (options.startBasis !== undefined && solution.basis !== undefined),
  };
  switch (solution.status) {
    case "optimal": {
      const found: SupplyOutcome = { status: "optimal", plan: planFromSolution(model, index, solution), objective: solution.objective, ...size };
      if (solution.basis !== undefined) found.basis = solution.basis;
      if (solution.mipGap !== undefined) found.mipGap = solution.mipGap;
      return found;
    }
    case "infeasible":
      return { status: "infeasible", message: (await diagnoseInfeasibility(model, solve)) ?? infeasible(model), ...size };
    case "unbounded":
      return { status: "unbounded", message: describeUnbounded(model), ...size };
    case "infeasibleOrUnbounded": {
      // presolve can stop here for either; the elastic model tells which
      const message = await diagnoseInfeasibility(model, solve);
      if (message === undefined && negativeCosts(model).length > 0) return { status: "unbounded", message: describeUnbounded(model), ...size };
      return { status: "infeasible", message: message ?? infeasible(model), ...size };
    }
    case "timeLimit":
      return {
        status: "timeLimit",
        message: `The optimiser stopped at its time limit of ${options.timeLimitSeconds ?? 0} s before finding the best plan, so no plan is shown. Allow more time, plan families instead of single items, or shorten the horizon.`,
        ...size,
      };
    default:
      return { status: "error", message: `The optimiser stopped without a plan (${solution.status}). Check the model for extreme numbers (very large or very small costs or hours).`, ...size };
  }
}
