/**
 * How Excel shows a number in a cell: under the cell's number format ("#,##0", "0.0%", "#,##0.00",
 * "$#,##0_);[Red]($#,##0)") or, without one, in Excel's General format (at most 11 characters in a
 * standard-width column, no floating-point noise, scientific notation for very large or small numbers).
 *
 * Covered: up to four sections (positive; negative; zero; text), the placeholders 0 # ?, the decimal
 * point, the thousands separator, trailing commas that divide by 1,000, %, quoted and escaped text,
 * _x (a space) and *x (ignored), colour tags and currency tags such as [$€-407]; dates and times
 * ("mmm-yy", "yyyy-mm-dd", "h:mm AM/PM": see dateFormat). Fractions, scientific formats, elapsed time
 * and conditions are shown as General. Separators and names are those of en-US.
 * Reference: Microsoft, "Review guidelines for customizing a number format" (support.microsoft.com).
 */

import { formatDate, isDateSection } from "./dateFormat";
import { literalAt, scanSection, type TextToken } from "./formatSection";

/** Characters General fills in a standard-width column, the minus sign not counted. */
const GENERAL_WIDTH = 11;

/** Significant digits Excel keeps of a number (IEEE doubles shown to 15 digits). */
const EXCEL_PRECISION = 15;

type Token = TextToken | { kind: "digit"; char: "0" | "#" | "?" } | { kind: "point" } | { kind: "comma" } | { kind: "percent" };

/**
 * A number as Excel displays it under a number format.
 * @param value the cell's number
 * @param format the cell's number format; undefined, "" or "General" for Excel's General format, "@"
 *   (text) also shows a number as General
 * @returns the text Excel shows (formats this module does not cover show as General)
 * @example formatNumber(1234.5678, "#,##0") // "1,235"
 * @example formatNumber(0.98765, "0.0%") // "98.8%"
 * @example formatNumber(0.1 + 0.2) // "0.3"
 * @example formatNumber(45292, "mmm-yy") // "Jan-24"
 */
export function formatNumber(value: number, format?: string): string {
  if (!Number.isFinite(value)) return "#NUM!";
  const sections = splitSections(format ?? "");
  const chosen = value < 0 && sections.length > 1 ? 1 : value === 0 && sections.length > 2 ? 2 : 0;
  const section = sections[chosen];
  if (section.trim() === "" && chosen > 0) return "";
  const signed = chosen === 0 ? value : Math.abs(value);
  const general = /^\s*(general|@)?\s*$/i.test(section);
  if (!general && isDateSection(section)) return formatDate(signed, section) ?? generalNumber(value);
  const tokens = general ? undefined : tokenize(section);
  const shown = tokens === undefined ? undefined : render(tokens, Math.abs(signed));
  if (shown === undefined) return generalNumber(value);
  return signed < 0 ? `-${shown}` : shown;
}

/**
 * A number in Excel's General format: as many decimals as fit in 11 characters (the sign not counted),
 * trailing zeros dropped, and scientific notation ("1.23457E+11") when that keeps more digits or the
 * integer part is longer than 11 digits.
 * @example generalNumber(1234.5678901234) // "1234.56789"
 * @example generalNumber(123456789012) // "1.23457E+11"
 */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const size = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  const integerDigits = size < 1 ? 1 : Math.floor(Math.log10(size)) + 1;
  const fixed = stripZeros(size.toFixed(Math.max(0, GENERAL_WIDTH - 1 - integerDigits)));
  const [mantissa, exponent] = size.toExponential(GENERAL_WIDTH - 6).split("e");
  const scientific = `${stripZeros(mantissa)}E${exponent[0]}${exponent.slice(1).padStart(2, "0")}`;
  const fits = fixed.length <= GENERAL_WIDTH && size < 1e11;
  return sign + (fits && significantDigits(fixed) >= significantDigits(scientific) ? fixed : scientific);
}

/** "1.2300" -> "1.23", "4.000" -> "4"; text without a decimal point is kept. */
function stripZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Digits from the first non-zero one to the last non-zero one of the mantissa. */
function significantDigits(text: string): number {
  const digits = text.split("E")[0].replace(/\D/g, "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length;
}

/** A format's sections, split at semicolons outside quotes and escapes. */
function splitSections(format: string): string[] {
  const sections = [""];
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (char === ";") {
      sections.push("");
      continue;
    }
    const end = literalAt(format, i)?.end ?? i;
    sections[sections.length - 1] += format.slice(i, end + 1);
    i = end;
  }
  return sections;
}

