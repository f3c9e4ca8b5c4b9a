import { PlanningError } from "../errors";
import { centredMovingAverage } from "./decomposition";

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

/**
 * Significance of the stable-seasonality test, as a standard normal quantile: 3.09 = one-sided 0.1%,
 * strict because up to 10 candidate lengths are tried on the same history.
 */
export const SEASONALITY_Z = 3.09;

/** Seasonality found in a history. */
export interface SeasonalityReport {
  /** Detected season length, 1 when none. */
  seasonLength: number;
  seasonal: boolean;
  /** Stable-seasonality test statistic at the chosen season length, as a normal z (0 when none). */
  statistic: number;
}

/**
 * The stable-seasonality F test of X-11 (Lothian & Morry 1978; X-13ARIMA-SEATS table D8): one-way
 * analysis of variance of the detrended series (y less its centred m-period moving average) by
 * position in the cycle. F = (between-position SS / (m-1)) / (within-position SS / (N-m)).
 * The F value is returned as a standard normal z by Paulson's (Wilson-Hilferty) approximation
 * z = ((1 - 2/(9·d2))·F^(1/3) - (1 - 2/(9·d1))) / √(2/(9·d1) + 2/(9·d2)·F^(2/3)), d1 = m-1, d2 = N-m,
 * so that candidates with different degrees of freedom compare.
 * @param y - observations, at least 3 full cycles
 * @param m - candidate season length (> 1)
 * @returns z of the F statistic (-Infinity when undefined, Infinity for a perfect season)
 * @example stableSeasonalityZ([1, 5, 3, 2, 1, 5, 3, 1, 5, 3, 1, 5, 3], 3) // > 3.09 (seasonal)
 */
export function stableSeasonalityZ(y: readonly number[], m: number): number {
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const values: [number, number][] = [];
  y.forEach((v, t) => {
    if (Number.isNaN(trend[t])) return;
    const d = v - trend[t];
    values.push([t % m, d]);
    sums[t % m] += d;
    counts[t % m]++;
  });
  const total = values.length;
  if (total <= m || counts.some((c) => c === 0)) return -Infinity;
  const grand = sums.reduce((a, b) => a + b, 0) / total;
  let between = 0;
  for (let i = 0; i < m; i++) between += counts[i] * (sums[i] / counts[i] - grand) ** 2;
  let within = 0;
  for (const [position, d] of values) within += (d - sums[position] / counts[position]) ** 2;
  if (within <= 0) return between > 0 ? Infinity : -Infinity;
  const f = between / (m - 1) / (within / (total - m));
  const a = 2 / (9 * (m - 1));
  const b = 2 / (9 * (total - m));
  const cube = Math.cbrt(f);
  return ((1 - b) * cube - (1 - a)) / Math.sqrt(a + b * cube * cube);
}

/**
 * Detect the season length of a history among {@link CANDIDATE_SEASON_LENGTHS} by the stable-seasonality
 * F test ({@link stableSeasonalityZ}): every candidate covered by at least 3 full cycles is tested and
 * the most significant wins if its z exceeds {@link SEASONALITY_Z}. A multiple of the true period spreads
 * the same seasonal variation over more degrees of freedom, so it is less significant.
 * @param history - observations (null or non-numbers are skipped)
 * @returns the detected season length (1 when no candidate is significant)
 * @throws PlanningError when fewer than 4 numbers are given
 * @example detectSeasonality([10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]).seasonLength // 3
 */
export function detectSeasonality(history: readonly (number | null)[]): SeasonalityReport {
  const y = history.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (y.length < 4) throw new PlanningError("Seasonality detection needs at least 4 numbers in the history.");
  let best: SeasonalityReport = { seasonLength: 1, seasonal: false, statistic: 0 };
  for (const m of CANDIDATE_SEASON_LENGTHS) {
    if (y.length < 3 * m) continue;
    const z = stableSeasonalityZ(y, m);
    if (z > SEASONALITY_Z && z > best.statistic) best = { seasonLength: m, seasonal: true, statistic: z };
  }
  return best;
}
