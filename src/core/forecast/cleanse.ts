import { PlanningError } from "../errors";
import { classicalDecomposition } from "./decomposition";

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
 * Fill missing periods (null, blank, NaN) of a history.
 *
 * Without a season (m <= 1, or fewer than 2 full cycles of data) blanks are interpolated linearly
 * between their known neighbours. With a season, the seasonal figure of an additive classical
 * decomposition of the linearly filled series is removed from the known values, the gaps are
 * interpolated linearly in the adjusted series and the season is put back ("seasonal interpolation").
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
    const figure = classicalDecomposition(linear, m, "additive").figure;
    const adjusted = history.map((v, t) => (isValue(v) ? v - figure[t % m] : null));
    values = interpolateLinear(adjusted).map((v, t) => (isValue(history[t]) ? (history[t] as number) : v + figure[t % m]));
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

/**
 * Detect and correct outliers: periods whose remainder from a robust fit lies more than k robust
 * standard deviations (1.4826·MAD) from the median remainder (Hampel identifier; Pearson 2002).
 *
 * The fit is a centred running median of width 2·floor(w/2)+1 (w = max(m, 3)), plus, when the history
 * covers 2 full cycles, the additive seasonal figure of the series less that running median. An
 * outlier is replaced by its fitted value.
 * @param values - observations without blanks
 * @param seasonLength - season length m (1 = none)
 * @param k - threshold in robust standard deviations (default 3.5)
 * @returns corrected values and one "outlier" change per corrected period
 * @example correctOutliers([10, 11, 10, 95, 11, 10, 11], 1).changes[0].index // 3
 */
export function correctOutliers(values: readonly number[], seasonLength: number, k = 3.5): CleansedSeries {
  const n = values.length;
  const m = Math.max(1, Math.floor(seasonLength));
  if (n < 5) return { values: [...values], changes: [] };
  const half = Math.floor(Math.max(m, 3) / 2);
  const trend = values.map((_, t) => median(values.slice(Math.max(0, t - half), Math.min(n, t + half + 1))));
  const figure = new Array<number>(m).fill(0);
  if (m > 1 && n >= 2 * m) {
    const byPosition: number[][] = Array.from({ length: m }, () => []);
    values.forEach((v, t) => byPosition[t % m].push(v - trend[t]));
    const raw = byPosition.map(median);
    const centre = raw.reduce((s, v) => s + v, 0) / m;
    raw.forEach((v, i) => (figure[i] = v - centre));
  }
  const fit = values.map((_, t) => trend[t] + figure[t % m]);
  const remainder = values.map((v, t) => v - fit[t]);
  const centre = median(remainder);
  const scale = 1.4826 * median(remainder.map((r) => Math.abs(r - centre)));
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
