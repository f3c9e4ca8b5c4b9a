import { normalQuantile } from "../normalQuantile";
import type { Forecast, FittedModel } from "./model";

/** A forecast made inside the history and the values that followed it. */
export interface HeldOutForecast {
  forecast: Forecast;
  actual: readonly number[];
}

/**
 * Errors in units of the forecast's own standard deviation: |y - ŷ| / sd, sd = (upper - ŷ) / z read
 * from the forecast's first interval (level L, z = Φ⁻¹(0.5 + L/200); the upper side, since lower bounds
 * may be floored at 0). Steps with a zero width are skipped.
 * @param heldOut - forecasts made at origins inside the history, with what followed
 * @returns the standardised absolute errors, pooled over origins and steps
 * @example standardisedErrors([{ forecast: { mean: [10], intervals: [{ level: 95, lower: [8.04], upper: [11.96] }] }, actual: [12] }]) // [2]
 */
export function standardisedErrors(heldOut: readonly HeldOutForecast[]): number[] {
  const ratios: number[] = [];
  for (const { forecast, actual } of heldOut) {
    const interval = forecast.intervals[0];
    const z = normalQuantile(0.5 + interval.level / 200);
    actual.forEach((y, i) => {
      const sd = (interval.upper[i] - forecast.mean[i]) / z;
      if (sd > 0) ratios.push(Math.abs(y - forecast.mean[i]) / sd);
    });
  }
  return ratios;
}

/**
 * The level-L quantile (nearest rank) of standardised absolute errors over z_L, the normal quantile
 * the model's level-L interval stands at: 1 when the errors fall inside at rate L.
 * @param sorted - standardised absolute errors, ascending, at least one
 * @param level - interval level in percent
 * @returns the ratio
 * @example levelRatio([0.5, 1, 1.5, 4], 80) // 1.5 / 1.2816 ≈ 1.17
 */
function levelRatio(sorted: readonly number[], level: number): number {
  const quantile = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((level / 100) * sorted.length) - 1))];
  return quantile / normalQuantile(0.5 + level / 200);
}

/**
 * A factor per interval level, computed once for each level asked for (a model's forecast asks for the
 * same level at every step).
 * @param compute - the factor of a level
 * @returns the same function, remembering its answers
 * @example perLevel((level) => tableScale(cell, level))(95)
 */
export function perLevel(compute: (level: number) => number): (level: number) => number {
  const factors = new Map<number, number>();
  return (level) => {
    const known = factors.get(level);
    if (known !== undefined) return known;
    const factor = compute(level);
    factors.set(level, factor);
    return factor;
  };
}

/**
 * The factor by which a model's level-L interval half-widths must grow so that the held-out errors
 * fall inside at rate L: the L-quantile (nearest rank) of the standardised errors over z_L, shrunk
 * toward 1 by N / (N + N₀) with N errors, and never below 1 (intervals are widened, not narrowed, on
 * a series' own thin evidence).
 * @param errors - standardised absolute errors ({@link standardisedErrors})
 * @param level - interval level in percent
 * @param priorCount - N₀, the evidence worth as much as the model's own width
 * @returns the factor, at least 1 (1 without errors)
 * @example intervalScale([0.5, 1, 1.5, 4], 80, 0) // quantile 1.5 / z 1.2816 ≈ 1.17
 */
export function intervalScale(errors: readonly number[], level: number, priorCount: number): number {
  if (errors.length === 0) return 1;
  const raw = levelRatio([...errors].sort((a, b) => a - b), level);
  const lambda = errors.length / (errors.length + priorCount);
  return Math.max(1, 1 + lambda * (raw - 1));
}

/** A forecast error of a series' own rolling-origin forecast: steps ahead and forecast minus actual. */
export interface StepError {
  step: number;
  error: number;
}

