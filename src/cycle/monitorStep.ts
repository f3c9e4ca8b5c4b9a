import { PlanningError } from "../core/errors";
import type { MaturityAssessment } from "../core/rolling";
import { bias, biasAlarm, sumError, TRACKING_SIGNAL_LIMIT, trackingSignal, wmape } from "../core/metrics";
import { formatNumber } from "../workbook/numberFormat";
import type { CellInput, Workbook } from "../workbook/workbook";
import { readAuditLog } from "./approval";
import { cycleHistoryBlocks, cycleHistoryView } from "./cycleHistory";
import { readCycleRecords } from "./cycleRecords";
import { acceptedNote, requireNoOpenErrors } from "./errorGate";
import { loadMappedData } from "./mappedData";
import { serviceLevelsTable } from "./orderHistorySheets";
import { CENTS_FORMAT, numberIn, PERCENT_FORMAT, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { hasLocations, seriesKey, type DemandSeries } from "./planningData";
import { keyCells, keyHeader } from "./seriesColumns";
import { SHEETS } from "./sheets";
import { actualRows, readForecastSnapshots } from "./snapshots";
import type { StepReport, StepRunOptions } from "./stepTypes";
import { locationDemandMeasure } from "./supplyStep";

/**
 * One deviation of actuals from the approved plan that the planner should look at: actual demand off
 * the plan's month beyond tolerance ("demand deviation"), a plan that errs one way month after month
 * ("bias alarm"), or stock projected with the actuals below the safety stock ("stock-out risk").
 * What the plan itself chose (overtime, subcontracting) is not an exception: it was approved.
 */
export interface Exception {
  item: string;
  kind: "demand deviation" | "bias alarm" | "stock-out risk";
  period: string;
  detail: string;
  /** Money at stake: the units off the plan (or short of the safety stock) at the item's price. */
  money: number;
}

/** What step 6 counts as an exception. */
export interface MonitorOptions {
  /**
   * A month's actual demand is a deviation when it is off the plan by more than this share of the plan
   * (and by at least one unit); default 0.2 (20%).
   */
  tolerance?: number;
}

/** Default share of the planned demand a month's actual may be off by before it is an exception. */
export const DEMAND_TOLERANCE = 0.2;

/**
 * Plan against actual for one item (at one location, for a workbook with locations) over the months
 * that have actuals. With locations, each item's total over its locations and each location's total
 * over its items are compared too, with location "All locations" and item "All items".
 */
export interface ItemMonitor {
  item: string;
  /** "" when the workbook has no locations. */
  location: string;
  periods: string[];
  planned: number[];
  actual: number[];
  /** 1 - WMAPE, in percent; null when the actuals add up to 0. */
  accuracy: number | null;
  /** sum(plan - actual) / sum(actual), in percent; null when the actuals add up to 0. */
  bias: number | null;
  /** sum(actual - plan) / MAD; null when the plan was exact. */
  trackingSignal: number | null;
}

export interface MonitorResult {
  /** The approved sheet compared with actuals. */
  sheet: string;
  items: ItemMonitor[];
  exceptions: Exception[];
  report: StepReport;
}

/** Number formats of SOP Monitor's plan-against-actual columns after the key columns; the pane's table shows the same. */
const MONITOR_FORMATS = [WHOLE_FORMAT, CENTS_FORMAT, CENTS_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, CENTS_FORMAT];

/** The location of an item's total over its locations, in SOP Monitor (a workbook with locations). */
export const ALL_LOCATIONS = "All locations";
/** The item of a location's total over its items, in SOP Monitor (a workbook with locations). */
export const ALL_ITEMS = "All items";

const safely = (compute: () => number): number | null => {
  try {
    return compute();
  } catch {
    return null;
  }
};

/** What a bias alarm tells the planner: which way the plan errs, by how much a month, and the tracking signal. */
function biasAlarmDetail(monitor: ItemMonitor, ts: number): string {
  const miss = Math.abs(sumError(monitor.actual, monitor.planned)) / monitor.periods.length;
  const share = monitor.bias === null ? "" : ` (${Math.abs(monitor.bias).toFixed(1)}% of actual)`;
  return `the plan is ${ts > 0 ? "below" : "above"} actual demand by ${formatNumber(miss, CENTS_FORMAT)} units a month on average${share}; tracking signal ${ts.toFixed(1)} is beyond ±${TRACKING_SIGNAL_LIMIT}`;
}

/** One sentence on the S&OP maturity score, for the step's messages. */
function maturityNote(maturity: MaturityAssessment): string {
  const next = maturity.nextSteps.length > 0 ? ` To reach stage ${maturity.stage + 1}: ${maturity.nextSteps.join(" ")}` : "";
  return `S&OP maturity: stage ${maturity.stage} of 5 (${maturity.name}).${next}`;
}

/**
 * Step 6, execute and monitor: compare the latest approved plan with the actuals now in the planner's
 * history (the months of the plan that have happened), per item (per item x location, with totals by
 * item and by location, when the workbook has locations): accuracy, bias and tracking signal; list the
 * exceptions, the deviations of actuals from the approved plan, ranked by the money at stake (units
 * off the plan at the item's price): a month's demand off the plan by more than the tolerance (20% by
 * default, and at least one unit); a bias alarm when |tracking signal| > 4 and the plan misses actual
 * demand by at least 1 unit a month on average and at least 2% of it, so that whole-unit rounding of
 * the plan never rings it (biasAlarm); stock-out risk when inventory projected with the actuals falls
 * below the safety stock. On SOP Cycle History, what the history of cycles shows (cycleHistory.ts):
 * accuracy and bias by lag 1-6 per item, family, location and in total, forecast value added per role,
 * and plan stability, from the forecast snapshots of the approved cycles, and the S&OP maturity score
 * (stage 1 to 5 from the cycle records, with each criterion's evidence and what would lift it). The plan's own choices (overtime, subcontracting) are not exceptions; supply
 * actuals (receipts) are not in the workbook, so supply is compared through the stock they leave.
 * Writes SOP Monitor and SOP Cycle History.
 * @param options the tolerance of a month's demand deviation
 * @throws PlanningError when no plan has been approved yet
 * @throws BlockedByErrors while step 1 has errors not fixed or accepted
 */
export async function runMonitorStep(workbook: Workbook, run: StepRunOptions = {}, options: MonitorOptions = {}): Promise<MonitorResult> {
  const tolerance = options.tolerance ?? DEMAND_TOLERANCE;
  const approved = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").at(-1);
  if (!approved) throw new PlanningError("No plan has been approved yet: approve one in step 5 before monitoring it.");
  const accepted = await requireNoOpenErrors(workbook, "Step 6 (execute and monitor)");
  run.onProgress?.({ fraction: 0.2, message: `Comparing ${approved.sheet} with actuals` });
  const values = await workbook.read(approved.sheet);
  const planPeriods = values[0].slice(3).map(String);
  const data = await loadMappedData(workbook, true);
  const historyIndex = new Map(data.periods.map((p, t) => [p, t]));
  const observed = planPeriods.filter((p) => historyIndex.has(p));

  const measures = new Map<string, Record<string, number[]>>();
  for (const row of values.slice(1)) {
    const entry = measures.get(String(row[0])) ?? {};
    entry[String(row[2])] = row.slice(3).map(numberIn);
    measures.set(String(row[0]), entry);
  }
  const items: ItemMonitor[] = [];
  const exceptions: Exception[] = [];
  const located = hasLocations(data.series);
  const index = observed.map((p) => planPeriods.indexOf(p));
  const actualOf = (series: readonly DemandSeries[]): number[] =>
    observed.map((p) => series.reduce((sum, entry) => sum + (entry.history[historyIndex.get(p) ?? 0] ?? 0), 0));
  const priceOf = new Map(data.items.map((item) => [item.id, item.price ?? 0]));
  const compare = (item: string, location: string, planned: number[], actual: number[]): void => {
    const price = priceOf.get(item) ?? 0;
    const ts = safely(() => trackingSignal(actual, planned));
    const monitor: ItemMonitor = {
      item,
      location,
      periods: observed,
      planned,
      actual,
      accuracy: safely(() => 100 * (1 - wmape(actual, planned))),
      bias: safely(() => 100 * bias(actual, planned)),
      trackingSignal: ts,
    };
    items.push(monitor);
    if (ts !== null && biasAlarm(actual, planned)) {
      exceptions.push({ item: seriesKey(item, location), kind: "bias alarm", period: observed.at(-1) ?? "", detail: biasAlarmDetail(monitor, ts), money: roundCents(Math.abs(sumError(actual, planned)) * price) });
    }
    if (item === ALL_ITEMS || location === ALL_LOCATIONS) return;
    actual.forEach((units, k) => {
      const off = units - planned[k];
      if (Math.abs(off) < 1 || Math.abs(off) <= tolerance * Math.abs(planned[k])) return;
      const share = planned[k] > 0 ? ` (${formatNumber(Math.abs(off) / planned[k], PERCENT_FORMAT)})` : "";
      const detail = `actual demand ${formatNumber(units, CENTS_FORMAT)} is ${formatNumber(Math.abs(off), CENTS_FORMAT)} units ${off > 0 ? "above" : "below"} the plan's ${formatNumber(planned[k], CENTS_FORMAT)}${share}, beyond the tolerance of ${formatNumber(tolerance, PERCENT_FORMAT)}`;
      exceptions.push({ item: seriesKey(item, location), kind: "demand deviation", period: observed[k], detail, money: roundCents(Math.abs(off) * price) });
    });
  };
  data.items.forEach((item) => {
    const m = measures.get(item.id);
    if (!m || observed.length === 0) return;
    const series = data.series.filter((entry) => entry.item === item.id);
    const planned = index.map((t) => m.Demand[t]);
    const actual = actualOf(series);
    if (located) {
      for (const entry of series) compare(item.id, entry.location, index.map((t) => m[locationDemandMeasure(entry.location)]?.[t] ?? 0), actualOf([entry]));
    }
    compare(item.id, located ? ALL_LOCATIONS : "", planned, actual);
    let inventory = index.length > 0 ? m.Inventory[index[0]] + planned[0] - actual[0] : 0;
    index.forEach((t, k) => {
      if (k > 0) inventory += m.Inventory[t] - m.Inventory[index[k - 1]] + planned[k] - actual[k];
      const floor = m["Safety stock"]?.[t] ?? 0;
      if (inventory < floor) {
        const detail = `inventory projected with actuals is ${formatNumber(inventory, CENTS_FORMAT)}, below the safety stock of ${formatNumber(floor, CENTS_FORMAT)}`;
        exceptions.push({ item: item.id, kind: "stock-out risk", period: observed[k], detail, money: roundCents((floor - inventory) * (priceOf.get(item.id) ?? 0)) });
      }
    });
  });
  if (located && observed.length > 0) {
    const compared = items.filter((entry) => entry.location !== ALL_LOCATIONS);
    for (const location of new Set(data.series.map((entry) => entry.location))) {
      const at = compared.filter((entry) => entry.location === location);
      const sum = (pick: (entry: ItemMonitor) => number[]): number[] => observed.map((_, k) => at.reduce((s, entry) => s + pick(entry)[k], 0));
      if (at.length > 0) compare(ALL_ITEMS, location, sum((entry) => entry.planned), sum((entry) => entry.actual));
    }
  }
  exceptions.sort((a, b) => b.money - a.money);
  const rows: CellInput[][] = [[...keyHeader(located), "Months with actuals", "Planned", "Actual", "Accuracy %", "Bias %", "Tracking signal"]];
  for (const item of items) {
    const total = (v: number[]): number => roundCents(v.reduce((s, x) => s + x, 0));
    rows.push([...keyCells(item, located), item.periods.length, total(item.planned), total(item.actual), item.accuracy === null ? null : roundShare(item.accuracy / 100), item.bias === null ? null : roundShare(item.bias / 100), item.trackingSignal === null ? null : roundCents(item.trackingSignal)]);
  }
  const numberFormats = [...keyHeader(located).map(() => "@"), ...MONITOR_FORMATS];
  const exceptionTop = rows.length + 3;
  const history = cycleHistoryView(await readForecastSnapshots(workbook), actualRows(data), await readCycleRecords(workbook));
  await replaceSheets(
    workbook,
    {
      [SHEETS.monitor]: [
        { rows, numberFormats },
        {
          rows: [["Exception", "Item", "Period", "Money at stake", "Detail"], ...exceptions.map((e) => [e.kind, e.item, e.period, e.money, e.detail])],
          numberFormats: ["@", "@", "@", WHOLE_FORMAT, "@"],
          topLeft: `A${exceptionTop}`,
        },
      ],
      [SHEETS.cycleHistory]: cycleHistoryBlocks(history),
    },
    run.overwrite,
  );
  const service = await serviceLevelsTable(workbook);
  run.onProgress?.({ fraction: 1, message: "Monitoring written" });
  const summary =
    observed.length === 0
      ? `No actuals yet for ${approved.sheet} (it starts in ${planPeriods[0]}): add the month's sales to your history and run this step again.`
      : `${approved.sheet} against ${observed.length} month(s) of actuals: ${items.length} items compared, ${exceptions.length} exceptions (deviations from the plan beyond tolerance, largest money first).`;
  const summaryWithCycles = `${summary} History of cycles: ${history.summary}`;
  return {
    sheet: approved.sheet,
    items,
    exceptions,
    report: {
      summary: summaryWithCycles,
      messages: [
        ...acceptedNote(accepted),
        { level: "info" as const, text: maturityNote(history.maturity) },
        ...exceptions.slice(0, 30).map((e) => ({ level: "warning" as const, text: `${e.kind}: ${e.item} in ${e.period}: ${formatNumber(e.money, WHOLE_FORMAT)} at stake: ${e.detail}` })),
        ...(service ? service.notes.map((text) => ({ level: "info" as const, text: `Service from order lines: ${text}` })) : []),
      ],
      tables: [
        { title: "Plan vs actual", headers: rows[0].map(String), rows: rows.slice(1).map((r) => r.map((c) => (typeof c === "object" && c !== null ? null : c))), numberFormats },
        ...(service ? [service.table] : []),
        ...history.tables,
      ],
    },
  };
}
