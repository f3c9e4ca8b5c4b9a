import { PlanningError } from "../errors";
import type { ActualRow, ForecastSnapshots, ForecastSnapshotRow } from "./snapshot";

/** A snapshot row whose month has an actual: what the cycle said beside what happened. */
export interface JudgedForecast extends ForecastSnapshotRow {
  /** Actual demand of the item (at the location) in the snapshot's month. */
  actual: number;
}

/** Which figure of a snapshot is judged: the consensus (default, what the business planned), the statistical or the naive forecast. */
export type JudgedFigure = "consensus" | "statistical" | "naive";

/** The longest lag the rolling measures look at: six months ahead. */
export const MAX_LAG = 6;

/** Actual quantity by item, then location, then month: nested maps, so that looking up millions of snapshot rows builds no key strings. */
type ActualIndex = Map<string, Map<string, Map<string, number>>>;

function inner<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function allFinite(row: ForecastSnapshotRow): boolean {
  if (!(Number.isFinite(row.naive) && Number.isFinite(row.statistical) && Number.isFinite(row.consensus))) return false;
  for (const role in row.roles) if (!Number.isFinite(row.roles[role])) return false;
  return true;
}

/**
 * The snapshot rows whose month already has an actual, each with that actual: the forecasts that can
 * now be judged. Months still in the future, and items the history does not hold for that month, are
 * left out (they are not errors of 100%, just not known yet). Two actual rows for the same item,
 * location and month are added together, as the history table sums them.
 * @param snapshots snapshot rows of the cycles run so far
 * @param actuals the history's actual demand
 * @returns the judged rows, in the order of the snapshots
 * @throws PlanningError naming the row when an actual or a snapshot figure is not a number, or a lag is below 1
 * @example judgedForecasts([{ cycle: "2026-01", item: "A", location: "", family: "", period: "2026-01", lag: 1, naive: 90, statistical: 95, roles: {}, consensus: 100, production: 100 }],
 *   [{ item: "A", location: "", period: "2026-01", quantity: 110 }]) // one row with actual 110
 */
export function judgedForecasts(snapshots: ForecastSnapshots, actuals: readonly ActualRow[]): JudgedForecast[] {
  const known: ActualIndex = new Map();
  actuals.forEach((row, i) => {
    if (!Number.isFinite(row.quantity)) {
      throw new PlanningError(`Actual row ${i + 1} (${row.item}, ${row.period}) has no number for its quantity: fill it or leave the row out.`, "invalidNumber");
    }
    const months = inner(inner(known, row.item, () => new Map()), row.location, () => new Map<string, number>());
    months.set(row.period, (months.get(row.period) ?? 0) + row.quantity);
  });
  const judged: JudgedForecast[] = [];
  snapshots.forEach((row, i) => {
    if (!(Number.isInteger(row.lag) && row.lag >= 1)) {
      throw new PlanningError(`Snapshot row ${i + 1} (cycle ${row.cycle}, ${row.item}, ${row.period}) has lag ${row.lag}: a lag is a whole number of months from 1.`, "invalidNumber");
    }
    const actual = known.get(row.item)?.get(row.location)?.get(row.period);
    if (actual === undefined) return;
    if (!allFinite(row)) {
      throw new PlanningError(`Snapshot row ${i + 1} (cycle ${row.cycle}, ${row.item}, ${row.period}) has a forecast that is not a number.`, "invalidNumber");
    }
    judged.push({
      cycle: row.cycle,
      item: row.item,
      location: row.location,
      family: row.family,
      period: row.period,
      lag: row.lag,
      naive: row.naive,
      statistical: row.statistical,
      roles: row.roles,
      consensus: row.consensus,
      production: row.production,
      actual,
    });
  });
  return judged;
}

/** The chosen figure of a judged row. */
export function judgedFigure(row: ForecastSnapshotRow, figure: JudgedFigure): number {
  return row[figure];
}
