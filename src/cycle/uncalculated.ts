/**
 * Formulas saved without their values. A file written by a program that stores formulas without
 * calculating them (a script, some ERP exports) holds no value for them, so they read as blank: a
 * history or an item master built that way would be planned from blanks. Excel and LibreOffice save
 * every formula's value, so saving the file in either mends it.
 */
import type { Workbook } from "../workbook/workbook";
import { counted } from "./counted";
import type { ReadProblem } from "./reconciliation";

/**
 * One problem per block holding formulas whose values were not saved with the file, at its first such
 * cell, counting the others.
 * @param book the workbook (one open in Excel has no such cells)
 * @param references the blocks read (table, name, sheet or range references), each checked once
 * @returns the problems, kind "uncalculatedFormula"
 * @example await uncalculatedFormulaProblems(book, ["Sales"]) // [{ kind: "uncalculatedFormula", address: "Sales!B3", message: "Sales!B3 holds a formula (=B2*2) ..." }]
 */
export async function uncalculatedFormulaProblems(book: Workbook, references: readonly string[]): Promise<ReadProblem[]> {
  const problems: ReadProblem[] = [];
  for (const reference of new Set(references)) {
    const cells = (await book.uncalculatedFormulas?.(reference)) ?? [];
    if (cells.length === 0) continue;
    const [first] = cells;
    const more = cells.length > 1 ? ` (and ${counted(cells.length - 1, "more cell")} of ${reference})` : "";
    const message = `${first.address} holds a formula (${first.formula}) whose value was not saved with the file${more}: step 1 reads such cells as blank. Open the file in Excel or LibreOffice and save it, so that the values are saved with it, then run again.`;
    problems.push({ kind: "uncalculatedFormula", address: first.address, message });
  }
  return problems;
}
