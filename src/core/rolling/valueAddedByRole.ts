import { forecastValueAdded, type FvaMetric } from "../reconcile/fva";
import { judgedForecasts, MAX_LAG, type JudgedForecast } from "./judgedForecasts";
import type { ActualRow, ForecastSnapshots } from "./snapshot";

/** What one step of the forecasting process added over the cycles. */
export interface StepValueAdded {
  /** "Naive", "Statistical", a role's name ("Sales", ...), or "Consensus". */
  step: string;
  kind: "naive" | "statistical" | "role" | "consensus";
  /** Error of the step's forecast over the judged item-months (WMAPE in percent by default). */
  error: number;
  /** error(naive) - error(step): positive = better than carrying the last month forward. */
  vsNaive: number;
  /**
   * error(statistical) - error(step): what the role's override alone (or the whole consensus) added
   * over the statistical forecast; 0 for the naive and statistical steps.
   */
  vsStatistical: number;
  /** Item-months where this step's figure differs from the statistical forecast (0 for naive and statistical). */
  changed: number;
}

/** Forecast value added over a set of cycles. */
export interface ValueAddedReport {
  /** Cycles behind the figures. */
  cycles: number;
  /** Item-months judged. */
  points: number;
  /** Naive, statistical, each role in name order, consensus. */
  steps: StepValueAdded[];
}

/** Options of `valueAddedByRole`. */
export interface ValueAddedOptions {
  /** Judge only this lag (e.g. the lead time); default every lag from 1 to 6. */
  lag?: number;
  /** Error metric (default wmape, in percent, so value added reads in percentage points). */
  metric?: FvaMetric;
}

/**
 * Forecast value added per role over the cycles (SOP-GUIDE): the naive forecast (last actual carried
 * forward), then the statistical forecast, then each role's override applied alone to the statistical
 * forecast, then the consensus, all judged against the actuals on the same item-months. A role's
 * override that makes the forecast worse shows a negative `vsStatistical`. Where a role did not
 * override an item and month its figure is the statistical one, so every role is judged on the same
 * item-months as the others; `changed` says how many it touched. Errors come from
 * src/core/reconcile/fva.ts (forecastValueAdded), hence from src/core/metrics.
 * Returns null when no item-month has an actual yet, or when the judged actuals add up to 0 (no
 * volume to weigh errors by).
 * @param snapshots snapshot rows of the cycles run so far
 * @param actuals the history's actual demand
 * @param options one lag only (default 1 to 6) and the metric (default wmape in percent)
 * @throws PlanningError when an actual or a snapshot figure is not a number
 * @example valueAddedByRole(snapshots, actuals)?.steps // [{ step: "Naive", error: 20 }, { step: "Statistical", error: 12, vsNaive: 8 }, { step: "Sales", vsStatistical: -3 }, ...]
 */
export function valueAddedByRole(snapshots: ForecastSnapshots, actuals: readonly ActualRow[], options: ValueAddedOptions = {}): ValueAddedReport | null {
  const judged = judgedForecasts(snapshots, actuals).filter((r) => (options.lag === undefined ? r.lag <= MAX_LAG : r.lag === options.lag));
  return valueAddedOf(judged, options.metric ?? "wmape");
}

/**
 * Forecast value added cycle by cycle (see `valueAddedByRole`): one report per cycle that has judged
 * item-months, oldest first, so a planner sees whether a role's overrides improve over time.
 * @throws PlanningError when an actual or a snapshot figure is not a number
 */
export function valueAddedByCycle(snapshots: ForecastSnapshots, actuals: readonly ActualRow[], options: ValueAddedOptions = {}): { cycle: string; report: ValueAddedReport }[] {
  const judged = judgedForecasts(snapshots, actuals).filter((r) => (options.lag === undefined ? r.lag <= MAX_LAG : r.lag === options.lag));
  const cycles = [...new Set(judged.map((r) => r.cycle))].sort();
  const result: { cycle: string; report: ValueAddedReport }[] = [];
  for (const cycle of cycles) {
    const report = valueAddedOf(
      judged.filter((r) => r.cycle === cycle),
      options.metric ?? "wmape",
    );
    if (report !== null) result.push({ cycle, report });
  }
  return result;
}

function valueAddedOf(judged: readonly JudgedForecast[], metric: FvaMetric): ValueAddedReport | null {
  if (judged.length === 0 || judged.every((r) => r.actual === 0)) return null;
  const roles = [...new Set(judged.flatMap((r) => Object.keys(r.roles)))].sort((a, b) => a.localeCompare(b));
  const roleForecast = (role: string): number[] => judged.map((r) => r.roles[role] ?? r.statistical);
  const steps = [
    { name: "Naive", forecast: judged.map((r) => r.naive) },
    { name: "Statistical", forecast: judged.map((r) => r.statistical) },
    ...roles.map((role) => ({ name: role, forecast: roleForecast(role) })),
    { name: "Consensus", forecast: judged.map((r) => r.consensus) },
  ];
  const rows = forecastValueAdded(
    judged.map((r) => r.actual),
    steps,
    metric,
  );
  const statisticalError = rows[1].error;
  const last = steps.length - 1;
  return {
    cycles: new Set(judged.map((r) => r.cycle)).size,
    points: judged.length,
    steps: rows.map((row, i) => {
      const kind = i === 0 ? "naive" : i === 1 ? "statistical" : i === last ? "consensus" : "role";
      const changed = i < 2 ? 0 : steps[i].forecast.filter((f, t) => f !== judged[t].statistical).length;
      return { step: row.step, kind, error: row.error, vsNaive: row.vsNaive, vsStatistical: i < 2 ? 0 : statisticalError - row.error, changed };
    }),
  };
}
