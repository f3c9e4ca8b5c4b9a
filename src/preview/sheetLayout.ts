/**
 * What the preview grid shows in each cell of a sheet: typed values, numbers under their cell's number
 * format (or Excel's General format), the results of SOP formulas spilled below and to the right of
 * their cell (as Excel's dynamic arrays do), #SPILL! where the result would cover a non-empty cell, and
 * error values with their message.
 */
import { cellAddress } from "../workbook/address";
import { formatNumber } from "../workbook/numberFormat";
import type { CellInput, CellValue } from "../workbook/workbook";
import type { FormulaOutcome } from "./formula";

/** How one cell is displayed. */
export interface DisplayCell {
  text: string;
  kind: "empty" | "number" | "text" | "boolean" | "error" | "spilled";
  /** Shown on hover: an error's message, or the formula of the cell. */
  title?: string;
}

/** The displayed block of a sheet from A1: `rows` x `columns` cells, each looked up with `cell`. */
export interface SheetLayout {
  rows: number;
  columns: number;
  cell: (row: number, col: number) => DisplayCell;
}

/** The most rows and columns the grid draws. */
export const MAX_ROWS = 500;
export const MAX_COLUMNS = 60;

const EMPTY: DisplayCell = { text: "", kind: "empty" };

/**
 * Lay out a sheet for display.
 * @param inputs the sheet's contents from A1 as typed (formulas as `{ formula }`)
 * @param values the sheet's values from A1 (a formula's saved result, null when not calculated)
 * @param formats the number formats of the sheet's cells from A1 (undefined: General)
 * @param outcomes results of the SOP formulas, keyed by their cell address ("C5")
 * @param margin empty rows and columns drawn beyond the used cells, so the planner can type there
 * @example layoutSheet([[1, { formula: "=SOP.GAP({1},{2})" }]], [[1, null]], [["0.0"]], new Map([["B1", { ok: true, values: [[-1]] }]]), 2)
 */
export function layoutSheet(
  inputs: readonly (readonly CellInput[])[],
  values: readonly (readonly CellValue[])[],
  formats: readonly (readonly (string | undefined)[])[],
  outcomes: ReadonlyMap<string, FormulaOutcome>,
  margin: number,
): SheetLayout {
  const cells = new Map<string, DisplayCell>();
  let rows = inputs.length;
  let columns = Math.max(0, ...inputs.map((row) => row.length));
  const displayAt = (value: CellValue, row: number, col: number) => displayValue(value, formats[row]?.[col]);
  const isTyped = (row: number, col: number) => {
    const input = inputs[row]?.[col];
    return input !== undefined && input !== null && input !== "";
  };

  inputs.forEach((row, r) =>
    row.forEach((input, c) => {
      if (input === null || input === "") return;
      const address = cellAddress({ row: r, col: c });
      if (typeof input !== "object") {
        cells.set(address, displayAt(input, r, c));
        return;
      }
      const outcome = outcomes.get(address);
      if (!outcome) {
        cells.set(address, { ...displayAt(values[r]?.[c] ?? null, r, c), title: `${input.formula} (not calculated in the preview)` });
        return;
      }
      if (!outcome.ok) {
        cells.set(address, { text: outcome.code, kind: "error", title: outcome.message });
        return;
      }
      const blocked = findBlockingCell(outcome.values, r, c, (row, col) => isTyped(row, col) || cells.has(cellAddress({ row, col })));
      if (blocked) {
        cells.set(address, {
          text: "#SPILL!",
          kind: "error",
          title: `The result needs ${outcome.values.length} rows x ${outcome.values[0]?.length ?? 0} columns from ${address}, but ${blocked} is not empty. Clear it.`,
        });
        return;
      }
      outcome.values.forEach((resultRow, i) =>
        resultRow.forEach((value, j) => {
          const display = displayAt(value, r + i, c + j);
          const spilled = i > 0 || j > 0;
          cells.set(cellAddress({ row: r + i, col: c + j }), {
            ...display,
            kind: spilled && display.kind !== "error" ? "spilled" : display.kind,
            title: spilled ? `Result of ${input.formula} in ${address}` : input.formula,
          });
        }),
      );
      rows = Math.max(rows, r + outcome.values.length);
      columns = Math.max(columns, c + Math.max(0, ...outcome.values.map((resultRow) => resultRow.length)));
    }),
  );

  return {
    rows: Math.min(rows + margin, MAX_ROWS),
    columns: Math.min(columns + margin, MAX_COLUMNS),
    cell: (row, col) => cells.get(cellAddress({ row, col })) ?? EMPTY,
  };
}

/** The address of the first non-empty cell a result would cover (its own cell excluded). */
function findBlockingCell(
  block: readonly (readonly CellValue[])[],
  top: number,
  left: number,
  occupied: (row: number, col: number) => boolean,
): string | undefined {
  for (let i = 0; i < block.length; i++) {
    for (let j = 0; j < block[i].length; j++) {
      if ((i > 0 || j > 0) && occupied(top + i, left + j)) return cellAddress({ row: top + i, col: left + j });
    }
  }
  return undefined;
}

/**
 * How a value reads in a cell: a number under the cell's number format (General without one),
 * TRUE/FALSE, error values as errors.
 * @param value the cell's value
 * @param format the cell's number format (undefined: General)
 * @example displayValue(0.1 + 0.2).text // "0.3"
 * @example displayValue(0.98765, "0.0%").text // "98.8%"
 */
export function displayValue(value: CellValue, format?: string): DisplayCell {
  if (value === null) return EMPTY;
  if (typeof value === "number") return { text: formatNumber(value, format), kind: "number" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (/^#(VALUE!|N\/A|NUM!|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!)$/.test(value)) return { text: value, kind: "error" };
  return { text: value, kind: "text" };
}
