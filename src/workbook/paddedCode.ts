/**
 * Codes Excel shows with leading zeros. Excel drops the zeros of a code typed as 00123 and keeps the
 * number 123; planners get them back with a custom number format such as "00000" (Microsoft, "Keeping
 * leading zeros and large numbers", support.microsoft.com). The code is then 00123 wherever the planner
 * looks, and 00123 in the ERP export beside it, so the add-in reads such a cell as the text it shows.
 *
 * Only formats made of three or more zeros and nothing else count: a quantity formatted "#,##0" or
 * `0" pcs"` stays a number, and so does a month or a day formatted "00" (read as numbers by step 1).
 */
import { formatNumber } from "./numberFormat";
import type { CellValue } from "./workbook";

/** A format that pads whole numbers to its length with leading zeros, and does nothing else. */
const ZERO_PADDING = /^0{3,}$/;

/**
 * A cell's value as the planner sees it when it is a code padded by its number format; otherwise the
 * value unchanged.
 * @param value the cell's value as read
 * @param format the cell's number format (undefined or "General" when none)
 * @returns the text shown for a whole number from 0 under a zero-padding format (so that a column of
 *   such codes reads as text throughout, 123456 as "123456" too), else `value`
 * @example shownCode(123, "00000") // "00123"
 * @example shownCode(123456, "00000") // "123456"
 * @example shownCode(123, "#,##0") // 123
 */
export function shownCode(value: CellValue, format: string | undefined): CellValue {
  if (typeof value !== "number" || format === undefined || !ZERO_PADDING.test(format)) return value;
  if (!Number.isSafeInteger(value) || value < 0) return value;
  return formatNumber(value, format);
}
