import type { FittedModel } from "./model";

/**
 * The positions in the cycle (0 = the history's first period) at which a history never had demand:
 * every period at that position, over at least two cycles, is 0.
 * @param history - demand per period
 * @param m - season length
 * @returns the positions, empty when m < 2 or the history holds fewer than two cycles
 * @example offSeasonPositions([5, 0, 0, 6, 0, 0, 4, 0, 0], 3) // Set {1, 2}
 */
export function offSeasonPositions(history: readonly number[], m: number): Set<number> {
  const positions = new Set<number>();
  if (m < 2 || history.length < 2 * m) return positions;
  for (let p = 0; p < m; p++) {
    let sold = false;
    for (let t = p; t < history.length && !sold; t += m) sold = history[t] !== 0;
    if (!sold) positions.add(p);
  }
  return positions;
}

/**
 * A seasonal product's model with its off-season kept empty: in the periods whose position in the
 * cycle never had demand ({@link offSeasonPositions}), the forecast and the lower bounds are 0, the
 * upper bounds the model's (a sale there is possible, not expected). Elsewhere, and for fitted values,
 * the model as it is.
 * @param model - the model fitted to the history
 * @param positions - the off-season positions
 * @param n - history length (the first forecast is period n)
 * @param m - season length
 * @returns the model with its off-season forecasts at 0
 * @example offSeasonModel(model, new Set([6, 7, 8, 9, 10, 11]), 48, 12).forecast(12, [80]).mean.slice(6) // [0, 0, 0, 0, 0, 0]
 */
export function offSeasonModel(model: FittedModel, positions: ReadonlySet<number>, n: number, m: number): FittedModel {
  if (positions.size === 0) return model;
  const off = (i: number): boolean => positions.has((n + i) % m);
  return {
    ...model,
    forecast(horizon, levels) {
      const forecast = model.forecast(horizon, levels);
      return {
        mean: forecast.mean.map((v, i) => (off(i) ? 0 : v)),
        intervals: forecast.intervals.map((interval) => ({ ...interval, lower: interval.lower.map((v, i) => (off(i) ? 0 : v)) })),
      };
    },
  };
}
