/**
 * How Excel (en-US) shows a date serial under a date or time number format: "mmm-yy" -> "Jan-24",
 * "yyyy-mm-dd" -> "2024-01-01", "d/m/yyyy", "dddd, mmmm d, yyyy", "h:mm AM/PM", ...
 *
 * Covered: years (yy, yyyy), months (m, mm, mmm, mmmm, mmmmm), days (d, dd, ddd, dddd), hours,
 * minutes (m or mm after an hour or before seconds), seconds, AM/PM and A/P (in the case written:
 * am/pm shows "am" or "pm"), quoted and escaped text, and locale, currency and colour tags (ignored).
 * Elapsed time ([h]) and fractions of a second are not. A serial shows to the nearest second.
 * Built-in format 14, the system's short date, reaches us as ExcelJS names it ("mm-dd-yy") and shows
 * as en-US Excel shows it ("1/1/2024"); the same for 22 (short date and time).
 * Reference: Microsoft, "Format numbers as dates or times" (support.microsoft.com).
 */
import { excelDateTime } from "./excelDate";
import { scanSection, type TextToken } from "./formatSection";

/** What Excel shows for a date it cannot show: a negative serial, or one after 31 Dec 9999. */
const DATE_OUT_OF_RANGE = "########";

/** Formats ExcelJS names built-in 14 and 22 by, and what Excel in en-US shows for them. */
const BUILT_IN_SHORT_DATES: Readonly<Record<string, string>> = {
  "mm-dd-yy": "m/d/yyyy",
  'm/d/yy "h":mm': "m/d/yyyy h:mm",
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type DateCode = "y" | "m" | "d" | "h" | "s";

/** Literal text; a date code repeated `length` times ("mmm"); or AM/PM (A/P) with the texts it shows. */
type DateToken = TextToken | { kind: "code"; code: DateCode; length: number } | { kind: "ampm"; am: string; pm: string };

/**
 * Whether a format section shows a date or time: it has a date or time code (y m d h s, AM/PM, A/P)
 * outside quoted text, escapes and [tags].
 * @param section one section of a number format
 * @returns true for a date or time section
 * @example isDateSection("mmm-yy") // true
 * @example isDateSection('0 "days"') // false
 */
export function isDateSection(section: string): boolean {
  const bare = section.replace(/"[^"]*"?|\\.|[_*].|\[[^\]]*\]?/g, "");
  return /[ymdhs]|am\/pm|a\/p/i.test(bare);
}

/**
 * A serial as Excel shows it under a date or time section.
 * @param serial the cell's number (an Excel date serial)
 * @param section a date or time section of a number format (see isDateSection)
 * @returns the text Excel shows, "########" for a serial no date has, or undefined for what
 *   this module does not cover (elapsed time, fractions of a second)
 * @example formatDate(45292, "mmm-yy") // "Jan-24"
 * @example formatDate(45292, "mm-dd-yy") // "1/1/2024" (built-in 14, the short date)
 */
export function formatDate(serial: number, section: string): string | undefined {
  const tokens = dateTokens(BUILT_IN_SHORT_DATES[section.trim()] ?? section);
  if (tokens === undefined) return undefined;
  const date = excelDateTime(serial);
  if (date === undefined) return DATE_OUT_OF_RANGE;
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  const codes = tokens.flatMap((t, k) => (t.kind === "code" ? [k] : []));
  const isMinute = (k: number): boolean => {
    const at = codes.indexOf(k);
    const before = tokens[codes[at - 1]];
    const after = tokens[codes[at + 1]];
    return (before?.kind === "code" && before.code === "h") || (after?.kind === "code" && after.code === "s");
  };
  const two = (n: number): string => String(n).padStart(2, "0");
  const month = MONTHS[date.month - 1];
  const weekday = WEEKDAYS[date.weekday];
  const hour = twelveHour ? date.hour % 12 || 12 : date.hour;
  return tokens
    .map((t, k) => {
      if (t.kind === "text") return t.text;
      if (t.kind === "ampm") return date.hour < 12 ? t.am : t.pm;
      const shown: Record<DateCode, string[]> = {
        y: [two(date.year % 100), two(date.year % 100), String(date.year)],
        m: t.length <= 2 && isMinute(k) ? [String(date.minute), two(date.minute)] : [String(date.month), two(date.month), month.slice(0, 3), month, month[0]],
        d: [String(date.day), two(date.day), weekday.slice(0, 3), weekday],
        h: [String(hour), two(hour)],
        s: [String(date.second), two(date.second)],
      };
      const forms = shown[t.code];
      return forms[Math.min(t.length, forms.length) - 1];
    })
    .join("");
}

/** The tokens of a date section, or undefined when it holds what this module does not cover. */
function dateTokens(section: string): DateToken[] | undefined {
  return scanSection<DateToken>(section, (i, read) => {
    const char = section[i];
    const lower = char.toLowerCase();
    if (char === "[") {
      const end = section.indexOf("]", i);
      return /^\[(h+|m+|s+)\]/i.test(section.slice(i)) ? undefined : end < 0 ? section.length : end;
    }
    if (section.slice(i, i + 5).toLowerCase() === "am/pm") {
      read.push({ kind: "ampm", am: section.slice(i, i + 2), pm: section.slice(i + 3, i + 5) });
      return i + 4;
    }
    if (section.slice(i, i + 3).toLowerCase() === "a/p") {
      read.push({ kind: "ampm", am: section[i], pm: section[i + 2] });
      return i + 2;
    }
    if (lower === "y" || lower === "m" || lower === "d" || lower === "h" || lower === "s") {
      let length = 1;
      while (section[i + length]?.toLowerCase() === lower) length++;
      read.push({ kind: "code", code: lower, length });
      return i + length - 1;
    }
    if (/[0#?@A-Za-z]/.test(char)) return undefined;
    read.push({ kind: "text", text: char });
    return i;
  });
}
