import { PlanningError } from "../core/errors";
import type { CombinationRule, Override } from "../core/reconcile";
import type { CellValue } from "../workbook/workbook";
import { monthLabel, parseMonth } from "./periodHeader";
import { seriesKey, type DemandSeries } from "./planningData";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** The roles that have the last word, in the order they speak; other roles follow in order of appearance. */
export const ROLE_ORDER = ["sales", "marketing", "finance"];

/** A series being forecast, with its statistical forecast (to share an item's override among its locations). */
export type ForecastSeries = Pick<DemandSeries, "item" | "location"> & { forecast: readonly number[] };

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * A number as planners type it: a number, or text such as "1,234", "-50" or "+20" (a Percent also
 * "20%"); blank is undefined.
 * @throws PlanningError naming the cell for anything else
 */
const optionalNumber = (cell: CellValue | undefined, where: string, percent = false): number | undefined => {
  if (cell === null || cell === undefined || text(cell) === "") return undefined;
  if (typeof cell === "number") return cell;
  const plain = text(cell).replace(/,/g, "");
  const typed = percent ? plain.replace(/\s*%$/, "") : plain;
  const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(typed) ? Number(typed) : NaN;
  if (!Number.isFinite(value)) throw new PlanningError(`${where} should be a number${percent ? ' such as 20 or "20%"' : ""}, not "${String(cell)}".`);
  return value;
};

/** The forecast period a Period cell names: a label as written ("2026-04"), or any month header planners type ("Apr-26", "April 2026", a date). */
function periodIndex(cell: CellValue | undefined, periods: readonly string[]): number {
  const exact = periods.indexOf(text(cell));
  if (exact >= 0) return exact;
  const month = cell === undefined ? undefined : parseMonth(cell);
  return month ? periods.indexOf(monthLabel(month)) : -1;
}

/**
 * Read the overrides planners typed into the SOP Overrides sheet (Role, Item, [Location,] Period,
 * Value, Delta, Percent, Reason; one of Value/Delta/Percent per row) and the rule that combines them:
 * the last word goes to sales, then marketing, then finance, then any other role in order of first
 * appearance. Periods may be typed as the history headers show them ("Apr-26", a date) as well as
 * "2026-04"; numbers as text ("1,234"), a percent as 20 or "20%". Overrides are keyed by series
 * (seriesKey). A row naming a location applies to that item at that location; a row without one, for
 * an item planned at several locations, applies to each of them: a percent as it is, a value or delta
 * shared in proportion to their statistical forecasts for the period (equally when those add up to
 * 0), so the item's total moves by what the planner typed.
 * @param sheet the sheet's rows, header first
 * @param periods the forecast period labels the Period column refers to
 * @param series the series being planned, with their statistical forecasts
 * @throws PlanningError listing every bad row at once (an unknown item, location or period, a non-number), each by row and month
 * @example readOverrides([["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ["sales", "CH-101", "Apr-26", null, null, "20%", "promo"]], ["2026-04"], series)
 */
export function readOverrides(sheet: readonly CellValue[][], periods: readonly string[], series: readonly ForecastSeries[]): { overrides: Override[]; rule: CombinationRule } {
  const header = (sheet[0] ?? []).map(text);
  const keys = keyColumnCount(header.slice(1));
  const overrides: Override[] = [];
  const problems: string[] = [];
  sheet.slice(1).forEach((row, k) => {
    const role = text(row[0]).toLowerCase();
    const { item, location } = rowKey(header.slice(1), row.slice(1));
    if (role === "" && item === "") return;
    const index = periodIndex(row[1 + keys], periods);
    const where = `Row ${k + 2}${index >= 0 ? ` (${item}${location === "" ? "" : ` at ${location}`}, ${periods[index]})` : ""}`;
    const targets = series.filter((entry) => entry.item === item && (location === "" || entry.location === location));
    if (targets.length === 0) problems.push(`${where}: item "${item}"${location === "" ? "" : ` at location "${location}"`} is not in the plan.`);
    if (index < 0) problems.push(`${where}: period "${text(row[1 + keys])}" is not a forecast month (${periods[0]} to ${periods[periods.length - 1]}).`);
    let numbers: (number | undefined)[];
    try {
      numbers = ["Value", "Delta", "Percent"].map((column, c) => optionalNumber(row[2 + keys + c], `${where}, ${column}`, column === "Percent"));
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
      problems.push(error.message);
      return;
    }
    if (targets.length === 0 || index < 0) return;
    const [value, delta, percent] = numbers;
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
  if (problems.length > 0) {
    throw new PlanningError(`${SHEETS.overrides} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}; fix ${problems.length === 1 ? "it" : "them"} and run step 2 again:\n${problems.join("\n")}`);
  }
  const extra = [...new Set(overrides.map((o) => o.role))].filter((role) => !ROLE_ORDER.includes(role));
  return { overrides, rule: { kind: "lastWord", order: [...ROLE_ORDER, ...extra] } };
}
