import { PlanningError } from "../core/errors";
import { formatNumber } from "../workbook/numberFormat";
import type { CellValue, Workbook, WriteBlock } from "../workbook/workbook";
import { cellDigests, contentHash, sha256Hex, type CellDigests } from "./contentHash";
import { cycleRecordMetadata, mergedCycleRecords } from "./cycleRecords";
import { CENTS_FORMAT, readableLayouts, WHOLE_FORMAT } from "./ownedSheets";
import { planNumberFormats } from "./planSheet";
import { approvedSheetName, SHEETS } from "./sheets";
import { snapshotCycles, snapshotMetadata, snapshotRecords, SNAPSHOT_CYCLES_KEY } from "./snapshots";

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

/**
 * How the approver's name was known: "signed-in" when the host's single sign-on gave it (Office
 * identity), "self-declared" when it was typed (the command line, a host without sign-on).
 */
export type ApproverIdentity = "signed-in" | "self-declared";

/** Who approves or rejects: a typed name (self-declared), or a name with how it was known. */
export type Approver = string | { name: string; identity: ApproverIdentity };

/** One row of the audit log: an approval or a rejection. */
export interface AuditEntry {
  cycle: string;
  version: number | null;
  decision: "approved" | "rejected";
  who: string;
  /** How `who` was known; absent in entries written before it was recorded (typed, so self-declared). */
  identity?: ApproverIdentity;
  /** ISO 8601 time of the decision. */
  when: string;
  scenario: string;
  comment: string;
  /** The approved sheet ("" for a rejection). */
  sheet: string;
  totals: Record<string, number>;
  /** SHA-256 of the approved content (header + rows); "" for a rejection. */
  hash: string;
  /** Row and column digests of the approved content, to name the cells of a later change. */
  cells?: CellDigests;
  /**
   * The hash chain: SHA-256 of the previous entry's chain and every field of this entry (see
   * {@link chainHash}), so editing or deleting an earlier row breaks every later link. Absent in entries
   * written before the chain existed.
   */
  chain?: string;
}

/**
 * What a planner keeps outside the workbook when a plan is approved (e-mailed, filed): enough to check
 * later that the workbook still holds that plan and that audit row (`sop verify BOOK --receipt FILE`).
 */
export interface ApprovalReceipt {
  kind: "sop-approval-receipt";
  cycle: string;
  version: number;
  sheet: string;
  scenario: string;
  approver: string;
  identity: ApproverIdentity;
  /** ISO 8601 time of the approval. */
  approvedAt: string;
  /** SHA-256 of the approved content. */
  contentHash: string;
  /** The audit row's chain hash. */
  chainHash: string;
}

const AUDIT_KEY = "auditLog";
/** Columns of SOP Audit Log, which mirrors the log for people. */
export const AUDIT_HEADER = ["Cycle", "Version", "Decision", "Who", "When", "Scenario", "Comment", "Sheet", "Totals", "Content hash (SHA-256)", "Approver identity", "Chain hash (SHA-256)"];
const AUDIT_FORMATS = AUDIT_HEADER.map((column) => (column === "Version" ? WHOLE_FORMAT : "@"));

/** The audit log kept in the workbook's add-in metadata (the audit sheet mirrors it for people). */
export async function readAuditLog(workbook: Workbook): Promise<AuditEntry[]> {
  const stored = await workbook.getMetadata(AUDIT_KEY);
  return stored ? (JSON.parse(stored) as AuditEntry[]) : [];
}

/**
 * The audit sheet's row for an entry, as SOP Audit Log shows it.
 * @example auditRow(entry)[2] // "approved"
 */
export function auditRow(e: AuditEntry): CellValue[] {
  return [
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
    e.identity ?? "self-declared",
    e.chain ?? "(before the hash chain)",
  ];
}

/**
 * The chain hash of an audit entry: SHA-256 of the previous entry's chain ("" for the first entry, or
 * after entries written before the chain) and all of this entry's fields except its own chain, as JSON.
 * @example await chainHash("", entry) // "9f2c..."
 */
