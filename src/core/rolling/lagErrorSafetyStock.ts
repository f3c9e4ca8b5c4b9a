import { PlanningError } from "../errors";
import { rmse } from "../metrics";
import { safetyStock } from "../supply/safetyStock";
import { judgedFigure, judgedForecasts, type JudgedFigure } from "./judgedForecasts";
import type { ActualRow, ForecastSnapshots } from "./snapshot";

/**
 * Fewest past cycles whose lead-time error is known before it replaces the holdout RMSE. With n
 * errors an RMSE is known to about 1/sqrt(2n) of itself: 6 cycles give about +/-29%, no worse than the
 * holdout of a forecast fitted on a few years of history, and half a year of monthly cycles is what a
 * planner waits before trusting a measured figure.
 */
export const MIN_CYCLES_FOR_LAG_ERROR = 6;

/** One item (at one location) whose safety stock is wanted. */
export interface LagErrorRequest {
  item: string;
  /** "" (default) when the workbook has no locations. */
  location?: string;
  /** Replenishment lead time in whole months (>= 1): the lag at which production is committed. */
  leadTime: number;
  /** Cycle service level, 0 < level < 1 (e.g. 0.95). */
  serviceLevel: number;
  /** RMSE of the one-month forecast error from the forecast step's holdout, used until enough cycles exist. */
  holdoutRmse: number;
}

/** The safety stock of one item and where its error figure came from. */
export interface LagErrorSafetyStock {
  item: string;
  location: string;
  /** Units to hold: z x the RMSE of the demand error over the lead time. */
  safetyStock: number;
  /** "lagError" when measured over past cycles, "holdout" while there are fewer than the minimum cycles. */
  source: "lagError" | "holdout";
  /** RMSE of the error of demand over the lead time, in units (sqrt(L) x the holdout RMSE for the holdout). */
  leadTimeRmse: number;
  /** Cycles whose lead-time error is known. */
  cycles: number;
  /** Cycles needed before the measured error is used. */
  minCycles: number;
}

/** Options of `lagErrorSafetyStocks`. */
export interface LagErrorOptions {
  /** Cycles needed before the measured error replaces the holdout RMSE (default 6). */
  minCycles?: number;
  /** The figure the plan was made from: consensus (default) or statistical. */
  figure?: JudgedFigure;
}

function key(item: string, location: string): string {
  return `${item}\u0000${location}`;
}

/**
 * Safety stock sized from the forecast error at the lead-time lag measured over past cycles. A cycle
 * commits production `leadTime` months ahead, so what the stock must absorb is how far that cycle's
 * forecast of demand over the next `leadTime` months (lags 1 to L, summed) fell from the actual demand
 * of those months. Its RMSE over the cycles, times z for the service level, is the safety stock:
 * SS = z x sqrt(mean over cycles of (sum of actual - sum of forecast over lags 1..L)^2). For a lead
 * time of one month this is the RMSE of the lag-1 errors times z.
 * Until `minCycles` cycles have a known lead-time error the holdout RMSE is used with the convention of
 * src/core/supply/safetyStock.ts and the supply step: SS = z x sqrt(L) x holdout RMSE (independent
 * monthly errors). Measuring the summed error directly also catches errors that run the same way month
 * after month, which the sqrt(L) rule misses.
 * @param snapshots snapshot rows of the cycles run so far
 * @param actuals the history's actual demand
 * @param requests one per item (and location): lead time, service level, holdout RMSE
 * @param options minimum cycles (default 6) and the figure judged (default consensus)
 * @returns one safety stock per request, in the same order
 * @throws PlanningError naming the item for a lead time that is not a whole number of months from 1,
 *   a service level outside (0, 1) or a holdout RMSE below 0
 * @example lagErrorSafetyStocks(snapshots, actuals, [{ item: "A", leadTime: 1, serviceLevel: 0.95, holdoutRmse: 12 }])[0]
 *   // { safetyStock: 19.7, source: "holdout", cycles: 2, ... } before 6 cycles; z x lag-1 RMSE after
 */
export function lagErrorSafetyStocks(
  snapshots: ForecastSnapshots,
  actuals: readonly ActualRow[],
  requests: readonly LagErrorRequest[],
  options: LagErrorOptions = {},
): LagErrorSafetyStock[] {
  const minCycles = options.minCycles ?? MIN_CYCLES_FOR_LAG_ERROR;
  const figure = options.figure ?? "consensus";
  if (!(Number.isInteger(minCycles) && minCycles >= 2)) throw new PlanningError(`The minimum number of cycles must be a whole number from 2, not ${minCycles}.`, "invalidNumber");
  for (const r of requests) {
    if (!(Number.isInteger(r.leadTime) && r.leadTime >= 1)) throw new PlanningError(`Item ${r.item}: the lead time must be a whole number of months from 1 (it is ${r.leadTime}).`, "invalidNumber");
    if (!(r.holdoutRmse >= 0)) throw new PlanningError(`Item ${r.item}: the holdout RMSE must be a number >= 0 (it is ${r.holdoutRmse}).`, "invalidNumber");
  }
  const wanted = new Set(requests.map((r) => key(r.item, r.location ?? "")));
  // per item: per cycle, lag -> [actual, forecast]
  const byItem = new Map<string, Map<string, Map<number, [number, number]>>>();
  for (const row of judgedForecasts(snapshots, actuals)) {
    const k = key(row.item, row.location);
    if (!wanted.has(k)) continue;
    let cycles = byItem.get(k);
    if (cycles === undefined) {
      cycles = new Map();
      byItem.set(k, cycles);
    }
    let lags = cycles.get(row.cycle);
    if (lags === undefined) {
      lags = new Map();
      cycles.set(row.cycle, lags);
    }
    const before = lags.get(row.lag) ?? [0, 0];
    lags.set(row.lag, [before[0] + row.actual, before[1] + judgedFigure(row, figure)]);
  }
  return requests.map((r) => {
    const location = r.location ?? "";
    const actualSums: number[] = [];
    const forecastSums: number[] = [];
    for (const lags of byItem.get(key(r.item, location))?.values() ?? []) {
      let actual = 0;
      let forecast = 0;
      let complete = true;
      for (let lag = 1; lag <= r.leadTime && complete; lag++) {
        const pair = lags.get(lag);
        if (pair === undefined) complete = false;
        else {
          actual += pair[0];
          forecast += pair[1];
        }
      }
      if (complete) {
        actualSums.push(actual);
        forecastSums.push(forecast);
      }
    }
    const cycles = actualSums.length;
    const measured = cycles >= minCycles;
    const leadTimeRmse = measured ? rmse(actualSums, forecastSums) : Math.sqrt(r.leadTime) * r.holdoutRmse;
    const stock = wrapItem(r.item, () => safetyStock(r.serviceLevel, { demandMean: 0, demandStdDev: leadTimeRmse, leadTime: 1 }));
    return { item: r.item, location, safetyStock: stock, source: measured ? "lagError" : "holdout", leadTimeRmse, cycles, minCycles };
  });
}

function wrapItem(item: string, compute: () => number): number {
  try {
    return compute();
  } catch (error) {
    if (error instanceof PlanningError) throw new PlanningError(`Item ${item}: ${error.message}`, error.kind);
    throw error;
  }
}
