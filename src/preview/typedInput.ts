/**
 * Text typed into a grid cell and the cell's contents, both ways, as Excel reads a typed entry: blank,
 * a formula (starts with "="), a number, TRUE/FALSE, or else text (kept exactly as typed).
 */
import type { CellInput } from "../workbook/workbook";

/**
 * The text a cell shows in the formula bar: a value as typed, a number to the 15 significant digits
 * Excel keeps (no floating-point noise), a formula with its "=".
 * @example inputText({ formula: "SOP.GAP(B2:B13,C2:C13)" }) // "=SOP.GAP(B2:B13,C2:C13)"
 * @example inputText(0.1 + 0.2) // "0.3"
 */
export function inputText(input: CellInput): string {
  if (input === null) return "";
  if (typeof input === "object") return input.formula.startsWith("=") ? input.formula : `=${input.formula}`;
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  if (typeof input === "number") return String(Number(input.toPrecision(15)));
  return String(input);
}

/**
 * What typed text means: blank (null), a formula, a number, TRUE/FALSE, or text.
 * @example parseTyped(" 12.5 ") // 12.5
 * @example parseTyped("=SOP.GAP(A1:A3,B1:B3)") // { formula: "=SOP.GAP(A1:A3,B1:B3)" }
 */
export function parseTyped(text: string): CellInput {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (trimmed.startsWith("=")) return { formula: trimmed };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toUpperCase() === "TRUE";
  return text;
}