export async function chainHash(previous: string, entry: AuditEntry): Promise<string> {
  const ordered = Object.fromEntries(
    Object.entries(entry)
      .filter(([key]) => key !== "chain")
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return sha256Hex(JSON.stringify([previous, ordered]));
}

/**
 * The audit log with one more entry (its chain hash set), as the writes that record it: the metadata
 * value and the audit sheet's block (the sheet mirrors the log for people; it is protected like a plan).
 */
async function auditWrite(workbook: Workbook, unchained: AuditEntry): Promise<{ entry: AuditEntry; metadata: Record<string, string>; block: WriteBlock }> {
  const before = await readAuditLog(workbook);
  const entry: AuditEntry = { ...unchained, chain: await chainHash(before.at(-1)?.chain ?? "", unchained) };
  const log = [...before, entry];
  return { entry, metadata: { [AUDIT_KEY]: JSON.stringify(log) }, block: auditSheetBlock(log) };
}

/** SOP Audit Log's content for a log: the header and one row per entry. */
function auditSheetBlock(log: readonly AuditEntry[]): WriteBlock {
  return { sheet: SHEETS.auditLog, topLeft: "A1", values: [AUDIT_HEADER, ...log.map(auditRow)], numberFormats: AUDIT_FORMATS, headerRow: true };
}

/** True when every entry of `prefix` is, in order, the same entry at the start of `log`. */
function startsWith(log: readonly AuditEntry[], prefix: readonly AuditEntry[]): boolean {
  return prefix.length <= log.length && prefix.every((entry, k) => JSON.stringify(entry) === JSON.stringify(log[k]));
}

/**
 * Carry the approved plans of another workbook into this one, so that they stay together: its
 * approved plan sheets (values as approved, protected), its audit log with the hash chain unbroken,
 * and its forecast snapshots. The next approval here then adds a version after them. Used when a run's
 * output replaces a workbook holding approvals (`sop run BOOK --out EXISTING --force`): its approvals
 * are kept, not lost. Works when this workbook's audit log is the start of the other's (typically
 * empty, or the same cycles before); nothing is done when the other's log is the start of this one's.
 * One write: all or nothing.
 * @param target the workbook the cycle runs on
 * @param source the workbook whose approvals are kept
 * @param sourceName the source's name, for messages
 * @returns the approved sheets carried over
 * @throws PlanningError when the two audit logs went different ways (they cannot form one chain), or
 *   a sheet to carry is already in the target under the same name
 */
export async function carryApprovals(target: Workbook, source: Workbook, sourceName: string): Promise<string[]> {
  const [mine, theirs] = [await readAuditLog(target), await readAuditLog(source)];
  if (startsWith(mine, theirs)) return [];
  if (!startsWith(theirs, mine)) {
    const at = theirs.findIndex((entry, k) => JSON.stringify(entry) !== JSON.stringify(mine[k]));
    throw new PlanningError(
      `${sourceName} and the workbook run have different approval histories (their audit logs differ from row ${at + 1}): one hash chain cannot hold both. Write to a new file, or run ${sourceName} itself to add a version.`,
    );
  }
  const names = new Set((await target.listSheets()).map((sheet) => sheet.name));
  const carried = theirs.slice(mine.length).filter((entry) => entry.decision === "approved");
  const blocks: WriteBlock[] = [];
  for (const entry of carried) {
    if (names.has(entry.sheet)) throw new PlanningError(`The workbook run already has a sheet "${entry.sheet}", so ${sourceName}'s approved plan of that name cannot be kept beside it. Write to a new file.`);
    const values = await source.read(entry.sheet);
    blocks.push({ sheet: entry.sheet, topLeft: "A1", values, numberFormats: planNumberFormats((values[0] ?? []).slice(3).map(String)), headerRow: true });
  }
  blocks.push(auditSheetBlock(theirs));
  const snapshots = await snapshotRecords(source);
  const cycles = [...new Set([...(await snapshotCycles(target)), ...(await snapshotCycles(source))])].sort();
  const own = await snapshotRecords(target);
  await target.writeBlocks(blocks, {
    protect: blocks.map((block) => block.sheet),
    metadata: {
      ...snapshots,
      ...own,
      ...(await mergedCycleRecords(target, source)),
      [AUDIT_KEY]: JSON.stringify(theirs),
      ...(cycles.length > 0 ? { [SNAPSHOT_CYCLES_KEY]: JSON.stringify(cycles) } : {}),
    },
    layouts: readableLayouts(blocks.slice(0, -1)),
  });
  return carried.map((entry) => entry.sheet);
}

/**
 * The receipt of an approval, to keep outside the workbook.
 * @throws PlanningError for a rejection or an entry written before the hash chain (nothing to receipt)
 * @example approvalReceipt(entry).contentHash === entry.hash // true
 */
export function approvalReceipt(entry: AuditEntry): ApprovalReceipt {
  if (entry.decision !== "approved" || entry.version === null || entry.chain === undefined) {
    throw new PlanningError(`Only an approval recorded with its hash chain has a receipt; "${entry.sheet || entry.cycle}" has none.`);
  }
  return {
    kind: "sop-approval-receipt",
    cycle: entry.cycle,
    version: entry.version,
    sheet: entry.sheet,
    scenario: entry.scenario,
    approver: entry.who,
    identity: entry.identity ?? "self-declared",
    approvedAt: entry.when,
    contentHash: entry.hash,
    chainHash: entry.chain,
  };
}

/**
 * Read a receipt file's text.
 * @throws PlanningError naming the missing or wrong field, when the text is not a receipt
 * @example parseReceipt(JSON.stringify(approvalReceipt(entry))).version // 1
 */
export function parseReceipt(text: string): ApprovalReceipt {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PlanningError("The receipt is not valid JSON: use the file written at approval (sop run ... --receipt FILE, or the pane's download).");
  }
  const receipt = parsed as Partial<Record<keyof ApprovalReceipt, unknown>>;
  if (typeof parsed !== "object" || parsed === null || receipt.kind !== "sop-approval-receipt") {
    throw new PlanningError('This file is not an approval receipt (it has no "kind": "sop-approval-receipt").');
  }
  for (const field of ["cycle", "sheet", "scenario", "approver", "identity", "approvedAt", "contentHash", "chainHash"] as const) {
    if (typeof receipt[field] !== "string") throw new PlanningError(`The receipt's "${field}" is missing or not text.`);
  }
  if (!Number.isInteger(receipt.version)) throw new PlanningError('The receipt\'s "version" is missing or not a whole number.');
  return receipt as ApprovalReceipt;
}

