/**
 * The SOP custom functions of Excel. Each is a thin adapter: it reads Excel ranges into plain
 * arrays (refusing text, error values and ranges of the wrong shape with a message a planner
 * understands), calls the planning engine in src/core, and spills the result in the orientation of
 * its main input. functions.json is generated from the JSDoc below by custom-functions-metadata.
 */
import { PlanningError } from "../core/errors";
import { bias, mae, mape, mase, rmse, smape, trackingSignal, wmape } from "../core/metrics";
import { correctOutliers, describeModel, detectSeasonality, familySeasonFromIndices, fillMissing, forecastSeries, MAX_HORIZON, shownDemand } from "../core/forecast";
import { disaggregate, FVA_METRICS, forecastValueAdded, GAP_MODES, periodGap, planFinancials, RECONCILE_METHODS, reconcileForecasts, structureFromParents } from "../core/reconcile";
import { highsBeside, loadHighs } from "../core/optimize/highsSolve";
import { inThreadSolver, useLpSolver } from "../core/optimize/lpSolver";
import { abcXyz } from "../core/segmentation";
import { capacityUtilisation, inventoryProjection, planSingleItem, safetyStockFromHistory } from "../core/supply";
import { asExcelResult, asExcelResultAsync, excelErrorValue } from "./excelError";
import { assertSameLength, readChoice, readFlag, readLabel, readNumber, readNumbers, readOptionalWholeNumber, readRange, readSeries, recordedHistory, readText, readWholeNumber, spill } from "./excelArguments";

/** The longest season a function takes, in periods (a yearly season in days). */
const MAX_SEASON_LENGTH = 366;

/**
 * The most periods of history one forecasting call takes (=SOP.FORECAST, FORECAST.MODEL, SEASONALITY,
 * CLEAN): every method answers within 2 s on 1,000 periods, where 100,000 blocked Excel for 30-75 s.
 */
export const MAX_FORECAST_PERIODS = 1_000;

/** The most periods x season length a seasonal ARIMA fits in one call (its state grows with the season): 1,000 months, 230 weeks. */
export const MAX_SEASONAL_ARIMA_SIZE = 12_000;

/** The most periods one =SOP.SUPPLYPLAN call plans: its linear programme solves within 2 s. */
export const MAX_PLAN_PERIODS = 1_000;

/**
 * The forecasting options of a call, read and checked: season length, method word, and the size limit of
 * a seasonal ARIMA, so that no call blocks Excel.
 * @throws PlanningError for a season length that is not a whole number from 1 to 366, a method that is not
 *   a word, or a seasonal ARIMA on more periods than its limit
 */
function readForecastOptions(periods: number, seasonLength: unknown, method: unknown): { seasonLength?: number; method?: string } {
  const m = readOptionalWholeNumber(seasonLength, "seasonLength", 1, MAX_SEASON_LENGTH);
  const word = readText(method, "method");
  if (word?.trim().toLowerCase() === "arima" && m !== undefined && m > 1 && periods * m > MAX_SEASONAL_ARIMA_SIZE) {
    throw new PlanningError(
      `A seasonal ARIMA of season length ${m} takes at most ${Math.floor(MAX_SEASONAL_ARIMA_SIZE / m)} periods in one call (periods x season length up to ${MAX_SEASONAL_ARIMA_SIZE}); history has ${periods}: use the last periods only, or method "auto".`,
    );
  }
  return { seasonLength: m, method: word };
}

/**
 * Supply minus demand for each period, in units, in percent of demand, as a running (cumulative)
 * total, or in money (revenue at risk when negative). Spills one value per period, in the orientation
 * of demand.
 * @customfunction GAP
 * @param demand Demand per period: one row or one column of numbers.
 * @param supply Supply available per period, same number of periods as demand.
 * @param [mode] "units" (default), "percent" of demand, "cumulative" units, or "revenue" (needs price).
 * @param [price] Price per unit: one cell, or one per period (for mode "revenue").
 * @param [blanksAsZero] TRUE to read blank cells as 0; by default a blank is an error.
 * @returns The gap per period.
 */
