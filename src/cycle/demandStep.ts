import { median } from "simple-statistics";
import { PlanningError } from "../core/errors";
import { itemFamilySeasons, shownDemand } from "../core/forecast";
import type { FamilySeason } from "../core/forecast";
import { consensusForecast } from "../core/reconcile";
import { abcXyz } from "../core/segmentation";
import { columnLetters, quoteSheetName } from "../workbook/address";
import type { CellInput, CellValue, Workbook } from "../workbook/workbook";
import { throwIfCancelled } from "./cancellation";
import { coherentLevels, type CoherentLevels } from "./coherentLevels";
import { acceptedNote, requireNoOpenErrors } from "./errorGate";
import { inThreadForecaster, isNewItem, type BatchForecaster, type ItemForecastResult } from "./itemForecasts";
import { loadMappedData } from "./mappedData";
import { readOverrides } from "./overrides";
import { CENTS_FORMAT, numberIn, PERCENT_FORMAT, periodFormats, readIfPresent, readStepSheet, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { futurePeriods, seasonLengthOf } from "./periods";
import { seriesKey } from "./planningData";
import { counted } from "./counted";
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
  /**
   * Make the levels coherent: forecast the total, each family and (with locations) each item and each
   * location from their own history too, and reconcile them with the item forecasts (MinT, see
   * coherentLevels), so that SOP Forecast and SOP Consensus hold item forecasts whose sums are the
   * reconciled family, item and location forecasts. Default: on when some item has a family and SOP
   * Forecast is to hold values (live formulas give each item's own forecast).
   */
  coherent?: boolean;
}

