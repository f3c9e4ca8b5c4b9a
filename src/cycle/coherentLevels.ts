import { PlanningError } from "../core/errors";
import { reconcileByWeights, shrinkCovariance, structureFromLevels, sumUp, type ForecastWeights, type SummingStructure } from "../core/reconcile";

/** One series step 2 forecast: an item, or an item at a location. */
export interface LevelSeries {
  item: string;
  /** "" when the workbook has no locations. */
  location: string;
  family: string;
  history: readonly number[];
  forecast: readonly number[];
  /** In-sample one-step RMSE of its model; NaN for a new item with fewer than 2 months (held at its forecast). */
  rmse: number;
  /** One-step in-sample errors of its model, one per history period (NaN = none that period). */
  errors: readonly number[];
}

/** The forecast, in-sample one-step RMSE and one-step errors of a series' own model. */
export type OwnForecast = Pick<LevelSeries, "forecast" | "rmse" | "errors">;

/** One total of the hierarchy: its own model's forecast and the coherent one (the sum of its series). */
export interface LevelForecast {
  level: "total" | "family" | "item" | "location";
  name: string;
  own: number[];
  coherent: number[];
}

/** Coherent forecasts of every level of step 2. */
export interface CoherentLevels {
  /** The reconciled forecast of each series, in the order given, never below 0. */
  bottom: number[][];
  /** Total, families, then (with locations) items over their locations and locations over their items. */
  levels: LevelForecast[];
  /** How the levels were weighed: MinT with the shrunk covariance of the errors, or their variances alone. */
  weights: "mint_shrink" | "mint_diag";
  /** The shrinkage intensity of mint_shrink (0 = sample covariance, 1 = variances alone). */
  lambda?: number;
}

/**
 * Series (every level counted) up to which MinT uses the shrunk covariance of the errors: it holds a
 * series x series matrix (2,000 series: 32 MB, about a second); past it, the variances alone.
 */
export const MAX_SHRINK_SERIES = 2_000;

/**
 * Totals (total, families, items over locations, locations) reconciled at most: the reconciliation
 * solves one equation per total (2,000: about 3 s and 32 MB), and each total is forecast too.
 */
export const MAX_COHERENT_TOTALS = 2_000;

/** The name of the family of items that have none, in the hierarchy. */
export const NO_FAMILY = "(no family)";

/**
 * The levels of step 2's series: the total, each family and, with locations, each item over its
 * locations and each location over its items; the bottom series are the ones given, in their order.
 * @throws PlanningError when a series (item at a location) is given twice
 */
export function levelStructure(series: readonly Pick<LevelSeries, "item" | "location" | "family">[]): SummingStructure {
  const located = series.some((s) => s.location !== "");
  return structureFromLevels(
    series.map((s) => ({ id: located ? `${s.item}\u0000${s.location}` : s.item, levels: { family: s.family === "" ? NO_FAMILY : s.family, item: s.item, location: s.location } })),
    located ? ["family", "item", "location"] : ["family"],
  );
}

/**
 * Make step 2's forecasts coherent: the total, each family and (with locations) each item over its
 * locations and each location over its items get their own forecast, from their summed history, and all
 * are reconciled with the item (x location) forecasts by MinT with shrinkage (Wickramasuriya,
 * Athanasopoulos & Hyndman 2019): the covariance of every series' one-step in-sample errors shrunk toward
 * its diagonal, so each family forecast is the sum of its items' and the levels agree. Negative
 * reconciled forecasts become 0 (demand), a period a series' own model forecast 0 stays 0 (a seasonal
 * product's empty months, a discontinued item), and the levels are added up again. A new item with fewer than
 * 2 months (RMSE NaN: no errors to weigh it by) keeps its own forecast, which the totals it adds up
 * into carry as it is (reconcileFree). With more than
 * MAX_SHRINK_SERIES series, fewer than 2 periods where every series has an error, or a singular
 * covariance, the variances alone weigh the series (MinT diagonal, WLS variance scaling). Tried (npm run
 * bench:mint, rolling origins, bottom-level RMSE): on a generated 600-series item x location hierarchy
 * (ETS base forecasts) 25.04 with MinT shrink, 28.93 with the variances alone and 29.82 bottom-up; on
 * the sample workbook's 500 items in 4 families 71.95, 66.73 and 100.59.
 * @param forecastTotals forecasts the totals' histories (rows in the order given) with step 2's method
 * @throws PlanningError when the series are given twice, there are more than MAX_COHERENT_TOTALS totals,
 *   or the weights are unusable (then no series changes: the caller keeps its own forecasts)
 */
