import { PlanningError } from "../core/errors";
import type { CombinationRule, Override } from "../core/reconcile";
import type { CellValue } from "../workbook/workbook";
import { SHEETS } from "./sheets";

/** The roles that have the last word, in the order they speak; other roles follow in order of appearance. */
export const ROLE_ORDER = ["sales", "marketing", "finance"];

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());
const optionalNumber = (cell: CellValue | undefined, where: string): number | undefined => {
  if (cell === null || cell === undefined || cell === "") return undefined;
  if (typeof cell !== "number") throw new PlanningError(`${where} should be a number, not "${String(cell)}".`);
  return cell;
};

/**
 * Read the overrides planners typed into the SOP Overrides sheet (Role, Item, Period, Value, Delta,
 * Percent, Reason; one of Value/Delta/Percent per row) and the rule that combines them: the last word
 * goes to sales, then marketing, then finance, then any other role in order of first appearance.
 * @param rows the sheet's rows below its header
 * @param periods the forecast period labels the Period column refers to
 * @param items the item ids being planned
 * @throws PlanningError naming the row for an unknown item or period, a missing reason or a non-number
 */
export function readOverrides(rows: readonly CellValue[][], periods: readonly string[], items: ReadonlySet<string>): { overrides: Override[]; rule: CombinationRule } {
  const overrides: Override[] = [];
  rows.forEach((row, k) => {
    const where = `${SHEETS.overrides} row ${k + 2}`;
    const [role, item, period] = [text(row[0]).toLowerCase(), text(row[1]), text(row[2])];
    if (role === "" && item === "") return;
    if (!items.has(item)) throw new PlanningError(`${where}: item "${item}" is not in the plan.`);
    const index = periods.indexOf(period);
    if (index < 0) throw new PlanningError(`${where}: period "${period}" is not a forecast period (${periods[0]} to ${periods[periods.length - 1]}).`);
    overrides.push({
      role: role === "" ? "sales" : role,
      item,
      period: index,
      value: optionalNumber(row[3], `${where}, Value`),
      delta: optionalNumber(row[4], `${where}, Delta`),
      percent: optionalNumber(row[5], `${where}, Percent`),
      reason: text(row[6]),
    });
  });
  const extra = [...new Set(overrides.map((o) => o.role))].filter((role) => !ROLE_ORDER.includes(role));
  return { overrides, rule: { kind: "lastWord", order: [...ROLE_ORDER, ...extra] } };
}
