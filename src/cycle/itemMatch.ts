/**
 * How an item code sold is matched to the item master: as Excel's lookups match text, whatever its
 * letter case, and, for a code of digits only, whatever leading zeros it is written with (SAP keeps
 * material 100234 as "000000000000100234" in one export and shows 100234 in the next).
 */

/**
 * The key two spellings of one item code share.
 * @param id the code as a cell writes it
 * @returns the code trimmed and in lower case; digits without their leading zeros
 * @example itemMatchKey("CH-101") === itemMatchKey("ch-101") // true
 * @example itemMatchKey("000000000000100234") // "100234"
 */
export function itemMatchKey(id: string): string {
  const text = id.trim().toLowerCase();
  return /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, "") : text;
}
