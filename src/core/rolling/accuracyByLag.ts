import { bias, mae, wmape } from "../metrics";
import { judgedFigure, judgedForecasts, MAX_LAG, type JudgedFigure, type JudgedForecast } from "./judgedForecasts";
import type { ActualRow, ForecastSnapshots } from "./snapshot";

/** The level a figure of accuracy is reported at. */
export type AccuracyLevel = "item" | "family" | "location" | "total";

/** How accurate the cycles' forecasts were at one lag for one item, family, location or the total. */
export interface LagAccuracy {
  level: AccuracyLevel;
  /** The item ("A", or "A @ North" with locations), the family, the location, or "Total". */
  key: string;
  /** Months ahead: 1 for the month right after the cycle. */
  lag: number;
  /** Number of cycles behind the figure (cycles whose forecast at this lag now has an actual). */
  cycles: number;
  /** Item-months compared. */
  points: number;
  /** Actual demand over those item-months. */
  actual: number;
  /** Forecast over the same item-months. */
  forecast: number;
  /** WMAPE as a fraction, sum |actual - forecast| / sum actual; null when the actuals add up to 0. */
  wmape: number | null;
  /** Mean absolute error per item-month, in units. */
  mae: number;
  /** Bias as a fraction of actual volume, sum (forecast - actual) / sum actual (positive = over-forecast); null when the actuals add up to 0. */
  bias: number | null;
}

/** Options of `accuracyByLag`. */
export interface AccuracyByLagOptions {
  /** The figure judged: consensus (default), statistical or naive. */
  figure?: JudgedFigure;
  /** Longest lag reported (default 6). */
  maxLag?: number;
}

const LEVELS: readonly AccuracyLevel[] = ["item", "family", "location", "total"];

function groupKey(row: JudgedForecast, level: AccuracyLevel): string | undefined {
  switch (level) {
    case "item":
      return row.location === "" ? row.item : `${row.item} @ ${row.location}`;
    case "family":
      return row.family === "" ? undefined : row.family;
    case "location":
      return row.location === "" ? undefined : row.location;
    default:
      return "Total";
  }
}

function measure(level: AccuracyLevel, key: string, lag: number, rows: readonly JudgedForecast[], figure: JudgedFigure): LagAccuracy {
  const actual = rows.map((r) => r.actual);
  const forecast = rows.map((r) => judgedFigure(r, figure));
  const volume = actual.reduce((s, v) => s + v, 0);
  return {
    level,
    key,
    lag,
    cycles: new Set(rows.map((r) => r.cycle)).size,
    points: rows.length,
    actual: volume,
    forecast: forecast.reduce((s, v) => s + v, 0),
    wmape: volume === 0 ? null : wmape(actual, forecast),
    mae: mae(actual, forecast),
    bias: volume === 0 ? null : bias(actual, forecast),
  };
}

/**
 * Forecast accuracy and bias by lag: for each lag from 1 to 6 months, how far each cycle's forecast
 * for that month ahead fell from the actual, per item (and location), per family, per location and in
 * total, with the number of cycles behind each figure. WMAPE, MAE and bias are those of
 * src/core/metrics. Family, location and total figures pool the item-month errors (an item's miss is
 * not cancelled by another item's opposite miss), so the total WMAPE is sum |error| / sum actual over
 * every item-month at that lag. Lag 1 judges the month right after each cycle; a planner whose lead
 * time is 3 months reads lag 3 to see the error the plan had to live with.
 * Families and locations appear only when the snapshots name them. Lags without any actual yet are left out.
 * @param snapshots snapshot rows of the cycles run so far
 * @param actuals the history's actual demand
 * @param options figure judged (default consensus) and longest lag (default 6)
 * @returns rows by level (item, family, location, total), then key, then lag
 * @throws PlanningError when an actual or a snapshot figure is not a number (see judgedForecasts)
 * @example accuracyByLag(snapshots, actuals).filter((r) => r.level === "total") // WMAPE at lags 1..6 with their cycle counts
 */
export function accuracyByLag(snapshots: ForecastSnapshots, actuals: readonly ActualRow[], options: AccuracyByLagOptions = {}): LagAccuracy[] {
  const figure = options.figure ?? "consensus";
  const maxLag = options.maxLag ?? MAX_LAG;
  const judged = judgedForecasts(snapshots, actuals).filter((r) => r.lag <= maxLag);
  const result: LagAccuracy[] = [];
  for (const level of LEVELS) {
    const groups = new Map<string, JudgedForecast[][]>();
    for (const row of judged) {
      const k = groupKey(row, level);
      if (k === undefined) continue;
      let byLag = groups.get(k);
      if (byLag === undefined) {
        byLag = Array.from({ length: maxLag }, () => []);
        groups.set(k, byLag);
      }
      byLag[row.lag - 1].push(row);
    }
    const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b));
    for (const k of keys) {
      (groups.get(k) ?? []).forEach((rows, i) => {
        if (rows.length > 0) result.push(measure(level, k, i + 1, rows, figure));
      });
    }
  }
  return result;
}
