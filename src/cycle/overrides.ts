import { PlanningError } from "../core/errors";
import type { CombinationRule, Override } from "../core/reconcile";
import type { CellValue } from "../workbook/workbook";
import { seriesKey, type DemandSeries } from "./planningData";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** The roles that have the last word, in the order they speak; other roles follow in order of appearance. */
export const ROLE_ORDER = ["sales", "marketing", "finance"];

/** A series being forecast, with its statistical forecast (to share an item's override among its locations). */
export type ForecastSeries = Pick<DemandSeries, "item" | "location"> & { forecast: readonly number[] };

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());
const optionalNumber = (cell: CellValue | undefined, where: string): number | undefined => {
  if (cell === null || cell === undefined || cell === "") return undefined;
  if (typeof cell !== "number") throw new PlanningError(`${where} should be a number, not "${String(cell)}".`);
  return cell;
};

/**
 * Read the overrides planners typed into the SOP Overrides sheet (Role, Item, [Location,] Period,
 * Value, Delta, Percent, Reason; one of Value/Delta/Percent per row) and the rule that combines them:
 * the last word goes to sales, then marketing, then finance, then any other role in order of first
 * appearance. Overrides are keyed by series (seriesKey). A row naming a location applies to that item
 * at that location; a row without one, for an item planned at several locations, applies to each of
 * them: a percent as it is, a value or delta shared in proportion to their statistical forecasts for
 * the period (equally when those add up to 0), so the item's total moves by what the planner typed.
 * @param sheet the sheet's rows, header first
 * @param periods the forecast period labels the Period column refers to
 * @param series the series being planned, with their statistical forecasts
 * @throws PlanningError naming the row for an unknown item, location or period, or a non-number
 * @example readOverrides([["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ["sales", "CH-101", "2026-01", 120, null, null, "promo"]], ["2026-01"], series)
 */
export function readOverrides(sheet: readonly CellValue[][], periods: readonly string[], series: readonly ForecastSeries[]): { overrides: Override[]; rule: CombinationRule } {
  const header = (sheet[0] ?? []).map(text);
  const keys = keyColumnCount(header.slice(1));
  const overrides: Override[] = [];
  sheet.slice(1).forEach((row, k) => {
    const where = `${SHEETS.overrides} row ${k + 2}`;
    const role = text(row[0]).toLowerCase();
    const { item, location } = rowKey(header.slice(1), row.slice(1));
    if (role === "" && item === "") return;
    const targets = series.filter((entry) => entry.item === item && (location === "" || entry.location === location));
    if (targets.length === 0) {
      throw new PlanningError(`${where}: item "${item}"${location === "" ? "" : ` at location "${location}"`} is not in the plan.`);
    }
    const period = text(row[1 + keys]);
    const index = periods.indexOf(period);
    if (index < 0) throw new PlanningError(`${where}: period "${period}" is not a forecast period (${periods[0]} to ${periods[periods.length - 1]}).`);
    const [value, delta, percent] = ["Value", "Delta", "Percent"].map((column, c) => optionalNumber(row[2 + keys + c], `${where}, ${column}`));
    const total = targets.reduce((sum, entry) => sum + entry.forecast[index], 0);
    for (const target of targets) {
      const share = targets.length === 1 ? 1 : total > 0 ? target.forecast[index] / total : 1 / targets.length;
      overrides.push({
        role: role === "" ? "sales" : role,
        item: seriesKey(target.item, target.location),
        period: index,
        value: value === undefined ? undefined : value * share,
        delta: delta === undefined ? undefined : delta * share,
        percent,
        reason: text(row[5 + keys]),
      });
    }
  });
  const extra = [...new Set(overrides.map((o) => o.role))].filter((role) => !ROLE_ORDER.includes(role));
  return { overrides, rule: { kind: "lastWord", order: [...ROLE_ORDER, ...extra] } };
}
