import { PlanningError } from "../../errors";
import { mae, rmse } from "../../metrics";
import { normalIntervals, validateLevels } from "../intervals";
import { checkedHistory, requireHorizon } from "../requireHistory";
import type { FitOptions, FittedModel, Forecast, Forecaster, FitStatistics, PredictionInterval } from "../model";
import type { EtsFit } from "./fit";
import { fitEts, improveSeasons } from "./fit";
import { etsForecastVariance, sampleQuantile, simulateEtsPaths } from "./intervals";
import { etsPointForecast, MULTIPLICATIVE, NONE } from "./kernel";
import { MAX_ETS_SEASON, SEASON_PASSES, selectEts } from "./select";
import { etsId, etsName, etsParameterCount, type EtsSpec } from "./spec";

/** Sample paths simulated for the intervals of multiplicative-season models. */
const SIMULATED_PATHS = 1000;

/** Fewest observations automatic ETS accepts: R's ets() optimises a model only beyond 2 + 4 values. */
const AUTO_MIN_LENGTH = 7;

/** A fitted ETS model behind the shared FittedModel interface. */
class EtsFittedModel implements FittedModel {
  readonly name: string;
  readonly statistics: FitStatistics;
  readonly parameters: Readonly<Record<string, number>>;
  readonly fitted: number[];
  private readonly historyLength: number;
  /** The last forecast computed and the horizon and levels it was for (see computeForecast). */
  private last?: { key: string; forecast: Forecast };

  constructor(
    private readonly fit: EtsFit,
    history: Float64Array,
  ) {
    const { model, initialState, spec } = fit;
    const n = history.length;
    this.name = etsName(spec);
    this.fitted = Array.from(fit.fitted);
    const actual = Array.from(history);
    // R's convention: logLik = -criterion / 2 leaves out the constant -n/2 (log(2 pi / n) + 1) of the
    // full Gaussian log-likelihood; AIC, AICc and BIC follow, so they match R's ets() output.
    this.statistics = {
      logLik: -fit.criterion / 2,
      aic: fit.aic,
      aicc: fit.aicc,
      bic: fit.bic,
      sigma2: fit.sigma2,
      rmse: rmse(actual, this.fitted),
      mae: mae(actual, this.fitted),
      parameters: fit.parameterCount + 1,
      n,
    };
    const parameters: Record<string, number> = { alpha: model.alpha };
    if (model.trend !== NONE) parameters.beta = model.beta;
    if (model.season !== NONE) parameters.gamma = model.gamma;
    if (spec.trend === "Ad") parameters.phi = model.phi;
    parameters.l0 = initialState[0];
    if (model.trend !== NONE) parameters.b0 = initialState[1];
    this.parameters = parameters;
    this.historyLength = n;
  }

  forecast(horizon: number, levels: readonly number[]): Forecast {
    requireHorizon(horizon);
    validateLevels(levels);
    const key = `${horizon}:${levels.join(",")}`;
    if (this.last?.key !== key) this.last = { key, forecast: this.computeForecast(horizon, levels) };
    const { mean, intervals } = this.last.forecast;
    return { mean: [...mean], intervals: intervals.map((i) => ({ level: i.level, lower: [...i.lower], upper: [...i.upper] })) };
  }

  /**
   * The forecast of {@link forecast}, computed. Automatic mode asks a member for the same forecast more
   * than once (inside the consensus and again beside it), and a multiplicative season simulates 1,000
   * paths, so the last one is kept; with no interval levels nothing is simulated.
   */
  private computeForecast(horizon: number, levels: readonly number[]): Forecast {
    const { model, finalState, sigma2 } = this.fit;
    const mean = new Float64Array(horizon);
    etsPointForecast(finalState, this.historyLength, model, mean);
    if (levels.length === 0) return { mean: Array.from(mean), intervals: [] };
    if (model.season !== MULTIPLICATIVE) {
      const variance = etsForecastVariance(model, sigma2, mean);
      const sd = Array.from(variance, (v) => Math.sqrt(Math.max(v, 0)));
      return { mean: Array.from(mean), intervals: normalIntervals(Array.from(mean), sd, levels) };
    }
    const paths = simulateEtsPaths(model, finalState, this.historyLength, sigma2, horizon, SIMULATED_PATHS);
    const intervals: PredictionInterval[] = levels.map((level) => {
      const lower: number[] = [];
      const upper: number[] = [];
      for (let h = 0; h < horizon; h++) {
        const column = paths.subarray(h * SIMULATED_PATHS, (h + 1) * SIMULATED_PATHS);
        lower.push(Math.min(sampleQuantile(column, 0.5 - level / 200), mean[h]));
        upper.push(Math.max(sampleQuantile(column, 0.5 + level / 200), mean[h]));
      }
      return { level, lower, upper };
    });
    return { mean: Array.from(mean), intervals };
  }
}

