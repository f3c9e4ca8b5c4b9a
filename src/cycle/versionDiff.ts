/**
 * What changed between two approved versions of the plan, by item and month: units of each measure
 * (demand, production, subcontracting, inventory, backlog, lost sales) and money (revenue of the units
 * served, material cost of the units produced, at the item master's current prices). Written to SOP
 * Plan Diff; `sop diff BOOK v1 v2` prints it.
 */
import { PlanningError } from "../core/errors";
import type { CellInput, Workbook } from "../workbook/workbook";
import { readAuditLog, type AuditEntry } from "./approval";
import { CENTS_FORMAT, periodFormats, replaceSheets, roundCents } from "./ownedSheets";
import { planTable, servedUnits, type PlanTable } from "./planSheet";
import { SHEETS } from "./sheets";
import { buildSupplyModel } from "./supplyModelFromWorkbook";

/** The unit measures compared, in the order SOP Supply Plan lists them. */
const UNIT_MEASURES = ["Demand", "Production", "Subcontract", "Inventory", "Backlog", "Lost"] as const;

export interface VersionDiff {
  /** The approved sheets compared: from, to. */
  from: string;
  to: string;
  /** Item, Measure, one column per month, Total: "to" less "from", for rows where anything differs. */
  rows: (string | number)[][];
}

/**
 * The approved version a planner names: "v2" or "2" (that version of the latest cycle that has it),
 * or the sheet's name ("Plan 2026-01 v2").
 * @throws PlanningError naming the approved versions when none matches
 */
function approvedVersion(log: readonly AuditEntry[], name: string): AuditEntry {
  const approved = log.filter((entry) => entry.decision === "approved");
  const number = /^v?(\d+)$/i.exec(name.trim());
  const found = number ? approved.filter((entry) => entry.version === Number(number[1])).at(-1) : approved.find((entry) => entry.sheet === name.trim());
  if (found === undefined) {
    const known = approved.map((entry) => entry.sheet).join(", ") || "none yet";
    throw new PlanningError(`There is no approved version "${name}" in this workbook; the approved versions are: ${known}.`);
  }
  return found;
}

/**
 * Compare two approved versions: "to" less "from", per item, measure and month (months of either
 * version; a month one of them does not plan counts as 0), with money rows at current prices.
 * @param from the earlier version, e.g. "v1"
 * @param to the later version, e.g. "v2"
 * @throws PlanningError when a version is not approved in this workbook
 * @example (await diffApprovedVersions(book, "v1", "v2")).rows[0] // ["Item", "Measure", "2026-01", ..., "Total"]
 */
export async function diffApprovedVersions(workbook: Workbook, from: string, to: string): Promise<VersionDiff> {
  const log = await readAuditLog(workbook);
  const [a, b] = [approvedVersion(log, from), approvedVersion(log, to)];
  const read = async (entry: AuditEntry): Promise<PlanTable> => {
    const [header, ...rows] = await workbook.read(entry.sheet);
    return planTable(header.map((cell) => String(cell ?? "")), rows);
  };
  const [before, after] = [await read(a), await read(b)];
  const periods = [...new Set([...before.periods, ...after.periods])].sort();
  const { model } = await buildSupplyModel(workbook);
  const itemOf = new Map(model.items.map((item) => [item.id, item]));
  const series = (table: PlanTable, item: string, values: (measures: Record<string, number[]>) => number[]): number[] => {
    const found = table.items.find((entry) => entry.id === item);
    const byMonth = new Map(found ? values(found.measures).map((v, t) => [table.periods[t], v]) : []);
    return periods.map((period) => byMonth.get(period) ?? 0);
  };
  const rows: (string | number)[][] = [["Item", "Measure", ...periods, "Total"]];
  const items = [...new Set([...before.items, ...after.items].map((item) => item.id))];
  for (const item of items) {
    const price = itemOf.get(item)?.price ?? 0;
    const unitCost = itemOf.get(item)?.unitCost ?? 0;
    const lines: [string, (measures: Record<string, number[]>) => number[]][] = [
      ...UNIT_MEASURES.map((measure): [string, (m: Record<string, number[]>) => number[]] => [`${measure} (units)`, (m) => m[measure] ?? []]),
      ["Revenue", (m) => servedUnits(m).map((units) => units * price)],
      ["Material cost", (m) => (m.Production ?? []).map((units) => units * unitCost)],
    ];
    for (const [label, values] of lines) {
      const change = series(after, item, values).map((v, t) => roundCents(v - series(before, item, values)[t]));
      if (change.some((v) => v !== 0)) rows.push([item, label, ...change, roundCents(change.reduce((s, v) => s + v, 0))]);
    }
  }
  return { from: a.sheet, to: b.sheet, rows };
}

/**
 * Compare two approved versions and write the comparison to SOP Plan Diff (replacing the last one).
 * @throws PlanningError when a version is not approved in this workbook
 */
export async function writeVersionDiff(workbook: Workbook, from: string, to: string, overwrite?: (sheet: string) => Promise<boolean>): Promise<VersionDiff> {
  const diff = await diffApprovedVersions(workbook, from, to);
  const periods = diff.rows[0].slice(2, -1).map(String);
  const title: CellInput[][] = [[`${diff.to} less ${diff.from}`, "", ...periods.map(() => ""), ""]];
  await replaceSheets(workbook, { [SHEETS.planDiff]: { rows: [...title, ...diff.rows], numberFormats: [...periodFormats(2, periods, CENTS_FORMAT), CENTS_FORMAT] } }, overwrite);
  return diff;
}
