import { PlanningError } from "../errors";
import { optimizeSupply, type OptimizeOptions } from "../supply/optimizeSupply";
import { summarisePlan, type Planner } from "./planSummary";

/**
 * The planner scenarios use by default: the least-cost supply plan (HiGHS, `optimizeSupply`),
 * summarised by `summarisePlan`. Kept out of the reconcile index so that importing the gap or
 * consensus functions does not load the solver.
 * @param options HiGHS runtime, time limit, algorithm
 * @returns a Planner; it throws PlanningError with the optimiser's sentence when a model has no plan
 *   (infeasible, unbounded, time limit)
 * @example await compareScenarios(base, scenarios, optimalPlanner({ timeLimitSeconds: 60 }))
 */
export function optimalPlanner(options: OptimizeOptions = {}): Planner {
  return async (model) => {
    const outcome = await optimizeSupply(model, options);
    if (outcome.status !== "optimal") throw new PlanningError(outcome.message, "notAvailable");
    return summarisePlan(model, outcome.plan);
  };
}
