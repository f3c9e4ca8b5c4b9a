/**
 * The shared interface of every forecast model: fit on a history, then forecast h steps ahead with
 * prediction intervals, and report fit statistics. Auto-selection, combination, holdout accuracy and
 * the contract test work on any model through this interface alone.
 */

/** One central prediction interval, e.g. level 95 = the 2.5% and 97.5% quantiles. */
export interface PredictionInterval {
  /** Coverage in percent, 0 < level < 100. */
  level: number;
  lower: number[];
  upper: number[];
}

/** What a fitted model forecasts. */
export interface Forecast {
  /** Point forecast, one value per step 1..h. */
  mean: number[];
  /** One interval per requested level, in the order asked. */
  intervals: PredictionInterval[];
}

/** Fit statistics of a model on its training data (NaN where a statistic does not apply). */
export interface FitStatistics {
  /** Log-likelihood (NaN for models without one). */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Residual variance of one-step-ahead errors. */
  sigma2: number;
  /** In-sample one-step-ahead root mean squared error and mean absolute error. */
  rmse: number;
  mae: number;
  /** Number of estimated parameters (including initial states). */
  parameters: number;
  /** Number of observations used. */
  n: number;
}

/** A model after fitting: knows its name and statistics, and forecasts. */
export interface FittedModel {
  /** Planner-readable name with its form, e.g. "ETS(M,Ad,M)", "Theta", "Croston (SBA)". */
  readonly name: string;
  readonly statistics: FitStatistics;
  /** Fitted parameter values by name (alpha, beta, gamma, phi, theta, ...). */
  readonly parameters: Readonly<Record<string, number>>;
  /** One-step-ahead in-sample fitted values, same length as the history. */
  readonly fitted: number[];
  /** Forecast `horizon` steps with central intervals at `levels` (percent, e.g. [80, 95]). */
  forecast(horizon: number, levels: readonly number[]): Forecast;
}

/** Options every model understands. */
export interface FitOptions {
  /** Season length m (1 = no season). */
  seasonLength: number;
}

/** A forecasting method: a named recipe that fits a history into a FittedModel. */
export interface Forecaster {
  /** Method id used on the command line and in =SOP.FORECAST's method argument, e.g. "ets". */
  readonly id: string;
  /** Fewest observations the method needs for this season length. */
  minLength(seasonLength: number): number;
  /**
   * Fit on `history` (no missing values: cleansing fills them first).
   * @throws PlanningError when the history is too short or otherwise unusable for this method.
   */
  fit(history: readonly number[], options: FitOptions): FittedModel;
}
