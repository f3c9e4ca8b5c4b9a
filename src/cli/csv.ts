/**
 * One CSV field: text quoted when it holds a comma, a quote or a line break (RFC 4180); a number as
 * written, rounded to 6 decimals, blank when it is not a finite number.
 * @example csvField('Chair, oak') // '"Chair, oak"'
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6 + 0) : "";
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
