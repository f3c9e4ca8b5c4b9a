/**
 * The SOP Scenarios sheet of step 4 as a planner reads it: Title Case names with their units, money and
 * units as whole numbers with thousands separators, fill rates and capacity use as percentages. The
 * cells stay numbers (shares of 1 under a "0.0%" format), so planners can calculate with them.
 */
import { comparisonFigures, comparisonTable, figureUnit, type ComparisonWording, type FigureUnit, type ScenarioComparison, type SummaryFigure } from "../core/reconcile";
import { PERCENT_FORMAT, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";

const LABELS: Readonly<Record<SummaryFigure, string>> = {
  cost: "Total Cost (currency)",
  revenue: "Revenue (currency)",
  margin: "Margin (currency)",
  fillRate: "Fill Rate (%)",
  onTimeFillRate: "On-Time Fill Rate (%)",
  averageInventory: "Average Inventory (units)",
  peakInventory: "Peak Inventory (units)",
};

const WORDING: ComparisonWording = {
  figure: "Key Figure",
  base: "Base",
  versusBase: (scenario) => `${scenario} vs Base`,
  label: (row) => (row.figure === "capacityUse" ? `Capacity Use, ${row.resource} (%)` : LABELS[row.figure]),
  error: "Why Not Planned",
};

const FORMATS: Readonly<Record<FigureUnit, string>> = { money: WHOLE_FORMAT, units: WHOLE_FORMAT, share: PERCENT_FORMAT, percent: PERCENT_FORMAT };

const TEXT = "@";

/** SOP Scenarios: its rows and the number format of every cell. */
export interface ScenarioSheet {
  rows: (string | number)[][];
  numberFormats: string[][];
}

/**
 * Lay out the scenario comparison for SOP Scenarios: the header, one row per figure (money and units
 * rounded to cents, percentages as shares of 1 rounded to a hundredth of a percent), and the reasons
 * scenarios have no plan in a last row when some have none.
 * @param comparison the base and the scenarios, from compareScenarios
 * @returns rows and per-cell number formats ("#,##0", "0.0%", "@" for text)
 * @example scenarioSheet(c).rows[4][0] // "Fill Rate (%)"
 */
export function scenarioSheet(comparison: ScenarioComparison): ScenarioSheet {
  const figures = comparisonFigures(comparison);
  const laidOut = comparisonTable(comparison, WORDING).map((row, r) => {
    const figure = r === 0 ? undefined : figures[r - 1];
    if (figure === undefined) return { cells: row, formats: row.map(() => TEXT) };
    const unit = figureUnit(figure);
    return { cells: row.map((cell) => (typeof cell === "number" ? sheetNumber(cell, unit) : cell)), formats: row.map((_, c) => (c === 0 ? TEXT : FORMATS[unit])) };
  });
  return { rows: laidOut.map((line) => line.cells), numberFormats: laidOut.map((line) => line.formats) };
}

/** A figure as the sheet holds it: money and units to cents, shares to 0.01%, percentages as shares. */
function sheetNumber(value: number, unit: FigureUnit): number {
  if (unit === "money" || unit === "units") return roundCents(value);
  return roundShare(unit === "percent" ? value / 100 : value);
}
