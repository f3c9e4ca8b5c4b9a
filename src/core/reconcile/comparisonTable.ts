/**
 * The scenario comparison laid out as a table, figures as rows and the base, then each scenario and its
 * difference to the base, as columns: in the wording of comparison.csv (docs/scenarios.md) by default,
 * or in another wording (step 4's SOP Scenarios sheet).
 */
import type { ScenarioComparison } from "./compareScenarios";
import type { PlanSummary } from "./planSummary";

/** A figure of PlanSummary that is one number. */
export type SummaryFigure = Exclude<keyof PlanSummary, "capacityUse">;

/** One row of the comparison: a figure of the plan, or the capacity use of one resource. */
export type ComparisonFigure = { figure: SummaryFigure } | { figure: "capacityUse"; resource: string };

/** What a figure is measured in: money, units, a share in 0..1, or a percentage (0..100). */
export type FigureUnit = "money" | "units" | "share" | "percent";

/** How a table names its columns and rows. */
export interface ComparisonWording {
  /** Header of the first column, which names the figures. */
  figure: string;
  /** Header of the base's column. */
  base: string;
  /** Header of the column of a scenario's difference to the base. */
  versusBase: (scenario: string) => string;
  /** Name of a figure's row. */
  label: (row: ComparisonFigure) => string;
  /** Name of the last row, which says why scenarios have no plan (present only then). */
  error: string;
}

/** One row of the side-by-side table: a figure's name, then its value for the base and for each scenario and its delta. */
export type ComparisonRow = [string, ...(number | string)[]];

const SUMMARY_FIGURES: Readonly<Record<SummaryFigure, { file: string; unit: FigureUnit }>> = {
  cost: { file: "cost", unit: "money" },
  revenue: { file: "revenue", unit: "money" },
  margin: { file: "margin", unit: "money" },
  fillRate: { file: "fill rate", unit: "share" },
  onTimeFillRate: { file: "on-time fill rate", unit: "share" },
  averageInventory: { file: "average inventory", unit: "units" },
  peakInventory: { file: "peak inventory", unit: "units" },
};

/** The wording of comparison.csv (docs/scenarios.md). */
const FILE_WORDING: ComparisonWording = {
  figure: "figure",
  base: "base",
  versusBase: (scenario) => `${scenario} vs base`,
  label: (row) => (row.figure === "capacityUse" ? `capacity use % ${row.resource}` : SUMMARY_FIGURES[row.figure].file),
  error: "error",
};

/**
 * The figure rows of a comparison, in table order: the plan's figures, then the capacity use of each
 * resource of the base.
 * @example comparisonFigures(c)[3] // { figure: "fillRate" }
 */
export function comparisonFigures(comparison: ScenarioComparison): ComparisonFigure[] {
  const figures = (Object.keys(SUMMARY_FIGURES) as SummaryFigure[]).map((figure): ComparisonFigure => ({ figure }));
  return [...figures, ...Object.keys(comparison.base.capacityUse).map((resource): ComparisonFigure => ({ figure: "capacityUse", resource }))];
}

/**
 * What a figure is measured in: cost, revenue and margin in money, inventories in units, fill rates as
 * shares (0..1), capacity use in percent of regular hours (0..100).
 * @example figureUnit({ figure: "fillRate" }) // "share"
 */
export function figureUnit(row: ComparisonFigure): FigureUnit {
  return row.figure === "capacityUse" ? "percent" : SUMMARY_FIGURES[row.figure].unit;
}

/**
 * The comparison as a table for a sheet or a CSV file: a header row (the figure column, the base, then
 * for each scenario its name and its difference to the base), then one row per figure of
 * `comparisonFigures`. A scenario without a plan has empty cells, and its message stands in a last row.
 * @param comparison the base and the scenarios
 * @param wording the names of columns and rows (default: comparison.csv's)
 * @example comparisonTable(c)[0] // ["figure", "base", "Shift", "Shift vs base"]
 */
export function comparisonTable(comparison: ScenarioComparison, wording: ComparisonWording = FILE_WORDING): ComparisonRow[] {
  const header: ComparisonRow = [wording.figure, wording.base, ...comparison.scenarios.flatMap((s) => [s.name, wording.versusBase(s.name)])];
  const value = (summary: PlanSummary, row: ComparisonFigure): number =>
    row.figure === "capacityUse" ? (summary.capacityUse[row.resource] ?? Number.NaN) : summary[row.figure];
  const rows = comparisonFigures(comparison).map((row): ComparisonRow => [
    wording.label(row),
    value(comparison.base, row),
    ...comparison.scenarios.flatMap((s): (number | string)[] => (s.summary && s.delta ? [value(s.summary, row), value(s.delta, row)] : ["", ""])),
  ]);
  if (comparison.scenarios.some((s) => s.error !== undefined)) {
    rows.push([wording.error, "", ...comparison.scenarios.flatMap((s) => [s.error ?? "", ""])]);
  }
  return [header, ...rows];
}