export async function coherentLevels(
  series: readonly LevelSeries[],
  forecastTotals: (histories: number[][]) => Promise<OwnForecast[]>,
): Promise<CoherentLevels> {
  const structure = levelStructure(series);
  const histories = sumUp(structure, series.map((s) => s.history));
  const isBottom = new Set(structure.bottom);
  const totals = structure.nodes.map((_, i) => i).filter((i) => !isBottom.has(i));
  if (totals.length > MAX_COHERENT_TOTALS) {
    throw new PlanningError(
      `The levels have ${totals.length.toLocaleString("en-US")} totals (items over their locations among them) and coherent forecasts reconcile at most ${MAX_COHERENT_TOTALS.toLocaleString("en-US")}: the item forecasts are kept as they are; split the workbook by family to reconcile it.`,
    );
  }
  const own = await forecastTotals(totals.map((i) => histories[i]));
  const fits: OwnForecast[] = [];
  totals.forEach((i, k) => (fits[i] = own[k]));
  structure.bottom.forEach((i, j) => (fits[i] = series[j]));
  const base = fits.map((fit) => fit.forecast);
  const held = series.map((s) => !Number.isFinite(s.rmse));
  const free = reconcileFree(structure, fits, series, held);
  const bottom = series.map((s, j) => (held[j] ? [...s.forecast] : free.bottom[free.index[j]].map((v, t) => (s.forecast[t] === 0 ? 0 : Math.max(0, v)))));
  const coherent = sumUp(structure, bottom);
  return {
    bottom,
    levels: totals.map((i) => ({ level: structure.nodes[i].level as LevelForecast["level"], name: structure.nodes[i].name, own: [...base[i]], coherent: coherent[i] })),
    weights: free.lambda === undefined ? "mint_diag" : "mint_shrink",
    ...(free.lambda === undefined ? {} : { lambda: free.lambda }),
  };
}

/**
 * MinT over the series that have an error measure, the others (new items with fewer than 2 months: no
 * errors, RMSE NaN) held at their own forecasts: their forecasts are taken off every total they add up
 * into, and the rest is reconciled on the structure of the free series alone.
 * @returns the reconciled forecast of each free series (`index[j]`: series j's row, -1 when held) and the shrinkage intensity
 */
function reconcileFree(
  structure: SummingStructure,
  fits: readonly OwnForecast[],
  series: readonly LevelSeries[],
  held: readonly boolean[],
): { bottom: number[][]; index: number[]; lambda?: number } {
  const index: number[] = [];
  let next = 0;
  for (const isHeld of held) index.push(isHeld ? -1 : next++);
  if (next === 0) return { bottom: [], index };
  const freeStructure = next === held.length ? structure : levelStructure(series.filter((_, j) => !held[j]));
  const freeFits = next === held.length ? fits : withoutHeld(structure, freeStructure, fits, series, held);
  const base = freeFits.map((fit) => fit.forecast);
  let lambda: number | undefined;
  let reconciled: number[][] | undefined;
  if (freeStructure.nodes.length <= MAX_SHRINK_SERIES) {
    try {
      const covariance = shrinkCovariance(freeFits.map((fit) => fit.errors));
      reconciled = reconcileByWeights(freeStructure, base, { kind: "covariance", covariance });
      lambda = covariance.lambda;
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
    }
  }
  reconciled ??= reconcileByWeights(freeStructure, base, varianceWeights(freeFits.map((fit) => fit.rmse ** 2)));
  return { bottom: reconciled, index, ...(lambda === undefined ? {} : { lambda }) };
}

/** The own forecasts of the free structure's nodes: each total's less what the held series under it forecast. */
function withoutHeld(structure: SummingStructure, freeStructure: SummingStructure, fits: readonly OwnForecast[], series: readonly LevelSeries[], held: readonly boolean[]): OwnForecast[] {
  const heldSums = sumUp(structure, series.map((s, j) => (held[j] ? s.forecast : s.forecast.map(() => 0))));
  const nodeOf = new Map(structure.nodes.map((node, i) => [`${node.level}\u0000${node.name}`, i]));
  return freeStructure.nodes.map((node) => {
    const i = nodeOf.get(`${node.level}\u0000${node.name}`)!;
    return { ...fits[i], forecast: fits[i].forecast.map((v, t) => v - heldSums[i][t]) };
  });
}

/** Each series weighed by its error variance; one fitted exactly (0) is trusted most, not infinitely. */
function varianceWeights(variances: readonly number[]): ForecastWeights {
  const largest = Math.max(...variances.filter(Number.isFinite), 0);
  if (!(largest > 0)) throw new PlanningError("Every series fits its history exactly, so there is nothing to weigh the levels by: the forecasts are kept as they are.");
  return { kind: "diagonal", variances: variances.map((v) => (Number.isFinite(v) ? Math.max(v, largest * 1e-9) : largest)) };
}
