import { correctOutliers, fillMissing } from "../core/forecast";
import type { CellValue, Workbook } from "../workbook/workbook";
import { throwIfCancelled } from "./cancellation";
import { acceptedNote, recordErrors, type ErrorGate } from "./errorGate";
import { describeHistory } from "./historyLayout";
import type { CustomerTotal } from "./historyReader";
import { currentMapping } from "./mappedData";
import { DataMapping, itemMasterNotes, proposeMapping, resourceNotes, saveMapping } from "./mapping";
import { CENTS_FORMAT, periodFormats, readIfPresent, replaceSheets, roundCents, SheetContent, sheetExists, WHOLE_FORMAT } from "./ownedSheets";
import { seasonLengthOf } from "./periods";
import { hasLocations, PlanningData, readPlanningData, type DemandSeries } from "./planningData";
import { keyCells, keyHeader, rowKey } from "./seriesColumns";
import { counted } from "./counted";
import { reconciliationText } from "./reconciliation";
import { SHEETS } from "./sheets";
import type { ResultTable, StepReport, StepRunOptions } from "./stepTypes";
import { validateData, ValidationReport } from "./validate";

/** One change cleansing made to the history: what, where, from, to. */
export interface HistoryChange {
  item: string;
  /** The series' location; "" when the workbook has none. */
  location: string;
  period: string;
  kind: "missing" | "outlier";
  from: number | null;
  to: number;
  reason: string;
}

/** What step 1 found and produced. */
export interface GatherResult {
  mapping: DataMapping;
  data: PlanningData;
  validation: ValidationReport;
  /** Cleaned history per series, items in item-master order, then the new items planned from a launch forecast alone (items without history and without one are left out). */
  cleaned: CleanSeries[];
  changes: HistoryChange[];
  /** Items of the item master left out of planning: no history, and no launch forecast in SOP Overrides. */
  skipped: string[];
  report: StepReport;
}

/** The cleaned history of one series. */
export interface CleanSeries {
  item: string;
  location: string;
  /**
   * Cleansed quantities; null before the series' first number (periods before a new item existed). A
   * new item with one month of history keeps its other months blank; one without history (planned because
   * SOP Overrides gives it a launch forecast) is blank throughout.
   */
  values: (number | null)[];
}

/** Header of SOP Overrides: Role, the key columns, Period, Value, Delta, Percent, Reason. */
function overridesHeader(withLocations: boolean): string[] {
  return ["Role", ...keyHeader(withLocations), "Period", "Value", "Delta", "Percent", "Reason"];
}

/**
 * Step 1, gather and check: use the mapping saved in the workbook (or propose one and save it), read
 * the planner's data, validate it, cleanse a copy of the history (blanks filled, outliers corrected,
 * every change recorded) and prepare the planning sheets. The planner's own ranges are only read.
 * Writes SOP Validation, SOP Clean History, SOP Change Log, and an empty SOP Overrides sheet the first time.
 */