/**
 * Automatic exponential smoothing (ETS): fits every admissible ETS form by maximum likelihood and keeps the
 * lowest AICc, as R's forecast::ets() with default settings (Hyndman et al., "Forecasting with Exponential
 * Smoothing: The State Space Approach", 2008). Seasonal forms are tried when 1 < seasonLength <= 24 and the
 * history is longer than one season; multiplicative forms only for positive data. Seasonal initial states
 * start at their classical-decomposition values and are not optimised jointly with the other parameters
 * (see fitEts), only corrected by up to two residual-averaging passes (see improveSeasons). Intervals:
 * analytic variance for forms without a multiplicative season, 1,000 simulated paths with a fixed seed otherwise.
 *
 * @throws PlanningError when the history has fewer than 7 values, a non-number, or a bad season length.
 * @example
 * const model = etsForecaster.fit(monthlySales, { seasonLength: 12 });
 * model.name; // e.g. "ETS(M,Ad,M)"
 * model.forecast(18, [80, 95]).mean;
 */
export const etsForecaster: Forecaster = {
  id: "ets",
  minLength: () => AUTO_MIN_LENGTH,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    const y = checkedHistory(history, options, AUTO_MIN_LENGTH, "Automatic ETS");
    const fit = selectEts(y, options.seasonLength);
    if (fit === null) {
      throw new PlanningError(
        "No exponential smoothing model could be fitted to this history. Check it for extreme values, or use a simpler method.",
      );
    }
    return new EtsFittedModel(fit, y);
  },
};

/** The form actually fitted for a season length: a seasonal form on non-seasonal data (m = 1) drops its season. */
function effectiveSpec(spec: EtsSpec, seasonLength: number): EtsSpec {
  return seasonLength === 1 && spec.season !== "N" ? { ...spec, season: "N" } : spec;
}

/**
 * Exponential smoothing of one fixed form, e.g. ETS(A,A,A), the form of Excel's FORECAST.ETS. Parameters
 * and initial level/slope by maximum likelihood as R's ets(y, model = "AAA") (see fitEts; seasonal initial
 * states from a decomposition, corrected as in automatic selection, see improveSeasons). With season
 * length 1 a seasonal form is fitted without its season (ETS(A,A,A) becomes ETS(A,A,N)).
 *
 * @param spec the form: error "A" | "M", trend "N" | "A" | "Ad", season "N" | "A" | "M".
 * @returns a forecaster with id like "ets-aaa" ("ets-aadn" for a damped trend).
 * @throws PlanningError at fit time: history shorter than the form's parameter count + 5 (R's rule),
 *   a multiplicative form on data with a value <= 0, a season longer than 24, a non-number in the history.
 * @example
 * etsModelForecaster({ error: "A", trend: "A", season: "A" }).fit(sales, { seasonLength: 12 }).forecast(12, [95]);
 */
export function etsModelForecaster(spec: EtsSpec): Forecaster {
  const what = etsName(spec);
  return {
    id: etsId(spec),
    minLength: (seasonLength: number) => etsParameterCount(effectiveSpec(spec, seasonLength), seasonLength) + 5,
    fit(history: readonly number[], options: FitOptions): FittedModel {
      const m = options.seasonLength;
      const form = effectiveSpec(spec, m);
      if (form.season !== "N" && m > MAX_ETS_SEASON) {
        throw new PlanningError(
          `${what} handles seasons of up to ${MAX_ETS_SEASON} periods; this season length is ${m}. Use a non-seasonal form or aggregate the data.`,
        );
      }
      const y = checkedHistory(history, options, etsParameterCount(form, m) + 5, what);
      if (form.error === "M" || form.season === "M") {
        const bad = y.findIndex((value) => !(value > 0));
        if (bad >= 0) {
          throw new PlanningError(
            `${what} is multiplicative and needs every history value above zero; period ${bad + 1} holds ${y[bad]}. Use an additive form such as ETS(A,${form.trend},${form.season === "M" ? "A" : form.season}).`,
          );
        }
      }
      const first = fitEts(y, form, m);
      const fit = first === null ? null : improveSeasons(y, first, m, SEASON_PASSES);
      if (fit === null) {
        throw new PlanningError(`${what} could not be fitted to this history. Check it for extreme values, or use another form.`);
      }
      return new EtsFittedModel(fit, y);
    },
  };
}
