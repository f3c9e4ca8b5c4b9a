/**
 * The cells of the preview grid as an HTML table with column letters and row numbers. It redraws only
 * when the laid-out sheet or the selection change, not while the planner types in the formula bar.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters, type CellPosition } from "../workbook/address";
import type { DisplayCell, SheetLayout } from "./sheetLayout";

export interface CellTableProps {
  layout: SheetLayout;
  selection: CellPosition;
  onSelect: (row: number, col: number) => void;
  onEdit: (row: number, col: number) => void;
}

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "fixed" },
  header: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: "72px",
    zIndex: 1,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: "36px",
    textAlign: "right",
    paddingRight: "4px",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    height: "20px",
    maxWidth: "120px",
    padding: "0 4px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  spilled: { textAlign: "right", fontVariantNumeric: "tabular-nums", backgroundColor: tokens.colorBrandBackground2 },
  error: { color: tokens.colorPaletteRedForeground1, textAlign: "center" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

/** The element id of a cell, for the grid's aria-activedescendant. */
export function cellId(address: string): string {
  return `preview-cell-${address}`;
}

export const CellTable = React.memo(function CellTable({ layout, selection, onSelect, onEdit }: CellTableProps): React.JSX.Element {
  const styles = useStyles();
  const kindClass = (cell: DisplayCell): string | undefined =>
    cell.kind === "number" ? styles.number : cell.kind === "spilled" ? styles.spilled : cell.kind === "error" ? styles.error : undefined;
  return (
    <table className={styles.table} role="presentation">
      <thead>
        <tr role="row">
          <th className={styles.header} aria-hidden="true" />
          {Array.from({ length: layout.columns }, (_, col) => (
            <th key={col} className={styles.header} role="columnheader">
              {columnLetters(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: layout.rows }, (_, row) => (
          <tr key={row} role="row">
            <th className={styles.rowHeader} role="rowheader">
              {row + 1}
            </th>
            {Array.from({ length: layout.columns }, (_, col) => {
              const address = cellAddress({ row, col });
              const shown = layout.cell(row, col);
              const isSelected = row === selection.row && col === selection.col;
              return (
                <td
                  key={col}
                  id={cellId(address)}
                  role="gridcell"
                  aria-selected={isSelected}
                  data-address={address}
                  title={shown.title}
                  className={mergeClasses(styles.cell, kindClass(shown), isSelected && styles.selected)}
                  onMouseDown={() => onSelect(row, col)}
                  onDoubleClick={() => onEdit(row, col)}
                >
                  {shown.text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
