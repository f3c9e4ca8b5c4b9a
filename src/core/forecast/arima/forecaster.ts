import { PlanningError } from "../../errors";
import { mae, rmse } from "../../metrics";
import { normalIntervals, validateLevels } from "../intervals";
import type { FitOptions, FittedModel, Forecast, Forecaster, FitStatistics } from "../model";
import { checkedHistory, requireHorizon } from "../requireHistory";
import { seasonalPart, type ArimaFit } from "./fit";
import { arimaForecast } from "./forecast";
import { autoArima } from "./search";

/**
 * Fewest observations automatic ARIMA accepts, as automatic ETS: below 10 values the search starts at
 * ARIMA(1,d,1), which with a drift needs 7 values for a finite AICc.
 */
const MIN_LENGTH = 7;

/**
 * The model's name as R's forecast package writes it: "ARIMA(p,d,q)", then "(P,D,Q)[m]" when a seasonal
 * order is non-zero, then "with drift" (constant, d + D = 1), "with non-zero mean" (constant, d + D = 0) or
 * "with zero mean" (no constant, d + D = 0).
 *
 * @param fit a fitted model.
 * @returns e.g. "ARIMA(1,1,1) with drift" or "ARIMA(0,1,1)(0,1,1)[12]".
 * @example
 * arimaName(fit) // "ARIMA(0,1,1)"
 */
export function arimaName(fit: ArimaFit): string {
  const { p, d, q, constant } = fit.order;
  const { P, D, Q, m } = seasonalPart(fit.order);
  const base = `ARIMA(${p},${d},${q})${m > 1 && P + D + Q > 0 ? `(${P},${D},${Q})[${m}]` : ""}`;
  if (constant) return `${base} ${d + D === 1 ? "with drift" : "with non-zero mean"}`;
  return d + D === 0 ? `${base} with zero mean` : base;
}

/** A fitted ARIMA model behind the shared FittedModel interface. */
class ArimaFittedModel implements FittedModel {
  readonly name: string;
  readonly statistics: FitStatistics;
  readonly parameters: Readonly<Record<string, number>>;
  readonly fitted: number[];

  constructor(private readonly fit: ArimaFit) {
    this.name = arimaName(fit);
    this.fitted = Array.from(fit.fitted);
    const defined = Array.from(fit.history.keys()).filter((t) => !Number.isNaN(fit.fitted[t]));
    const actual = defined.map((t) => fit.history[t]);
    const fittedValues = defined.map((t) => fit.fitted[t]);
    this.statistics = {
      logLik: fit.logLik,
      aic: fit.aic,
      aicc: fit.aicc,
      bic: fit.bic,
      sigma2: fit.sigma2,
      rmse: rmse(actual, fittedValues),
      mae: mae(actual, fittedValues),
      parameters: fit.coefficientCount + 1,
      n: fit.history.length,
    };
    const parameters: Record<string, number> = {};
    fit.phi.forEach((v, i) => (parameters[`ar${i + 1}`] = v));
    fit.theta.forEach((v, i) => (parameters[`ma${i + 1}`] = v));
    fit.seasonalPhi.forEach((v, i) => (parameters[`sar${i + 1}`] = v));
    fit.seasonalTheta.forEach((v, i) => (parameters[`sma${i + 1}`] = v));
    const { D, m } = seasonalPart(fit.order);
    // R's drift is the slope per period; the seasonally differenced series' mean is m times it.
    if (fit.order.constant) parameters[fit.order.d + D === 1 ? "drift" : "mean"] = D === 1 ? fit.intercept / m : fit.intercept;
    this.parameters = parameters;
  }

  forecast(horizon: number, levels: readonly number[]): Forecast {
    requireHorizon(horizon);
    validateLevels(levels);
    const { mean, variance } = arimaForecast(this.fit, horizon);
    const means = Array.from(mean);
    return { mean: means, intervals: normalIntervals(means, Array.from(variance, (v) => Math.sqrt(v)), levels) };
  }
}

/**
 * Automatic ARIMA: the ARIMA(p,d,q)(P,D,Q)m model with the lowest AICc found by the stepwise search of
 * Hyndman & Khandakar (2008), as R's forecast::auto.arima(y) for a series of frequency m (see autoArima):
 * a seasonal difference when the STL seasonal strength exceeds 0.64, differences by KPSS tests, constant
 * (mean or drift) when at most one difference, exact maximum likelihood. Normal prediction intervals from the
 * model's forecast variance. With season length 1 the search is non-seasonal, R's auto.arima(y, seasonal =
 * FALSE) (so seasonallyAdjustedForecaster, which fits its inner method with season length 1, still gets the
 * non-seasonal model).
 *
 * @throws PlanningError when the history has fewer than 7 values or a non-number, or no ARIMA model fits.
 * @example
 * const model = arimaForecaster.fit(monthlySales, { seasonLength: 12 });
 * model.name; // e.g. "ARIMA(0,1,1)(0,1,1)[12]"
 * model.forecast(6, [80, 95]).mean;
 */
export const arimaForecaster: Forecaster = {
  id: "arima",
  minLength: () => MIN_LENGTH,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    const fit = autoArima(checkedHistory(history, options, MIN_LENGTH, "Automatic ARIMA"), options.seasonLength);
    if (fit === null) {
      throw new PlanningError("No ARIMA model could be fitted to this history. Check it for extreme values, or use another method such as ets or theta.");
    }
    return new ArimaFittedModel(fit);
  },
};
