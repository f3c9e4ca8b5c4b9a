/**
 * The safety rules every Workbook implementation applies before and while writing: which sheets it
 * may write without asking, and how a string stays text.
 */
import type { CellInput, WriteBlock, WriteOptions } from "./workbook";
import { WorkbookError } from "./workbookError";

/** What a write needs to know about one target sheet. */
export interface TargetSheet {
  name: string;
  exists: boolean;
  owned: boolean;
  protected: boolean;
}

/**
 * True when a write may rewrite this protected sheet: the add-in owns it and the same write protects it
 * again (the audit log, rewritten with each decision).
 * @example reprotected({ name: "SOP Audit Log", exists: true, owned: true, protected: true }, { protect: ["SOP Audit Log"] }) // true
 */
export function reprotected(target: TargetSheet, options: WriteOptions): boolean {
  return target.owned && (options.protect ?? []).some((name) => name.toLowerCase() === target.name.toLowerCase());
}

/**
 * Check that every target sheet may be written: sheets the add-in created may; any other existing
 * sheet only when `options.overwrite` asks the user and gets a yes. Sheets that do not exist yet
 * will be created and owned by the add-in. A protected sheet refuses, unless the add-in owns it and the
 * write protects it again ({@link reprotected}).
 * @param targets the distinct sheets a write touches.
 * @param options the caller's write options.
 * @throws WorkbookError naming the sheet, when it is protected or the user did not confirm.
 * @example await assertWritable([{ name: "Forecast", exists: true, owned: true, protected: false }], {})
 */
export async function assertWritable(targets: readonly TargetSheet[], options: WriteOptions = {}): Promise<void> {
  for (const target of targets) {
    if (target.protected && !reprotected(target, options)) {
      throw new WorkbookError(
        `The sheet "${target.name}" is protected, so the add-in did not change it. Unprotect it first if you mean to update it.`,
      );
    }
    if (!target.exists || target.owned) continue;
    const confirmed = options.overwrite ? await options.overwrite(target.name) : false;
    if (!confirmed) {
      throw new WorkbookError(
        `The sheet "${target.name}" holds your own data, so the add-in did not write into it. Confirm the overwrite or choose another sheet.`,
      );
    }
  }
}

/**
 * The distinct sheet names a list of blocks writes into, in first-seen order.
 * @example targetSheetNames([{ sheet: "A", topLeft: "A1", values: [] }]) // ["A"]
 */
export function targetSheetNames(blocks: readonly WriteBlock[]): string[] {
  return [...new Set(blocks.map((block) => block.sheet))];
}

/**
 * True for text Excel would take as a formula or a number when typed: it starts with = + - or @.
 * @example looksLikeFormula("=SUM(A1)") // true
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * True when the input is an explicit formula `{ formula }`.
 * @example isFormulaInput({ formula: "=A1*2" }) // true
 */
export function isFormulaInput(value: CellInput): value is { formula: string } {
  return typeof value === "object" && value !== null;
}

/**
 * The number format of one cell of a block of cells (a write, or a result table): per column
 * (string[]) or per cell (string[][]).
 * @param block what holds the formats
 * @param row the cell's row in the block, from 0
 * @param col the cell's column in the block, from 0
 * @returns The format, or undefined when the block gives none for that cell.
 * @example numberFormatAt({ numberFormats: ["@", "0.0"] }, 3, 1) // "0.0"
 */
export function numberFormatAt(block: Pick<WriteBlock, "numberFormats">, row: number, col: number): string | undefined {
  const formats = block.numberFormats;
  if (!formats || formats.length === 0) return undefined;
  const first = formats[0];
  if (Array.isArray(first)) {
    const rowFormats = formats[row];
    return Array.isArray(rowFormats) ? rowFormats[col] : undefined;
  }
  const column = formats[col];
  return typeof column === "string" ? column : undefined;
}

/**
 * Formula text without its leading "=" (ExcelJS's form) and with it (Excel's form).
 * @example formulaBody("=A1*2") // "A1*2"
 */
export function formulaBody(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}
