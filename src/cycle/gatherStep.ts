import { correctOutliers, fillMissing } from "../core/forecast";
import type { Workbook } from "../workbook/workbook";
import { throwIfCancelled } from "./cancellation";
import { describeHistory } from "./historyLayout";
import { reconciliationText } from "./reconciliation";
import { currentMapping } from "./mappedData";
import { DataMapping, proposeMapping, saveMapping } from "./mapping";
import { CENTS_FORMAT, periodFormats, replaceSheets, SheetContent, sheetExists } from "./ownedSheets";
import { seasonLengthOf } from "./periods";
import { PlanningData, readPlanningData } from "./planningData";
import { SHEETS } from "./sheets";
import type { StepReport, StepRunOptions } from "./stepTypes";
import { validateData, ValidationReport } from "./validate";

/** One change cleansing made to the history: what, where, from, to. */
export interface HistoryChange {
  item: string;
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
  /** Cleaned history per item id (items with no usable history are left out). */
  cleaned: Record<string, number[]>;
  changes: HistoryChange[];
  /** Items left out of planning because their history holds fewer than 2 numbers. */
  skipped: string[];
  report: StepReport;
}

const OVERRIDES_HEADER = ["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"];

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
  options.onProgress?.({ fraction: 0.3, message: "Checking the data" });
  const validation = await validateData(workbook, mapping, data.problems);
  throwIfCancelled(options.signal);

  const seasonLength = seasonLengthOf(data.periods);
  const cleaned: Record<string, number[]> = {};
  const changes: HistoryChange[] = [];
  const skipped: string[] = [];
  const seriesOf = new Map(data.series.map((series) => [series.item, series]));
  data.items.forEach((item) => {
    const raw = seriesOf.get(item.id)?.history ?? [];
    const history = raw.map((v) => (v !== null && v < 0 ? null : v));
    if (history.filter((v) => v !== null).length < 2) {
      skipped.push(item.id);
      return;
    }
    const filled = fillMissing(history, seasonLength);
    const corrected = correctOutliers(filled.values, seasonLength);
    cleaned[item.id] = corrected.values.map((v) => Math.max(0, v));
    for (const change of [...filled.changes, ...corrected.changes]) {
      const original = raw[change.index];
      changes.push({
        item: item.id,
        period: data.periods[change.index],
        kind: change.kind,
        from: change.kind === "missing" ? original : change.from,
        to: change.to,
        reason: original !== null && original < 0 && change.kind === "missing" ? "negative quantity treated as missing" : change.reason,
      });
    }
  });
  throwIfCancelled(options.signal);

  options.onProgress?.({ fraction: 0.7, message: "Preparing the planning sheets" });
  const familyOf = new Map(data.items.map((item) => [item.id, item.family]));
  const sheets: Record<string, SheetContent> = {
    [SHEETS.validation]: {
      rows: [
        ["Severity", "Problem", "Cell", "Item", "Period", "What to do"],
        ...validation.issues.map((issue) => [issue.severity, issue.kind, issue.address ?? "", issue.item ?? "", issue.period ?? "", issue.message]),
      ],
    },
    [SHEETS.cleanHistory]: {
      rows: [["Item", "Family", ...data.periods], ...Object.entries(cleaned).map(([id, values]) => [id, familyOf.get(id) ?? "", ...values])],
      numberFormats: periodFormats(2, data.periods, CENTS_FORMAT),
    },
    [SHEETS.changeLog]: {
      rows: [["Item", "Period", "Change", "From", "To", "Reason"], ...changes.map((c) => [c.item, c.period, c.kind, c.from, c.to, c.reason])],
      numberFormats: ["@", "@", "@", CENTS_FORMAT, CENTS_FORMAT, "@"],
    },
  };
  if (!(await sheetExists(workbook, SHEETS.overrides))) {
    sheets[SHEETS.overrides] = { rows: [OVERRIDES_HEADER] };
  }
  await replaceSheets(workbook, sheets, options.overwrite);
  await saveMapping(workbook, mapping);
  options.onProgress?.({ fraction: 1, message: "Data checked" });

  const report: StepReport = {
    summary:
      `Found ${data.items.length} items with ${data.periods.length} periods of history (${data.periods[0]} to ${data.periods[data.periods.length - 1]}), ` +
      `${data.resources.length} resources. ${validation.errors} errors and ${validation.warnings} warnings; cleansing made ${changes.length} changes to a copy.`,
    messages: [
      { level: "info" as const, text: reconciliationText(data.reconciliation) },
      ...validation.issues.slice(0, 50).map((issue) => ({
        level: issue.severity === "error" ? ("error" as const) : issue.severity === "warning" ? ("warning" as const) : ("info" as const),
        text: issue.message,
        address: issue.address ?? undefined,
      })),
      ...skipped.map((id) => ({ level: "warning" as const, text: `Item ${id} has fewer than 2 months of history and is left out of the plan.` })),
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
      { title: "Cleansing changes", headers: ["Item", "Period", "Change", "From", "To"], rows: changes.map((c) => [c.item, c.period, c.kind, c.from, c.to]) },
    ],
  };
  return { mapping, data, validation, cleaned, changes, skipped, report };
}
