/**
 * Checking approved plans: every approved version recomputed against its audit row, the audit log's
 * hash chain walked, the audit sheet compared with the log it mirrors, receipts kept outside the
 * workbook compared with both. This is `sop verify` and the pane's Verify button.
 *
 * What it proves and what it does not: the hashes are unkeyed, so someone who edits a plan and then
 * recomputes its hash, its digests and every later chain link passes the in-workbook checks; only a
 * receipt filed outside the workbook (or an earlier copy of the workbook) catches that. Protection has
 * no password and stops accidental edits only.
 */
import { cellAddress } from "../workbook/address";
import type { Matrix, Workbook } from "../workbook/workbook";
import { AUDIT_HEADER, auditRow, chainHash, readAuditLog, type ApprovalReceipt, type AuditEntry } from "./approval";
import { cellDigests, contentHash, type CellDigests } from "./contentHash";
import { SHEETS } from "./sheets";

/** One thing verification found: a change (the plan or its log is not what was approved), a warning, or a note. */
export interface VerifyFinding {
  kind: "changed" | "warning" | "note";
  /** Sheet and cell, or the audit row, it is about, e.g. "Plan 2026-01 v1!C5" or "audit row 2". */
  where: string;
  message: string;
}

export interface VerifyReport {
  /** Approved versions recomputed. */
  versions: number;
  /** Receipts checked. */
  receipts: number;
  findings: VerifyFinding[];
  /** True when anything approved changed (a finding of kind "changed"). */
  changed: boolean;
}

/** Cells listed by name at most; more are summarised by rows and columns. */
const MAX_CELLS = 12;

const APPROVED_SHEET = /^Plan .+ v\d+$/;

/**
 * The cells where `now` differs from content whose digests were `approved`, as "Sheet!A1" names with
 * their current values, or a sentence when the shape changed.
 */
async function changedCells(sheet: string, now: Matrix, approved: CellDigests | undefined): Promise<VerifyFinding[]> {
  const changed = (message: string, where = sheet): VerifyFinding => ({ kind: "changed", where, message });
  if (approved === undefined) return [changed(`"${sheet}" no longer holds the plan approved (approved before cell digests were kept, so the cell cannot be named).`)];
  const current = await cellDigests(now);
  if (current.rows.length !== approved.rows.length || current.columns.length !== approved.columns.length) {
    return [changed(`"${sheet}" has ${current.rows.length} rows x ${current.columns.length} columns; the approved plan had ${approved.rows.length} x ${approved.columns.length} (rows or columns added or deleted).`)];
  }
  const rows = current.rows.flatMap((digest, r) => (digest === approved.rows[r] ? [] : [r]));
  const columns = current.columns.flatMap((digest, c) => (digest === approved.columns[c] ? [] : [c]));
  const cells = rows.flatMap((row) => columns.map((col) => ({ row, col })));
  if (cells.length === 0) return [changed(`"${sheet}" no longer holds the plan approved (rows moved).`)];
  const named = cells.slice(0, MAX_CELLS).map(({ row, col }) => {
    const value = now[row]?.[col] ?? null;
    return changed(`changed since approval; it now holds ${value === null ? "nothing" : JSON.stringify(value)}.`, `${sheet}!${cellAddress({ row, col })}`);
  });
  if (cells.length > MAX_CELLS) named.push(changed(`and ${cells.length - MAX_CELLS} more cells may have changed (${rows.length} rows x ${columns.length} columns differ).`));
  return named;
}

/** Walk the hash chain: each link recomputed from the one before. */
async function chainFindings(log: readonly AuditEntry[]): Promise<VerifyFinding[]> {
  const findings: VerifyFinding[] = [];
  let previous = "";
  const unchained: number[] = [];
  for (const [index, entry] of log.entries()) {
    const where = `audit row ${index + 1} (${entry.decision} ${entry.sheet || entry.cycle})`;
    if (entry.chain === undefined) {
      unchained.push(index + 1);
      previous = "";
      continue;
    }
    if ((await chainHash(previous, entry)) !== entry.chain) {
      findings.push({ kind: "changed", where, message: "does not follow from the row before it: this row was edited, or a row before it was deleted or moved." });
    }
    previous = entry.chain;
  }
  if (unchained.length > 0) {
    findings.push({
      kind: "note",
      where: `audit rows ${unchained.join(", ")}`,
      message: "were written before the audit log had a hash chain: they are checked by their content hash only, and deleting one of them cannot be detected.",
    });
  }
  return findings;
}

