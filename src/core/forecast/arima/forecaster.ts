import { PlanningError } from "../../errors";
import { mae, rmse } from "../../metrics";
import { normalIntervals, validateLevels } from "../intervals";
import type { FitOptions, FittedModel, Forecast, Forecaster, FitStatistics } from "../model";
import { checkedHistory, requireHorizon } from "../requireHistory";
import type { ArimaFit } from "./fit";
import { arimaForecast } from "./forecast";
import { autoArima } from "./search";

/**
 * Fewest observations automatic ARIMA accepts, as automatic ETS: below 10 values the search starts at
 * ARIMA(1,d,1), which with a drift needs 7 values for a finite AICc.
 */
const MIN_LENGTH = 7;

/**
 * The model's name as R's forecast package writes it: "ARIMA(p,d,q)" and "with drift" (constant, d = 1),
 * "with non-zero mean" (constant, d = 0) or "with zero mean" (no constant, d = 0).
 *
 * @param fit a fitted model.
 * @returns e.g. "ARIMA(1,1,1) with drift".
 * @example
 * arimaName(fit) // "ARIMA(0,1,1)"
 */
export function arimaName(fit: ArimaFit): string {
  const { p, d, q, constant } = fit.order;
  const base = `ARIMA(${p},${d},${q})`;
  if (constant) return `${base} ${d === 1 ? "with drift" : "with non-zero mean"}`;
  return d === 0 ? `${base} with zero mean` : base;
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
    if (fit.order.constant) parameters[fit.order.d === 1 ? "drift" : "mean"] = fit.intercept;
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
 * Automatic ARIMA: the non-seasonal ARIMA(p,d,q) model with the lowest AICc found by the stepwise search of
 * Hyndman & Khandakar (2008), as R's forecast::auto.arima(y, seasonal = FALSE) (see autoArima): differences by
 * KPSS tests, constant (mean or drift) when at most one difference, exact maximum likelihood. Normal
 * prediction intervals from the model's forecast variance.
 *
 * The season length is not used: on seasonal data the non-seasonal model is fitted to the series as given
 * (wrap it in seasonallyAdjustedForecaster to remove the season first).
 *
 * @throws PlanningError when the history has fewer than 7 values or a non-number, or no ARIMA model fits.
 * @example
 * const model = arimaForecaster.fit(annualSales, { seasonLength: 1 });
 * model.name; // e.g. "ARIMA(0,1,1) with drift"
 * model.forecast(6, [80, 95]).mean;
 */
export const arimaForecaster: Forecaster = {
  id: "arima",
  minLength: () => MIN_LENGTH,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    const fit = autoArima(checkedHistory(history, options, MIN_LENGTH, "Automatic ARIMA"));
    if (fit === null) {
      throw new PlanningError("No ARIMA model could be fitted to this history. Check it for extreme values, or use another method such as ets or theta.");
    }
    return new ArimaFittedModel(fit);
  },
};