export function gap(demand: unknown[][], supply: unknown[][], mode?: string, price?: unknown[][], blanksAsZero?: boolean): unknown[][] {
  return asExcelResult(() => {
    const blanks = readFlag(blanksAsZero, "blanksAsZero");
    const demandSeries = readNumbers(demand, "demand", blanks);
    const supplySeries = readNumbers(supply, "supply", blanks);
    assertSameLength({ demand: demandSeries, supply: supplySeries });
    const chosen = readChoice(mode, "mode", GAP_MODES, "units");
    const prices = price === undefined || price === null ? undefined : readNumbers(price, "price").values;
    const gaps = periodGap(demandSeries.values, supplySeries.values, chosen, prices && prices.length === 1 ? prices[0] : prices);
    const zeroDemand = excelErrorValue("divisionByZero", "Demand is 0 in this period, so a percentage of it does not exist.");
    return spill([gaps], demandSeries.orientation, zeroDemand);
  });
}

const ACCURACY_METRICS = ["smape", "mase", "mape", "wmape", "rmse", "mae", "bias", "tracking"] as const;

/**
 * Forecast accuracy of forecasts against actuals: sMAPE (default), MASE, MAPE, WMAPE, RMSE, MAE,
 * bias or tracking signal, as defined in the S&OP guide.
 * @customfunction ACCURACY
 * @param actual Actual values per period: one row or one column.
 * @param forecast Forecasts for the same periods.
 * @param [metric] "smape" (default), "mase", "mape", "wmape", "rmse", "mae", "bias" or "tracking".
 * @param [history] The history the forecast was made from (needed for MASE).
 * @param [seasonLength] Season length for MASE (1 = none; 12 for monthly data with a yearly season).
 * @returns The accuracy figure.
 */
export function accuracy(actual: unknown[][], forecast: unknown[][], metric?: string, history?: unknown[][], seasonLength?: number): number {
  return asExcelResult(() => {
    const actualSeries = readNumbers(actual, "actual");
    const forecastSeries = readNumbers(forecast, "forecast");
    assertSameLength({ actual: actualSeries, forecast: forecastSeries });
    const y = actualSeries.values;
    const f = forecastSeries.values;
    const chosen = readChoice(metric, "metric", ACCURACY_METRICS, "smape");
    switch (chosen) {
      case "mase": {
        if (history === undefined || history === null) {
          throw new PlanningError("MASE needs the history the forecast was made from: give it as the 4th argument.");
        }
        return mase(y, f, readNumbers(history, "history").values, readWholeNumber(seasonLength, "seasonLength", 1, MAX_SEASON_LENGTH, 1));
      }
      case "smape":
        return smape(y, f);
      case "mape":
        return mape(y, f);
      case "wmape":
        return wmape(y, f);
      case "rmse":
        return rmse(y, f);
      case "mae":
        return mae(y, f);
      case "bias":
        return bias(y, f);
      case "tracking":
        return trackingSignal(y, f);
    }
  });
}

/**
 * Forecast of a history for the next periods. Automatic mode combines exponential smoothing, Theta and
 * ARIMA models fitted to the series, with seasonal naive when the history holds fewer than three
 * seasons, and keeps a 52-week season by STL (for intermittent demand, Croston, SBA, TSB, ADIDA, IMAPA,
 * ETS and Theta weighted by their errors on the series' own recent periods; a product sold only in its
 * season is forecast as seasonal demand, not as one flat rate); or name one method.
 * Blank cells inside the history are treated as missing and filled, not as 0; blank cells before the
 * first number are periods before the item existed (a new item) and are left out, and so are blank
 * cells after the last number (months not recorded yet): the forecast starts right after it.
 * Forecasts are demand: never below 0, rounded to the cent, as SOP Forecast holds them.
 * With a level, spills three series: forecast, lower and upper bound of the prediction interval.
 * @customfunction FORECAST
 * @param history Past values in period order: one row or one column.
 * @param horizon Number of periods to forecast, 1 to 120.
 * @param [seasonLength] Periods in a season (12 for monthly data with a yearly pattern, 1 for none); detected when omitted.
 * @param [method] "auto" (default), "ets", "ets-aaa", "theta", "arima" (seasonal when the season length is over 1, as R's auto.arima), "naive", "snaive", "drift", "ma", "ses", "croston", "sba", "tsb", "adida" or "imapa".
 * @param [level] Prediction interval in percent, e.g. 80 or 95; adds lower and upper bounds.
 * @param [familySeason] Seasonal indices of the item's family, one per period of a season, the first for the history's first period (step 2 writes them); in automatic mode an item whose own history shows no season follows them.
 * @returns The forecast, spilled in the orientation of history.
 */