/** The audit sheet against the log it mirrors, cell by cell, in the columns the sheet has. */
async function mirrorFindings(workbook: Workbook, log: readonly AuditEntry[]): Promise<VerifyFinding[]> {
  const sheets = await workbook.listSheets();
  const audit = sheets.find((sheet) => sheet.name === SHEETS.auditLog);
  if (audit === undefined) return log.length === 0 ? [] : [{ kind: "changed", where: SHEETS.auditLog, message: `is missing; the add-in's log holds ${log.length} rows.` }];
  const shown = await workbook.read(SHEETS.auditLog);
  const width = Math.min(AUDIT_HEADER.length, shown[0]?.length ?? 0);
  const expected = [AUDIT_HEADER, ...log.map(auditRow)];
  const findings: VerifyFinding[] = [];
  if (shown.length !== expected.length) {
    findings.push({ kind: "changed", where: SHEETS.auditLog, message: `shows ${shown.length - 1} rows; the add-in's log holds ${log.length} (a row was deleted or added).` });
  }
  for (let r = 1; r < Math.min(shown.length, expected.length) && findings.length < MAX_CELLS; r++) {
    for (let c = 0; c < width; c++) {
      const want = expected[r][c] === "" ? null : expected[r][c];
      if ((shown[r][c] ?? null) !== want) findings.push({ kind: "changed", where: `${SHEETS.auditLog}!${cellAddress({ row: r, col: c })}`, message: `shows ${JSON.stringify(shown[r][c])}; the log recorded ${JSON.stringify(want)}.` });
    }
  }
  if (!audit.protected) findings.push({ kind: "warning", where: SHEETS.auditLog, message: "is not protected (it was unprotected, or saved by a program that drops protection)." });
  return findings;
}

/** A receipt against the log and the approved sheet. */
async function receiptFindings(workbook: Workbook, log: readonly AuditEntry[], receipt: ApprovalReceipt): Promise<VerifyFinding[]> {
  const where = `receipt for ${receipt.sheet}`;
  const entry = log.find((e) => e.decision === "approved" && e.cycle === receipt.cycle && e.version === receipt.version);
  if (entry === undefined) return [{ kind: "changed", where, message: `names cycle ${receipt.cycle} version ${receipt.version}, which the audit log no longer holds (its row was deleted).` }];
  const findings: VerifyFinding[] = [];
  const differs = (field: string, recorded: string, receipted: string): void => {
    if (recorded !== receipted) findings.push({ kind: "changed", where, message: `says ${field} ${JSON.stringify(receipted)}; the audit log now says ${JSON.stringify(recorded)}.` });
  };
  differs("content hash", entry.hash, receipt.contentHash);
  differs("chain hash", entry.chain ?? "", receipt.chainHash);
  differs("approver", entry.who, receipt.approver);
  differs("approval time", entry.when, receipt.approvedAt);
  const names = new Set((await workbook.listSheets()).map((sheet) => sheet.name));
  if (names.has(receipt.sheet) && (await contentHash(await workbook.read(receipt.sheet))) !== receipt.contentHash) {
    findings.push({ kind: "changed", where: receipt.sheet, message: "recomputed, does not match the content hash on the receipt: the plan is not the one approved." });
  }
  return findings;
}

/**
 * Verify every approved plan in a workbook: recompute each approved version's content hash and name
 * the cells that changed; walk the audit log's hash chain; compare SOP Audit Log with the log it
 * mirrors; find approved sheets that lost their audit row; check each receipt against the log and the
 * recomputed hash. Unprotected approved sheets and a metadata sheet no longer very hidden are warnings
 * (a LibreOffice save can cause both); old rows without a chain are a note.
 * @param receipts approval receipts kept outside the workbook
 * @returns the findings; `changed` is true when anything approved changed
 * @example (await verifyApprovals(book)).changed // false for an untouched workbook
 */
export async function verifyApprovals(workbook: Workbook, receipts: readonly ApprovalReceipt[] = []): Promise<VerifyReport> {
  const log = await readAuditLog(workbook);
  const sheets = await workbook.listSheets();
  const findings: VerifyFinding[] = [...(await chainFindings(log)), ...(await mirrorFindings(workbook, log))];
  const approved = log.filter((entry) => entry.decision === "approved");
  for (const entry of approved) {
    const sheet = sheets.find((info) => info.name === entry.sheet);
    if (sheet === undefined) {
      findings.push({ kind: "changed", where: entry.sheet, message: "is missing: the audit log records it as approved." });
      continue;
    }
    const now = await workbook.read(entry.sheet);
    if ((await contentHash(now)) !== entry.hash) findings.push(...(await changedCells(entry.sheet, now, entry.cells)));
    else if (!sheet.protected) findings.push({ kind: "warning", where: entry.sheet, message: "is not protected, but still holds exactly the plan approved." });
  }
  const logged = new Set(approved.map((entry) => entry.sheet));
  for (const sheet of sheets) {
    if (sheet.ownedByAddin && APPROVED_SHEET.test(sheet.name) && !logged.has(sheet.name)) {
      findings.push({ kind: "changed", where: sheet.name, message: "is an approved plan sheet with no audit row: its row was deleted from the audit log." });
    }
  }
  for (const receipt of receipts) findings.push(...(await receiptFindings(workbook, log, receipt)));
  const visibility = workbook.metadataVisibility ? await workbook.metadataVisibility() : "veryHidden";
  if (visibility === "hidden" || visibility === "visible") {
    findings.push({ kind: "warning", where: "_sop_meta", message: `the add-in's records sheet was ${visibility}, not very hidden (a LibreOffice save does this); the add-in's next write hides it again.` });
  }
  return { versions: approved.length, receipts: receipts.length, findings, changed: findings.some((finding) => finding.kind === "changed") };
}
