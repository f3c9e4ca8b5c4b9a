import { PlanningError } from "../errors";
import { leastSquaresLine } from "./linearTrend";

/**
 * Sample autocorrelation function r(1..maxLag), as R's acf():
 * r(k) = Σ_{t=1}^{n-k} (y(t) - ȳ)(y(t+k) - ȳ) / Σ (y(t) - ȳ)².
 * @param y - observations
 * @param maxLag - largest lag
 * @returns r(1)..r(maxLag) (index 0 holds lag 1); all 0 for a constant series
 * @example autocorrelation([1, 2, 1, 2], 1) // [-0.75]
 */
export function autocorrelation(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  let denominator = 0;
  for (const v of y) denominator += (v - mean) ** 2;
  const result: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let numerator = 0;
    for (let t = 0; t + k < n; t++) numerator += (y[t] - mean) * (y[t + k] - mean);
    result.push(denominator > 0 ? numerator / denominator : 0);
  }
  return result;
}

/**
 * The 90% seasonality test of R forecast::thetaf (Hyndman & Billah 2003): seasonal when
 * |r(m)| / √((1 + 2·Σ_{k<m} r(k)²)/n) > qnorm(0.95) = 1.645, i.e. the lag-m autocorrelation is
 * significant under Bartlett's standard error.
 * Needs n > 2m and a non-constant series; otherwise not seasonal.
 * @param y - observations
 * @param m - candidate season length
 * @returns the test statistic |r(m)|/se and the verdict at 90% (statistic > 1.645)
 * @example seasonalityTest([1, 5, 1, 5, 1, 5, 1, 5], 2).seasonal // true
 */
export function seasonalityTest(y: readonly number[], m: number): { seasonal: boolean; statistic: number; autocorrelation: number } {
  const n = y.length;
  if (m <= 1 || n <= 2 * m || y.every((v) => v === y[0])) return { seasonal: false, statistic: 0, autocorrelation: 0 };
  const r = autocorrelation(y, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += r[k] * r[k];
  const se = Math.sqrt((1 + 2 * sum) / n);
  const statistic = Math.abs(r[m - 1]) / se;
  return { seasonal: statistic > SEASONALITY_CRITICAL_VALUE, statistic, autocorrelation: r[m - 1] };
}

/** qnorm(0.95): the 90% two-sided critical value thetaf uses. */
const SEASONALITY_CRITICAL_VALUE = 1.6448536269514722;

/** Season lengths planners meet: weeks in a year, months, 4-4-5 periods, quarters, days in a week, halves. */
export const CANDIDATE_SEASON_LENGTHS: readonly number[] = [2, 3, 4, 6, 7, 12, 13, 24, 26, 52];

/** Seasonality found in a history. */
export interface SeasonalityReport {
  /** Detected season length, 1 when none. */
  seasonLength: number;
  seasonal: boolean;
  /** Lag-m autocorrelation of the detrended series (0 when none). */
  autocorrelation: number;
  /** Test statistic |r(m)|/se at the chosen m. */
  statistic: number;
}

/**
 * Detect the season length of a history among {@link CANDIDATE_SEASON_LENGTHS}.
 *
 * The series is detrended by least squares. A candidate m (with n > 2m) qualifies when its
 * autocorrelation r(m) passes {@link seasonalityTest} and is a positive local peak of the ACF
 * (r(m) > r(m-1) and r(m) >= r(m+1)): a smooth or trending series has a decaying ACF without peaks, a
 * seasonal one peaks at its period. Among qualifying candidates the largest r(m) wins (a shorter one
 * on a near tie, within 0.05, so 12 beats its multiple 24).
 * @param history - observations (null or non-numbers are skipped)
 * @returns the detected season length (1 when no candidate qualifies)
 * @throws PlanningError when fewer than 4 numbers are given
 * @example detectSeasonality([10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]).seasonLength // 3
 */
export function detectSeasonality(history: readonly (number | null)[]): SeasonalityReport {
  const y = history.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (y.length < 4) throw new PlanningError("Seasonality detection needs at least 4 numbers in the history.");
  const detrended = removeLinearTrend(y);
  const maxLag = Math.min(y.length - 1, CANDIDATE_SEASON_LENGTHS[CANDIDATE_SEASON_LENGTHS.length - 1] + 1);
  const r = autocorrelation(detrended, maxLag);
  const at = (lag: number): number => (lag >= 1 && lag <= r.length ? r[lag - 1] : lag === 0 ? 1 : -Infinity);
  let best: SeasonalityReport = { seasonLength: 1, seasonal: false, autocorrelation: 0, statistic: 0 };
  for (const m of CANDIDATE_SEASON_LENGTHS) {
    const test = seasonalityTest(detrended, m);
    const peak = at(m) > at(m - 1) && at(m) >= at(m + 1);
    if (!test.seasonal || test.autocorrelation <= 0 || !peak) continue;
    if (!best.seasonal || test.autocorrelation > best.autocorrelation + 0.05) {
      best = { seasonLength: m, seasonal: true, autocorrelation: test.autocorrelation, statistic: test.statistic };
    }
  }
  return best;
}

/** Residuals of the least-squares line through (t, y(t)). */
function removeLinearTrend(y: readonly number[]): number[] {
  const { intercept, slope } = leastSquaresLine(y);
  return y.map((v, t) => v - intercept - slope * t);
}
