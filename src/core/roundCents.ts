/**
 * Round to the cent (two decimals), the precision the planning sheets hold quantities and money at;
 * -0 becomes 0.
 * @param value any number
 * @returns value rounded half up at two decimals
 * @example roundCents(2.345) // 2.35
 */
export function roundCents(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}
