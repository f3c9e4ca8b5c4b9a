/**
 * One series' way from the statistical forecast to the consensus, month by month, as the pane shows it
 * for the item a planner picks: the statistical forecast (SOP Forecast), what each role's overrides
 * (SOP Overrides) make of it on their own, and the consensus step 2 wrote (SOP Consensus).
 */
import { PlanningError } from "../core/errors";
import { consensusForecast, STATISTICAL, type Override } from "../core/reconcile";
import type { CellValue, Workbook } from "../workbook/workbook";
import { readIfPresent, readStepSheet } from "./ownedSheets";
import { readOverrides, type ForecastSeries } from "./overrides";
import { seriesKey, type DemandSeries } from "./planningData";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** A series of the consensus, as the pane's picker lists it. */
export type SeriesId = Pick<DemandSeries, "item" | "location">;

/** One line of the view: a label and a number per forecast month (null where the line says nothing). */
export interface ConsensusLine {
  /** "Statistical", a role ("sales", "marketing", ...) or "Consensus". */
  label: string;
  values: (number | null)[];
}

/** The view of one series. */
export interface ConsensusView {
  series: SeriesId;
  periods: string[];
  /** Statistical first, then each role that overrode this series (in the order of the last word), then Consensus. */
  lines: ConsensusLine[];
  /** Why each override was made, by role and month ("sales 2026-04: promo"). */
  reasons: string[];
}

/**
 * The series step 2 forecast, in the order of SOP Consensus.
 * @throws PlanningError when step 2 has not run.
 * @example (await consensusSeries(book))[0] // { item: "CH-101", location: "" }
 */
export async function consensusSeries(workbook: Workbook): Promise<SeriesId[]> {
  const consensus = await readStepSheet(workbook, SHEETS.consensus, "step 2 (demand forecast)");
  return consensus.rows.map((row) => rowKey(consensus.header, row));
}

/**
 * The statistical forecast, each role's overrides and the consensus of one series, by forecast month.
 * A role's line is the statistical forecast with that role's overrides alone, shown only in the months
 * the role overrode; the consensus combines them by the last word (sales, then marketing, then finance).
 * @param workbook the workbook step 2 wrote.
 * @param series the item (and location) picked.
 * @throws PlanningError when step 2 has not run, the series is not in SOP Consensus, or SOP Overrides
 *   has rows step 2 could not read (listed all at once).
 * @example (await consensusView(book, { item: "CH-101", location: "" })).lines.map((line) => line.label) // ["Statistical", "sales", "Consensus"]
 */
export async function consensusView(workbook: Workbook, series: SeriesId): Promise<ConsensusView> {
  const consensus = await readStepSheet(workbook, SHEETS.consensus, "step 2 (demand forecast)");
  const forecast = await readStepSheet(workbook, SHEETS.forecast, "step 2 (demand forecast)");
  const periods = consensus.header.slice(keyColumnCount(consensus.header) + 1);
  const key = seriesKey(series.item, series.location);
  const row = consensus.rows.find((entry) => seriesKey(rowKey(consensus.header, entry).item, rowKey(consensus.header, entry).location) === key);
  if (!row) throw new PlanningError(`${key} is not in ${SHEETS.consensus}: run step 2 again, or pick another item.`);
  const measure = forecast.header.indexOf("Measure");
  const family = forecast.header.indexOf("Family");
  const statistical: (ForecastSeries & { shown: (number | null)[] })[] = forecast.rows
    .filter((entry) => String(entry[measure] ?? "") === "Forecast")
    .map((entry) => ({ ...rowKey(forecast.header, entry), family: String(entry[family] ?? ""), cells: entry.slice(measure + 1, measure + 1 + periods.length) }))
    .map((entry) => ({ item: entry.item, location: entry.location, family: entry.family, forecast: entry.cells.map(numberOrZero), shown: entry.cells.map(numberOrNull) }));
  const own = statistical.find((entry) => seriesKey(entry.item, entry.location) === key);
  const { overrides, rule } = readOverrides(await readIfPresent(workbook, SHEETS.overrides), periods, statistical);
  const mine = overrides.filter((override) => override.item === key);
  const roles = rule.kind === "lastWord" ? rule.order.filter((role) => mine.some((override) => override.role === role)) : [];
  const base = { [key]: own?.forecast ?? periods.map(() => 0) };
  const roleLines = roles.map((role) => ({ label: role, values: overrideAlone(key, base[key], mine, role) }));
  return {
    series,
    periods,
    lines: [
      { label: "Statistical", values: own ? own.shown : periods.map(() => null) },
      ...roleLines,
      { label: "Consensus", values: row.slice(keyColumnCount(consensus.header) + 1, keyColumnCount(consensus.header) + 1 + periods.length).map(numberOrNull) },
    ],
    reasons: mine.map((override) => `${override.role} ${periods[override.period]}: ${override.reason}`),
  };
}

/**
 * What one role's overrides alone make of a series' statistical forecast, month by month: the
 * statistical forecast with only that role's overrides applied; null in the months the role did not override.
 * @param key the series (seriesKey)
 * @param statistical its statistical forecast by month
 * @param overrides overrides of any role and series (only this role's for this series count)
 * @example overrideAlone("CH-101", [10, 10], [{ role: "sales", item: "CH-101", period: 1, percent: 20, reason: "" }], "sales") // [null, 12]
 */
export function overrideAlone(key: string, statistical: readonly number[], overrides: readonly Override[], role: string): (number | null)[] {
  const own = overrides.filter((override) => override.role === role && override.item === key);
  const alone = consensusForecast({ [key]: [...statistical] }, own, { kind: "lastWord", order: [role] });
  return alone.values[key].map((value, t) => (alone.setBy[key][t] === STATISTICAL ? null : value));
}

function numberOrZero(cell: CellValue | undefined): number {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : 0;
}

function numberOrNull(cell: CellValue | undefined): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}
