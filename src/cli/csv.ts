/** Text a spreadsheet program would run as a formula when it opens the CSV (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: text quoted when it holds a comma, a quote or a line break (RFC 4180); a number as
 * written, rounded to 6 decimals, blank when it is not a finite number. Text starting with = + - @, a
 * tab or a carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text instead
 * of running it (OWASP's advice on CSV injection); text that is a plain number ("-5") is left as it is.
 * @example csvField('Chair, oak') // '"Chair, oak"'
 * @example csvField('=HYPERLINK("http://x")') // '"\'=HYPERLINK(""http://x"")"'
 */
export function csvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6 + 0) : "";
  const text = FORMULA_START.test(value) && !Number.isFinite(Number(value)) ? `'${value}` : value;
  return /[",\n\r\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