function requireName(who: Approver): { name: string; identity: ApproverIdentity } {
  const typed = typeof who === "string" ? { name: who, identity: "self-declared" as const } : who;
  const name = typed.name.trim();
  if (name === "") throw new PlanningError("Enter the approver's name: an approval without a name cannot be audited.");
  return { name, identity: typed.identity };
}

/**
 * Approve a plan: write it to a new protected sheet "Plan <cycle> v<n>" (n one more than the last
 * version of that cycle; earlier versions are kept untouched) under the plan's number formats, and add
 * an audit row with who (and whether sign-on or typing said so), when, the scenario, the totals, a
 * SHA-256 hash of the content (the values; formats do not enter it, so plans approved before they were
 * written still verify), row and column digests to name changed cells, and the hash chain; and keep
 * the cycle's forecast snapshot (see snapshots.ts) and its record for the maturity score (cycleRecords.ts:
 * on time when approved by the end of the cycle's month) in the add-in's very hidden store. Sheet,
 * protections (plan and audit log), audit row, snapshot and record are one write: all or, when it fails, none.
 *
 * Protection has no password: it stops accidental edits, not deliberate ones. What proves a plan is
 * unchanged is `verifyApprovals` (content hash, hash chain) and the receipt kept outside the workbook.
 * @throws PlanningError when the approver's name is empty or the plan has no rows
 */
export async function approvePlan(workbook: Workbook, plan: PlanForApproval, who: Approver, comment: string, now: Date = new Date()): Promise<AuditEntry> {
  const approver = requireName(who);
  if (plan.rows.length === 0) throw new PlanningError("There is no plan to approve yet: run the supply step first.");
  const existing = new Set((await workbook.listSheets()).map((sheet) => sheet.name));
  let version = 1;
  while (existing.has(approvedSheetName(plan.cycle, version))) version++;
  const sheet = approvedSheetName(plan.cycle, version);
  const content: CellValue[][] = [plan.header, ...plan.rows];
  // One write: the approved sheet, the audit row and the log, both sheets protected, all or nothing.
  const audit = await auditWrite(workbook, {
    cycle: plan.cycle,
    version,
    decision: "approved",
    who: approver.name,
    identity: approver.identity,
    when: now.toISOString(),
    scenario: plan.scenario,
    comment: comment.trim(),
    sheet,
    totals: plan.totals,
    hash: await contentHash(content),
    cells: await cellDigests(content),
  });
  const planBlock: WriteBlock = { sheet, topLeft: "A1", values: content, numberFormats: plan.numberFormats, headerRow: true };
  // the record reads what the snapshot has just read (kept for the step): no round trip of its own
  const snapshot = await snapshotMetadata(workbook, plan);
  const record = await cycleRecordMetadata(workbook, plan.cycle, true, now);
  await workbook.writeBlocks([planBlock, audit.block], {
    protect: [sheet, SHEETS.auditLog],
    metadata: { ...audit.metadata, ...snapshot, ...record },
    layouts: readableLayouts([planBlock]),
  });
  return audit.entry;
}

/**
 * Reject a plan: record who rejected it, when and why in the audit log, and the cycle's record for the
 * maturity score (not approved, unless a version was approved before); nothing else changes, and the
 * cycle goes back to reconciliation.
 * @throws PlanningError when the name or the comment is empty (a rejection must say why)
 */
export async function rejectPlan(workbook: Workbook, plan: PlanForApproval, who: Approver, comment: string, now: Date = new Date()): Promise<AuditEntry> {
  const approver = requireName(who);
  if (comment.trim() === "") throw new PlanningError("Say why the plan is rejected, so the planners know what to change.");
  const audit = await auditWrite(workbook, {
    cycle: plan.cycle,
    version: null,
    decision: "rejected",
    who: approver.name,
    identity: approver.identity,
    when: now.toISOString(),
    scenario: plan.scenario,
    comment: comment.trim(),
    sheet: "",
    totals: plan.totals,
    hash: "",
  });
  await workbook.writeBlocks([audit.block], { protect: [SHEETS.auditLog], metadata: { ...audit.metadata, ...(await cycleRecordMetadata(workbook, plan.cycle, false, now)) } });
  return audit.entry;
}

/**
 * Check an approved sheet against its audit row: re-read the sheet, hash it, compare.
 * @returns true when the sheet still holds exactly what was approved
 */
export async function verifyApproval(workbook: Workbook, entry: AuditEntry): Promise<boolean> {
  const content = await workbook.read(entry.sheet);
  return (await contentHash(content)) === entry.hash;
}
