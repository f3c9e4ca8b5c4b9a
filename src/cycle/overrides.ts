import { PlanningError } from "../core/errors";
import { spreadOverrides, type CombinationRule, type Override } from "../core/reconcile";
import type { CellValue } from "../workbook/workbook";
import { notNumberAdvice, toNumber } from "./cellValues";
import { levelStructure } from "./coherentLevels";
import { monthLabel, parseMonth } from "./periodHeader";
import { seriesKey, type DemandSeries } from "./planningData";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** The roles that have the last word, in the order they speak; other roles follow in order of appearance. */
export const ROLE_ORDER = ["sales", "marketing", "finance"];

/** A series being forecast, with its family and statistical forecast (to spread an override of a group over its series). */
export type ForecastSeries = Pick<DemandSeries, "item" | "location"> & { family: string; forecast: readonly number[] };

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * A number as planners type it: a number, or text such as "1,234", "-50" or "+20" (a Percent also
 * "20%"); blank is undefined.
 * @throws PlanningError naming the cell for anything else
 */
const optionalNumber = (cell: CellValue | undefined, where: string, percent = false): number | undefined => {
  if (cell === null || cell === undefined || text(cell) === "") return undefined;
  if (typeof cell === "number") return cell;
  const typed = percent ? text(cell).replace(/\s*%$/, "") : text(cell);
  // digits with a sign, commas between thousands and a decimal point, read as step 1 reads them:
  // "12,5" and "1.234", which read two ways, are refused rather than taken as 125 or 1.234
  const digits = /^[+-]?[\d.,]+$/.test(typed);
  const value = digits ? toNumber(typed) : null;
  if (value === null) {
    const advice = digits ? ` ${notNumberAdvice(typed)}` : "";
    throw new PlanningError(`${where} should be a number${percent ? ' such as 20 or "20%"' : ""}, not "${String(cell)}".${advice}`);
  }
  return value;
};

/** The forecast period a Period cell names: a label as written ("2026-04"), or any month header planners type ("Apr-26", "April 2026", a date). */
function periodIndex(cell: CellValue | undefined, periods: readonly string[]): number {
  const exact = periods.indexOf(text(cell));
  if (exact >= 0) return exact;
  const month = cell === undefined ? undefined : parseMonth(cell);
  return month ? periods.indexOf(monthLabel(month)) : -1;
}

/** What one row of SOP Overrides names: a node of the levels' structure and the series (bottom positions) under it. */
interface Target {
  /** How the row reads in a message: "CH-101 at North", "family Seating", "location North". */
  label: string;
  node: { node: string; level: string };
  members: readonly number[];
}

/**
 * Read the overrides planners typed into the SOP Overrides sheet (Role, Item, [Location,] Period,
 * Value, Delta, Percent, Reason; one of Value/Delta/Percent per row) and the rule that combines them:
 * the last word goes to sales, then marketing, then finance, then any other role in order of first
 * appearance. Periods may be typed as the history headers show them ("Apr-26", a date) as well as
 * "2026-04"; numbers as text ("1,234"), a percent as 20 or "20%". Overrides are keyed by series
 * (seriesKey). The Item column names an item or, when no item has that name, a family or (in a
 * workbook with locations, Location left blank) a location. A row naming a location applies to that
 * item at that location; a row for a group of series (an item planned at several locations, a family,
 * a location) applies to each of them: a percent as it is, a value or delta spread down in proportion
 * to their statistical forecasts for the period (equally when those add up to 0; spreadOverrides), so
 * the group's total moves by what the planner typed and every level stays the sum of its series.
 * @param sheet the sheet's rows, header first
 * @param periods the forecast period labels the Period column refers to
 * @param series the series being planned, with their families and statistical forecasts
 * @param masterItems the item master's ids: one of them not in the plan is a new product whose launch
 *   forecast step 1 has not seen yet (the message says to run it again)
 * @throws PlanningError listing every bad row at once (a name that is neither an item, a family nor a
 *   location, an unknown location or period, a non-number), each by row and month
 * @example readOverrides([["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ["sales", "Seating", "Apr-26", 500, null, null, "promo"]], ["2026-04"], series)
 */