export function forecast(history: unknown[][], horizon: number, seasonLength?: number, method?: string, level?: number, familySeason?: unknown[][]): unknown[][] {
  return asExcelResult(() => {
    const series = recordedHistory(readSeries(history, "history", "missing", MAX_FORECAST_PERIODS));
    const withLevel = level !== undefined && level !== null;
    const outcome = forecastSeries({
      history: series.values,
      horizon: readWholeNumber(horizon, "horizon", 1, MAX_HORIZON),
      ...readForecastOptions(series.values.length, seasonLength, method),
      levels: withLevel ? [readNumber(level, "level")] : [80],
      familySeason: familySeason === undefined || familySeason === null ? undefined : familySeasonFromIndices(readNumbers(familySeason, "familySeason", false, MAX_SEASON_LENGTH).values),
    });
    const interval = outcome.intervals[0];
    const spilled = withLevel ? [outcome.mean, interval.lower, interval.upper] : [outcome.mean];
    return spill(spilled.map(shownDemand), series.orientation);
  });
}

/**
 * The model =SOP.FORECAST chooses for a history and its fit statistics, as label and value pairs.
 * @customfunction FORECAST.MODEL
 * @param history Past values in period order: one row or one column.
 * @param [seasonLength] Periods in a season; detected when omitted.
 * @param [method] As in SOP.FORECAST; "auto" by default.
 * @returns Two columns: what, and its value.
 */
export function forecastModel(history: unknown[][], seasonLength?: number, method?: string): unknown[][] {
  return asExcelResult(() => {
    const series = recordedHistory(readSeries(history, "history", "missing", MAX_FORECAST_PERIODS));
    const rows = describeModel({
      history: series.values,
      horizon: 1,
      ...readForecastOptions(series.values.length, seasonLength, method),
    });
    const undefinedStatistic = (label: string) =>
      excelErrorValue("notAvailable", `${label} is not defined here: a combination of models, or a model fitted on a transformed copy, has no likelihood on this history, and too few periods leave none.`);
    return rows.map(([label, value]) => [label, typeof value === "number" && !Number.isFinite(value) ? undefinedStatistic(label) : value]);
  });
}

/**
 * The season length found in a history (12 for a yearly pattern in monthly data), or 1 when the
 * history shows no season.
 * @customfunction SEASONALITY
 * @param history Past values in period order: one row or one column.
 * @returns The season length in periods.
 */
export function seasonality(history: unknown[][]): number {
  return asExcelResult(() => detectSeasonality(readSeries(history, "history", "missing", MAX_FORECAST_PERIODS).values).seasonLength);
}

const CLEAN_METHODS = ["all", "fill", "outliers"] as const;

/**
 * A cleaned copy of a history: blanks filled from their neighbouring periods and, with 3 or more
 * seasons of data, their season (outliers take no part), and, with "all" or "outliers", outliers
 * replaced by their expected value. An outlier is far from the history's usual level and more than 5
 * robust standard deviations from what its season and neighbouring periods lead to expect; no other
 * value changes. The source cells are not changed.
 * @customfunction CLEAN
 * @param history Past values in period order: one row or one column; blanks are missing values.
 * @param [method] "all" (default: fill blanks and correct outliers), "fill" (blanks only) or "outliers".
 * @param [seasonLength] Periods in a season; detected when omitted.
 * @returns The cleaned history, spilled in its orientation.
 */
