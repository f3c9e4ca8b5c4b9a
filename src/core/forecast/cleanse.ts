import { median } from "simple-statistics";
import { PlanningError } from "../errors";
import { classicalDecomposition } from "./decomposition";
import { levelOutliers } from "./levelOutliers";

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

/**
 * Robust standard deviations from the expected value beyond which cleansing corrects a month (step 1
 * and SOP.CLEAN). Validation warns from 3.5 (levelOutliers); cleansing changes only clear outliers.
 */
export const OUTLIER_LIMIT = 5;

/** Fewest values per cycle position for a seasonal figure: the median of 3 cannot be dragged by one month. */
const MIN_CYCLES_FOR_FIGURE = 3;

/** Floor of the robust scale as a share of the typical level, so near-perfect data do not flag tiny wiggles. */
const MIN_RELATIVE_SCALE = 0.01;

/** Half-width of the running median of the outlier check (a 5-period window). */
const OUTLIER_HALF_WINDOW = 2;

/**
 * Median of each period's window of `half` periods either side (at the ends, the nearest full window),
 * over the periods not left out; without the period itself when `leaveSelfOut`. NaN where none is left.
 */
function windowMedians(y: readonly number[], half: number, leftOut: readonly boolean[], leaveSelfOut: boolean): number[] {
  const n = y.length;
  return y.map((_, t) => {
    const centre = Math.min(Math.max(t, half), n - 1 - half);
    const window: number[] = [];
    for (let s = centre - half; s <= centre + half; s++) {
      if (!leftOut[s] && !(leaveSelfOut && s === t)) window.push(y[s]);
    }
    return window.length > 0 ? median(window) : NaN;
  });
}

/**
 * What each period is expected to be from the other periods: a seasonal figure plus the median of the
 * seasonally adjusted values of its 4 nearest neighbours (t-2, t-1, t+1, t+2; at the ends the 4 others
 * of the first or last 5 periods). The figure is used only when every cycle position holds at least 3
 * values (m > 1 and n >= 3m): per position, the median of the series less a running median over m+1
 * periods (m for odd m), centred to mean 0. Periods in `leftOut` take no part. NaN where nothing is left.
 */
function expectedValues(values: readonly number[], m: number, leftOut: readonly boolean[]): number[] {
  const figure = new Array<number>(m).fill(0);
  if (m > 1 && values.length >= MIN_CYCLES_FOR_FIGURE * m) {
    const level = windowMedians(values, Math.floor(m / 2), leftOut, false);
    const byPosition: number[][] = Array.from({ length: m }, () => []);
    values.forEach((v, t) => {
      if (!leftOut[t]) byPosition[t % m].push(v - level[t]);
    });
    const raw = byPosition.map((position) => (position.length > 0 ? median(position) : NaN));
    const centre = raw.reduce((s, v) => s + v, 0) / m;
    raw.forEach((v, i) => (figure[i] = v - centre));
  }
  const adjusted = values.map((v, t) => v - figure[t % m]);
  return windowMedians(adjusted, OUTLIER_HALF_WINDOW, leftOut, true).map((trend, t) => trend + figure[t % m]);
}

/**
 * Detect and correct outliers. A period is corrected when two tests agree:
 * - its value is far from the item's usual level (levelOutliers: robust z-score beyond 3.5, the test
 *   behind step 1's validation warnings; never in a series whose MAD is 0, such as intermittent demand);
 * - it lies more than k robust standard deviations from what the other periods lead to expect
 *   (Hampel identifier, Pearson 2002): its remainder from the expected value, less the median remainder,
 *   over 1.4826·MAD of the remainders (1.2533·mean absolute deviation when the MAD is 0; at least 1% of
 *   the median absolute value).
 * The expected value of a period is a seasonal figure plus the median of the seasonally adjusted values
 * of its 4 nearest neighbours, so a period never shapes its own expectation. The figure is used only
 * when every cycle position has at least 3 values (3 full cycles: 36 months of monthly data): per
 * position, the median of the series less its running median over a cycle, which one outlier cannot
 * drag along. With fewer cycles the neighbours alone carry the season. A corrected period is replaced
 * by its expected value re-estimated with every flagged period left out (the first estimate where that
 * leaves nothing to go on); no other period is changed.
 * @param values - observations without blanks
 * @param seasonLength - season length m (1 = none)
 * @param k - threshold in robust standard deviations (default 5, OUTLIER_LIMIT)
 * @returns corrected values and one "outlier" change per corrected period
 * @example correctOutliers([10, 11, 10, 95, 11, 10, 11], 1).values // [10, 11, 10, 10.5, 11, 10, 11]
 */
export function correctOutliers(values: readonly number[], seasonLength: number, k = OUTLIER_LIMIT): CleansedSeries {
  const n = values.length;
  const m = Math.max(1, Math.floor(seasonLength));
  const unchanged = { values: [...values], changes: [] };
  if (n < 2 * OUTLIER_HALF_WINDOW + 2) return unchanged;
  const fit = expectedValues(values, m, new Array<boolean>(n).fill(false));
  const remainder = values.map((v, t) => v - fit[t]);
  const centre = median(remainder);
  const deviations = remainder.map((r) => Math.abs(r - centre));
  const mad = 1.4826 * median(deviations);
  const spread = mad > 0 ? mad : (1.2533 * deviations.reduce((s, d) => s + d, 0)) / n;
  const scale = Math.max(spread, MIN_RELATIVE_SCALE * median(values.map(Math.abs)));
  if (scale === 0) return unchanged;
  const farFromLevel = levelOutliers(values);
  const distance = deviations.map((d) => d / scale);
  const flagged = distance.map((d, t) => d > k && farFromLevel[t]);
  if (!flagged.includes(true)) return unchanged;
  const refit = expectedValues(values, m, flagged);
  const corrected = [...values];
  const changes: CleansingChange[] = [];
  flagged.forEach((isOutlier, t) => {
    if (!isOutlier) return;
    const to = Number.isFinite(refit[t]) ? refit[t] : fit[t];
    corrected[t] = to;
    changes.push({
      index: t,
      kind: "outlier",
      from: values[t],
      to,
      reason: `${distance[t].toFixed(1)} robust standard deviations from the expected value and far from the usual level; replaced by the expected ${to.toPrecision(4)}`,
    });
  });
  return { values: corrected, changes };
}