export function readOverrides(
  sheet: readonly CellValue[][],
  periods: readonly string[],
  series: readonly ForecastSeries[],
  masterItems: ReadonlySet<string> = new Set(),
): { overrides: Override[]; rule: CombinationRule } {
  const header = (sheet[0] ?? []).map(text);
  const keys = keyColumnCount(header.slice(1));
  const overrides: Override[] = [];
  const problems: string[] = [];
  const find = targetFinder(series, masterItems);
  sheet.slice(1).forEach((row, k) => {
    const role = text(row[0]).toLowerCase();
    const { item, location } = rowKey(header.slice(1), row.slice(1));
    if (role === "" && item === "") return;
    const index = periodIndex(row[1 + keys], periods);
    const found = find(item, location);
    const named = typeof found === "string" ? `${item}${location === "" ? "" : ` at ${location}`}` : found.label;
    const where = `Row ${k + 2}${index >= 0 ? ` (${named}, ${periods[index]})` : ""}`;
    if (typeof found === "string") problems.push(`${where}: ${found}`);
    if (index < 0) problems.push(`${where}: period "${text(row[1 + keys])}" is not a forecast month (${periods[0]} to ${periods[periods.length - 1]}).`);
    let numbers: (number | undefined)[];
    try {
      numbers = ["Value", "Delta", "Percent"].map((column, c) => optionalNumber(row[2 + keys + c], `${where}, ${column}`, column === "Percent"));
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
      problems.push(error.message);
      return;
    }
    if (typeof found === "string" || index < 0) return;
    const [value, delta, percent] = numbers;
    const shares = found.members.length === 1 ? [1] : find.shares(found, index);
    found.members.forEach((j, m) => {
      overrides.push({
        role: role === "" ? "sales" : role,
        item: seriesKey(series[j].item, series[j].location),
        period: index,
        value: value === undefined ? undefined : value * shares[m],
        delta: delta === undefined ? undefined : delta * shares[m],
        percent,
        reason: text(row[5 + keys]),
      });
    });
  });
  if (problems.length > 0) {
    throw new PlanningError(`${SHEETS.overrides} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}; fix ${problems.length === 1 ? "it" : "them"} and run step 2 again:\n${problems.join("\n")}`);
  }
  const extra = [...new Set(overrides.map((o) => o.role))].filter((role) => !ROLE_ORDER.includes(role));
  return { overrides, rule: { kind: "lastWord", order: [...ROLE_ORDER, ...extra] } };
}

/**
 * What a row's Item and Location name among the series (an item first, then a family, then a
 * location), or why they name nothing; with `shares`, each series' share of a group's forecast.
 */
function targetFinder(
  series: readonly ForecastSeries[],
  masterItems: ReadonlySet<string>,
): ((item: string, location: string) => Target | string) & { shares: (target: Target, period: number) => number[] } {
  if (series.length === 0) return Object.assign(() => "there are no series in the plan to override.", { shares: () => [] });
  const structure = levelStructure(series);
  const nodes = new Map(structure.nodes.map((node) => [`${node.level}\u0000${node.name}`, node]));
  const located = series.some((entry) => entry.location !== "");

  const items = new Set(series.map((entry) => entry.item));
  const find = (item: string, location: string): Target | string => {
    if (items.has(item)) {
      const members = series.flatMap((entry, j) => (entry.item === item && (location === "" || entry.location === location) ? [j] : []));
      if (members.length === 0) return `item "${item}" at location "${location}" is not in the plan.`;
      const node = members.length === 1 ? { node: structure.nodes[structure.bottom[members[0]]].name, level: "bottom" } : { node: item, level: "item" };
      return { label: `${item}${location === "" ? "" : ` at ${location}`}`, node, members };
    }
    const family = nodes.get(`family\u0000${item}`);
    const place = located ? nodes.get(`location\u0000${item}`) : undefined;
    const group = family ?? place;
    if (group === undefined && masterItems.has(item)) return `"${item}" is a new item of the item master, not in the plan yet: run step 1 again to add it with this launch forecast.`;
    if (group === undefined) return `"${item}" is neither an item, a family nor a location in the plan.`;
    if (location !== "") return `"${item}" is a ${group.level}: leave Location blank to override it at every location, or override its items at "${location}".`;
    return { label: `${group.level} ${item}`, node: { node: group.name, level: group.level }, members: group.members };
  };
  const shares = (target: Target, period: number): number[] => {
    const spread = spreadOverrides(structure, series.map((entry) => [entry.forecast[period]]), [{ ...target.node, period: 0, value: 1 }]);
    return target.members.map((j) => spread.bottom[j][0]);
  };
  return Object.assign(find, { shares });
}
