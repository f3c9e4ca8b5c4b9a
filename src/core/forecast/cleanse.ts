import { PlanningError } from "../errors";
import { centredMovingAverage, classicalDecomposition } from "./decomposition";

/** One change cleansing made to a history. */
export interface CleansingChange {
  /** 0-based period index in the history. */
  index: number;
  kind: "missing" | "outlier";
  /** Value before (null for a blank). */
  from: number | null;
  to: number;
  reason: string;
}

/** A cleansed history and what was changed. */
export interface CleansedSeries {
  values: number[];
  changes: CleansingChange[];
}

/** Passes of decompose-and-fill in seasonal interpolation (the fill settles within a few). */
const SEASONAL_FILL_PASSES = 5;

/** Is this entry a usable number (not blank, null, NaN or infinite)? */
function isValue(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Linear interpolation of missing entries; blanks before the first or after the last value take the nearest value. */
function interpolateLinear(y: readonly (number | null)[]): number[] {
  const known: number[] = [];
  y.forEach((v, t) => {
    if (isValue(v)) known.push(t);
  });
  return y.map((v, t) => {
    if (isValue(v)) return v;
    let right = 0;
    while (right < known.length && known[right] < t) right++;
    if (right === 0) return y[known[0]] as number;
    if (right === known.length) return y[known[known.length - 1]] as number;
    const a = known[right - 1];
    const b = known[right];
    const ya = y[a] as number;
    const yb = y[b] as number;
    return ya + ((yb - ya) * (t - a)) / (b - a);
  });
}

/**
 * Fill missing periods (null, blank, NaN) of a history.
 *
 * Without a season (m <= 1, or fewer than 2 full cycles of data) blanks are interpolated linearly
 * between their known neighbours. With a season, the seasonal figure of an additive classical
 * decomposition of the linearly filled series is removed from the known values, the gaps are
 * interpolated linearly in the adjusted series and the season is put back ("seasonal interpolation");
 * the figure is then re-estimated on the filled series and the fill repeated, 5 passes in all.
 * Leading and trailing blanks take the nearest known (adjusted) value.
 * @param history - observations with null for missing
 * @param seasonLength - season length m (1 = none)
 * @returns the filled values and one "missing" change per filled period
 * @throws PlanningError when the history holds fewer than 2 numbers
 * @example fillMissing([1, null, 3], 1).values // [1, 2, 3]
 */
export function fillMissing(history: readonly (number | null)[], seasonLength: number): CleansedSeries {
  const count = history.filter(isValue).length;
  if (count < 2) {
    throw new PlanningError(`The history has ${count} number${count === 1 ? "" : "s"}; at least 2 are needed to fill the blanks and forecast.`);
  }
  if (count === history.length) return { values: [...(history as number[])], changes: [] };
  const linear = interpolateLinear(history);
  const m = Math.max(1, Math.floor(seasonLength));
  let values = linear;
  let method = "linear interpolation";
  if (m > 1 && history.length >= 2 * m + 1) {
    for (let pass = 0; pass < SEASONAL_FILL_PASSES; pass++) {
      const figure = classicalDecomposition(values, m, "additive").figure;
      const adjusted = history.map((v, t) => (isValue(v) ? v - figure[t % m] : null));
      values = interpolateLinear(adjusted).map((v, t) => (isValue(history[t]) ? (history[t] as number) : v + figure[t % m]));
    }
    method = "seasonal interpolation";
  }
  const changes: CleansingChange[] = [];
  history.forEach((v, t) => {
    if (!isValue(v)) changes.push({ index: t, kind: "missing", from: null, to: values[t], reason: `blank period filled by ${method}` });
  });
  return { values, changes };
}

/** Median of numbers (the mean of the middle two for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

/** Floor of the robust scale as a share of the typical level, so near-perfect data do not flag tiny wiggles. */
const MIN_RELATIVE_SCALE = 0.01;

/** Half-width of the running median of the outlier check (a 5-period window). */
const OUTLIER_HALF_WINDOW = 2;

/**
 * Detect and correct outliers: periods whose remainder from a robust fit lies more than k robust
 * standard deviations (1.4826·MAD, or 1.2533·mean absolute deviation when the MAD is 0; at least 1% of
 * the median absolute value) from the median remainder (Hampel identifier; Pearson 2002).
 *
 * The fit is a seasonal figure plus a trend. With a season (m > 1 and 2 full cycles of data) the
 * figure is the median, per cycle position, of the series less its centred m-period moving average
 * (classical decomposition with medians instead of means, so one outlier barely moves it). The trend is
 * a centred 5-period running median of the series less its figure (the first and last periods take
 * the nearest full window's median). An outlier is replaced by its fitted value.
 * @param values - observations without blanks
 * @param seasonLength - season length m (1 = none)
 * @param k - threshold in robust standard deviations (default 3.5)
 * @returns corrected values and one "outlier" change per corrected period
 * @example correctOutliers([10, 11, 10, 95, 11, 10, 11], 1).changes[0].index // 3
 */
export function correctOutliers(values: readonly number[], seasonLength: number, k = 3.5): CleansedSeries {
  const n = values.length;
  const m = Math.max(1, Math.floor(seasonLength));
  const half = OUTLIER_HALF_WINDOW;
  if (n < 2 * half + 2) return { values: [...values], changes: [] };
  const figure = new Array<number>(m).fill(0);
  if (m > 1 && n >= 2 * m + 1) {
    const movingAverage = centredMovingAverage(values, m);
    const byPosition: number[][] = Array.from({ length: m }, () => []);
    values.forEach((v, t) => {
      if (!Number.isNaN(movingAverage[t])) byPosition[t % m].push(v - movingAverage[t]);
    });
    const raw = byPosition.map(median);
    const centre = raw.reduce((s, v) => s + v, 0) / m;
    raw.forEach((v, i) => (figure[i] = v - centre));
  }
  const adjusted = values.map((v, t) => v - figure[t % m]);
  const trend = adjusted.map((_, t) => {
    const centre = Math.min(Math.max(t, half), n - 1 - half);
    return median(adjusted.slice(centre - half, centre + half + 1));
  });
  const fit = values.map((_, t) => trend[t] + figure[t % m]);
  const remainder = values.map((v, t) => v - fit[t]);
  const centre = median(remainder);
  const deviations = remainder.map((r) => Math.abs(r - centre));
  const mad = 1.4826 * median(deviations);
  const spread = mad > 0 ? mad : (1.2533 * deviations.reduce((s, d) => s + d, 0)) / n;
  const scale = Math.max(spread, MIN_RELATIVE_SCALE * median(values.map(Math.abs)));
  const corrected = [...values];
  const changes: CleansingChange[] = [];
  if (scale > 0) {
    remainder.forEach((r, t) => {
      const distance = Math.abs(r - centre) / scale;
      if (distance > k) {
        corrected[t] = fit[t];
        changes.push({
          index: t,
          kind: "outlier",
          from: values[t],
          to: fit[t],
          reason: `${distance.toFixed(1)} robust standard deviations from the expected ${fit[t].toPrecision(4)}; replaced by it`,
        });
      }
    });
  }
  return { values: corrected, changes };
}
