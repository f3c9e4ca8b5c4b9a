/** How step 1 reads a planner's cell: blank or not, number or not. */
import type { CellValue } from "../workbook/workbook";

/**
 * A cell value as a number: numbers as they are, numeric text ("12", " 3.5 ") converted, anything else null.
 * @example toNumber("12") // 12
 * @example toNumber("n/a") // null
 */
export function toNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * True for a blank cell: null or only spaces.
 * @example isBlank("  ") // true
 */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}
