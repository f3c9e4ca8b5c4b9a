import { median } from "simple-statistics";
import { PlanningError } from "../errors";
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
 * Seasonal figure of the expected values, measured only when every cycle position holds at least 3
 * values (m > 1 and n >= 3m): per position, the median of the series less a running median over m+1
 * periods (m for odd m), centred to mean 0. Periods in `leftOut` take no part. Undefined when there is
 * no figure to measure: no season, fewer than 3 cycles, or a position with nothing left.
 */
function seasonalFigure(values: readonly number[], m: number, leftOut: readonly boolean[]): number[] | undefined {
  if (m <= 1 || values.length < MIN_CYCLES_FOR_FIGURE * m) return undefined;
  const level = windowMedians(values, Math.floor(m / 2), leftOut, false);
  const byPosition: number[][] = Array.from({ length: m }, () => []);
  values.forEach((v, t) => {
    if (!leftOut[t]) byPosition[t % m].push(v - level[t]);
  });
  if (byPosition.some((position) => position.length === 0)) return undefined;
  const raw = byPosition.map((position) => median(position));
  const centre = raw.reduce((s, v) => s + v, 0) / m;
  return raw.map((v) => v - centre);
}

/**
 * What each period is expected to be from the other periods: its seasonal figure (0 without one) plus
 * the median of the seasonally adjusted values of its 4 nearest neighbours (t-2, t-1, t+1, t+2; at the
 * ends the 4 others of the first or last 5 periods). Periods in `leftOut` take no part. NaN where
 * nothing is left.
 */
function expectedValues(values: readonly number[], figure: readonly number[] | undefined, leftOut: readonly boolean[]): number[] {
  const seasonal = (t: number): number => (figure ? figure[t % figure.length] : 0);
  const adjusted = values.map((v, t) => v - seasonal(t));
  return windowMedians(adjusted, OUTLIER_HALF_WINDOW, leftOut, true).map((trend, t) => trend + seasonal(t));
}

/** The outlier test of a series: expected values, distances in robust standard deviations, and the periods both tests flag. */
interface OutlierTest {
  fit: number[];
  distance: number[];
  flagged: boolean[];
}

/**
 * Run the two tests of correctOutliers on a series without blanks. Undefined when the series is too
 * short (under 6 periods) or has no spread at all.
 */
function testOutliers(values: readonly number[], m: number, k: number): OutlierTest | undefined {
  const n = values.length;
  if (n < 2 * OUTLIER_HALF_WINDOW + 2) return undefined;
  const nothingLeftOut = new Array<boolean>(n).fill(false);
  const fit = expectedValues(values, seasonalFigure(values, m, nothingLeftOut), nothingLeftOut);
  const remainder = values.map((v, t) => v - fit[t]);
  const centre = median(remainder);
  const deviations = remainder.map((r) => Math.abs(r - centre));
  const mad = 1.4826 * median(deviations);
  const spread = mad > 0 ? mad : (1.2533 * deviations.reduce((s, d) => s + d, 0)) / n;
  const scale = Math.max(spread, MIN_RELATIVE_SCALE * median(values.map(Math.abs)));
  if (scale === 0) return undefined;
  const farFromLevel = levelOutliers(values);
  const distance = deviations.map((d) => d / scale);
  return { fit, distance, flagged: distance.map((d, t) => d > k && farFromLevel[t]) };
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
 * by its expected value re-estimated with every flagged period left out (without the figure if that
 * empties a cycle position; the first estimate where it leaves no neighbour); no other period is changed.
 * @param values - observations without blanks
 * @param seasonLength - season length m (1 = none)
 * @param k - threshold in robust standard deviations (default 5, OUTLIER_LIMIT)
 * @returns corrected values and one "outlier" change per corrected period
 * @example correctOutliers([10, 11, 10, 95, 11, 10, 11], 1).values // [10, 11, 10, 10.5, 11, 10, 11]
 */
export function correctOutliers(values: readonly number[], seasonLength: number, k = OUTLIER_LIMIT): CleansedSeries {
  const m = Math.max(1, Math.floor(seasonLength));
  const test = testOutliers(values, m, k);
  if (!test?.flagged.includes(true)) return { values: [...values], changes: [] };
  const { fit, distance, flagged } = test;
  const refit = expectedValues(values, seasonalFigure(values, m, flagged), flagged);
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

/**
 * Fill missing periods (null, blank, NaN) of a history from the periods around them, leaving out the
 * periods correctOutliers would correct (tested on the history with its blanks first filled linearly),
 * so a spike elsewhere in the series does not move a filled value.
 *
 * With a season measured from at least 3 cycles (m > 1 and n >= 3m: the robust figure of
 * correctOutliers, per position the median of the series less a running median over a cycle), a blank
 * takes its expected value, as an outlier does: its figure plus the median of the seasonally adjusted
 * values of its 4 nearest neighbours ("seasonal interpolation"); inside a gap of 5 or more blanks, where
 * none of those 4 is known, the adjusted values are interpolated linearly. Without such a season (m <= 1,
 * or fewer than 3 cycles of data) blanks are interpolated linearly between their nearest known values
 * ("linear interpolation"). Leading and trailing blanks take the nearest known (seasonally adjusted) value.
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
  const m = Math.max(1, Math.floor(seasonLength));
  const linear = interpolateLinear(history);
  const outliers = testOutliers(linear, m, OUTLIER_LIMIT)?.flagged;
  const leftOut = history.map((v, t) => !isValue(v) || outliers?.[t] === true);
  const figure = seasonalFigure(linear, m, leftOut);
  const seasonal = (t: number): number => (figure ? figure[t % m] : 0);
  const nearest = interpolateLinear(linear.map((v, t) => (leftOut[t] ? null : v - seasonal(t)))).map((v, t) => v + seasonal(t));
  const expected = figure ? expectedValues(linear, figure, leftOut) : nearest;
  const first = leftOut.indexOf(false);
  const last = leftOut.lastIndexOf(false);
  const values = history.map((v, t) => {
    if (isValue(v)) return v;
    return t > first && t < last && Number.isFinite(expected[t]) ? expected[t] : nearest[t];
  });
  const method = figure ? "seasonal interpolation" : "linear interpolation";
  const changes: CleansingChange[] = [];
  history.forEach((v, t) => {
    if (!isValue(v)) changes.push({ index: t, kind: "missing", from: null, to: values[t], reason: `blank period filled by ${method}` });
  });
  return { values, changes };
}
