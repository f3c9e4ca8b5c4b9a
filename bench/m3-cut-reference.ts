/**
 * R forecast 8.20 accuracy on M3 TRAINING cuts, printed by bench/m3-cut-reference.R (R 4.2.2, Debian
 * r-cran-forecast): R's ets, auto.arima, thetaf and their plain mean fitted on what precedes the cut's
 * block and scored on the block, as shared/BENCHMARKS.md scores the test parts. `forecast-m3 --cut k`
 * prints them beside our figures on the same series, so a design chosen on training cuts is compared
 * with R on the very data it was chosen on, never on the test parts.
 */
import type { ReferenceRow } from "./m3-reference";

/** R's figures for one subset at one training cut. */
export interface CutReference {
  subset: string;
  /** Cut k: the k-th block of h points back from the end of the training part. */
  cut: number;
  /** Every `every`-th series of the subset (1 = all). */
  every: number;
  /** Series scored (those with at least 8 training points before the block). */
  series: number;
  rows: readonly ReferenceRow[];
}

/** Recorded with `Rscript bench/m3-cut-reference.R DATA SUBSET CUT [EVERY]`, one entry per run. */
export const M3_CUT_REFERENCE: readonly CutReference[] = [
  { subset: "yearly", cut: 1, every: 1, series: 645, rows: [
    { method: "thetaf", smape: 19.626, mase: 3.353, cover80: 62.2, cover95: 77.4 },
    { method: "ets", smape: 21.543, mase: 3.697, cover80: 57.7, cover95: 75.6 },
    { method: "auto.arima", smape: 19.656, mase: 3.333, cover80: 53.0, cover95: 69.1 },
    { method: "mean(ets,arima,theta)", smape: 19.312, mase: 3.318, cover80: NaN, cover95: NaN },
  ] },
  { subset: "yearly", cut: 2, every: 1, series: 198, rows: [
    { method: "thetaf", smape: 21.208, mase: 3.799, cover80: 56.4, cover95: 72.3 },
    { method: "ets", smape: 21.431, mase: 3.582, cover80: 60.0, cover95: 77.6 },
    { method: "auto.arima", smape: 22.105, mase: 3.616, cover80: 53.4, cover95: 68.4 },
    { method: "mean(ets,arima,theta)", smape: 20.712, mase: 3.564, cover80: NaN, cover95: NaN },
  ] },
  { subset: "yearly", cut: 3, every: 1, series: 183, rows: [
    { method: "thetaf", smape: 19.398, mase: 2.666, cover80: 64.1, cover95: 81.7 },
    { method: "ets", smape: 18.823, mase: 2.650, cover80: 64.3, cover95: 78.6 },
    { method: "auto.arima", smape: 17.137, mase: 2.535, cover80: 60.5, cover95: 76.8 },
    { method: "mean(ets,arima,theta)", smape: 17.211, mase: 2.429, cover80: NaN, cover95: NaN },
  ] },
  { subset: "quarterly", cut: 1, every: 1, series: 756, rows: [
    { method: "thetaf", smape: 9.193, mase: 1.171, cover80: 69.1, cover95: 86.1 },
    { method: "ets", smape: 9.167, mase: 1.149, cover80: 73.0, cover95: 87.9 },
    { method: "auto.arima", smape: 9.887, mase: 1.140, cover80: 69.0, cover95: 84.8 },
    { method: "mean(ets,arima,theta)", smape: 8.904, mase: 1.082, cover80: NaN, cover95: NaN },
  ] },
  { subset: "quarterly", cut: 2, every: 1, series: 704, rows: [
    { method: "thetaf", smape: 11.288, mase: 1.359, cover80: 62.8, cover95: 80.8 },
    { method: "ets", smape: 10.952, mase: 1.328, cover80: 63.8, cover95: 80.5 },
    { method: "auto.arima", smape: 11.859, mase: 1.381, cover80: 59.4, cover95: 77.9 },
    { method: "mean(ets,arima,theta)", smape: 10.701, mase: 1.296, cover80: NaN, cover95: NaN },
  ] },
  { subset: "quarterly", cut: 3, every: 1, series: 666, rows: [
    { method: "thetaf", smape: 12.262, mase: 1.566, cover80: 61.6, cover95: 80.5 },
    { method: "ets", smape: 12.151, mase: 1.588, cover80: 60.0, cover95: 77.0 },
    { method: "auto.arima", smape: 13.532, mase: 1.609, cover80: 55.3, cover95: 71.9 },
    { method: "mean(ets,arima,theta)", smape: 11.923, mase: 1.518, cover80: NaN, cover95: NaN },
  ] },
  { subset: "other", cut: 1, every: 1, series: 174, rows: [
    { method: "thetaf", smape: 4.256, mase: 2.239, cover80: 81.1, cover95: 92.7 },
    { method: "ets", smape: 4.055, mase: 1.987, cover80: 78.6, cover95: 92.7 },
    { method: "auto.arima", smape: 3.928, mase: 1.972, cover80: 82.6, cover95: 93.6 },
    { method: "mean(ets,arima,theta)", smape: 3.772, mase: 1.890, cover80: NaN, cover95: NaN },
  ] },
  { subset: "other", cut: 2, every: 1, series: 174, rows: [
    { method: "thetaf", smape: 4.570, mase: 2.875, cover80: 73.5, cover95: 88.3 },
    { method: "ets", smape: 4.072, mase: 2.551, cover80: 74.8, cover95: 88.0 },
    { method: "auto.arima", smape: 4.070, mase: 2.407, cover80: 79.4, cover95: 91.0 },
    { method: "mean(ets,arima,theta)", smape: 3.991, mase: 2.456, cover80: NaN, cover95: NaN },
  ] },
  { subset: "other", cut: 3, every: 1, series: 174, rows: [
    { method: "thetaf", smape: 4.534, mase: 2.766, cover80: 71.8, cover95: 88.6 },
    { method: "ets", smape: 4.909, mase: 2.570, cover80: 76.3, cover95: 89.8 },
    { method: "auto.arima", smape: 4.881, mase: 2.371, cover80: 79.7, cover95: 90.0 },
    { method: "mean(ets,arima,theta)", smape: 4.628, mase: 2.361, cover80: NaN, cover95: NaN },
  ] },
  { subset: "monthly", cut: 1, every: 5, series: 286, rows: [
    { method: "thetaf", smape: 13.882, mase: 0.819, cover80: 77.4, cover95: 91.7 },
    { method: "ets", smape: 14.614, mase: 0.924, cover80: 72.6, cover95: 89.6 },
    { method: "auto.arima", smape: 14.405, mase: 0.922, cover80: 74.0, cover95: 89.1 },
    { method: "mean(ets,arima,theta)", smape: 13.468, mase: 0.827, cover80: NaN, cover95: NaN },
  ] },
  { subset: "monthly", cut: 2, every: 5, series: 286, rows: [
    { method: "thetaf", smape: 16.050, mase: 1.057, cover80: 75.8, cover95: 89.8 },
    { method: "ets", smape: 16.014, mase: 1.008, cover80: 76.2, cover95: 89.7 },
    { method: "auto.arima", smape: 16.383, mase: 1.038, cover80: 73.7, cover95: 87.6 },
    { method: "mean(ets,arima,theta)", smape: 15.533, mase: 0.988, cover80: NaN, cover95: NaN },
  ] },
  { subset: "monthly", cut: 3, every: 5, series: 215, rows: [
    { method: "thetaf", smape: 12.810, mase: 1.019, cover80: 72.7, cover95: 87.8 },
    { method: "ets", smape: 13.729, mase: 1.075, cover80: 76.5, cover95: 89.6 },
    { method: "auto.arima", smape: 13.113, mase: 0.958, cover80: 77.3, cover95: 90.0 },
    { method: "mean(ets,arima,theta)", smape: 12.560, mase: 0.949, cover80: NaN, cover95: NaN },
  ] },
];

/**
 * R's rows for a subset at a cut, when they were recorded on the same series.
 * @param subset - M3 subset
 * @param cut - training cut (1 = the last h training points)
 * @param every - every K-th series
 * @param series - series our run scored (must equal R's count, or the rows are not comparable)
 * @returns the rows, or none
 * @example cutReference("quarterly", 1, 1, 756)[0].method // "thetaf"
 */
export function cutReference(subset: string, cut: number, every: number, series: number): readonly ReferenceRow[] {
  return M3_CUT_REFERENCE.find((r) => r.subset === subset && r.cut === cut && r.every === every && r.series === series)?.rows ?? [];
}
