/**
 * What the history of cycles shows, as step 6 writes it: forecast accuracy and bias by lag (1 to 6
 * months) per item, family, location and in total; forecast value added per role over the cycles
 * (naive -> statistical -> each override -> consensus); plan stability (how much each cycle moved the
 * next three months of approved production); S&OP maturity (stage 1 to 5) from the cycle records and
 * those figures. The figures come from src/core/rolling, judged on the forecast snapshots each approval
 * kept (snapshots.ts) against the actuals now in the history.
 */
import { accuracyByLag, MAX_LAG, planStability, valueAddedByRole, type CycleRecord, type LagAccuracy, type MaturityAssessment } from "../core/rolling";
import type { ActualRow, ForecastSnapshots } from "../core/rolling/snapshot";
import { maturityOf } from "./maturityView";
import { CENTS_FORMAT, PERCENT_FORMAT, roundCents, roundShare, WHOLE_FORMAT, type SheetContent } from "./ownedSheets";
import type { ResultTable } from "./stepTypes";

/** The tables of the history of cycles, for SOP Monitor and the pane, and a sentence for the step's summary. */
export interface CycleHistoryView {
  tables: ResultTable[];
  summary: string;
  /** The S&OP maturity score and its evidence. */
  maturity: MaturityAssessment;
}

/** Months ahead compared by plan stability. */
export const STABILITY_MONTHS = 3;

const LEVEL_NAMES: Record<LagAccuracy["level"], string> = { item: "Item", family: "Family", location: "Location", total: "Total" };
const LAGS = Array.from({ length: MAX_LAG }, (_, k) => k + 1);

/**
 * The tables of the history of cycles: accuracy (1 - WMAPE) and bias (forecast - actual over actual)
 * of the consensus at lags 1 to 6 by item, family, location and in total, with the cycles behind them;
 * forecast value added per step (WMAPE in percent, better than naive, added over the statistical
 * forecast, item-months the step changed); plan stability of approved production over the next three
 * months, cycle by cycle and over all; the S&OP maturity score, each criterion with its evidence, and
 * what would lift it (maturityView.ts). Empty tables are left out.
 * @param snapshots the snapshot rows of the approved cycles (readForecastSnapshots)
 * @param actuals the history's actual demand (actualRows)
 * @param records the cycle records (readCycleRecords)
 * @example cycleHistoryView(await readForecastSnapshots(book), actualRows(data), await readCycleRecords(book)).tables.map((t) => t.title)
 */
export function cycleHistoryView(snapshots: ForecastSnapshots, actuals: readonly ActualRow[], records: readonly CycleRecord[]): CycleHistoryView {
  const cycles = new Set(snapshots.map((row) => row.cycle)).size;
  const tables: ResultTable[] = [];
  const accuracy = accuracyByLag(snapshots, actuals);
  if (accuracy.length > 0) {
    const byKey = new Map<string, LagAccuracy[]>();
    for (const row of accuracy) byKey.set(`${row.level}\u0000${row.key}`, [...(byKey.get(`${row.level}\u0000${row.key}`) ?? []), row]);
    const rows = [...byKey.values()].map((figures) => {
      const at = (lag: number): LagAccuracy | undefined => figures.find((figure) => figure.lag === lag);
      return [
        LEVEL_NAMES[figures[0].level],
        figures[0].key,
        Math.max(...figures.map((figure) => figure.cycles)),
        ...LAGS.map((lag) => {
          const wmape = at(lag)?.wmape;
          return wmape === undefined || wmape === null ? null : roundShare(1 - wmape);
        }),
        ...LAGS.map((lag) => {
          const bias = at(lag)?.bias;
          return bias === undefined || bias === null ? null : roundShare(bias);
        }),
      ];
    });
    tables.push({
      title: "Accuracy and bias by lag (consensus against actuals, over the cycles)",
      headers: ["Level", "Key", "Cycles", ...LAGS.map((lag) => `Accuracy lag ${lag}`), ...LAGS.map((lag) => `Bias lag ${lag}`)],
      rows,
      numberFormats: ["@", "@", WHOLE_FORMAT, ...LAGS.map(() => PERCENT_FORMAT), ...LAGS.map(() => PERCENT_FORMAT)],
    });
  }
  const added = valueAddedByRole(snapshots, actuals);
  if (added !== null) {
    tables.push({
      title: `Forecast value added per role (${added.cycles} cycles, ${added.points} item-months, lags 1-${MAX_LAG})`,
      headers: ["Step", "WMAPE", "Better than naive", "Added over statistical", "Item-months changed"],
      rows: added.steps.map((step) => [step.step, roundShare(step.error / 100), roundShare(step.vsNaive / 100), roundShare(step.vsStatistical / 100), step.changed]),
      numberFormats: ["@", PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT],
    });
  }
  const stability = planStability(snapshots, "production", STABILITY_MONTHS);
  if (stability.cycles.length > 0) {
    tables.push({
      title: `Plan stability: approved production of the next ${STABILITY_MONTHS} months moved against the cycle before`,
      headers: ["Cycle", "Compared with", "Item-months", "Units moved", "Units planned before", "Moved"],
      rows: [
        ...stability.cycles.map((cycle) => [cycle.cycle, cycle.previousCycle, cycle.points, roundCents(cycle.movedUnits), roundCents(cycle.previousUnits), cycle.moved === null ? null : roundShare(cycle.moved)]),
        ["All cycles", "", null, null, null, stability.averageMoved === null ? null : roundShare(stability.averageMoved)],
      ],
      numberFormats: ["@", "@", WHOLE_FORMAT, CENTS_FORMAT, CENTS_FORMAT, PERCENT_FORMAT],
    });
  }
  const maturity = maturityOf(records, accuracy, added);
  tables.push(...maturity.tables);
  const total = accuracy.find((row) => row.level === "total" && row.lag === 1);
  const summary =
    cycles === 0
      ? "No cycle has kept a forecast snapshot yet: approve a plan, then add the next month's actuals."
      : total === undefined || total.wmape === null
        ? `${cycles} cycle(s) kept; none has a forecast month with actuals yet.`
        : `${cycles} cycle(s) kept: lag-1 accuracy ${(100 * (1 - total.wmape)).toFixed(1)}% over ${total.cycles} cycle(s), bias ${(100 * (total.bias ?? 0)).toFixed(1)}%.`;
  return { tables, summary, maturity: maturity.assessment };
}

/**
 * SOP Cycle History's blocks: the summary sentence in A1, then each table under its title, one under
 * the other.
 * @example cycleHistoryBlocks(view)[0].rows // [["3 cycle(s) kept: lag-1 accuracy 81.0% ..."]]
 */
export function cycleHistoryBlocks(view: CycleHistoryView): SheetContent[] {
  const blocks: SheetContent[] = [{ rows: [[view.summary]], numberFormats: ["@"] }];
  let row = 3;
  for (const table of view.tables) {
    blocks.push({ rows: [[table.title]], numberFormats: ["@"], topLeft: `A${row}` });
    blocks.push({ rows: [table.headers, ...table.rows], numberFormats: table.numberFormats as string[] | undefined, topLeft: `A${row + 1}` });
    row += table.rows.length + 4;
  }
  return blocks;
}