export function clean(history: unknown[][], method?: string, seasonLength?: number): unknown[][] {
  return asExcelResult(() => {
    const series = readSeries(history, "history", "missing", MAX_FORECAST_PERIODS);
    const chosen = readChoice(method, "method", CLEAN_METHODS, "all");
    const m = readOptionalWholeNumber(seasonLength, "seasonLength", 1, MAX_SEASON_LENGTH) ?? detectSeasonality(series.values).seasonLength;
    const filled = chosen === "outliers" ? readNumbers(history, "history").values : fillMissing(series.values, m).values;
    return spill([chosen === "fill" ? filled : correctOutliers(filled, m).values], series.orientation);
  });
}

/**
 * The money view of a plan per period: revenue, cost of goods, gross margin, inventory value and
 * holding cost.
 * @customfunction FINANCIALS
 * @param plan Three rows or three columns per period: units sold, units made or bought, inventory at period end.
 * @param price Price per unit: one cell or one per period.
 * @param cost Unit cost: one cell or one per period.
 * @param [holdingRate] Holding cost per period as a share of inventory value, e.g. 0.02 for 2% a month.
 * @returns Five series (revenue, cost of goods, gross margin, inventory value, holding cost), one per row or column like plan.
 */
export function financials(plan: unknown[][], price: unknown[][], cost: unknown[][], holdingRate?: number): unknown[][] {
  return asExcelResult(() => {
    const grid = readRange(plan, "plan");
    const columns = grid[0].length === 3 && grid.length !== 3;
    const lines = columns ? [0, 1, 2].map((k) => grid.map((row) => [row[k]])) : grid.map((row) => [row]);
    if (lines.length !== 3) {
      throw new PlanningError(`plan needs three rows or three columns (units sold, units made, inventory); it has ${grid.length} rows and ${grid[0].length} columns.`);
    }
    const [sales, production, inventory] = lines.map((line, k) => readNumbers(line, ["units sold", "units made", "inventory"][k]).values);
    const perPeriod = (range: unknown[][], name: string): number | number[] => {
      const values = readNumbers(range, name).values;
      return values.length === 1 ? values[0] : values;
    };
    const result = planFinancials({ sales, production, inventory }, perPeriod(price, "price"), perPeriod(cost, "cost"), readNumber(holdingRate, "holdingRate", { fallback: 0 }));
    const p = result.periods;
    return spill([p.revenue, p.costOfGoods, p.grossMargin, p.inventoryValue, p.holdingCost], columns ? "column" : "row");
  });
}

/**
 * Split a total (a family's forecast, a budget) over items in proportion to weights, rounded so that
 * the parts add up exactly to the total.
 * @customfunction DISAGGREGATE
 * @param total The number to split.
 * @param weights One weight per item (history, forecast mix): one row or one column of numbers >= 0.
 * @param [decimals] Decimals to round the parts to (default 0, whole units).
 * @returns One part per weight, in the orientation of weights.
 */
export function disaggregateTotal(total: number, weights: unknown[][], decimals?: number): unknown[][] {
  return asExcelResult(() => {
    const series = readNumbers(weights, "weights");
    return spill([disaggregate(readNumber(total, "total"), series.values, readWholeNumber(decimals, "decimals", 0, 10, 0))], series.orientation);
  });
}

/** The most series (rows of forecasts) one =SOP.RECONCILE call takes: MinT on 2,000 series answers within 2 s. */
export const MAX_RECONCILE_SERIES = 2_000;

/**
 * Make forecasts coherent across a hierarchy (item x location -> item -> family -> total, location ->
 * region): every total becomes the sum of the series under it. MinT with shrinkage (Wickramasuriya,
 * Athanasopoulos & Hyndman, 2019) weighs each forecast by how well it forecast the past.
 * @customfunction RECONCILE
 * @param forecasts One row per series (every item x location, item, family, location, region and the total), no header row: its name in the first column, then the forecast of each period.
 * @param hierarchy Two columns, node and parent, no header row: each row says which group a series adds up into (e.g. "B-100@DC1", "B-100"). A series in two groups (its item and its location) has a row for each; the total's parent is blank or it appears only as a parent.
 * @param [method] "mint_shrink" (default when errors are given), "mint_diag", "wls_struct" (default otherwise), "ols", "bottom_up" or "top_down" (needs history).
 * @param [errors] One-step errors (actual minus fitted) of each series over past periods: one row per row of forecasts, in the same order; blanks where a series has none.
 * @param [history] Actual history of each series, one row per row of forecasts, for "top_down" (each bottom series' share of the history's total).
 * @returns The coherent forecasts: one row per row of forecasts, one column per period (without the names). A bottom series can come out below 0 when its totals' forecasts are far below its own.
 */
