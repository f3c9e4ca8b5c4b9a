/**
 * What one S&OP cycle said about one item (at one location) for one future month, kept so that later
 * cycles can judge it against the actuals: accuracy and bias by lag, forecast value added per role,
 * plan stability, and safety stock sized from the error at the lead-time lag.
 *
 * A cycle is named by the month it plans from ("2026-11": the cycle run in November, whose first
 * forecast month is `firstPeriod`). Lag 1 is the first forecast month of that cycle, lag 2 the next,
 * and so on: `lag = monthsBetween(firstPeriod, period) + 1`.
 */
export interface ForecastSnapshotRow {
  /** The cycle that made the figures, e.g. "2026-11". */
  cycle: string;
  /** Item id as the history names it. */
  item: string;
  /** Location id; "" when the workbook has no locations. */
  location: string;
  /** Family of the item; "" when none. */
  family: string;
  /** The forecast month, "YYYY-MM". */
  period: string;
  /** Months ahead of the cycle: 1 for the cycle's first forecast month. */
  lag: number;
  /** The naive forecast (last actual month carried forward) at the time of the cycle. */
  naive: number;
  /** The statistical forecast of step 2. */
  statistical: number;
  /**
   * The forecast after each role's override applied alone to the statistical forecast, by role
   * ("Sales", "Marketing", ...); empty when no role overrode this item and month.
   */
  roles: Readonly<Record<string, number>>;
  /** The consensus demand (statistical plus every override). */
  consensus: number;
  /** Production of the approved plan for this item and month; null when the cycle approved none. */
  production: number | null;
}

/** All snapshot rows of the cycles a workbook has run, oldest cycle first. */
export type ForecastSnapshots = readonly ForecastSnapshotRow[];

/** One month of actual demand for an item (at a location), as the history table holds it. */
export interface ActualRow {
  item: string;
  /** "" when the workbook has no locations. */
  location: string;
  /** "YYYY-MM". */
  period: string;
  quantity: number;
}
