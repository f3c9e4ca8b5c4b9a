/**
 * The planner's settings table: an optional sheet "Planning Settings" of the planner's own (the add-in
 * reads it, never writes it), one setting per row, its name in column A and its value in column B.
 * Read settings: "Frozen months" (the time fence: months at the start of the horizon that keep the
 * last approved plan's production; 0 = no fence) and "Cost per unit changed" (what moving a unit of
 * a frozen month costs the plan; blank = the highest price of any item, more than losing a sale).
 * A setting left out keeps its default (PLANNING_DEFAULTS).
 */
import { PlanningError } from "../core/errors";
import type { CellValue, Workbook } from "../workbook/workbook";
import { readIfPresent } from "./ownedSheets";

/** Name of the planner's settings sheet. */
export const SETTINGS_SHEET = "Planning Settings";

/** The settings rows read, by the name in column A (case and spaces around it do not matter). */
export const SETTING_NAMES = { frozenMonths: "Frozen months", changeCost: "Cost per unit changed" } as const;

/** The planning settings a workbook gives (absent = the default). */
export interface PlanningSettings {
  /** Months at the start of the horizon frozen to the last approved plan (0 = no time fence). */
  frozenMonths?: number;
  /** Cost per unit moved away from the approved plan in a frozen month. */
  changeCost?: number;
}

function valueOf(cell: CellValue | undefined, where: string, rule: (value: number) => boolean, expected: string): number | undefined {
  if (cell === null || cell === undefined || String(cell).trim() === "") return undefined;
  const value = typeof cell === "number" ? cell : Number(String(cell).trim());
  if (!Number.isFinite(value) || !rule(value)) throw new PlanningError(`${where} must be ${expected}; it holds "${String(cell)}". Correct it, or clear it for the default.`);
  return value;
}

/**
 * The settings of the workbook's "Planning Settings" sheet (none when the sheet is absent).
 * @throws PlanningError naming the cell when a value is not allowed (frozen months: a whole number
 *   from 0; cost per unit changed: a number from 0)
 * @example // Planning Settings: A2 "Frozen months", B2 2
 * await readPlanningSettings(book) // { frozenMonths: 2 }
 */
export async function readPlanningSettings(workbook: Workbook): Promise<PlanningSettings> {
  const rows = await readIfPresent(workbook, SETTINGS_SHEET);
  const settings: PlanningSettings = {};
  rows.forEach((row, r) => {
    const name = String(row[0] ?? "").trim().toLowerCase();
    const where = `${SETTINGS_SHEET}!B${r + 1} (${String(row[0]).trim()})`;
    if (name === SETTING_NAMES.frozenMonths.toLowerCase()) {
      const months = valueOf(row[1], where, (v) => Number.isInteger(v) && v >= 0, "a whole number of months from 0 (0 = no time fence)");
      if (months !== undefined) settings.frozenMonths = months;
    } else if (name === SETTING_NAMES.changeCost.toLowerCase()) {
      const cost = valueOf(row[1], where, (v) => v >= 0, "a cost per unit from 0");
      if (cost !== undefined) settings.changeCost = cost;
    }
  });
  return settings;
}