export async function runGatherStep(workbook: Workbook, options: StepRunOptions = {}): Promise<GatherResult> {
  options.onProgress?.({ fraction: 0, message: "Finding your data" });
  const saved = await currentMapping(workbook);
  const mapping = saved ?? (await proposeMapping(workbook));
  const data = await readPlanningData(workbook, mapping);
  const seasonLength = seasonLengthOf(data.periods);
  const cleaned: CleanSeries[] = [];
  const changes: HistoryChange[] = [];
  for (const series of seriesByItem(data)) {
    const history = series.history.map((v) => (v !== null && v < 0 ? null : v));
    const count = history.filter((v) => v !== null).length;
    if (count < 2) {
      // one month of history (a product launched last month): nothing to fill from, so planned as it is;
      // a line without any is an item without history (launchesWithoutHistory)
      if (count === 1) cleaned.push({ item: series.item, location: series.location, values: history });
      continue;
    }
    // a series that starts later (a new item) keeps its periods before the first number blank: it did not
    // exist then, so they are neither filled nor counted as demand
    const start = history.findIndex((v) => v !== null);
    const filled = fillMissing(history.slice(start), seasonLength);
    const corrected = correctOutliers(filled.values, seasonLength);
    cleaned.push({ item: series.item, location: series.location, values: [...history.slice(0, start), ...corrected.values.map((v) => Math.max(0, v))] });
    for (const change of [...filled.changes, ...corrected.changes]) {
      const original = series.history[change.index + start];
      changes.push({
        item: series.item,
        location: series.location,
        period: data.periods[change.index + start],
        kind: change.kind,
        from: change.kind === "missing" ? original : change.from,
        to: change.to,
        reason: original !== null && original < 0 && change.kind === "missing" ? "negative quantity treated as missing" : change.reason,
      });
    }
  }
  const located = hasLocations(data.series);
  const launches = launchesWithoutHistory(data, new Set(cleaned.map((series) => series.item)), await readIfPresent(workbook, SHEETS.overrides), located);
  cleaned.push(...launches.planned.map((key) => ({ ...key, values: data.periods.map(() => null) })));
  const skipped = launches.skipped;
  options.onProgress?.({ fraction: 0.3, message: "Checking the data" });
  const validation = await validateData(workbook, mapping, data.problems, new Set(launches.planned.map((key) => key.item)), data);
  throwIfCancelled(options.signal);

  options.onProgress?.({ fraction: 0.7, message: "Preparing the planning sheets" });
  const familyOf = new Map(data.items.map((item) => [item.id, item.family]));
  const keys = keyHeader(located).length;
  const sheets: Record<string, SheetContent> = {
    [SHEETS.validation]: {
      rows: [
        ["Severity", "Problem", "Cell", "Item", "Period", "What to do"],
        ...validation.issues.map((issue) => [issue.severity, issue.kind, issue.address ?? "", issue.item ?? "", issue.period ?? "", issue.message]),
      ],
    },
    [SHEETS.cleanHistory]: {
      rows: [[...keyHeader(located), "Family", ...data.periods], ...cleaned.map((series) => [...keyCells(series, located), familyOf.get(series.item) ?? "", ...series.values])],
      numberFormats: periodFormats(keys + 1, data.periods, CENTS_FORMAT),
    },
    [SHEETS.changeLog]: {
      rows: [[...keyHeader(located), "Period", "Change", "From", "To", "Reason"], ...changes.map((c) => [...keyCells(c, located), c.period, c.kind, c.from, c.to, c.reason])],
      numberFormats: [...keyHeader(located).map(() => "@"), "@", "@", CENTS_FORMAT, CENTS_FORMAT, "@"],
    },
  };
  if (!(await sheetExists(workbook, SHEETS.overrides))) {
    sheets[SHEETS.overrides] = { rows: [overridesHeader(located)] };
  }
  await replaceSheets(workbook, sheets, options.overwrite);
  await saveMapping(workbook, mapping);
  const gate = await recordErrors(
    workbook,
    validation.issues.filter((issue) => issue.severity === "error").map((issue) => ({ address: issue.address, message: issue.message })),
  );
  options.onProgress?.({ fraction: 1, message: "Data checked" });

  const report: StepReport = {
    summary:
      `Found ${counted(data.items.length, "item")}${located ? ` at ${counted(locationsOf(data.series).length, "location")} (${data.series.length} item x location series)` : ""} with ${counted(data.periods.length, "period")} of history (${data.periods[0]} to ${data.periods[data.periods.length - 1]}), ` +
      `${counted(data.resources.length, "resource")}. ${counted(validation.errors, "error")} and ${counted(validation.warnings, "warning")}; cleansing made ${counted(changes.length, "change")} to a copy.` +
      gateSummary(gate),
    blocking: gate.accepted ? undefined : gate.problems,
    messages: [
      { level: "info" as const, text: reconciliationText(data.reconciliation) },
      ...(data.byCustomer ? [{ level: "info" as const, text: customersNote(data.byCustomer) }] : []),
      ...acceptedNote(gate.accepted),
      ...validation.issues.filter((issue) => gate.accepted !== null || issue.severity !== "error").slice(0, 50).map((issue) => ({
        level: issue.severity === "error" ? ("error" as const) : issue.severity === "warning" ? ("warning" as const) : ("info" as const),
        text: issue.message,
        address: issue.address ?? undefined,
      })),
      ...launches.unlocated.map((id) => ({
        level: "warning" as const,
        text: `New item ${id} has a launch forecast in ${SHEETS.overrides} but no location there: give each of its rows the location it will be stocked at, then run step 1 again.`,
      })),
      ...(skipped.length > 0
        ? [
            {
              level: "info" as const,
              text: `${skipped.length} item(s) of the item master have no history and are left out of the plan (${skipped.slice(0, 10).join(", ")}${skipped.length > 10 ? ", ..." : ""}); to plan a new one, type its launch forecast in ${SHEETS.overrides} and run step 1 again.`,
            },
          ]
        : []),
      ...(located ? [{ level: "info" as const, text: "Demand is read by item and location: each item x location is forecast on its own; supply plans each item's total over its locations." }] : []),
      ...(mapping.notes ?? []).map((text) => ({ level: "info" as const, text })),
      ...[...itemMasterNotes(mapping.items, mapping.bucket), ...resourceNotes(mapping.resources, mapping.bucket)].map((text) => ({ level: "info" as const, text })),
    ],
    tables: [
      {
        title: "Mapped data",
        headers: ["Part", "Where"],
        rows: [
          ["Demand history", mapping.history ? describeHistory(mapping.history) : "not found"],
          ["Items", mapping.items?.source.reference ?? "not found"],
          ["Resources", mapping.resources?.source.reference ?? "not found"],
          ["Capacity", mapping.capacity?.source.reference ?? "not found"],
        ],
      },
      ...(located ? [historyByLocation(data)] : []),
      ...(data.byCustomer ? [historyByCustomer(data.byCustomer)] : []),
      {
        title: "Cleansing changes",
        headers: [...keyHeader(located), "Period", "Change", "From", "To"],
        rows: changes.map((c) => [...keyCells(c, located), c.period, c.kind, c.from === null ? null : roundCents(c.from), roundCents(c.to)]),
        numberFormats: [...keyHeader(located).map(() => "@"), "@", "@", CENTS_FORMAT, CENTS_FORMAT],
      },
    ],
  };
  return { mapping, data, validation, cleaned, changes, skipped, report };
}

