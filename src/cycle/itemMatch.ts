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

/**
 * The item master's ids by their {@link itemMatchKey}, as {@link masterIdOf} looks them up (of two ids
 * sharing a key, the last).
 * @example masterIndex(["CH-101"]).get("ch-101") // "CH-101"
 */
export function masterIndex(ids: Iterable<string>): Map<string, string> {
  return new Map([...ids].map((id) => [itemMatchKey(id), id.trim()]));
}

/** A code and its name in one cell, split at " - ", " – ", ": ", " | " or a tab ("CH-101 - Office chair", "Office chair | CH-101"). */
const CODE_AND_NAME = /\s+[-–—|]\s+|:\s+|\t/;
/** A code in brackets after the name ("Office chair (CH-101)", "Office chair [CH-101]"). */
const CODE_IN_BRACKETS = /[([]\s*([^()[\]]+?)\s*[)\]]\s*$/;

/**
 * The ways a cell may write an item's code, most literal first: the whole cell, then, where the cell
 * holds a code with its name (a report showing "key and text"), the part before the first separator,
 * the part after the last, and a code in brackets at the end.
 * @example codeReadings("CH-101 - Office chair") // ["CH-101 - Office chair", "CH-101", "Office chair"]
 * @example codeReadings("Office chair (CH-101)") // ["Office chair (CH-101)", "CH-101"]
 */
export function codeReadings(text: string): string[] {
  const whole = text.trim();
  const parts = whole.split(CODE_AND_NAME).filter((part) => part !== "");
  const bracketed = CODE_IN_BRACKETS.exec(whole)?.[1];
  const readings = [whole, ...(parts.length > 1 ? [parts[0], parts[parts.length - 1]] : []), ...(bracketed === undefined ? [] : [bracketed])];
  return readings.filter((reading, k) => readings.indexOf(reading) === k);
}

/**
 * The item master's id of an item as a cell writes it: by {@link itemMatchKey} of the whole cell, else of
 * the code the cell writes with its name ({@link codeReadings}); undefined when the master has none.
 * @param sold the item as the history writes it
 * @param master the master's ids by their {@link itemMatchKey}
 * @example masterIdOf("CH-101 - Office chair", new Map([["ch-101", "CH-101"]])) // { id: "CH-101", withName: true }
 */
export function masterIdOf(sold: string, master: ReadonlyMap<string, string>): { id: string; withName: boolean } | undefined {
  const [whole, ...others] = codeReadings(sold);
  const exact = master.get(itemMatchKey(whole));
  if (exact !== undefined) return { id: exact, withName: false };
  for (const reading of others) {
    const id = master.get(itemMatchKey(reading));
    if (id !== undefined) return { id, withName: true };
  }
  return undefined;
}