/** The forecast of one series (an item, at a location when the workbook has them) as the demand step shows it. */
export interface ItemForecast extends ItemForecastResult {
  item: string;
  /** "" when the workbook has no locations. */
  location: string;
  family: string;
  /** ABC/XYZ class ("AX" .. "CZ"); "new" for a new item with fewer than 2 months, which has no volume or variability to class yet. */
  segment: string;
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
export const FORECAST_COLUMNS = ["Item", "Family", "Model", "Segment", "Intermittent", "Holdout accuracy %", "RMSE", "Measure"];

/** FORECAST_COLUMNS with the key columns of the workbook. */
function forecastColumns(located: boolean): string[] {
  return [...keyHeader(located), ...FORECAST_COLUMNS.slice(1)];
}

/** Periods held out to measure a forecast: the last 6, or a quarter of a shorter history. */
function holdoutLength(periods: number): number {
  return Math.min(6, Math.floor(periods / 4));
}

/**
 * Step 2, demand: forecast every item of SOP Clean History with the automatic method (model chosen per
 * item; an item whose own history shows no season, in a family whose total does, uses the family's
 * season: see familySeason), measure each on a holdout of its last months, classify items ABC/XYZ,
 * apply the overrides of SOP Overrides by role into the consensus forecast, and write SOP Forecast and
 * SOP Consensus. With live formulas, each item's =SOP.FORECAST finds its row of SOP Clean History by
 * its id and carries its family's season, so the formula gives the pane's numbers (a workbook with
 * locations keeps values: one item's row is found by item and location, which MATCH cannot do alone).
 * With `coherent` (by default when items have families and values are written), the totals (total,
 * families; with locations items and locations) are forecast too and reconciled with the items (see
 * coherentLevels): the sheets hold the reconciled item forecasts and the report a table of every total,
 * its own model's forecast and the coherent one; when they cannot be reconciled (too many totals) the
 * item forecasts are kept and a warning says why.
 * @param forecaster runs the forecasts (default: in this thread; the task pane passes a Web Worker's)
 * @throws BlockedByErrors while step 1 has errors not fixed or accepted
 * @throws PlanningError when step 1 has not run, for a horizon outside 1..36, or bad overrides
 */
export async function runDemandStep(
  workbook: Workbook,
  demand: DemandOptions,
  options: StepRunOptions = {},
  forecaster: BatchForecaster = inThreadForecaster,
): Promise<DemandResult> {
  const level = demand.level ?? 80;
  const accepted = await requireNoOpenErrors(workbook, "Step 2 (demand forecast)");
  const clean = await readStepSheet(workbook, SHEETS.cleanHistory, "step 1 (gather and check data)");
  const keys = keyColumnCount(clean.header);
  const located = keys > 1;
  const historyPeriods = clean.header.slice(keys + 1);
  const periods = futurePeriods(historyPeriods[historyPeriods.length - 1], demand.horizon);
  const seasonLength = seasonLengthOf(historyPeriods);
  // blank cells of SOP Clean History are the periods before a new item's first number: zero demand in
  // totals, left out of the item's own forecast
  const recorded = clean.rows.map((row) => row.slice(keys + 1).map((cell) => (cell === null || cell === "" ? null : numberIn(cell))));
  const histories = recorded.map((history) => history.map((v) => v ?? 0));
  const newItems = recorded.map(isNewItem);
  const families = clean.rows.map((row) => String(row[keys] ?? ""));
  const seasons = itemFamilySeasons(families, histories, seasonLength);
  const holdout = holdoutLength(historyPeriods.length);
  const holdoutSeasons = holdout < 1 ? [] : itemFamilySeasons(families, histories.map((history) => history.slice(0, -holdout)), seasonLength);
  const master = (await loadMappedData(workbook)).items;
  // price 1 when unknown, so ABC ranks by volume
  const prices = new Map(master.map((item) => [item.id, item.price ?? 1]));
  const segments = abcXyz(histories, clean.rows.map((row) => prices.get(String(row[0])) ?? 1));

  options.onProgress?.({ fraction: 0, message: `Forecasting ${located ? `${clean.rows.length} item x location series` : counted(clean.rows.length, "item")}` });
  const batch = {
    horizon: demand.horizon,
    seasonLength,
    level,
    holdout,
    jobs: recorded.map((history, i) => ({ history, familySeason: seasons[i], holdoutSeason: holdoutSeasons[i] })),
  };
  const onProgress = (done: number): void =>
    options.onProgress?.({ fraction: done / clean.rows.length, message: `Forecasting (${done} of ${clean.rows.length} done)` });
  const forecasts = await forecaster(batch, { signal: options.signal, onProgress });
  throwIfCancelled(options.signal);
  let coherent: CoherentLevels | undefined;
  let notCoherent: StepMessage | undefined;
  const wantsCoherent = demand.coherent ?? (families.some((family) => family !== "") && demand.liveFormulas !== true);
  if (wantsCoherent) {
    options.onProgress?.({ fraction: 1, message: "Forecasting the family, item and location totals and reconciling them" });
    const levels = await coherentLevels(
      forecasts.map((outcome, i) => ({ ...rowKey(clean.header, clean.rows[i]), family: families[i], history: histories[i], forecast: outcome.forecast, rmse: outcome.rmse, errors: outcome.errors })),
      async (totals) => forecaster({ ...batch, holdout: 0, jobs: totals.map((history) => ({ history })) }, { signal: options.signal }),
    ).catch((error: unknown) => {
      if (!(error instanceof PlanningError)) throw error;
      notCoherent = { level: "warning", text: `Coherent levels were not made: ${error.message}` };
      return undefined;
    });
    throwIfCancelled(options.signal);
    forecasts.forEach((outcome, i) => {
      if (levels === undefined) return;
      const shift = (bound: number[]): number[] => bound.map((v, t) => Math.max(0, v + levels.bottom[i][t] - outcome.forecast[t]));
      Object.assign(outcome, { lower: shift(outcome.lower), upper: shift(outcome.upper), forecast: levels.bottom[i] });
    });
    coherent = levels;
  }
  const items: ItemForecast[] = forecasts.map((outcome, i) => ({
    ...outcome,
    ...rowKey(clean.header, clean.rows[i]),
    family: families[i],
    segment: newItems[i] ? "new" : segments[i].segment,
    consensus: [],
  }));

  const { overrides, rule } = readOverrides(await readIfPresent(workbook, SHEETS.overrides), periods, items, new Set(master.map((item) => item.id)));
  const consensus = consensusForecast(Object.fromEntries(items.map((item) => [seriesKey(item.item, item.location), item.forecast])), overrides, rule);
  for (const item of items) item.consensus = consensus.values[seriesKey(item.item, item.location)].map((v) => roundCents(Math.max(0, v)));

  const accuracyShare = (item: ItemForecast): number | null => (item.holdoutAccuracy === null ? null : roundShare(item.holdoutAccuracy / 100));
  const forecastRows: CellInput[][] = [[...forecastColumns(located), ...periods]];
  items.forEach((item, i) => {
    const lead = [...keyCells(item, located), item.family, item.model, item.segment, item.intermittent ? "yes" : "no", accuracyShare(item), Number.isFinite(item.rmse) ? roundCents(item.rmse) : null];
    const live: CellInput[] = [{ formula: liveFormula(clean.rows[i][0], clean.rows.length, historyPeriods.length, demand, seasonLength, level, seasons[i]) }, ...periods.slice(1).map(() => null)];
    const blank = periods.map(() => null);
    // =SOP.FORECAST needs 2 months: a new item with fewer keeps values
    const formulas = demand.liveFormulas === true && !located && coherent === undefined && !newItems[i];
    forecastRows.push([...lead, "Forecast", ...(formulas ? live : shownDemand(item.forecast))]);
    forecastRows.push([...lead, `Lower ${level}%`, ...(formulas ? blank : shownBound(item.lower))]);
    forecastRows.push([...lead, `Upper ${level}%`, ...(formulas ? blank : shownBound(item.upper))]);
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

  const scored = items.map((item) => item.holdoutAccuracy).filter((v): v is number => v !== null);
  const borrowed = items.filter((item) => item.familySeason).map((item) => seriesKey(item.item, item.location));
  return {
    periods,
    items,
    report: {
      summary:
        `Forecast ${located ? `${items.length} item x location series` : counted(items.length, "item")} for ${counted(periods.length, "month")} (${periods[0]} to ${periods[periods.length - 1]})${scored.length > 0 ? `; median holdout accuracy ${median(scored).toFixed(1)}%` : ""}. ` +
        `${borrowed.length > 0 ? `${borrowed.length} items use the season of their family. ` : ""}${overrides.length} overrides applied.`,
      messages: [
        ...acceptedNote(accepted),
        ...familySeasonMessages(borrowed, demand.liveFormulas === true && !located && coherent === undefined),
        ...(coherent ? [coherentMessage(coherent, demand.liveFormulas === true && !located)] : []),
        ...(notCoherent ? [notCoherent] : []),
        ...(demand.liveFormulas === true && located
          ? [{ level: "info" as const, text: "SOP Forecast holds values, not live =SOP.FORECAST formulas: with locations a formula would have to find its row by item and location, which MATCH cannot do in every Excel version. Run step 2 again to refresh them." }]
          : []),
      ],
      charts: [
        {
          title: "History, forecast and interval",
          choiceLabel: "Item",
          choices: items.map((item, i) => {
            const [lower, upper] = [shownBound(item.lower), shownBound(item.upper)];
            return {
              label: seriesKey(item.item, item.location),
              block: [
                ["Period", "History", "Forecast", `Lower ${level}%`, `Upper ${level}%`],
                ...historyPeriods.slice(-CHART_HISTORY).map((period, k, shown) => {
                  // months before a new item existed stay blank (a gap in the chart), not 0
                  const value = recorded[i][recorded[i].length - shown.length + k];
                  return [period, value === null ? null : roundCents(value), null, null, null];
                }),
                ...periods.map((period, t) => [period, null, roundCents(item.forecast[t]), lower[t], upper[t]]),
              ],
            };
          }),
        },
      ],
      tables: [
        {
          title: "Items",
          headers: [...keyHeader(located), "Family", "Model", "Segment", "Holdout accuracy %", "Next month"],
          rows: items.map((item) => [...keyCells(item, located), item.family, item.model, item.segment, accuracyShare(item), roundCents(item.consensus[0])]),
          numberFormats: [...keyHeader(located).map(() => "@"), "@", "@", "@", PERCENT_FORMAT, WHOLE_FORMAT],
        },
        ...(located ? consensusTotals(items, periods) : []),
        ...(coherent ? [levelsTable(coherent.levels, periods)] : []),
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

/** The statistical forecast of every total step 2 reconciled: its own model's and the coherent one. */
function levelsTable(levels: CoherentLevels["levels"], periods: readonly string[]): ResultTable {
  const sum = (values: readonly number[]): number => roundCents(values.reduce((a, b) => a + b, 0));
  return {
    title: "Coherent forecast by level (statistical, before overrides)",
    headers: ["Level", "Series", "Own model, all months", "Coherent, all months", ...periods],
    rows: levels.map((l) => [l.level, l.name, sum(l.own), sum(l.coherent), ...l.coherent.map(roundCents)]),
    numberFormats: ["@", "@", WHOLE_FORMAT, WHOLE_FORMAT, ...periods.map(() => WHOLE_FORMAT)],
  };
}

/** What the planner is told about coherent levels: what moved and what the sheets hold. */
function coherentMessage({ levels, weights, lambda }: CoherentLevels, liveFormulas: boolean): StepMessage {
  const total = levels.find((l) => l.level === "total");
  const change = total ? (100 * (total.coherent.reduce((a, b) => a + b, 0) / Math.max(1e-9, total.own.reduce((a, b) => a + b, 0)) - 1)).toFixed(1) : "0";
  return {
    level: "info",
    text:
      `Coherent levels: the total, ${levels.filter((l) => l.level === "family").length} families` +
      `${levels.some((l) => l.level === "location") ? ", every item over its locations and every location" : ""} were forecast from their own history and reconciled with the item forecasts (${
        weights === "mint_shrink"
          ? `MinT with shrinkage: the covariance of every model's one-step in-sample errors, shrunk ${Math.round(100 * (lambda ?? 0))}% toward their variances`
          : "MinT weighted by each model's in-sample error variance"
      }), ` +
      `so each family forecast is the sum of its items'. SOP Forecast and SOP Consensus hold the reconciled item forecasts (intervals moved with them; holdout accuracy is each item's own model's); the total moved ${change}% from its own model.` +
      (liveFormulas ? " SOP Forecast holds values, not live formulas: a formula would give the item's own forecast, not the reconciled one." : ""),
  };
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
      text: `Their live =SOP.FORECAST formulas carry the family's season as measured now (the {...} list of seasonal indices), so they give the values above; run step 2 again to measure it anew.`,
    });
  }
  return messages;
}

/**
 * The live formula of one item: =SOP.FORECAST over the item's row of SOP Clean History, found by its id
 * with INDEX/MATCH (in every Excel version), so a re-ordered clean history keeps it on its item, and its
 * family's seasonal indices when the family has a season.
 * @param id the item's cell in SOP Clean History (a number stays a number, so MATCH finds it)
 * @param items rows of items in SOP Clean History
 * @param historyLength periods of history
 */
function liveFormula(id: CellValue, items: number, historyLength: number, demand: DemandOptions, seasonLength: number, level: number, season: FamilySeason | undefined): string {
  const sheet = quoteSheetName(SHEETS.cleanHistory);
  const last = items + 1;
  const key = typeof id === "number" ? String(id) : `"${String(id ?? "").replace(/"/g, '""')}"`;
  const row = `INDEX(${sheet}!$C$2:$${columnLetters(1 + historyLength)}$${last},MATCH(${key},${sheet}!$A$2:$A$${last},0),0)`;
  const indices = season ? `,{${season.indices.map(String).join(",")}}` : "";
  return `=SOP.FORECAST(${row},${demand.horizon},${seasonLength},"auto",${level}${indices})`;
}

/** An interval bound as SOP Forecast shows it: blank where there is none (a new item with fewer than 2 months). */
function shownBound(values: readonly number[]): (number | null)[] {
  return Number.isFinite(values[0]) ? shownDemand(values) : values.map(() => null);
}
