/**
 * One result table of a step, with its title as a heading. Long tables show their first rows and say
 * how many more the workbook holds. Rows stay one line high in the narrow pane: numbers and periods
 * never wrap, long text is cut with an ellipsis (the whole text shows on hover), numeric columns are
 * right-aligned under right-aligned headers, and a table wider than the pane scrolls sideways. Numbers
 * read as in the sheet when the table gives their number formats ("98.8%", "1,234").
 */
import * as React from "react";
import {
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ResultTable } from "../../cycle/stepTypes";
import { formatNumber } from "../../workbook/numberFormat";
import { numberFormatAt } from "../../workbook/writePolicy";

/** The most rows a result table shows in the pane. */
export const MAX_ROWS_SHOWN = 100;

/** Text longer than this many characters is cut with an ellipsis in its cell. */
const LONG_TEXT = 24;

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  cell: { whiteSpace: "nowrap" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  longText: { maxWidth: "14em", overflow: "hidden", textOverflow: "ellipsis" },
  oneWordHeader: { whiteSpace: "nowrap" },
  numberHeader: { justifyContent: "flex-end", textAlign: "right" },
});

export function ResultTableView({ table }: { table: ResultTable }): React.JSX.Element {
  const styles = useStyles();
  const shown = table.rows.slice(0, MAX_ROWS_SHOWN);
  const numeric = table.headers.map((_, column) => isNumericColumn(shown, column));
  return (
    <section aria-label={table.title}>
      <Subtitle2 as="h3">{table.title}</Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-label={table.title}>
          <TableHeader>
            <TableRow>
              {table.headers.map((header, index) => (
                <TableHeaderCell
                  key={index}
                  className={mergeClasses(!header.includes(" ") && styles.oneWordHeader)}
                  button={{ className: mergeClasses(numeric[index] && styles.numberHeader) }}
                >
                  {header}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, rowIndex) => (
              <TableRow key={rowIndex}>
                {row.map((value, index) => {
                  const text = formatValue(value, numberFormatAt(table, rowIndex, index));
                  const long = text.length > LONG_TEXT;
                  return (
                    <TableCell
                      key={index}
                      className={mergeClasses(styles.cell, typeof value === "number" && styles.number, long && styles.longText)}
                      title={long ? text : undefined}
                    >
                      {text}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {table.rows.length > shown.length && (
        <Caption1>
          Showing the first {shown.length} of {table.rows.length} rows.
        </Caption1>
      )}
    </section>
  );
}

/** True when the column's filled cells are all numbers (and there is at least one). */
function isNumericColumn(rows: ResultTable["rows"], column: number): boolean {
  const filled = rows.map((row) => row[column]).filter((value) => value !== null && value !== undefined && value !== "");
  return filled.length > 0 && filled.every((value) => typeof value === "number");
}

/** A cell's text: a number under its Excel number format when the table gives one, else with at most 2 decimals. */
function formatValue(value: string | number | boolean | null, format: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "number" && format !== undefined) return formatNumber(value, format);
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  return String(value);
}
