/**
 * Forecast snapshots: what each approved cycle said about each item (at each location) for each
 * forecast month (naive, statistical, each role's override alone, consensus, approved production), kept
 * in the add-in's very hidden store so that later cycles can judge it against the actuals (accuracy and
 * bias by lag, forecast value added per role, plan stability, safety stock from the lag error).
 *
 * Stored compactly, one record per cycle (metadata key "snapshot <cycle>", listed under
 * "snapshotCycles"): per series its key, family and naive forecast, then one array per measure over
 * the cycle's forecast months, in cents. No sheet is copied: the workbook grows by these records only.
 * A cycle approved again (version 2) replaces its record.
 */
import type { ActualRow, ForecastSnapshotRow, ForecastSnapshots } from "../core/rolling/snapshot";
import type { Workbook } from "../workbook/workbook";
import type { PlanForApproval } from "./approval";
import { overrideAlone } from "./consensusView";
import { loadMappedData } from "./mappedData";
import { numberIn, readIfPresent, roundCents } from "./ownedSheets";
import { readOverrides } from "./overrides";
import { seriesKey, type PlanningData } from "./planningData";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";
import { locationDemandMeasure } from "./supplyStep";

/** Metadata key listing the cycles that have a snapshot, oldest first (JSON array of cycle names). */
export const SNAPSHOT_CYCLES_KEY = "snapshotCycles";

/** Metadata key of one cycle's snapshot. */
export function snapshotKey(cycle: string): string {
  return `snapshot ${cycle}`;
}

/** One series of a stored snapshot: measures by forecast month (index 0 is lag 1). */
interface StoredSeries {
  item: string;
  location: string;
  family: string;
  naive: number;
  statistical: number[];
  consensus: number[];
  /** null where the approved plan does not cover the month; absent when the cycle approved none. */
  production?: (number | null)[];
  /** By role: the forecast with that role's overrides alone, null in the months it did not override. */
  roles?: Record<string, (number | null)[]>;
}

/** One cycle's snapshot as stored. */
interface StoredSnapshot {
  cycle: string;
  /** The forecast months, in order: periods[0] is lag 1. */
  periods: string[];
  series: StoredSeries[];
}

/**
 * The snapshot rows of the cycle a plan is approved in, from what steps 2 and 3 wrote and the plan
 * approved: the naive forecast (the series' last actual month carried forward), the statistical
 * forecast (SOP Forecast), each role's override alone (SOP Overrides), the consensus (SOP Consensus)
 * and the approved plan's production. With locations, production is planned by item: each location's
 * row gets the item's production in proportion to that location's share of the plan's demand in the month.
 * @param workbook the workbook steps 1 to 3 ran on
 * @param plan the plan being approved
 * @returns the rows, one per series and forecast month; none when step 2 has not written its sheets
 * @example (await snapshotRows(book, plan)).find((row) => row.lag === 1)?.statistical
 */
export async function snapshotRows(workbook: Workbook, plan: PlanForApproval): Promise<ForecastSnapshotRow[]> {
  return rowsOf(await buildSnapshot(workbook, plan));
}

async function buildSnapshot(workbook: Workbook, plan: PlanForApproval): Promise<StoredSnapshot | undefined> {
  // asked for together: one round trip to Excel for the three sheets
  const [consensus, forecast, overrideSheet] = await Promise.all([
    readIfPresent(workbook, SHEETS.consensus),
    readIfPresent(workbook, SHEETS.forecast),
    readIfPresent(workbook, SHEETS.overrides),
  ]);
  if (consensus.length < 2 || forecast.length < 2) return undefined;
  const data = await loadMappedData(workbook);
  const consensusHeader = consensus[0].map((cell) => String(cell ?? ""));
  const keys = keyColumnCount(consensusHeader);
  const periods = consensusHeader.slice(keys + 1);
  const forecastHeader = forecast[0].map((cell) => String(cell ?? ""));
  const measure = forecastHeader.indexOf("Measure");
  const family = forecastHeader.indexOf("Family");
  const statistical = new Map(
    forecast
      .slice(1)
      .filter((row) => String(row[measure] ?? "") === "Forecast")
      .map((row) => {
        const key = rowKey(forecastHeader, row);
        return [seriesKey(key.item, key.location), { ...key, family: String(row[family] ?? ""), forecast: row.slice(measure + 1, measure + 1 + periods.length).map(numberIn) }] as const;
      }),
  );
  const { overrides, rule } = readOverrides(overrideSheet, periods, [...statistical.values()]);
  const naive = new Map(data.series.map((entry) => [seriesKey(entry.item, entry.location), lastActual(entry.history)]));
  const planPeriods = plan.header.slice(3).map(String);
  const planRow = (item: string, name: string): number[] | undefined => {
    const row = plan.rows.find((cells) => String(cells[0]) === item && String(cells[2]) === name);
    return row === undefined ? undefined : row.slice(3).map((cell) => (typeof cell === "number" ? cell : 0));
  };
  const series: StoredSeries[] = consensus.slice(1).map((row) => {
    const { item, location } = rowKey(consensusHeader, row);
    const key = seriesKey(item, location);
    const stat = statistical.get(key)?.forecast ?? periods.map(() => 0);
    const roles: Record<string, (number | null)[]> = {};
    const order = rule.kind === "lastWord" ? rule.order : [];
    for (const role of order) {
      if (!overrides.some((override) => override.role === role && override.item === key)) continue;
      roles[role] = overrideAlone(key, stat, overrides, role).map((value) => (value === null ? null : roundCents(value)));
    }
    const production = planRow(item, "Production");
    const demand = planRow(item, "Demand");
    const here = location === "" ? undefined : planRow(item, locationDemandMeasure(location));
    const entry: StoredSeries = {
      item,
      location,
      family: String(row[keys] ?? ""),
      naive: roundCents(naive.get(key) ?? 0),
      statistical: stat.map(roundCents),
      consensus: row.slice(keys + 1, keys + 1 + periods.length).map((cell) => roundCents(numberIn(cell))),
    };
    if (production !== undefined) {
      entry.production = periods.map((period) => {
        const t = planPeriods.indexOf(period);
        if (t < 0) return null;
        if (here === undefined) return roundCents(production[t]);
        const total = demand?.[t] ?? 0;
        return roundCents(total > 0 ? (production[t] * here[t]) / total : 0);
      });
    }
    if (Object.keys(roles).length > 0) entry.roles = roles;
    return entry;
  });
  return { cycle: plan.cycle, periods, series };
}