/** The tokens of one section, or undefined when it holds something General stands in for (a fraction, ...). */
function tokenize(section: string): Token[] | undefined {
  const tokens = scanSection<Token>(section, (i, read) => {
    const char = section[i];
    if (char === "[") {
      const end = section.indexOf("]", i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-]*)/.exec(tag);
      if (currency) read.push({ kind: "text", text: currency[1] });
      else if (!/^([a-z]+|color\d+)$/i.test(tag)) return undefined;
      return end < 0 ? section.length : end;
    }
    if (char === "0" || char === "#" || char === "?") read.push({ kind: "digit", char });
    else if (char === ".") read.push(read.some((t) => t.kind === "point") ? { kind: "text", text: "." } : { kind: "point" });
    else if (char === ",") read.push({ kind: "comma" });
    else if (char === "%") read.push({ kind: "percent" });
    else if (/[A-Za-z@]/.test(char)) return undefined;
    else read.push({ kind: "text", text: char });
    return i;
  });
  if (tokens === undefined) return undefined;
  const digits = tokens.flatMap((t, k) => (t.kind === "digit" ? [k] : []));
  if (digits.length === 0) return tokens;
  const inside = tokens.slice(digits[0], digits[digits.length - 1] + 1);
  return inside.some((t) => t.kind === "text" || t.kind === "percent") ? undefined : tokens;
}

/** The text of a non-negative number under a section's tokens, or undefined when it is too large to lay out. */
function render(tokens: readonly Token[], value: number): string | undefined {
  const pointAt = tokens.findIndex((t) => t.kind === "point");
  const integerEnd = pointAt < 0 ? tokens.length : pointAt;
  const placeholders = (from: number, to: number) => tokens.slice(from, to).flatMap((t) => (t.kind === "digit" ? [t.char] : []));
  const integerPlaces = placeholders(0, integerEnd);
  const fractionPlaces = pointAt < 0 ? [] : placeholders(pointAt + 1, tokens.length);
  const lastIntegerDigit = tokens.slice(0, integerEnd).map((t) => t.kind).lastIndexOf("digit");
  const lastDigit = tokens.map((t) => t.kind).lastIndexOf("digit");
  const scaleCommas = commasAfter(tokens, lastIntegerDigit) + (lastDigit > pointAt && pointAt >= 0 ? commasAfter(tokens, lastDigit) : 0);
  const firstDigit = tokens.findIndex((t) => t.kind === "digit");
  const grouped = tokens.slice(firstDigit, Math.max(lastIntegerDigit, firstDigit)).some((t) => t.kind === "comma");
  const percents = tokens.filter((t) => t.kind === "percent").length;
  const scaled = value * 100 ** percents / 1000 ** scaleCommas;

  const units = Number((scaled * 10 ** fractionPlaces.length).toPrecision(EXCEL_PRECISION));
  if (units >= 1e21) return undefined;
  const digits = Math.round(units).toFixed(0).padStart(fractionPlaces.length + 1, "0");
  const integerDigits = digits.slice(0, digits.length - fractionPlaces.length).replace(/^0+/, "");
  const integerText = padInteger(integerDigits, integerPlaces, grouped);
  const fractionText = trimFraction(digits.slice(digits.length - fractionPlaces.length), fractionPlaces);

  const firstInteger = integerPlaces.length > 0 ? firstDigit : -1;
  const firstFraction = tokens.findIndex((t, k) => t.kind === "digit" && k > pointAt && pointAt >= 0);
  return tokens
    .map((t, k) => {
      if (t.kind === "text") return t.text;
      if (t.kind === "percent") return "%";
      if (t.kind === "point") return integerPlaces.length === 0 ? integerText + "." : ".";
      if (k === firstInteger) return integerText;
      if (k === firstFraction) return fractionText;
      return "";
    })
    .join("");
}

/** How many commas directly follow a placeholder: each divides the number by 1,000. */
function commasAfter(tokens: readonly Token[], placeholder: number): number {
  let count = 0;
  while (placeholder >= 0 && tokens[placeholder + count + 1]?.kind === "comma") count++;
  return count;
}

/**
 * The integer part: its digits, padded on the left as the placeholders ask ("0" a zero, "?" a space,
 * "#" nothing), with thousands separators when the format groups.
 */
function padInteger(digits: string, places: readonly string[], grouped: boolean): string {
  const missing = places.slice(0, Math.max(0, places.length - digits.length));
  const spaces = " ".repeat(missing.filter((place) => place === "?").length);
  const padded = "0".repeat(missing.filter((place) => place === "0").length) + digits;
  return spaces + (grouped ? padded.replace(/\B(?=(\d{3})+$)/g, ",") : padded);
}

/** The decimals, trailing zeros dropped where the placeholder is "#" and blanked where it is "?". */
function trimFraction(digits: string, places: readonly string[]): string {
  const kept = digits.split("");
  for (let k = kept.length - 1; k >= 0 && kept[k] === "0" && places[k] !== "0"; k--) kept[k] = places[k] === "?" ? " " : "";
  return kept.join("");
}
