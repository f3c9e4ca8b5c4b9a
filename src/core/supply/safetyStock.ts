/**
 * Safety stock for a cycle service level or a fill rate (SOP-GUIDE; Chopra & Meindl, Supply Chain
 * Management, ch. 12 "Managing uncertainty in a supply chain: safety inventory").
 */

import { mean, rootMeanSquare, sampleStandardDeviation } from "simple-statistics";
import { PlanningError } from "../errors";
import { inverseNormal, inverseNormalLoss } from "./standardNormal";

/** Demand and lead-time uncertainty, per period. */
export interface DemandUncertainty {
  /** Mean demand per period d. */
  demandMean: number;
  /** Standard deviation of demand per period s_d. */
  demandStdDev: number;
  /** Replenishment lead time L in periods (> 0). */
  leadTime: number;
  /** Standard deviation of the lead time s_L in periods (default 0). */
  leadTimeStdDev?: number;
}

function nonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new PlanningError(`${name} must be a number >= 0 (it is ${value}).`, "invalidNumber");
}

/**
 * Standard deviation of demand over the lead time: sqrt(L s_d^2 + d^2 s_L^2).
 * @throws PlanningError for a negative or non-numeric input, or a lead time of 0.
 * @example leadTimeDemandStdDev({ demandMean: 2500, demandStdDev: 500, leadTime: 2 }) // 707.1
 */
export function leadTimeDemandStdDev(u: DemandUncertainty): number {
  nonNegative(u.demandMean, "Mean demand");
  nonNegative(u.demandStdDev, "The standard deviation of demand");
  nonNegative(u.leadTime, "The lead time");
  const sL = u.leadTimeStdDev ?? 0;
  nonNegative(sL, "The standard deviation of the lead time");
  if (u.leadTime === 0) throw new PlanningError("The lead time must be more than 0 periods.", "invalidNumber");
  return Math.sqrt(u.leadTime * u.demandStdDev ** 2 + u.demandMean ** 2 * sL ** 2);
}

/**
 * Safety stock for a cycle service level (probability of no stock-out in a replenishment cycle):
 * SS = z sqrt(L s_d^2 + d^2 s_L^2), z = inverse normal(service level).
 * Reference: Chopra & Meindl, Examples 12-3 and 12-7 (CSL 0.90, d 2500, s_d 500, L 2 -> 906).
 * @param serviceLevel cycle service level, 0 < level < 1.
 * @throws PlanningError for a level outside (0, 1) or bad demand figures.
 * @example safetyStock(0.9, { demandMean: 2500, demandStdDev: 500, leadTime: 2 }) // 906.2
 */
export function safetyStock(serviceLevel: number, u: DemandUncertainty): number {
  return inverseNormal(serviceLevel) * leadTimeDemandStdDev(u);
}

function checkHistory(values: readonly number[], name: string): number[] {
  const clean = values.filter((v) => Number.isFinite(v));
  if (clean.length < 2) throw new PlanningError(`${name} needs at least 2 numbers to measure variability (it has ${clean.length}).`);
  return clean;
}

/**
 * Safety stock for a service level from a demand history: d = mean, s_d = sample standard deviation
 * of the history (blanks ignored), then `safetyStock`.
 * @param history demand per period (at least 2 numbers).
 * @param leadTime lead time in periods; leadTimeStdDev its standard deviation (default 0).
 * @throws PlanningError when the history has fewer than 2 numbers or inputs are invalid.
 * @example safetyStockFromHistory([90, 110, 100, 100], 0.95, 1) // 13.4
 */
export function safetyStockFromHistory(history: readonly number[], serviceLevel: number, leadTime: number, leadTimeStdDev = 0): number {
  const values = checkHistory(history, "The demand history");
  return safetyStock(serviceLevel, { demandMean: mean(values), demandStdDev: sampleStandardDeviation(values), leadTime, leadTimeStdDev });
}

/**
 * Safety stock for a service level from forecast errors: s_d = root mean square of actual - forecast
 * (the one-period forecast error), d = mean forecast, then `safetyStock`.
 * @param actual actual demand per period; forecast the forecasts made for those periods.
 * @throws PlanningError when lengths differ or fewer than 2 pairs are given.
 * @example safetyStockFromForecastErrors([100, 120, 80], [110, 110, 90], 0.9, 1) // 12.8
 */
export function safetyStockFromForecastErrors(actual: readonly number[], forecast: readonly number[], serviceLevel: number, leadTime: number, leadTimeStdDev = 0): number {
  if (actual.length !== forecast.length) throw new PlanningError(`Actuals have ${actual.length} periods but forecasts ${forecast.length}; give one forecast per actual.`);
  const errors: number[] = [];
  const forecasts: number[] = [];
  actual.forEach((a, t) => {
    if (Number.isFinite(a) && Number.isFinite(forecast[t])) {
      errors.push(a - forecast[t]);
      forecasts.push(forecast[t]);
    }
  });
  checkHistory(errors, "Actuals and forecasts");
  return safetyStock(serviceLevel, { demandMean: mean(forecasts), demandStdDev: rootMeanSquare(errors), leadTime, leadTimeStdDev });
}

/** Result of the fill-rate calculation. */
export interface FillRateSafetyStock {
  /** Safety factor k (may be negative when the order quantity alone nearly meets the fill rate). */
  k: number;
  /** Safety stock k x sigma_L, floored at 0. */
  safetyStock: number;
  /** Expected shortage per replenishment cycle (1 - fill rate) x Q. */
  expectedShortage: number;
}

/**
 * Safety stock for a fill rate (share of demand served from stock) with order quantity Q: solve
 * sigma_L G(k) = (1 - fillRate) Q for k with the standard normal loss function G, SS = k sigma_L,
 * sigma_L = sqrt(L s_d^2 + d^2 s_L^2). Reference: Chopra & Meindl, Example 12-4 (fill rate 0.975,
 * Q 10,000, s_d 500 per week, L 2 weeks -> SS about 67).
 * @param fillRate target fill rate, 0 < fillRate < 1.
 * @param orderQuantity replenishment lot size Q (> 0).
 * @throws PlanningError for a fill rate outside (0, 1), Q <= 0 or bad demand figures.
 * @example fillRateSafetyStock(0.975, 10000, { demandMean: 2500, demandStdDev: 500, leadTime: 2 }).safetyStock // 67
 */
export function fillRateSafetyStock(fillRate: number, orderQuantity: number, u: DemandUncertainty): FillRateSafetyStock {
  if (!(fillRate > 0 && fillRate < 1)) throw new PlanningError(`A fill rate must be strictly between 0 and 1 (e.g. 0.98), not ${fillRate}.`, "invalidNumber");
  if (!(orderQuantity > 0) || !Number.isFinite(orderQuantity)) throw new PlanningError(`The order quantity must be a number > 0, not ${orderQuantity}.`, "invalidNumber");
  const sigma = leadTimeDemandStdDev(u);
  const expectedShortage = (1 - fillRate) * orderQuantity;
  if (sigma === 0) return { k: 0, safetyStock: 0, expectedShortage };
  const k = inverseNormalLoss(expectedShortage / sigma);
  return { k, safetyStock: Math.max(0, k * sigma), expectedShortage };
}
