/**
 * One result table of a step, with its title as a heading. Long tables show their first rows and say
 * how many more the workbook holds.
 */
import * as React from "react";
import {
  Caption1,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ResultTable } from "../../cycle/stepTypes";

/** The most rows a result table shows in the pane. */
export const MAX_ROWS_SHOWN = 100;

const useStyles = makeStyles({
  scroll: { overflowX: "auto" },
  table: { tableLayout: "auto" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

export function ResultTableView({ table }: { table: ResultTable }): React.JSX.Element {
  const styles = useStyles();
  const shown = table.rows.slice(0, MAX_ROWS_SHOWN);
  return (
    <section aria-label={table.title}>
      <Subtitle2 as="h3">{table.title}</Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-label={table.title}>
          <TableHeader>
            <TableRow>
              {table.headers.map((header, index) => (
                <TableHeaderCell key={index}>{header}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row, rowIndex) => (
              <TableRow key={rowIndex}>
                {row.map((value, index) => (
                  <TableCell key={index} className={typeof value === "number" ? styles.number : undefined}>
                    {formatValue(value)}
                  </TableCell>
                ))}
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

function formatValue(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  return String(value);
}
