/**
 * What a defined name refers to, as the add-in can use it: one plain rectangle of cells on a named sheet,
 * or a note saying why the name is skipped. Excel allows names of whole columns ("Sheet1!$A:$A"), whole
 * rows, several areas ("Sheet1!$A$1:$B$2,Sheet1!$D$1:$E$2"), formulas ("=OFFSET(...)"), constants and
 * names whose range was deleted ("#REF!"); none of them is a block of planning data the add-in can map.
 */
import { parseRange, rangeAddress } from "./address";

/** A name's rectangle (sheet-qualified A1 text) or why it has none. */
export type NamedReference = { address: string; note?: undefined } | { address: null; note: string };

const WHOLE_COLUMNS = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;
const WHOLE_ROWS = /^\$?\d{1,7}:\$?\d{1,7}$/;
const CONSTANT = /^(?:[-+]?\d|"|\{|TRUE$|FALSE$)/i;
const ADVICE = "point the name at the cells that hold the data, or map its sheet or a table instead";

/**
 * Classify a name's formula as Excel shows it (NamedItem.formula, "=Sheet1!$B$2:$C$3").
 * @param formula the name's formula, with or without its leading "=".
 * @returns `{ address }` for one rectangle on a named sheet, else `{ address: null, note }`.
 * @example namedReference("=Sales!$B$2:$C$3") // { address: "Sales!B2:C3" }
 * @example namedReference("=Sales!$A:$A").note // 'refers to whole columns (Sales!$A:$A): point the name at ...'
 */
export function namedReference(formula: string): NamedReference {
  const text = formula.trim().replace(/^=/, "").trim();
  const skipped = (why: string): NamedReference => ({ address: null, note: `${why} (${text}): ${ADVICE}` });
  if (text.includes("#REF!")) return skipped("refers to cells that were deleted");
  if (CONSTANT.test(text)) return skipped("is a constant, not a range of cells");
  if (splitAreas(text).length > 1) return skipped("refers to several areas");
  const body = text.slice(text.lastIndexOf("!") + 1);
  if (WHOLE_COLUMNS.test(body)) return skipped("refers to whole columns");
  if (WHOLE_ROWS.test(body)) return skipped("refers to whole rows");
  try {
    const range = parseRange(text);
    if (range.sheet === undefined) return skipped("does not name a sheet");
    return { address: rangeAddress(range, range.sheet) };
  } catch {
    return skipped("is a formula, not a fixed range of cells");
  }
}

/** Split "A!$A$1:$B$2,A!$D$1" at the commas outside quotes and brackets. */
function splitAreas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
