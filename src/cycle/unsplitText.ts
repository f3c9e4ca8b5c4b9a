/**
 * A CSV or text export opened in Excel without splitting it into columns: each line sits in one cell
 * ("Item;Jan 2024;Feb 2024;Mar 2024"), so no block holds items by period and step 1 would find no
 * history without saying why.
 */
import type { Matrix } from "../workbook/workbook";
import { historyFieldOf } from "./headerNames";
import { looksLikePeriod } from "./periodHeader";

/** Where a block holds whole text lines in one column, and the delimiter that would split them. */
export interface UnsplitText {
  /** Row and column of the first such cell within the block. */
  row: number;
  col: number;
  /** ";", ",", "|" or a tab. */
  delimiter: string;
  /** The cell's text. */
  text: string;
}

const DELIMITERS = [";", "\t", "|", ","];

/** Rows a block is looked at from its top for such a line. */
const ROWS_LOOKED_AT = 10;

/**
 * The first cell of a block's top rows that is the only filled cell of its row and splits by one
 * delimiter into at least three parts of which at least two look like periods ({@link looksLikePeriod})
 * or name a history column ("Item", "Date", "Qty"): the header line of an export left whole.
 * @param values the block's first rows
 * @returns the cell and its delimiter, or undefined
 * @example unsplitText([["Item;Jan 2024;Feb 2024;Mar 2024"], ["A100;1;2;3"]]) // { row: 0, col: 0, delimiter: ";", text: "Item;Jan 2024;Feb 2024;Mar 2024" }
 */
export function unsplitText(values: Matrix): UnsplitText | undefined {
  for (const [row, cells] of values.slice(0, ROWS_LOOKED_AT).entries()) {
    const filled = cells.flatMap((cell, col) => (cell === null || cell === "" ? [] : [{ cell, col }]));
    if (filled.length !== 1 || typeof filled[0].cell !== "string") continue;
    const text = filled[0].cell;
    for (const delimiter of DELIMITERS) {
      const parts = text.split(delimiter).map((part) => part.trim().replace(/^"|"$/g, ""));
      const named = parts.filter((part) => looksLikePeriod(part) || historyFieldOf(part) !== undefined).length;
      if (parts.length >= 3 && named >= 2) return { row, col: filled[0].col, delimiter, text };
    }
  }
  return undefined;
}