export function reconcile(forecasts: unknown[][], hierarchy: unknown[][], method?: string, errors?: unknown[][], history?: unknown[][]): unknown[][] {
  return asExcelResult(() => {
    const grid = readRange(forecasts, "forecasts");
    if (grid[0].length < 2) throw new PlanningError("forecasts needs the series name in its first column and at least one period of forecasts after it.");
    if (grid.length > MAX_RECONCILE_SERIES) {
      throw new PlanningError(`forecasts has ${grid.length} series, more than the ${MAX_RECONCILE_SERIES} one call reconciles: use the S&OP task pane (step 2) for hierarchies this large.`);
    }
    const names = grid.map((row, i) => readLabel(row[0], `row ${i + 1} of forecasts`));
    const links = readRange(hierarchy, "hierarchy").flatMap((row, i) => {
      if (row.length !== 2) throw new PlanningError(`hierarchy must have two columns, node and parent, but it has ${row.length}.`);
      const [node, parent] = row.map((cell, k) => readLabel(cell, `row ${i + 1} of hierarchy, column ${k + 1}`));
      return node === "" && parent === "" ? [] : [{ node, parent }];
    });
    const structure = structureFromParents(links);
    const listed = new Set(structure.nodes.map((node) => node.name));
    const rowOf = new Map<string, number>();
    names.forEach((name, i) => {
      if (name === "") throw new PlanningError(`Row ${i + 1} of forecasts has no series name in its first column: name the series.`);
      if (rowOf.has(name)) throw new PlanningError(`"${name}" has two rows in forecasts (rows ${(rowOf.get(name) ?? 0) + 1} and ${i + 1}): keep one.`);
      if (!listed.has(name)) throw new PlanningError(`Row ${i + 1} of forecasts is for "${name}", which the hierarchy does not list: add it (node, parent) or remove the row.`);
      rowOf.set(name, i);
    });
    const missing = structure.nodes.find((node) => !rowOf.has(node.name));
    if (missing) throw new PlanningError(`The hierarchy lists "${missing.name}" but forecasts have no row for it: give every series of the hierarchy a row.`);
    const order = structure.nodes.map((node) => rowOf.get(node.name) ?? 0);
    const readRows = (cells: unknown[][] | undefined, name: string, blanks: "missing" | "error"): number[][] | undefined => {
      if (cells === undefined || cells === null) return undefined;
      const rows = readRange(cells, name);
      if (rows.length !== grid.length) throw new PlanningError(`${name} has ${rows.length} rows but forecasts has ${grid.length}: give one row per series, in the same order.`);
      const values = rows.map((row, i) => readSeries([row], `${name} row ${i + 1}`, blanks).values.map((v) => v ?? Number.NaN));
      return order.map((i) => values[i]);
    };
    const base = order.map((i) => readNumbers([grid[i].slice(1)], `forecasts row ${i + 1}`).values);
    const errorRows = readRows(errors, "errors", "missing");
    const chosen = readChoice(method, "method", RECONCILE_METHODS, errorRows ? "mint_shrink" : "wls_struct");
    const result = reconcileForecasts(structure, base, { method: chosen, errors: errorRows, history: readRows(history, "history", "error") });
    const byRow = new Array<number[]>(grid.length);
    order.forEach((i, node) => (byRow[i] = result.values[node]));
    return byRow;
  });
}

/**
 * Forecast value added: the error of the naive forecast, the statistical forecast and the consensus
 * against actuals, and how much each step improved on naive (negative = the step made it worse).
 * @customfunction FVA
 * @param actual Actual values per period.
 * @param naive The naive forecast for the same periods.
 * @param statistical The statistical forecast.
 * @param consensus The consensus forecast after overrides.
 * @param [metric] "wmape" (default, in percent), "mape", "smape", "mae" or "rmse".
 * @returns A table: step, error, value added versus naive, value added versus the step before.
 */
