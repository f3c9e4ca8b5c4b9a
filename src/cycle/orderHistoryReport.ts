/**
 * The planner's report of an order-line import, shared by `sop gather` and the pane's Import file button.
 */
import type { ServiceSummary } from "../core/service/otif";
import { formatNumber } from "../workbook/numberFormat";
import { ROLE_LABELS } from "./orderLineColumns";
import type { OrderHistory } from "./orderLineImport";
import { SHEETS } from "./sheets";

function count(value: number): string {
  return formatNumber(value, "#,##0");
}

/** A quantity with thousands separators, in cents when it has a fraction ("1,234", "12.50"). */
function quantity(value: number): string {
  return formatNumber(value, Number.isInteger(value) ? "#,##0" : "#,##0.00");
}

/**
 * What an import of order lines did, as lines for the planner: the columns taken (and how dates were
 * read), the reconciliation of rows and quantities with the first lines of each reason a row was left
 * out, the history written (which step 1's mapping then takes), and the delivery service over all lines.
 * @param history what the order lines came to.
 * @returns The report, one line per entry.
 * @example orderHistoryReport(history)[1] // "Rows in 7 = used 5 + left out 2"
 */
export function orderHistoryReport(history: OrderHistory): string[] {
  const { reconciliation: r } = history;
  const rowsOut = r.rowsIn - r.rowsUsed;
  const lines = [
    `Columns: ${history.columns.map((c) => `${ROLE_LABELS[c.role]} = "${c.header}"${c.reading ? ` (read as ${c.reading})` : ""}`).join(", ")}`,
    `Rows in ${count(r.rowsIn)} = used ${count(r.rowsUsed)} + left out ${count(rowsOut)}`,
    ...r.leftOut.map(
      (entry) =>
        `  left out, ${entry.reason}: ${count(entry.rows)} ${entry.rows === 1 ? "row" : "rows"} (quantity ${quantity(entry.quantity)})` +
        (entry.lines.length === 0 ? "" : `; ${entry.lines.length === 1 ? r.numbering : `first ${r.numbering}s`} ${entry.lines.join(", ")}`),
    ),
    `Quantity in ${quantity(r.quantityIn)} = used ${quantity(r.quantityUsed)} + left out ${quantity(r.quantityIn - r.quantityUsed)}`,
    `History: ${count(history.series.length)} series (item${history.hasLocation ? " x location" : ""}) x ${history.periods.length} ${history.bucket}s, ${history.periods[0]} to ${history.periods[history.periods.length - 1]}, on "${SHEETS.orderHistory}"`,
    `  step 1's data mapping now takes "${SHEETS.orderHistory}" as the demand history`,
  ];
  if (history.service) {
    const total = history.service.total;
    lines.push(`Service as of ${history.service.asOf} (in full = ${history.service.inFullRule}), on "${SHEETS.serviceLevels}":`, `  ${serviceLine(total)}`);
    for (const entry of history.service.leftOut) lines.push(`  not measured, ${entry.reason}: ${count(entry.rows)} ${entry.rows === 1 ? "line" : "lines"}`);
  } else {
    lines.push("Service: not measured (the file needs both a requested date and a delivery date column)");
  }
  return lines;
}

function serviceLine(summary: ServiceSummary): string {
  const share = (value: number | null): string => (value === null ? "n/a" : formatNumber(value, "0.0%"));
  const lead = summary.leadTime;
  return (
    `OTIF ${share(summary.otif)}, on time ${share(summary.onTime)}, in full ${share(summary.inFull)} of ${count(summary.measured)} lines measured ` +
    `(${count(summary.overdue)} overdue, ${count(summary.open)} open not yet due); ` +
    (lead ? `lead time ${formatNumber(lead.mean, "0.0")} days mean, ${formatNumber(lead.median, "0.0")} median, ${formatNumber(lead.p90, "0.0")} 90th percentile` : "no line delivered")
  );
}
