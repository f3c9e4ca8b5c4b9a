/**
 * What the workbook records about each S&OP cycle, for the maturity score (src/core/rolling/maturity.ts):
 * one CycleRecord per cycle, kept in the add-in's very hidden store (metadata key "cycleRecords", a
 * JSON array oldest cycle first) and written in the same write as the approval or rejection it records.
 */
import type { CycleRecord } from "../core/rolling";
import type { CellValue, Workbook } from "../workbook/workbook";
import { readIfPresent } from "./ownedSheets";
import { parseMonth } from "./periodHeader";
import { comparedScenarios } from "./scenarioPlan";
import { SHEETS } from "./sheets";

/** Metadata key of the cycle records (JSON array of CycleRecord, oldest cycle first). */
export const CYCLE_RECORDS_KEY = "cycleRecords";

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/** Months counted from year 0. */
function monthNumber(year: number, month: number): number {
  return year * 12 + month - 1;
}

/**
 * Whether a decision taken at `when` is on time for a cycle: on or before the last day of the cycle's
 * month (UTC), the cycle being named by the plan's first month ("2026-02" is due by 28 February 2026).
 * A cycle not named by a month is never on time.
 * @example onTimeFor("2026-02", new Date("2026-02-27T16:00:00Z")) // true
 */
export function onTimeFor(cycle: string, when: Date): boolean {
  const month = parseMonth(cycle);
  return month !== undefined && monthNumber(when.getUTCFullYear(), when.getUTCMonth() + 1) <= monthNumber(month.year, month.month);
}

/**
 * Overrides on SOP Overrides by role, as typed: one per row naming an item (a blank role is "sales",
 * roles in lower case, as step 3 reads them), with a reason when the Reason cell is not blank.
 */
function overridesByRole(sheet: readonly CellValue[][]): CycleRecord["overrides"] {
  const header = (sheet[0] ?? []).map((cell) => text(cell).toLowerCase());
  const reason = header.indexOf("reason");
  const item = header.indexOf("item");
  const byRole = new Map<string, { role: string; count: number; withReason: number }>();
  for (const row of sheet.slice(1)) {
    if (text(row[item]) === "") continue;
    const role = text(row[0]).toLowerCase() || "sales";
    const entry = byRole.get(role) ?? { role, count: 0, withReason: 0 };
    entry.count++;
    if (reason >= 0 && text(row[reason]) !== "") entry.withReason++;
    byRole.set(role, entry);
  }
  return [...byRole.values()].sort((a, b) => a.role.localeCompare(b.role));
}

/**
 * The record of a cycle at its approval or rejection, from what the workbook holds then: a statistical
 * forecast on SOP Forecast, the overrides of SOP Overrides by role with and without a reason, the
 * scenarios step 4 compared, whether the plan is approved, and on time (see onTimeFor; a cycle approved
 * once on time stays on time when a later version is approved after its month). Plan adherence is not
 * recorded (null): the workbook holds no production made, only the plan's production.
 * @param earlier the cycle's record before this decision, if any
 */
async function cycleRecord(workbook: Workbook, cycle: string, approved: boolean, when: Date, earlier: CycleRecord | undefined): Promise<CycleRecord> {
  const [forecast, overrideSheet, compared] = await Promise.all([readIfPresent(workbook, SHEETS.forecast), readIfPresent(workbook, SHEETS.overrides), comparedScenarios(workbook)]);
  const measure = (forecast[0] ?? []).map(text).indexOf("Measure");
  const wasOnTime = earlier !== undefined && earlier.approved && earlier.onTime;
  return {
    cycle,
    onTime: wasOnTime || (approved && onTimeFor(cycle, when)),
    statisticalForecast: measure >= 0 && forecast.slice(1).some((row) => text(row[measure]) === "Forecast"),
    overrides: overridesByRole(overrideSheet),
    scenarios: compared.length,
    approved: approved || (earlier?.approved ?? false),
    planAdherence: null,
  };
}

/** The records of the cycles run in this workbook, oldest first. */
export async function readCycleRecords(workbook: Workbook): Promise<CycleRecord[]> {
  const stored = await workbook.getMetadata(CYCLE_RECORDS_KEY);
  if (stored === undefined || stored === "") return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? (parsed as CycleRecord[]) : [];
}

/**
 * The metadata that records a cycle's approval (or rejection), to write with it (one write, all or
 * nothing): the records with this cycle's replaced or added. A rejection after an approval of the same
 * cycle leaves it approved.
 * @param workbook the workbook the decision is taken in
 * @param cycle the plan's cycle
 * @param approved true for an approval, false for a rejection
 * @param when the time of the decision
 * @example await cycleRecordMetadata(book, "2026-02", true, new Date()) // { cycleRecords: '[{"cycle":"2026-02",...}]' }
 */
export async function cycleRecordMetadata(workbook: Workbook, cycle: string, approved: boolean, when: Date): Promise<Record<string, string>> {
  const records = await readCycleRecords(workbook);
  const record = await cycleRecord(workbook, cycle, approved, when, records.find((r) => r.cycle === cycle));
  const next = [...records.filter((r) => r.cycle !== cycle), record].sort((a, b) => a.cycle.localeCompare(b.cycle));
  return { [CYCLE_RECORDS_KEY]: JSON.stringify(next) };
}

/**
 * The cycle records of two workbooks together (the carried workbook's, then this one's for the cycles
 * both hold), as metadata to write when approvals are carried over.
 */
export async function mergedCycleRecords(target: Workbook, source: Workbook): Promise<Record<string, string>> {
  const byCycle = new Map<string, CycleRecord>();
  for (const record of [...(await readCycleRecords(source)), ...(await readCycleRecords(target))]) byCycle.set(record.cycle, record);
  if (byCycle.size === 0) return {};
  return { [CYCLE_RECORDS_KEY]: JSON.stringify([...byCycle.values()].sort((a, b) => a.cycle.localeCompare(b.cycle))) };
}