export function fva(actual: unknown[][], naive: unknown[][], statistical: unknown[][], consensus: unknown[][], metric?: string): unknown[][] {
  return asExcelResult(() => {
    const series = { actual: readNumbers(actual, "actual"), naive: readNumbers(naive, "naive"), statistical: readNumbers(statistical, "statistical"), consensus: readNumbers(consensus, "consensus") };
    assertSameLength(series);
    const rows = forecastValueAdded(
      series.actual.values,
      (["naive", "statistical", "consensus"] as const).map((name) => ({ name, forecast: series[name].values })),
      readChoice(metric, "metric", FVA_METRICS, "wmape"),
    );
    return [["Step", "Error", "Added vs naive", "Added vs previous"], ...rows.map((r) => [r.step, r.error, r.vsNaive, r.vsPrevious])];
  });
}

/**
 * ABC class by value (A = the items making the first 80% of value, B the next 15%, C the rest) and
 * XYZ class by variability (coefficient of variation below 0.5 = X, below 1 = Y, else Z).
 * @customfunction ABCXYZ
 * @param history Demand history: one row per item, one column per period.
 * @param [values] Unit value of each item (price or cost), one per item; by volume when omitted.
 * @returns One class per item, e.g. "AX", in a column.
 */
export function abcxyz(history: unknown[][], values?: unknown[][]): unknown[][] {
  return asExcelResult(() => {
    const rows = readRange(history, "history").map((row, i) => readNumbers([row], `history row ${i + 1}`, true).values);
    const unitValues = values === undefined || values === null ? undefined : readNumbers(values, "values").values;
    if (unitValues && unitValues.length !== rows.length) {
      throw new PlanningError(`history has ${rows.length} items but values has ${unitValues.length}: give one value per item.`);
    }
    return abcXyz(rows, unitValues).map((c) => [c.segment]);
  });
}

const INVENTORY_MODES = ["backlog", "lost"] as const;

/**
 * Projected inventory per period: I(t) = I(t-1) + supply(t) - demand(t). In "backlog" mode a
 * negative value is backlog owed to customers; in "lost" mode unmet demand is lost and inventory
 * stops at 0.
 * @customfunction INVENTORY
 * @param opening Inventory at the start of the first period.
 * @param supply Supply arriving per period.
 * @param demand Demand per period, same number of periods as supply.
 * @param [mode] "backlog" (default) or "lost".
 * @returns Inventory at the end of each period (negative = backlog), in the orientation of demand.
 */
export function inventory(opening: number, supply: unknown[][], demand: unknown[][], mode?: string): unknown[][] {
  return asExcelResult(() => {
    const s = readNumbers(supply, "supply");
    const d = readNumbers(demand, "demand");
    assertSameLength({ supply: s, demand: d });
    const rows = inventoryProjection(readNumber(opening, "opening"), s.values, d.values, readChoice(mode, "mode", INVENTORY_MODES, "backlog"));
    return spill([rows.map(([stock, backlog]) => stock - backlog)], d.orientation);
  });
}

/**
 * A target service level as a share: given as a share from 0.5 to 0.9999 or a percent from 50 to 99.99.
 * @throws PlanningError for anything else (a level below 50% would give a negative safety stock)
 */
function readServiceLevel(value: unknown): number {
  const level = readNumber(value, "serviceLevel");
  if (level >= 0.5 && level <= 0.9999) return level;
  if (level >= 50 && level <= 99.99) return level / 100;
  throw new PlanningError(`serviceLevel must be a share from 0.5 to 0.9999 or a percent from 50 to 99.99 (0.95 or 95 for 95%); you gave ${level}.`);
}

/**
 * Safety stock for a target cycle service level: z x sqrt(L x sd^2 + d^2 x sL^2), from the demand
 * history (or forecast errors) per period.
 * @customfunction SAFETYSTOCK
 * @param history Demand per period, or forecast errors: at least 2 numbers.
 * @param leadTime Replenishment lead time in periods.
 * @param serviceLevel Target cycle service level: 0.95 or 95 for 95%.
 * @param [leadTimeStd] Standard deviation of the lead time in periods (default 0).
 * @returns The safety stock in units.
 */
