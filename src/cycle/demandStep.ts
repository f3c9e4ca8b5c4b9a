import { forecastSeries, itemFamilySeasons } from "../core/forecast";
import type { FamilySeason } from "../core/forecast";
import { smape } from "../core/metrics";
import { consensusForecast } from "../core/reconcile";
import { abcXyz } from "../core/segmentation";
import { columnLetters, quoteSheetName } from "../workbook/address";
import type { CellInput, Workbook } from "../workbook/workbook";
import { throwIfCancelled, yieldToUi } from "./cancellation";
import { acceptedNote, requireNoOpenErrors } from "./errorGate";
import { loadMappedData } from "./mappedData";
import { readOverrides } from "./overrides";
import { CENTS_FORMAT, numberIn, PERCENT_FORMAT, periodFormats, readIfPresent, readStepSheet, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { futurePeriods, seasonLengthOf } from "./periods";
import { seriesKey } from "./planningData";
import { keyCells, keyColumnCount, keyHeader, LOCATION_HEADER, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";
import type { ResultTable, StepMessage, StepReport, StepRunOptions } from "./stepTypes";

/** Options of step 2. */
export interface DemandOptions {
  /** Periods to forecast (1..36). */
  horizon: number;
  /** Prediction interval level in percent (default 80). */
  level?: number;
  /** Write live =SOP.FORECAST formulas into SOP Forecast instead of values. */
  liveFormulas?: boolean;
}

/** The forecast of one series (an item, at a location when the workbook has them) as the demand step shows it. */
export interface ItemForecast {
  item: string;
  /** "" when the workbook has no locations. */
  location: string;
  family: string;
  model: string;
  /** sMAPE of the same method on the last periods of history, fitted on the periods before them, in percent (SOP Forecast holds it as a share of 1). */
  holdoutSmape: number | null;
  segment: string;
  intermittent: boolean;
  /** True when the item uses the season of its family (its own history does not show it clearly). */
  familySeason: boolean;
  /** In-sample one-step RMSE, used for safety stock. */
  rmse: number;
  forecast: number[];
  lower: number[];
  upper: number[];
  consensus: number[];
}

export interface DemandResult {
  periods: string[];
  items: ItemForecast[];
  report: StepReport;
}

/** Months of history shown before the forecast in the pane's chart. */
const CHART_HISTORY = 24;

/** Header of SOP Forecast before the period columns (a Location column follows Item when the workbook has locations). */
export const FORECAST_COLUMNS = ["Item", "Family", "Model", "Segment", "Intermittent", "Holdout sMAPE", "RMSE", "Measure"];

/** FORECAST_COLUMNS with the key columns of the workbook. */
function forecastColumns(located: boolean): string[] {
  return [...keyHeader(located), ...FORECAST_COLUMNS.slice(1)];
}

/** Periods held out to measure a forecast: the last 6, or a quarter of a shorter history. */
function holdoutLength(periods: number): number {
  return Math.min(6, Math.floor(periods / 4));
}

/** sMAPE of automatic mode on the last `holdout` periods, fitted on the ones before (family season measured on those too). */
function holdoutSmape(history: readonly number[], holdout: number, seasonLength: number, familySeason: FamilySeason | undefined): number | null {
  if (holdout < 1) return null;
  try {
    const fit = forecastSeries({ history: history.slice(0, -holdout), horizon: holdout, seasonLength, levels: [80], familySeason });
    return smape(history.slice(-holdout), fit.mean);
  } catch {
    return null;
  }
}

/**
 * Step 2, demand: forecast every item of SOP Clean History with the automatic method (model chosen per
 * item; an item whose own history shows no season, in a family whose total does, uses the family's
 * season: see familySeason), measure each on a holdout of its last months, classify items ABC/XYZ,
 * apply the overrides of SOP Overrides by role into the consensus forecast, and write SOP Forecast and
 * SOP Consensus. With live formulas, family-season items keep values: =SOP.FORECAST sees one item only.
 * @throws BlockedByErrors while step 1 has errors not fixed or accepted
 * @throws PlanningError when step 1 has not run, for a horizon outside 1..36, or bad overrides
 */
export async function runDemandStep(workbook: Workbook, demand: DemandOptions, options: StepRunOptions = {}): Promise<DemandResult> {
  const level = demand.level ?? 80;
  const accepted = await requireNoOpenErrors(workbook, "Step 2 (demand forecast)");
  const clean = await readStepSheet(workbook, SHEETS.cleanHistory, "step 1 (gather and check data)");
  const keys = keyColumnCount(clean.header);
  const located = keys > 1;
  const historyPeriods = clean.header.slice(keys + 1);
  const periods = futurePeriods(historyPeriods[historyPeriods.length - 1], demand.horizon);
  const seasonLength = seasonLengthOf(historyPeriods);
  const histories = clean.rows.map((row) => row.slice(keys + 1).map(numberIn));
  const families = clean.rows.map((row) => String(row[keys] ?? ""));
  const seasons = itemFamilySeasons(families, histories, seasonLength);
  const holdout = holdoutLength(historyPeriods.length);
  const holdoutSeasons = holdout < 1 ? [] : itemFamilySeasons(families, histories.map((history) => history.slice(0, -holdout)), seasonLength);
  const prices = await itemPrices(workbook);
  const segments = abcXyz(histories, clean.rows.map((row) => prices.get(String(row[0])) ?? 1));

  const items: ItemForecast[] = [];
  for (const [i, row] of clean.rows.entries()) {
    throwIfCancelled(options.signal);
    const key = rowKey(clean.header, row);
    const id = seriesKey(key.item, key.location);
    options.onProgress?.({ fraction: i / clean.rows.length, message: `Forecasting ${id} (${i + 1} of ${clean.rows.length})` });
    if (i % 5 === 0) await yieldToUi();
    const outcome = forecastSeries({ history: histories[i], horizon: demand.horizon, seasonLength, levels: [level], familySeason: seasons[i] });
    items.push({
      ...key,
      family: families[i],
      model: outcome.model,
      holdoutSmape: holdoutSmape(histories[i], holdout, seasonLength, holdoutSeasons[i]),
      segment: segments[i].segment,
      intermittent: outcome.intermittent,
      familySeason: outcome.familySeason,
      rmse: outcome.statistics.rmse,
      forecast: outcome.mean.map((v) => Math.max(0, v)),
      lower: outcome.intervals[0].lower.map((v) => Math.max(0, v)),
      upper: outcome.intervals[0].upper,
      consensus: [],
    });
  }
  throwIfCancelled(options.signal);

  const { overrides, rule } = readOverrides(await readIfPresent(workbook, SHEETS.overrides), periods, items);
  const consensus = consensusForecast(Object.fromEntries(items.map((item) => [seriesKey(item.item, item.location), item.forecast])), overrides, rule);
  for (const item of items) item.consensus = consensus.values[seriesKey(item.item, item.location)].map((v) => roundCents(Math.max(0, v)));

  const smapeShare = (item: ItemForecast): number | null => (item.holdoutSmape === null ? null : roundShare(item.holdoutSmape / 100));
  const forecastRows: CellInput[][] = [[...forecastColumns(located), ...periods]];
  items.forEach((item, i) => {
    const lead = [...keyCells(item, located), item.family, item.model, item.segment, item.intermittent ? "yes" : "no", smapeShare(item), roundCents(item.rmse)];
    const historyRange = `${quoteSheetName(SHEETS.cleanHistory)}!${columnLetters(keys + 1)}${i + 2}:${columnLetters(keys + historyPeriods.length)}${i + 2}`;
    const live: CellInput[] = [{ formula: `=SOP.FORECAST(${historyRange},${demand.horizon},${seasonLength},"auto",${level})` }, ...periods.slice(1).map(() => null)];
    const blank = periods.map(() => null);
    const formulas = demand.liveFormulas && !item.familySeason;
    forecastRows.push([...lead, "Forecast", ...(formulas ? live : item.forecast.map(roundCents))]);
    forecastRows.push([...lead, `Lower ${level}%`, ...(formulas ? blank : item.lower.map(roundCents))]);
    forecastRows.push([...lead, `Upper ${level}%`, ...(formulas ? blank : item.upper.map(roundCents))]);
  });
  await replaceSheets(
    workbook,
    {
      [SHEETS.forecast]: {
        rows: forecastRows,
        numberFormats: [...keyHeader(located).map(() => "@"), ...FORECAST_COLUMNS.slice(1).map((_, k) => (k === 4 ? PERCENT_FORMAT : k === 5 ? CENTS_FORMAT : "@")), ...periods.map(() => WHOLE_FORMAT)],
      },
      [SHEETS.consensus]: {
        rows: [[...keyHeader(located), "Family", ...periods], ...items.map((item) => [...keyCells(item, located), item.family, ...item.consensus])],
        numberFormats: periodFormats(keys + 1, periods, WHOLE_FORMAT),
      },
    },
    options.overwrite,
  );
  options.onProgress?.({ fraction: 1, message: "Forecast written" });

  const scored = items.map((item) => item.holdoutSmape).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const medianSmape = scored.length === 0 ? Number.NaN : (scored[Math.floor((scored.length - 1) / 2)] + scored[Math.ceil((scored.length - 1) / 2)]) / 2;
  const borrowed = items.filter((item) => item.familySeason).map((item) => seriesKey(item.item, item.location));
  return {
    periods,
    items,
    report: {
      summary:
        `Forecast ${items.length} ${located ? "item x location series" : "items"} for ${periods.length} months (${periods[0]} to ${periods[periods.length - 1]}); median holdout sMAPE ${medianSmape.toFixed(1)}%. ` +
        `${borrowed.length > 0 ? `${borrowed.length} items use the season of their family. ` : ""}${overrides.length} overrides applied.`,
      messages: [...acceptedNote(accepted), ...familySeasonMessages(borrowed, demand.liveFormulas === true)],
      charts: [
        {
          title: "History, forecast and interval",
          choiceLabel: "Item",
          choices: items.map((item, i) => ({
            label: seriesKey(item.item, item.location),
            block: [
              ["Period", "History", "Forecast", `Lower ${level}%`, `Upper ${level}%`],
              ...historyPeriods.slice(-CHART_HISTORY).map((period, k, shown) => [period, roundCents(histories[i][histories[i].length - shown.length + k]), null, null, null]),
              ...periods.map((period, t) => [period, null, roundCents(item.forecast[t]), roundCents(item.lower[t]), roundCents(item.upper[t])]),
            ],
          })),
        },
      ],
      tables: [
        {
          title: "Items",
          headers: [...keyHeader(located), "Family", "Model", "Segment", "Holdout sMAPE", "Next month"],
          rows: items.map((item) => [...keyCells(item, located), item.family, item.model, item.segment, smapeShare(item), roundCents(item.consensus[0])]),
          numberFormats: [...keyHeader(located).map(() => "@"), "@", "@", "@", PERCENT_FORMAT, WHOLE_FORMAT],
        },
        ...(located ? consensusTotals(items, periods) : []),
      ],
    },
  };
}

/**
 * The consensus added up by item (over its locations) and by location (over its items), for a
 * workbook with locations: the totals planners read, from the same numbers as SOP Consensus.
 */
function consensusTotals(items: readonly ItemForecast[], periods: readonly string[]): ResultTable[] {
  const totalBy = (key: (item: ItemForecast) => string): (string | number)[][] => {
    const sums = new Map<string, number[]>();
    for (const item of items) {
      const sum = sums.get(key(item)) ?? periods.map(() => 0);
      item.consensus.forEach((v, t) => (sum[t] += v));
      sums.set(key(item), sum);
    }
    return [...sums].map(([name, sum]) => [name, ...sum.map(roundCents)]);
  };
  const numberFormats = periodFormats(1, periods, WHOLE_FORMAT);
  return [
    { title: "Consensus by item (all locations)", headers: ["Item", ...periods], rows: totalBy((item) => item.item), numberFormats },
    { title: "Consensus by location (all items)", headers: [LOCATION_HEADER, ...periods], rows: totalBy((item) => item.location), numberFormats },
  ];
}

/** Items named in a message before "and N more" (the Model column of SOP Forecast names them all). */
const NAMED_ITEMS = 20;

/** What the planner is told about the items that use their family's season (none: nothing). */
function familySeasonMessages(items: readonly string[], liveFormulas: boolean): StepMessage[] {
  if (items.length === 0) return [];
  const names = items.length > NAMED_ITEMS ? `${items.slice(0, NAMED_ITEMS).join(", ")} and ${items.length - NAMED_ITEMS} more` : items.join(", ");
  const messages: StepMessage[] = [
    {
      level: "info",
      text: `Family season: ${names} show no clear season on their own, so their forecasts follow the season of their family's total sales (their Model starts with "Family season").`,
    },
  ];
  if (liveFormulas) {
    messages.push({
      level: "info",
      text: `These ${items.length} items keep forecast values instead of live =SOP.FORECAST formulas: the formula sees one item's history and cannot apply its family's season. Run step 2 again to refresh them.`,
    });
  }
  return messages;
}

/** Price per item id from the planner's item master (1 when unknown, so ABC ranks by volume). */
async function itemPrices(workbook: Workbook): Promise<Map<string, number>> {
  const data = await loadMappedData(workbook);
  return new Map(data.items.map((item) => [item.id, item.price ?? 1]));
}
