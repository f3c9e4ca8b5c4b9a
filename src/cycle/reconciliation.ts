/**
 * What a read of the demand history accounts for: rows read, used and left out (and why), and the
 * quantities, so that quantity in = quantity used + quantity left out. Nothing is dropped silently:
 * every row left out is counted under a reason with the first of its cells, and every cell that could
 * not be read is a ReadProblem naming it.
 */

import { counted } from "./counted";

/** Why a row was not used. */
export type LeftOutReason =
  /** nothing in the row */
  | "blank"
  /** a total or subtotal row ("Chairs Total", "Grand total") */
  | "total"
  /** a row with a key but no quantities: a family heading, a title or footer line */
  | "heading"
  /** a row whose only quantities are text that is no number ("n/a", "12 pcs"), each an error naming its cell */
  | "unreadableQuantity"
  /** the same key (and period) again: the first row is used */
  | "duplicate"
  /** a key that is no item: the header row repeated, a period or a date as item */
  | "phantom"
  /** quantities without an item */
  | "noKey"
  /** an order line whose date cannot be read */
  | "unreadablePeriod"
  /** an order line its status marks cancelled or rejected */
  | "cancelled"
  /** an order line its order or billing document type marks a return or a credit */
  | "returned"
  /** an order line, or a grid cell, in a first or last month (or week) the history covers only in part */
  | "partialPeriod"
  /** an order line in another unit than the item's first line */
  | "otherUnit"
  /** a planning book's line of another measure than the one read as demand ("Statistical Forecast Qty" beside "Actuals Qty") */
  | "otherMeasure";

/** Rows left out for one reason. */
export interface LeftOutRows {
  reason: LeftOutReason;
  rows: number;
  /** Sum of the numbers in those rows' quantity cells. */
  quantity: number;
  /** Sheet-qualified address of the first cell of each row left out (the first 20). */
  cells: string[];
  /** Which buckets, for "partialPeriod": e.g. "in 2026-01, a month the lines cover only up to 2026-01-13". */
  buckets?: string[];
}

/** A read's account of rows and quantities. */
export interface Reconciliation {
  rowsRead: number;
  rowsUsed: number;
  rowsLeftOut: number;
  /** Sum of every number in a quantity cell of the rows read. */
  quantityIn: number;
  quantityUsed: number;
  quantityLeftOut: number;
  leftOut: LeftOutRows[];
}

/** Kinds of cells that could not be read as the mapping says; each is an error until fixed. */
export type ReadProblemKind = "phantomItem" | "textInNumber" | "duplicate" | "noKey" | "unreadablePeriod" | "inheritedKey" | "mixedUnits" | "uncalculatedFormula";

/** One cell that could not be read, with a planner-facing message. */
export interface ReadProblem {
  kind: ReadProblemKind;
  /** Sheet-qualified address, e.g. "'Sales 2024'!C7". */
  address: string;
  message: string;
  item?: string;
  period?: string;
}

/** Cells kept per reason in LeftOutRows.cells. */
export const CELLS_KEPT = 20;

/**
 * Counts rows and quantities as a read goes.
 * @example const tally = new ReconciliationTally(); tally.used(12); tally.leftOut("total", 30, "Sales!A9"); tally.result().quantityIn // 42
 */
export class ReconciliationTally {
  private rowsUsed = 0;
  private quantityUsed = 0;
  private readonly groups = new Map<LeftOutReason, LeftOutRows>();

  /** A row used, with the sum of its quantities. */
  used(quantity: number): void {
    this.rowsUsed++;
    this.quantityUsed += quantity;
  }

  /** A row left out, with the sum of its quantities and the address of its first cell. */
  leftOut(reason: LeftOutReason, quantity: number, address: string): void {
    this.addLeftOut(reason, 1, quantity, [address]);
  }

  /** Rows counted as used (or a grid's cells: 0 rows), left out after all because their bucket turned out partial, with their first cells and which bucket that is. */
  usedToLeftOut(reason: LeftOutReason, rows: number, quantity: number, cells: readonly string[], bucket: string): void {
    this.rowsUsed -= rows;
    this.quantityUsed -= quantity;
    this.addLeftOut(reason, rows, quantity, cells);
    const group = this.groups.get(reason) as LeftOutRows;
    group.buckets = [...(group.buckets ?? []), bucket];
  }

  private addLeftOut(reason: LeftOutReason, rows: number, quantity: number, cells: readonly string[]): void {
    const group = this.groups.get(reason) ?? { reason, rows: 0, quantity: 0, cells: [] };
    group.rows += rows;
    group.quantity += quantity;
    group.cells.push(...cells.slice(0, CELLS_KEPT - group.cells.length));
    this.groups.set(reason, group);
  }

  /** The account so far. */
  result(): Reconciliation {
    const leftOut = [...this.groups.values()];
    const rowsLeftOut = leftOut.reduce((sum, group) => sum + group.rows, 0);
    const quantityLeftOut = leftOut.reduce((sum, group) => sum + group.quantity, 0);
    return {
      rowsRead: this.rowsUsed + rowsLeftOut,
      rowsUsed: this.rowsUsed,
      rowsLeftOut,
      quantityIn: this.quantityUsed + quantityLeftOut,
      quantityUsed: this.quantityUsed,
      quantityLeftOut,
      leftOut,
    };
  }
}

const REASON_TEXT: Record<LeftOutReason, string> = {
  blank: "blank rows",
  total: "total and subtotal rows",
  heading: "rows without quantities (headings, titles, footers)",
  unreadableQuantity: "rows whose quantities are text, not numbers",
  duplicate: "rows repeating a key (the first is used)",
  phantom: "rows whose key is no item (a header or a date)",
  noKey: "rows with quantities but no item",
  unreadablePeriod: "order lines whose date cannot be read",
  cancelled: "order lines cancelled or rejected (by their status)",
  returned: "order lines of returns and credits (by their document type)",
  partialPeriod: "rows in a first or last month or week the history covers only in part",
  otherUnit: "order lines in another unit than their item's first line",
  otherMeasure: "rows of measures other than the one read as demand",
};

/**
 * One line a planner reads: "Read 45 rows: used 40 (12,000); left out 3 total and subtotal rows (6,000), 2 blank rows."
 * @example reconciliationText(reading.reconciliation)
 */
export function reconciliationText(account: Reconciliation): string {
  const number = (value: number): string => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  // a grid's cells of a partial month leave no row out: its rows are used for their other months
  // "1 blank row", "1 order line whose date cannot be read"
  const reason = (group: LeftOutRows): string => (group.rows === 1 ? REASON_TEXT[group.reason].replace(/\b(row|line)s\b/, "$1") : REASON_TEXT[group.reason]);
  const described = (group: LeftOutRows): string =>
    group.buckets ? `${group.rows > 0 ? counted(group.rows, "row") : "cells"} ${group.buckets.join(" and ")}` : `${group.rows} ${reason(group)}`;
  const parts = account.leftOut.map((group) => `${described(group)}${group.quantity !== 0 ? ` (quantity ${number(group.quantity)})` : ""}`);
  return (
    `Read ${counted(account.rowsRead, "row")} holding a quantity of ${number(account.quantityIn)}: used ${counted(account.rowsUsed, "row")} (${number(account.quantityUsed)})` +
    (parts.length > 0 ? `; left out ${parts.join(", ")}.` : ".")
  );
}
