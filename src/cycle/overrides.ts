import { PlanningError } from "../core/errors";
import type { CombinationRule, Override } from "../core/reconcile";
import type { CellValue } from "../workbook/workbook";
import { monthLabel, parseMonth } from "./periodHeader";
import { SHEETS } from "./sheets";

/** The roles that have the last word, in the order they speak; other roles follow in order of appearance. */
export const ROLE_ORDER = ["sales", "marketing", "finance"];

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
 * Read the overrides planners typed into the SOP Overrides sheet (Role, Item, Period, Value, Delta,
 * Percent, Reason; one of Value/Delta/Percent per row) and the rule that combines them: the last word
 * goes to sales, then marketing, then finance, then any other role in order of first appearance.
 * Periods may be typed as the history headers show them ("Apr-26", a date) as well as "2026-04";
 * numbers as text ("1,234"), a percent as 20 or "20%".
 * @param rows the sheet's rows below its header
 * @param periods the forecast period labels the Period column refers to
 * @param items the item ids being planned
 * @throws PlanningError listing every bad row at once (an unknown item or period, a non-number), each by row and month
 * @example readOverrides([["sales", "A", "Apr-26", null, null, "20%", "promo"]], ["2026-04"], new Set(["A"])).overrides[0].percent // 20
 */
export function readOverrides(rows: readonly CellValue[][], periods: readonly string[], items: ReadonlySet<string>): { overrides: Override[]; rule: CombinationRule } {
  const overrides: Override[] = [];
  const problems: string[] = [];
  rows.forEach((row, k) => {
    const [role, item, period] = [text(row[0]).toLowerCase(), text(row[1]), text(row[2])];
    if (role === "" && item === "") return;
    const index = periodIndex(row[2], periods);
    const where = `Row ${k + 2}${index >= 0 ? ` (${item}, ${periods[index]})` : ""}`;
    if (!items.has(item)) problems.push(`${where}: item "${item}" is not in the plan.`);
    if (index < 0) problems.push(`${where}: period "${period}" is not a forecast month (${periods[0]} to ${periods[periods.length - 1]}).`);
    try {
      const override = {
        role: role === "" ? "sales" : role,
        item,
        period: index,
        value: optionalNumber(row[3], `${where}, Value`),
        delta: optionalNumber(row[4], `${where}, Delta`),
        percent: optionalNumber(row[5], `${where}, Percent`, true),
        reason: text(row[6]),
      };
      if (items.has(item) && index >= 0) overrides.push(override);
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
      problems.push(error.message);
    }
  });
  if (problems.length > 0) {
    throw new PlanningError(`${SHEETS.overrides} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}; fix ${problems.length === 1 ? "it" : "them"} and run step 2 again:\n${problems.join("\n")}`);
  }
  const extra = [...new Set(overrides.map((o) => o.role))].filter((role) => !ROLE_ORDER.includes(role));
  return { overrides, rule: { kind: "lastWord", order: [...ROLE_ORDER, ...extra] } };
}