export function safetyStockLevel(history: unknown[][], leadTime: number, serviceLevel: number, leadTimeStd?: number): number {
  return asExcelResult(() => {
    const level = readServiceLevel(serviceLevel);
    const values = readSeries(history, "history", "missing").values.filter((v): v is number => v !== null);
    return safetyStockFromHistory(values, level, readNumber(leadTime, "leadTime"), readNumber(leadTimeStd, "leadTimeStd", { fallback: 0 }));
  });
}

/**
 * Capacity utilisation per period: load divided by the hours available (1 = full, above 1 = overload).
 * @customfunction CAPACITY
 * @param load Hours needed per period.
 * @param available Hours available per period.
 * @returns Utilisation per period, in the orientation of load.
 */
export function capacity(load: unknown[][], available: unknown[][]): unknown[][] {
  return asExcelResult(() => {
    const l = readNumbers(load, "load");
    const a = readNumbers(available, "available");
    assertSameLength({ load: l, available: a });
    const [utilisation] = capacityUtilisation([l.values], [[1]], [a.values]);
    const noHours = excelErrorValue("divisionByZero", "No hours are available in this period but some are needed.");
    return spill([utilisation.map((u) => (Number.isFinite(u) ? u : Number.NaN))], l.orientation, noHours);
  });
}

const STRATEGIES = ["optimal", "chase", "level"] as const;

// In Excel's runtime (a browser page) =SOP.SUPPLYPLAN loads highs.wasm from beside the page, on its first plan.
if (typeof location !== "undefined") useLpSolver(inThreadSolver(() => loadHighs(highsBeside(location.href))));

/**
 * The least-cost supply plan of one item or family (solved by HiGHS): regular production, overtime,
 * subcontracting, inventory, backlog and lost sales per period.
 * @customfunction SUPPLYPLAN
 * @param demand Demand per period.
 * @param capacity Units that regular time can make per period.
 * @param costs Costs per unit, in this order: regular, overtime, subcontract, holding per period, backlog per period, lost sale. Leave a cell blank when that option is not allowed.
 * @param [overtimeCapacity] Units overtime can add per period (one cell or one per period; default 0).
 * @param [openingInventory] Inventory at the start (default 0).
 * @param [strategy] "optimal" (default), "chase" or "level".
 * @returns Six series per period: regular, overtime, subcontract, inventory, backlog, lost; in the orientation of demand.
 */
export async function supplyPlan(demand: unknown[][], capacity: unknown[][], costs: unknown[][], overtimeCapacity?: unknown[][], openingInventory?: number, strategy?: string): Promise<unknown[][]> {
  return asExcelResultAsync(async () => {
    const d = readNumbers(demand, "demand", false, MAX_PLAN_PERIODS);
    const c = readNumbers(capacity, "capacity", false, MAX_PLAN_PERIODS);
    assertSameLength({ demand: d, capacity: c });
    const cost = readSeries(costs, "costs", "missing").values;
    if (cost.length < 4 || cost.length > 6 || cost[0] === null || cost[1] === null || cost[3] === null) {
      throw new PlanningError("costs needs at least regular, overtime, (subcontract,) holding: give 4 to 6 cells, blanks only for subcontract, backlog and lost sale.");
    }
    const optional = (value: number | null | undefined): number | undefined => (value === null ? undefined : value);
    const overtime = overtimeCapacity === undefined || overtimeCapacity === null ? 0 : readNumbers(overtimeCapacity, "overtimeCapacity", false, MAX_PLAN_PERIODS).values;
    const rows = await planSingleItem(
      d.values,
      c.values,
      { regular: cost[0], overtime: cost[1], subcontract: optional(cost[2]), holding: cost[3], backlog: optional(cost[4]), lostSales: optional(cost[5]) },
      { openingInventory: readNumber(openingInventory, "openingInventory", { fallback: 0 }), overtimeCapacity: Array.isArray(overtime) && overtime.length === 1 ? overtime[0] : overtime, strategy: readChoice(strategy, "strategy", STRATEGIES, "optimal") },
    );
    return spill((["regular", "overtime", "subcontract", "inventory", "backlog", "lost"] as const).map((key) => rows.map((row) => row[key])), d.orientation);
  });
}