/** The last month of a history that has a number (0 when none has). */
function lastActual(history: readonly (number | null)[]): number {
  for (let t = history.length - 1; t >= 0; t--) {
    const value = history[t];
    if (value !== null) return value;
  }
  return 0;
}

function rowsOf(snapshot: StoredSnapshot | undefined): ForecastSnapshotRow[] {
  if (snapshot === undefined) return [];
  return snapshot.series.flatMap((entry) =>
    snapshot.periods.map((period, t) => {
      const roles: Record<string, number> = {};
      for (const [role, values] of Object.entries(entry.roles ?? {})) {
        const value = values[t];
        if (value !== null && value !== undefined) roles[role] = value;
      }
      return {
        cycle: snapshot.cycle,
        item: entry.item,
        location: entry.location,
        family: entry.family,
        period,
        lag: t + 1,
        naive: entry.naive,
        statistical: entry.statistical[t],
        roles,
        consensus: entry.consensus[t],
        production: entry.production?.[t] ?? null,
      };
    }),
  );
}

/**
 * The metadata that stores a cycle's snapshot, to write with the approval (one write, all or nothing):
 * the cycle's record and the list of cycles. Empty when steps 2 and 3 left nothing to keep.
 * @param workbook the workbook the plan is approved in
 * @param plan the plan being approved
 * @example await snapshotMetadata(book, plan) // { "snapshot 2026-01": "{...}", snapshotCycles: '["2026-01"]' }
 */
export async function snapshotMetadata(workbook: Workbook, plan: PlanForApproval): Promise<Record<string, string>> {
  const [snapshot, cycles] = await Promise.all([buildSnapshot(workbook, plan), snapshotCycles(workbook)]);
  if (snapshot === undefined) return {};
  const listed = cycles.includes(snapshot.cycle) ? cycles : [...cycles, snapshot.cycle].sort();
  return { [snapshotKey(snapshot.cycle)]: JSON.stringify(snapshot), [SNAPSHOT_CYCLES_KEY]: JSON.stringify(listed) };
}

/** The cycles that have a snapshot, oldest first. */
export async function snapshotCycles(workbook: Workbook): Promise<string[]> {
  const stored = await workbook.getMetadata(SNAPSHOT_CYCLES_KEY);
  if (stored === undefined || stored === "") return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((cycle): cycle is string => typeof cycle === "string") : [];
}

/**
 * Every snapshot row the workbook keeps, oldest cycle first: what the metrics of the history of cycles
 * (accuracy and bias by lag, forecast value added, plan stability, lag safety stock) compute from.
 * @example (await readForecastSnapshots(book)).filter((row) => row.lag === 1).length
 */
export async function readForecastSnapshots(workbook: Workbook): Promise<ForecastSnapshots> {
  const rows: ForecastSnapshotRow[] = [];
  for (const cycle of await snapshotCycles(workbook)) {
    const stored = await workbook.getMetadata(snapshotKey(cycle));
    if (stored !== undefined && stored !== "") rows.push(...rowsOf(JSON.parse(stored) as StoredSnapshot));
  }
  return rows;
}

/**
 * The stored snapshot records of a workbook, by metadata key, to carry into another workbook with its
 * approvals (the records and the list of cycles).
 */
export async function snapshotRecords(workbook: Workbook): Promise<Record<string, string>> {
  const records: Record<string, string> = {};
  const cycles = await snapshotCycles(workbook);
  for (const cycle of cycles) {
    const stored = await workbook.getMetadata(snapshotKey(cycle));
    if (stored !== undefined) records[snapshotKey(cycle)] = stored;
  }
  if (cycles.length > 0) records[SNAPSHOT_CYCLES_KEY] = JSON.stringify(cycles);
  return records;
}

/**
 * The history's actual demand as rows (item, location, month, quantity), blanks left out: what the
 * snapshots are judged against.
 * @example actualRows(await loadMappedData(book))[0] // { item: "CH-101", location: "", period: "2023-01", quantity: 252 }
 */
export function actualRows(data: Pick<PlanningData, "periods" | "series">): ActualRow[] {
  return data.series.flatMap((entry) =>
    entry.history.flatMap((quantity, t) => (quantity === null ? [] : [{ item: entry.item, location: entry.location, period: data.periods[t], quantity }])),
  );
}
