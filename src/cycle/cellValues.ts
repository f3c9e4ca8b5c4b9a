/** How step 1 reads a planner's cell: blank or not, number or not. */
import type { CellValue } from "../workbook/workbook";

/**
 * Numeric text as exports write it: optional sign (the typographic minus "−" too), thousands separated
 * by commas, spaces or Swiss apostrophes ("2'345"), decimals after a point. Thousands never start with
 * 0: "0,500" is a decimal comma (half), not 500.
 */
const NUMERIC_TEXT = /^([-+\u2212]?)([1-9]\d{0,2}(?:[, \u00a0\u202f'\u2019]\d{3})+|\d+)(\.\d+)?$/;
/** A dash standing for zero, as accounting formats and ERP exports show it. */
const DASH = /^[-\u2013\u2014]$/;

/** A point followed by three digits and nothing else ("1.234", "-12.500"): thousands in a European export, or decimals. */
const POINT_THOUSANDS = /^[-+(]?[1-9]\d{0,2}\.\d{3}\)?$/;
/** A decimal comma, with points or spaces between thousands ("1.234,5", "12,5", "1 234,50", "0,500"). */
const DECIMAL_COMMA = /^[-+(]?\d{1,3}(?:[. \u00a0\u202f]\d{3})*,\d{1,2}\)?$|^[-+(]?\d{1,3}(?:\.\d{3})+,\d+\)?$|^[-+(]?0,\d+\)?$/;
/** An Excel error value, as a formula shows it ("#DIV/0!", "#N/A", "#REF!"). */
const EXCEL_ERROR = /^#(?:div\/0!|n\/a|value!|ref!|name\?|num!|null!|spill!|calc!|getting_data|field!|blocked!|connect!|busy!|unknown!)$/i;
/** A number followed by a unit ("12 pcs", "3.5kg"). */
const WITH_UNIT = /^[-+]?\d[\d.,\s]*\s*[a-z%]+\.?$/i;

/**
 * A cell value as a number: numbers as they are; numeric text converted ("12", " 3.5 ", "1,234",
 * "(12)" and SAP's "12-" for -12, a lone dash "-" for 0, surrounding spaces ignored); anything else null, and so is
 * text that reads two ways ("1.234": 1234 in a European export, 1.234 otherwise), rather than guessed.
 * @example toNumber("1,234 ") // 1234
 * @example toNumber("-") // 0
 * @example toNumber("12-") // -12
 * @example toNumber("2'345") // 2345
 * @example toNumber("1.234") // null
 * @example toNumber("n/a") // null
 */
export function toNumber(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (DASH.test(text)) return 0;
  const { digits, negative } = signed(text);
  if (POINT_THOUSANDS.test(digits)) return null;
  const match = NUMERIC_TEXT.exec(digits);
  if (!match || (negative && match[1] !== "")) return null;
  const number = Number(`${match[1].replace("\u2212", "-")}${match[2].replace(/[, \u00a0\u202f'\u2019]/g, "")}${match[3] ?? ""}`);
  return negative ? -number : number;
}

/**
 * Numeric text without the sign written around it: negative in brackets ("(12)"), or with the minus
 * after it as SAP writes it ("12-", "1.234,5 -").
 */
function signed(text: string): { digits: string; negative: boolean } {
  const negative = /^\((.*)\)$/.exec(text) ?? /^(\d[\d, \u00a0\u202f.]*)\s?-$/.exec(text);
  return negative ? { digits: negative[1].trim(), negative: true } : { digits: text, negative: false };
}

/** An amount with its currency, as a sign or an ISO code before or after it ("$1,250.00", "12.50 EUR", "€ 12"). */
/** Currency codes as exports write them beside an amount or in a header ("EUR", "usd"), as a regular-expression alternation. */
export const CURRENCY_CODES = "usd|eur|gbp|chf|jpy|cny|sek|nok|dkk|pln|czk|cad|aud|inr";
const WITH_CURRENCY = new RegExp(`^(?:[$€£¥₹]|(?:${CURRENCY_CODES})\\b)\\s*(.+)$|^(.+?)\\s*(?:[$€£¥₹]|\\b(?:${CURRENCY_CODES}))$`, "i");
/** An amount with a decimal comma and one or two decimals ("12,50", "1.300,00"), as European money is written: no thousands reading is possible. */
const COMMA_MONEY = /^([-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)),(\d{1,2})$/;

/**
 * An item or resource attribute as a number: as toNumber reads it, or written with its currency
 * ("$1,250.00", "12.50 EUR", and European "12,50 €" or "1.300,00 EUR": the amount) or as a percentage
 * ("25%": 0.25), as item master exports write prices, costs and rates; anything else null.
 * @example toAttributeNumber("$1,250.00") // 1250
 * @example toAttributeNumber("1.300,00 €") // 1300
 * @example toAttributeNumber("25 %") // 0.25
 * @example toAttributeNumber("12 pcs") // null
 */
export function toAttributeNumber(value: CellValue): number | null {
  const plain = toNumber(value);
  if (plain !== null || typeof value !== "string") return plain;
  const text = value.trim();
  const percent = /^(.+?)\s*%$/.exec(text);
  if (percent) {
    const share = toNumber(percent[1]);
    return share === null ? null : share / 100;
  }
  const money = WITH_CURRENCY.exec(text);
  if (!money) return null;
  const amount = (money[1] ?? money[2]).trim();
  const comma = COMMA_MONEY.exec(amount);
  return comma ? Number(`${comma[1].replace(/\./g, "")}.${comma[2]}`) : toNumber(amount);
}

/** Commas between thousands and nothing else ("1,250", "-12,500"): thousands, or a European decimal comma. */
const COMMA_THOUSANDS = /^[-+(]?[1-9]\d{0,2}(?:,\d{3})+\)?$/;

/**
 * True for text read as a whole number by its commas between thousands ("1,250" as 1250) that a
 * European export would mean as decimals (1.25): toNumber reads it as thousands, and a message should
 * say so.
 * @example commaReadAsThousands("1,250") // true
 * @example commaReadAsThousands("1,250.5") // false (the point settles it)
 */
export function commaReadAsThousands(value: CellValue): boolean {
  return typeof value === "string" && COMMA_THOUSANDS.test(value.trim());
}

/** Text only a decimal comma reads ("12,5", "1.234,5", "0,500"), as a pattern step 1's sheet reader and `sop gather`'s SQL share. */
export const COMMA_DECIMAL_TEXT = "[-+]?([0-9]+,[0-9]{1,2}|[0-9]{1,3}(\\.[0-9]{3})+,[0-9]+|0,[0-9]+)";
/** Text with a decimal point ("12.5", ".5"), unless it is a run of thousands ({@link POINT_THOUSANDS_TEXT}). */
export const POINT_DECIMAL_TEXT = "[-+]?[0-9]*\\.[0-9]+";
/** Points between thousands ("1.234", "12.500.000"). */
export const POINT_THOUSANDS_TEXT = "[-+]?[0-9]{1,3}(\\.[0-9]{3})+";

/**
 * True when a block's numbers written as text are a European export's: some read only with a decimal
 * comma ("12,5", "1.234,5", "1.234,000") and none with a decimal point ("12.5"), as `sop gather`
 * settles a file's numbers. Numbers typed as numbers say nothing either way.
 * @param cells the block's quantity cells (a sample)
 * @example writesDecimalComma(["1.234,000", "12,000", 7]) // true
 * @example writesDecimalComma(["12,5", "3.25"]) // false
 */
export function writesDecimalComma(cells: readonly CellValue[]): boolean {
  const texts = cells.flatMap((cell) => (typeof cell === "string" ? [cell.trim().replace(/\s?-$/, "")] : []));
  return texts.some((text) => ONLY_COMMA_DECIMAL.test(text)) && !texts.some((text) => ONLY_POINT_DECIMAL.test(text) && !ONLY_POINT_THOUSANDS.test(text));
}

/** The evidence patterns above, each matching a whole text. */
const [ONLY_COMMA_DECIMAL, ONLY_POINT_DECIMAL, ONLY_POINT_THOUSANDS] = [COMMA_DECIMAL_TEXT, POINT_DECIMAL_TEXT, POINT_THOUSANDS_TEXT].map((pattern) => new RegExp(`^(?:${pattern})$`));

/**
 * A quantity cell as its block writes numbers: numbers as they are; text by {@link toNumber}, or, in a
 * block written with decimal commas ({@link writesDecimalComma}), with its comma as the decimal point
 * ("1.234,5", "12,000" as twelve, "12,5-" and "(12,5)" negative, "-" zero).
 * @param value the cell
 * @param decimalComma whether the block writes decimal commas
 * @example numberIn("1.234,000-", true) // -1234
 * @example numberIn("1,234", false) // 1234
 */
export function numberIn(value: CellValue, decimalComma: boolean): number | null {
  if (!decimalComma || typeof value !== "string") return toNumber(value);
  const text = value.trim();
  if (DASH.test(text)) return 0;
  const { digits, negative } = signed(text);
  const number = decimalCommaNumber(digits);
  return number === null ? null : negative ? -number : number;
}

/** A number with a decimal comma and points between thousands, as a ";"-separated export writes it ("1.234,5", "12,5", "7"). */
const EUROPEAN_NUMBER = /^[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/**
 * A number as a European export (a file separated by semicolons) writes it: decimals after a comma,
 * points between thousands.
 * @returns the number, or null when it is not written that way
 * @example decimalCommaNumber("1.234,5") // 1234.5
 * @example decimalCommaNumber("1,2,3") // null
 */
export function decimalCommaNumber(raw: string): number | null {
  const text = raw.trim();
  return EUROPEAN_NUMBER.test(text) ? Number(text.replace(/\./g, "").replace(",", ".")) : null;
}

/**
 * A cell as Excel shows it, for a message: TRUE and FALSE in capitals, anything else as its text.
 * @example shownValue(true) // "TRUE"
 */
export function shownValue(value: CellValue): string {
  return typeof value === "boolean" ? String(value).toUpperCase() : String(value);
}

/**
 * True for a blank cell: null or only spaces.
 * @example isBlank("  ") // true
 */
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * What to do about text where a number belongs, for a message: how it was written (a point between
 * thousands or a decimal comma, a unit) and how to enter it; a plain request for a number otherwise.
 * @example notNumberAdvice("1.234") // "It reads as 1234 or as 1.234 (a point between thousands, or a decimal point): enter it as a number."
 * @example notNumberAdvice("12 pcs") // "It holds a unit: enter the number alone."
 */
export function notNumberAdvice(value: CellValue): string {
  const text = typeof value === "string" ? value.trim().replace(/(\d)\s?-$/, "$1") : "";
  if (POINT_THOUSANDS.test(text)) return "It reads as 1234 or as 1.234 (a point between thousands, or a decimal point): enter it as a number.";
  if (DECIMAL_COMMA.test(text)) return "It is written with a decimal comma (a European export opened as text): enter it as a number, or open the file with the export's regional setting.";
  if (WITH_UNIT.test(text)) return "It holds a unit: enter the number alone.";
  if (EXCEL_ERROR.test(text)) return "It is an Excel error: correct the formula that gives it, or enter the number.";
  return "Enter a number.";
}

/**
 * True when two texts name one thing: equal but for letter case and surrounding spaces (two measure
 * names, an item's family on two rows).
 * @example sameText(" actuals qty", "Actuals Qty") // true
 */
export function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