/**
 * A series' own interval factor from its rolling-origin errors (calibration trial 5): each error over
 * the model's standard deviation at the same step (`sd[step - 1]`, from the model's own interval), the
 * level-quantile (nearest rank) of those ratios over z_L, raised to λ = N / (N + N₀) with N errors, so
 * thin evidence keeps the model's width. Unlike {@link intervalScale} it narrows as well as widens: it
 * multiplies a class table fitted with it in force.
 * @param errors - forecast minus actual at the origins, by step ahead
 * @param sd - the model's standard deviation per step (steps beyond its length take the last)
 * @param level - interval level in percent
 * @param priorCount - N₀
 * @returns the factor (1 without usable errors)
 * @example ownErrorScale([{ step: 1, error: 2 }, { step: 1, error: -1 }], [1], 80, 0) // 2 / 1.2816 ≈ 1.56
 */
export function ownErrorScale(errors: readonly StepError[], sd: readonly number[], level: number, priorCount: number): number {
  const ratios = errors
    .map(({ step, error }) => Math.abs(error) / sd[Math.min(step, sd.length) - 1])
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (ratios.length === 0 || sd.length === 0) return 1;
  const raw = levelRatio(ratios, level);
  if (!(raw > 0)) return 1;
  const lambda = ratios.length / (ratios.length + priorCount);
  return Math.exp(lambda * Math.log(raw));
}

/**
 * A model whose interval half-widths are multiplied by scale(level, step) around its point forecast;
 * lower bounds stay at or above `floor`.
 * @param model - the fitted model
 * @param scale - factor per interval level (percent) and step (0-based)
 * @param floor - lowest lower bound (0 for demand that cannot be negative)
 * @returns the same model with scaled intervals (name, fit and point forecasts unchanged)
 * @example scaledIntervalsModel(model, () => 1.2).forecast(6, [95])
 */
export function scaledIntervalsModel(model: FittedModel, scale: (level: number, step: number) => number, floor = -Infinity): FittedModel {
  return {
    name: model.name,
    statistics: model.statistics,
    parameters: model.parameters,
    fitted: model.fitted,
    forecast(horizon, levels) {
      const forecast = model.forecast(horizon, levels);
      return {
        mean: forecast.mean,
        intervals: forecast.intervals.map((interval) => ({
          level: interval.level,
          lower: interval.lower.map((v, i) => Math.max(floor, forecast.mean[i] - scale(interval.level, i) * (forecast.mean[i] - v))),
          upper: interval.upper.map((v, i) => forecast.mean[i] + scale(interval.level, i) * (v - forecast.mean[i])),
        })),
      };
    },
  };
}

/** Values drawn from one training cut and the weight each of them carries. */
export interface WeightedValues {
  values: readonly number[];
  weight: number;
}

/**
 * The q-quantile (nearest rank by weight) of values pooled over cuts: the smallest value v such that
 * the values at or below v carry at least share q of the total weight. Non-finite values are left out.
 * With equal weights it is the plain nearest-rank quantile of the pooled values.
 * @param cuts - each cut's values and the weight each of its values carries
 * @param q - the share, 0 < q < 1 (0.8 for the 80% interval's scale)
 * @returns the quantile, or NaN without any finite value
 * @example weightedQuantile([{ values: [1, 2], weight: 1 }, { values: [4], weight: 0.5 }], 0.9) // 4 (0.8: 2)
 */
export function weightedQuantile(cuts: readonly WeightedValues[], q: number): number {
  const points = cuts
    .flatMap(({ values, weight }) => values.filter(Number.isFinite).map((value) => ({ value, weight })))
    .sort((a, b) => a.value - b.value);
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  let running = 0;
  for (const p of points) {
    running += p.weight;
    if (running >= q * total - 1e-12 * total) return p.value;
  }
  return NaN;
}

/** Interval scales at the 80% and 95% levels for one class of series (1 = the model's own width). */
export interface IntervalScaleCell {
  scale80: number;
  scale95: number;
}

/** Non-seasonal histories shorter than this are "short" for {@link seriesClass}. */
const SHORT_NON_SEASONAL = 40;

