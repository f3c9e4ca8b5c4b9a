/** How step 1 reads a planner's cell: blank or not, number or not. */
import type { CellValue } from "../workbook/workbook";

/** Numeric text as exports write it: optional sign, thousands separated by commas or spaces, decimals after a point. */
const NUMERIC_TEXT = /^([-+]?)(\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(\.\d+)?$/;
/** A dash standing for zero, as accounting formats and ERP exports show it. */
const DASH = /^[-\u2013\u2014]$/;

/**
 * A cell value as a number: numbers as they are; numeric text converted ("12", " 3.5 ", "1,234",
 * "(12)" for -12, a lone dash "-" for 0, surrounding spaces ignored); anything else null.
 * @example toNumber("1,234 ") // 1234
 * @example toNumber("-") // 0
 * @example toNumber("n/a") // null
 */
export function toNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (DASH.test(text)) return 0;
  const bracketed = /^\((.*)\)$/.exec(text);
  const match = NUMERIC_TEXT.exec(bracketed ? bracketed[1] : text);
  if (!match || (bracketed && match[1] !== "")) return null;
  const number = Number(`${match[1]}${match[2].replace(/[, \u00a0\u202f]/g, "")}${match[3] ?? ""}`);
  return bracketed ? -number : number;
}

/**
 * True for a blank cell: null or only spaces.
 * @example isBlank("  ") // true
 */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}