/** The demand series grouped by item in item-master order (the order the planning sheets list them), each item's locations in reading order. */
function seriesByItem(data: PlanningData): DemandSeries[] {
  const rank = new Map(data.items.map((item, i) => [item.id, i]));
  return data.series
    .map((series, k) => ({ series, k }))
    .sort((a, b) => (rank.get(a.series.item) ?? 0) - (rank.get(b.series.item) ?? 0) || a.k - b.k)
    .map((entry) => entry.series);
}

/** The locations of the demand, in reading order. */
function locationsOf(series: readonly DemandSeries[]): string[] {
  return [...new Set(series.map((entry) => entry.location))];
}

/** Step 1's table of the history as read, by location: items and total quantity, so no location goes missing unseen. */
function historyByLocation(data: PlanningData): ResultTable {
  const total = (series: readonly DemandSeries[]): number => series.reduce((sum, entry) => sum + entry.history.reduce<number>((s, v) => s + (v ?? 0), 0), 0);
  return {
    title: "History by location",
    headers: ["Location", "Items", "Quantity"],
    rows: [
      ...locationsOf(data.series).map((location) => {
        const at = data.series.filter((entry) => entry.location === location);
        return [location, at.length, roundCents(total(at))];
      }),
      ["Total", data.series.length, roundCents(total(data.series))],
    ],
    numberFormats: ["@", WHOLE_FORMAT, WHOLE_FORMAT],
  };
}

/** What step 1 says of customer and channel columns: kept for reporting, summed into each series. */
function customersNote(totals: readonly CustomerTotal[]): string {
  const customers = new Set(totals.map((total) => total.customer).filter((name) => name !== "")).size;
  const channels = new Set(totals.map((total) => total.channel).filter((name) => name !== "")).size;
  const kept = [customers > 0 ? `${customers} customers` : "", channels > 0 ? `${channels} channels` : ""].filter((part) => part !== "").join(" and ");
  return `The history names ${kept}: they are kept for reporting, not as a key; each item's series is the sum over them (totals in "History by customer").`;
}

/** Step 1's table of the quantity each customer (and channel) took, largest first. */
function historyByCustomer(totals: readonly CustomerTotal[]): ResultTable {
  const sum = totals.reduce((all, total) => all + total.quantity, 0);
  return {
    title: "History by customer",
    headers: ["Customer", "Channel", "Quantity"],
    rows: [...totals.map((total) => [total.customer, total.channel, roundCents(total.quantity)]), ["Total", "", roundCents(sum)]],
    numberFormats: ["@", "@", WHOLE_FORMAT],
  };
}

/** What the summary of step 1 says of its errors: they block the next steps, or they were accepted. */
function gateSummary(gate: ErrorGate): string {
  if (gate.problems.length === 0) return "";
  return gate.accepted
    ? ` The errors were accepted (${gate.accepted.when}): "${gate.accepted.reason}".`
    : " The errors block steps 2 to 6 until you fix them and run this step again, or accept them with a reason.";
}

/** Items of the item master without history: those SOP Overrides gives a launch forecast, and the rest. */
interface Launches {
  /** Series to plan without history (at the location the override names, in a workbook with locations). */
  planned: { item: string; location: string }[];
  /** Items without history that no override names: left out of the plan. */
  skipped: string[];
  /** Items named in SOP Overrides without a location, in a workbook with locations. */
  unlocated: string[];
}

/**
 * A new product is planned before it sells: an item of the item master without history is given a row
 * of SOP Clean History (blank throughout) when a row of SOP Overrides names it, so that step 2 forecasts
 * it 0 and the override makes its consensus.
 * @param data what step 1 read
 * @param withSeries the items that have history (a number in some month)
 * @param overrides SOP Overrides' rows, header first ([] when the sheet is missing)
 * @param located true when the history is by item and location
 */
function launchesWithoutHistory(data: PlanningData, withSeries: ReadonlySet<string>, overrides: readonly CellValue[][], located: boolean): Launches {
  const header = (overrides[0] ?? []).map((cell) => (cell === null ? "" : String(cell)));
  const named = overrides.slice(1).map((row) => rowKey(header.slice(1), row.slice(1)));
  const known = new Set(data.series.map((series) => series.location));
  const launches: Launches = { planned: [], skipped: [], unlocated: [] };
  for (const item of data.items.filter((candidate) => !withSeries.has(candidate.id))) {
    const rows = named.filter((key) => key.item === item.id);
    // a location the history does not know is left to step 2, which names the override row
    const locations = [...new Set(rows.map((key) => key.location).filter((location) => known.has(location)))];
    if (rows.length === 0) launches.skipped.push(item.id);
    else if (!located) launches.planned.push({ item: item.id, location: "" });
    else if (locations.length === 0) launches.unlocated.push(item.id);
    else launches.planned.push(...locations.map((location) => ({ item: item.id, location })));
  }
  return launches;
}