/**
 * The calibration class of a series: its season length (1, 4, 12 or other), and for non-seasonal series
 * whether the history is short (under 40 periods, as annual data is), e.g. "m1-short", "m12". Short
 * non-seasonal histories leave out most parameter and trend uncertainty from model intervals.
 * @param seasonLength - season length m
 * @param n - history length
 * @returns the class name, a key of {@link INTERVAL_SCALES}
 * @example seriesClass(1, 20) // "m1-short"
 */
export function seriesClass(seasonLength: number, n: number): string {
  if (seasonLength === 1) return n < SHORT_NON_SEASONAL ? "m1-short" : "m1-long";
  return seasonLength === 4 || seasonLength === 12 ? `m${seasonLength}` : "mother";
}

/**
 * Interval scales of automatic mode's combination per {@link seriesClass} (issue 13, part 4). The
 * combination's own intervals (the members' bounds averaged, widened by their disagreement) covered 72.8% / 86.7% (80% / 95%) of M3
 * yearly test values, 76.5 / 89.5 quarterly, 79.6 / 92.9 monthly and 86.7 / 95.8 "other".
 *
 * Protocol, written before any table was fitted: a table (scale at 80% and 95% per season length x
 * history-length band: under 30, 30-59, 60 or more periods; bench/interval-calibration.ts) is fitted on
 * the M3 training cuts 2 and 3 only (`forecast-m3 --cut 2|3 --scales-out`: the last-but-one and last-but-two
 * blocks of h training points); it is adopted if on training cut 1 (the last h training points, not
 * used for fitting) every subset's coverage is within 77-83% and 93-97%, or nearer those ranges than
 * without calibration on every subset. Only then is it run once on the test parts, reported as it comes.
 *
 * Trial 1 (cells fitted on cuts 2 and 3) failed it: on cut 1 yearly 75.6% / 92.7% (uncalibrated
 * 62.7 / 79.5), quarterly 86.7 / 97.9 (75.3 / 91.2: the 80% farther from its range), monthly 77.8 /
 * 93.4 (78.6 / 91.8), other 84.4 / 96.7 (86.4 / 95.3). Series are h points shorter at each older cut,
 * so a length band holds other series at cuts 2-3 than at the test part (quarterly series of 30-59
 * points at cut 3 are M3's longest ones). Trial 2, protocol fixed before fitting it: the same cells
 * fitted on cut 1 alone (the nearest cut to the test part, one h-block of shift as from cut 2 to cut 1),
 * adopted under the same rule checked on cut 2. It failed too: on cut 2 other 87.0% / 96.0%
 * (uncalibrated 81.1 / 92.5), quarterly 70.7 / 90.0, yearly 73.7 / 92.5, monthly 82.9 / 95.8.
 * The scale each subset needs moves between cuts as much as between subsets (80% / 95%, cuts 1, 2, 3:
 * quarterly 1.12/1.20, 1.39/1.49, 1.42/1.72; other 0.83/0.99, 0.96/1.23, 0.93/1.10), so no table
 * fitted on one period meets a ±3-point window on every other period.
 * Trial 3, this table: classes by season length only, non-seasonal split at 40 periods (which
 * separates M3's annual from its "other" series at every cut), fitted on cuts 1-3 pooled; checked by
 * leaving each cut out in turn (`interval-calibration --leave-one-out`). NOT pre-registered: its rule
 * was judged after seeing these figures. Held-out coverage 80% / 95% (uncalibrated in brackets), cuts
 * 1, 2, 3: yearly 74.4/94.0 (62.7/79.5), 72.6/92.4 (60.8/76.0), 85.8/96.4 (69.8/85.7); quarterly
 * 88.4/98.3 (75.3/91.2), 75.9/93.9 (66.6/84.1), 75.0/91.6 (65.8/82.5); monthly 77.8/93.9 (78.6/91.8),
 * 82.3/95.7 (81.6/93.3), 79.8/95.4 (79.9/92.6); other 84.1/98.1 (86.4/95.3), 76.0/91.7 (81.1/92.5),
 * 88.9/98.3 (82.7/93.6). Mean over the three held-out cuts: yearly 77.6/94.3, quarterly 79.8/94.6,
 * monthly 80.0/95.0, other 83.0/96.0: in range on average, ±5-9 points from one period to another.
 * Adopted for that average, then run once on the test parts (`npm run bench:forecast`, 2026-12-07):
 * 80% / 95% coverage yearly 84.0 / 95.9 (before 72.8 / 86.7), quarterly 85.1 / 96.0 (76.5 / 89.5),
 * monthly 79.6 / 95.6 (79.6 / 92.9), other 83.6 / 96.4 (86.7 / 95.8): every 95% interval in 93-97%,
 * the 80% ones 0.6-2.1 points above 83% on yearly, quarterly and other (left as measured: changing the
 * table now would tune it on the test parts).
 * Re-fitted for per-series evidence (auto.ts AUTO_EVIDENCE, which moves the point forecasts), by the
 * same procedure on cuts 1-3 of the new design: `forecast-m3 --cut k --scales-out` writes the scales
 * needed relative to the table then in force, so each cell was multiplied by the pooled factor
 * (`interval-calibration --fit`): m1-short 0.996 / 0.979, m4 0.987 / 1.001, m12 1.016 / 1.012; m1-long
 * unchanged (the evidence leaves those series alone). Held-out coverage by leaving each cut out, mean
 * over the three cuts, 80% / 95%: yearly 77.9 / 94.2, quarterly 79.7 / 94.6, monthly 80.0 / 95.0.
 * Re-fitted for design study 3 (auto.ts SEASONAL_DESIGN, which changes the forecasts of seasonal
 * series) by the same procedure, decided before fitting: seasonal series' scales from the new design's
 * cuts 1-3, non-seasonal ones' from the unchanged design's, pooled (`interval-calibration --fit`): m4
 * 0.988 / 1.014, m12 0.994 / 0.994, m1 cells 1.000 (unchanged); fitted again on the cuts of the
 * cheaper origin recipe finally adopted (auto.ts B2o) with this table in force: every factor within
 * 0.999-1.001, so the table stands. Held-out coverage by leaving each cut
 * out, cuts 1, 2, 3, 80% / 95%: yearly 75.0/93.5, 73.0/92.8, 85.6/96.3; quarterly 88.5/98.6,
 * 76.2/93.4, 73.4/91.0; monthly 76.9/94.2, 82.3/95.4, 80.9/95.4; other 84.1/98.1, 76.0/91.7,
 * 88.6/98.1. The 80% coverage of one subset moves 5-15 points from one period to the next: M3 series
 * of a subset share calendar time, so a period's common shocks move them together, and no table
 * fitted on other periods can promise a ±3-point window on the test period.
 *
 * Trial 4 (issue 13, part 4: the 80% intervals 0.6-1.7 points too wide on the test parts of yearly,
 * quarterly and other). Protocol, written and committed before any candidate was scored: errors
 * shrink as the cut nears the test part, so the procedure is chosen by how it generalises FORWARD.
 * Data: `forecast-m3 --cut k --scales-out` for k = 1..5, with the table below in force (a candidate
 * gives factors that multiply its cells). Checks: for k = 1, 2, 3, each candidate is fitted on cuts
 * older than k only and scored on cut k. Score: the mean, over the 3 checks x 4 M3 subsets x 2
 * levels, of the points by which coverage lies outside 77-83% (80%) or 93-97% (95%); 0 inside.
 * Candidates (per class and level; "older cuts" are k+1, k+2, k+3 where they exist, up to 5; a
 * class without values at a cut skips that cut; none at all: factor 1):
 * (a) the level-quantile of the three older cuts pooled (today's procedure, for real on cuts 1-3);
 * (b) the quantile of the nearest older cut alone;
 * (e) the quantile of the two nearest older cuts pooled;
 * (c) a weighted quantile of the three older cuts, each value weighted 1, 1/2, 1/4 by its cut's distance;
 * (d) a damped trend: q1 (q1 / q2)^(1/2), q1 and q2 the quantiles of the nearest and next older cut
 *     alone ((b) when only one exists);
 * (f) per horizon step: (a)'s quantile taken over each step separately (a step beyond the class's
 *     fitted steps takes the last one).
 * Rule: the candidate with the lowest score is adopted if it is below (a)'s score by at least 0.1
 * point AND below (a)'s on at least two of the three checks; otherwise the table stands. An adopted
 * candidate is then fitted for real with the test part as "cut 0" (older cuts 1, 2, 3), written
 * below, and only then run once on the test parts, reported as it comes.
 * Results as they came (`interval-calibration --forward d` on dumps of cuts 1-5 from
 * `forecast-m3 --cut k --scales-out d/cutk.json`, 2026-12-07), score and per check (cuts 1, 2, 3):
 * (f) per step 0.972 (1.21, 1.11, 0.59); (a) pooled 1.010 (1.24, 1.05, 0.73); (e) two nearest 1.041
 * (1.42, 0.97, 0.73); (c) weighted 1.136 (1.33, 1.25, 0.83); (b) nearest only 1.629 (1.24, 2.17,
 * 1.48); (d) damped trend 2.767 (2.23, 3.26, 2.81). (a)'s coverage 80% / 95% on cuts 1, 2, 3: yearly
 * 78.2/94.1, 71.1/91.1, 83.2/95.1; quarterly 89.4/98.9, 83.0/96.8, 82.3/96.0; monthly 78.0/94.3,
 * 82.2/95.5, 82.0/95.9; other 84.0/97.6, 79.0/92.4, 88.0/97.7. The best, (f), is below (a) on two
 * checks but by 0.04 point on average, short of the 0.1 required: no candidate beats (a), so the
 * table stands (and was not run again on the test parts). Fitting on nearer cuts only ((b), (e), (c))
 * or extrapolating their trend ((d)) did worse: the needed scale does not drift steadily toward the
 * test part (yearly's 80% coverage with (a) goes 83.2, 71.1, 78.2 from cut 3 to cut 1), it jumps with
 * each period's common shocks, and pooling more periods averages those out best.
 * Re-fitted for design studies 5 and 6 (auto.ts designFor: quarters and months that show no season get
 * the non-seasonal design) by procedure (a) (`interval-calibration --refit`), after study 5: m4 0.998 /
 * 0.984, m12 0.994 / 0.996; after study 6: m4 0.998 / 1.000, m12 0.999 / 0.997; the m1 cells 1.000.
 * Re-fitted by procedure (a) when the drift member's intervals were corrected to R's rwf (residual
 * variance over T - 2, not T - 1; 2026-12-07): m1-short 1.000 / 0.995, m4 1.000 / 0.999, the others 1.000.
 * Re-fitted by procedure (a) for design study 7 (auto.ts SHORT_SEASONAL_DESIGN: seasonal naive joins
 * histories of fewer than three cycles, which M3's shorter monthly and quarterly series are at the
 * cuts): m4 0.994 / 0.995, m12 0.981 / 0.980, the m1 cells 1.000.
 *
 * Trial 5 (issue 13, part 4: "scaling by rolling-origin errors"; the table gives every series of a
 * class the same factor, so a series whose forecasts miss by more than its model admits keeps too
 * narrow an interval, and a calm one too wide a one; on held-back series 95% intervals covered 87%).
 * Protocol, written and committed before any variant was scored. Variant P(N₀): on top of the table,
 * each series with per-series evidence (auto.ts evidence plans) gets its own factor from the errors of
 * its final weighted forecast at the evidence's rolling origins (the members' origin errors weighted as
 * the final model weights them), standardised by the final model's own standard deviation at the same
 * step (read from its 95% interval): raw = the level-quantile of those standardised errors over z_L,
 * factor = raw^λ, λ = N / (N + N₀) with N errors (thin evidence keeps the table's width; the factor may
 * narrow as well as widen). Variants P12 and P36. Data: `forecast-m3 --cut k --scales-out` for k = 1..5
 * by the same forecast path for every variant (`--interval-n0 N₀`; none for today's), each with the
 * table below in force. Score: trial 4's forward score of procedure (a) (for k = 1, 2, 3, the table
 * factors fitted on cuts k+1..k+3 and coverage scored on cut k; mean points outside 77-83% / 93-97%
 * over the 3 checks x 4 subsets x 2 levels), and as a guard the mean scaled interval score at 95%
 * (MSIS, M4's interval measure: width plus 40 x the miss, over the MASE scale) under the same fitted
 * factors, averaged over checks and subsets. Rule: the variant of lowest score is adopted if its score
 * is below today's by at least 0.1 point, below today's on at least two of the three checks, and its
 * mean MSIS is not above today's. Then the table is refitted by procedure (a) on cuts 1-3 with it in
 * force, and only then run once on the test parts, reported as it comes.
 * Results as they came (dumps of cuts 1-5 per variant, `forecast-m3 --cut k [--interval-n0 N₀]
 * --scales-out d/cutk.json`, then `interval-calibration --forward d`, 2026-12-07), score (cuts 1, 2, 3)
 * and mean MSIS: today 1.066 (1.28, 1.10, 0.81), MSIS 4358.2; P12 0.801 (1.27, 0.27, 0.86), MSIS 2888.8;
 * P36 0.951 (1.30, 0.82, 0.73), MSIS 3627.7. Point forecasts are the same in all three. By the letter
 * P12 qualifies. It is NOT adopted: its MSIS pass is one monthly series at cut 2 whose training part
 * barely moves (MASE scale near 0, MSIS in the tens of thousands), which alone decides the mean. On the
 * same dumps with that tail left out, P12's interval score is worse: the mean over the 12 check x
 * subset cells of each cell's median series MSIS is 10.883 against today's 10.265 (P36 10.366), worse
 * in 9 of the 12 cells, and the mean without each cell's top 1% of series 13.572 against 13.389 (P36
 * 13.307). Interval score is a proper score and the coverage windows are not: P12 moves pooled coverage
 * into the windows (yearly at cut 2: 71.1 -> 76.1% at 80%) while each series' interval gets worse, a
 * series' 12-36 overlapping origin errors being mostly noise about its future misses. Deciding against
 * the letter of a guard is a change of rule after seeing results; it is toward no change, on training
 * cuts only, and the test parts were not run. The table stands; `--interval-n0` keeps the variant
 * reproducible.
 * Refit after a change to the point forecasts: `npx tsc -p tsconfig.cli.json && node
 * dist-cli/bench/interval-calibration.js --refit` (procedure (a) on cuts 1-3; it replaces the
 * bench's --fit, --check and --leave-one-out used in trials 1-3; `--forward d` re-scores trial 4).
 */
export const INTERVAL_SCALES: Readonly<Record<string, IntervalScaleCell>> = {
  "m1-short": { scale80: 1.468, scale95: 1.762 },
  "m1-long": { scale80: 0.892, scale95: 1.054 },
  m4: { scale80: 1.258, scale95: 1.441 },
  m12: { scale80: 0.983, scale95: 1.123 },
};

/**
 * The scale of a table cell at any level: log-linear in the normal quantile z_L between the 80% and 95%
 * scales, held at the nearer one outside that range.
 * @param cell - the class's scales (undefined: 1)
 * @param level - interval level in percent
 * @returns the factor for the interval half-widths
 * @example tableScale({ scale80: 1.1, scale95: 1.3 }, 95) // 1.3
 */
export function tableScale(cell: IntervalScaleCell | undefined, level: number): number {
  if (!cell) return 1;
  const z80 = normalQuantile(0.9);
  const z95 = normalQuantile(0.975);
  const t = Math.min(1, Math.max(0, (normalQuantile(0.5 + level / 200) - z80) / (z95 - z80)));
  return Math.exp((1 - t) * Math.log(cell.scale80) + t * Math.log(cell.scale95));
}
