/**
 * Whether two values of plain data (numbers, strings, booleans, null, arrays and objects of them) are
 * the same, element by element and key by key. Numbers compare with Object.is: NaN equals NaN, but 0
 * and -0 differ, so "the same" never hides a difference a calculation could see.
 * @example sameData({ a: [1, NaN] }, { a: [1, NaN] }) // true
 * @example sameData({ a: 1 }, { a: 1, b: undefined }) // false
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameData(value, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameData(left[key], right[key]));
}
