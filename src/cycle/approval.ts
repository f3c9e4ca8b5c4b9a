import { PlanningError } from "../core/errors";
import { formatNumber } from "../workbook/numberFormat";
import type { CellValue, Workbook, WriteBlock } from "../workbook/workbook";
import { contentHash } from "./contentHash";
import { CENTS_FORMAT, readableLayouts, WHOLE_FORMAT } from "./ownedSheets";
import { approvedSheetName, SHEETS } from "./sheets";

/** The plan as it is presented for approval: a table of rows under a header, and its totals. */
export interface PlanForApproval {
  /** The planning cycle, e.g. "2026-11". */
  cycle: string;
  /** The scenario chosen ("Base" when none). */
  scenario: string;
  header: string[];
  rows: (string | number)[][];
  /**
   * Number formats of the columns, as the sheet the plan comes from shows them. They are not part of
   * the approved content: the audit hash covers the values alone.
   */
  numberFormats: string[];
  /** Key figures shown in the audit log, e.g. { demand: 1200, supply: 1180, revenue: 55000 }. */
  totals: Record<string, number>;
}

/** One row of the audit log: an approval or a rejection. */
export interface AuditEntry {
  cycle: string;
  version: number | null;
  decision: "approved" | "rejected";
  who: string;
  /** ISO 8601 time of the decision. */
  when: string;
  scenario: string;
  comment: string;
  /** The approved sheet ("" for a rejection). */
  sheet: string;
  totals: Record<string, number>;
  /** SHA-256 of the approved content (header + rows); "" for a rejection. */
  hash: string;
}

const AUDIT_KEY = "auditLog";
const AUDIT_HEADER = ["Cycle", "Version", "Decision", "Who", "When", "Scenario", "Comment", "Sheet", "Totals", "Content hash (SHA-256)"];
const AUDIT_FORMATS = AUDIT_HEADER.map((column) => (column === "Version" ? WHOLE_FORMAT : "@"));

/** The audit log kept in the workbook's add-in metadata (the audit sheet mirrors it for people). */
export async function readAuditLog(workbook: Workbook): Promise<AuditEntry[]> {
  const stored = await workbook.getMetadata(AUDIT_KEY);
  return stored ? (JSON.parse(stored) as AuditEntry[]) : [];
}

/**
 * The audit log with one more entry, as the writes that record it: the metadata value and the audit
 * sheet's block (the sheet mirrors the log for people).
 */
async function auditWrite(workbook: Workbook, entry: AuditEntry): Promise<{ metadata: Record<string, string>; block: WriteBlock }> {
  const log = [...(await readAuditLog(workbook)), entry];
  const rows = log.map((e) => [
    e.cycle,
    e.version ?? "",
    e.decision,
    e.who,
    e.when,
    e.scenario,
    e.comment,
    e.sheet,
    Object.entries(e.totals)
      .map(([key, value]) => `${key} ${formatNumber(value, CENTS_FORMAT)}`)
      .join("; "),
    e.hash,
  ]);
  return {
    metadata: { [AUDIT_KEY]: JSON.stringify(log) },
    block: { sheet: SHEETS.auditLog, topLeft: "A1", values: [AUDIT_HEADER, ...rows], numberFormats: AUDIT_FORMATS, headerRow: true },
  };
}

function requireName(who: string): string {
  const name = who.trim();
  if (name === "") throw new PlanningError("Enter the approver's name: an approval without a name cannot be audited.");
  return name;
}

/**
 * Approve a plan: write it to a new protected sheet "Plan <cycle> v<n>" (n one more than the last
 * version of that cycle; earlier versions are kept untouched) under the plan's number formats, and add
 * an audit row with who, when, the scenario, the totals and a SHA-256 hash of the content (the values;
 * formats do not enter it, so plans approved before they were written still verify). Sheet, protection
 * and audit row are one write: all of them are in the workbook afterwards, or, when it fails, none.
 * @throws PlanningError when the approver's name is empty or the plan has no rows
 */
export async function approvePlan(workbook: Workbook, plan: PlanForApproval, who: string, comment: string, now: Date = new Date()): Promise<AuditEntry> {
  const approver = requireName(who);
  if (plan.rows.length === 0) throw new PlanningError("There is no plan to approve yet: run the supply step first.");
  const existing = new Set((await workbook.listSheets()).map((sheet) => sheet.name));
  let version = 1;
  while (existing.has(approvedSheetName(plan.cycle, version))) version++;
  const sheet = approvedSheetName(plan.cycle, version);
  const content: CellValue[][] = [plan.header, ...plan.rows];
  const entry: AuditEntry = {
    cycle: plan.cycle,
    version,
    decision: "approved",
    who: approver,
    when: now.toISOString(),
    scenario: plan.scenario,
    comment: comment.trim(),
    sheet,
    totals: plan.totals,
    hash: await contentHash(content),
  };
  // One write: the approved sheet, its protection, the audit row and the log, all or nothing.
  const audit = await auditWrite(workbook, entry);
  const planBlock: WriteBlock = { sheet, topLeft: "A1", values: content, numberFormats: plan.numberFormats, headerRow: true };
  await workbook.writeBlocks([planBlock, audit.block], {
    protect: [sheet],
    metadata: audit.metadata,
    layouts: readableLayouts([planBlock]),
  });
  return entry;
}

/**
 * Reject a plan: record who rejected it, when and why in the audit log; nothing else changes, and the
 * cycle goes back to reconciliation.
 * @throws PlanningError when the name or the comment is empty (a rejection must say why)
 */
export async function rejectPlan(workbook: Workbook, plan: PlanForApproval, who: string, comment: string, now: Date = new Date()): Promise<AuditEntry> {
  const approver = requireName(who);
  if (comment.trim() === "") throw new PlanningError("Say why the plan is rejected, so the planners know what to change.");
  const entry: AuditEntry = {
    cycle: plan.cycle,
    version: null,
    decision: "rejected",
    who: approver,
    when: now.toISOString(),
    scenario: plan.scenario,
    comment: comment.trim(),
    sheet: "",
    totals: plan.totals,
    hash: "",
  };
  const audit = await auditWrite(workbook, entry);
  await workbook.writeBlocks([audit.block], { metadata: audit.metadata });
  return entry;
}

/**
 * Check an approved sheet against its audit row: re-read the sheet, hash it, compare.
 * @returns true when the sheet still holds exactly what was approved
 */
export async function verifyApproval(workbook: Workbook, entry: AuditEntry): Promise<boolean> {
  const content = await workbook.read(entry.sheet);
  return (await contentHash(content)) === entry.hash;
}
