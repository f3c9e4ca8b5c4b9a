import { median, medianAbsoluteDeviation } from "simple-statistics";

/** Robust z-score above which a value is far from its series' usual level (Iglewicz and Hoaglin's 3.5). */
export const OUTLIER_Z = 3.5;

/** Fewest values a series needs before any of them is called far from its level. */
const MIN_VALUES = 6;

/**
 * Which values lie far from the usual level of their series: the modified z-score
 * z = 0.6745 (x - median) / MAD, with MAD the median absolute deviation from the median, flagged when
 * |z| > 3.5 (B. Iglewicz, D. Hoaglin, "How to Detect and Handle Outliers", ASQC 1993).
 * A series of fewer than 6 values, or whose MAD is 0 (mostly one value, such as the zeros of
 * intermittent demand), has none. Step 1's validation warns about these values, and cleansing only
 * ever corrects one of them, so every corrected month also carries a warning.
 * @param values - observations without blanks
 * @returns one flag per value, true where the value is far from the level
 * @example levelOutliers([10, 11, 10, 95, 11, 10, 11]) // [false, false, false, true, false, false, false]
 */
export function levelOutliers(values: readonly number[]): boolean[] {
  if (values.length < MIN_VALUES) return values.map(() => false);
  const centre = median(values);
  const spread = medianAbsoluteDeviation(values);
  if (spread === 0) return values.map(() => false);
  return values.map((v) => Math.abs((0.6745 * (v - centre)) / spread) > OUTLIER_Z);
}
