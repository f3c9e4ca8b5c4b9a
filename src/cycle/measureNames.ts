/**
 * What a measure's name says it holds, where a planning book keeps several measures side by side: on
 * its lines under a "Key Figure" or "Version" column (SAP IBP's "Actuals Qty", "Statistical Forecast
 * Qty", "Consensus Demand Qty"; APO's "Sales history", "Corrected history"; Anaplan's line items "Actual
 * Sales Units", "Forecast Units"), or written with each period ("Jan 2024 Actual", "Jan 2024 Forecast").
 * Step 1 reads one of them as the demand history only when exactly one names it and every other names
 * something else it knows; it never guesses between two that could each be the history.
 */
import { CURRENCY_CODES, sameText } from "./cellValues";
import { historyFieldOf } from "./headerNames";

/** Words naming actuals ("Jan-25 Actual", "Ist Jan 2025"). */
export const ACTUAL_WORD = /^(?:act|acts|actual|actuals|ist|hist|history|real|réel|reel)$/;

/** Words naming a plan ("Jul-25 Fcst", "Budget Jul 2025"). */
export const PLANNED_WORD = /^(?:fc|fct|fcst|forecast|plan|budget|bud|bgt|target|soll|prognose|prevision|prévision|outlook|le)$/;

/** A measure of money, not demand, as a whole name or a word of one: value, revenue, amount, margin, cost, price (and their German, French, Spanish, Italian, Dutch names, currencies). */
export const VALUE_WORD = new RegExp(`^(?:value|val|revenue|sales value|net value|amount|amt|turnover|margin|cost|price|umsatz|wert|nettowert|chiffre d'affaires|montant|importe|valor|valore|fatturato|omzet|waarde|${CURRENCY_CODES})$`);

/** Words of demand that took place: sales, orders, shipments. */
const SOLD_WORD = /^(?:historical|historic|sales|sold|orders|ordered|incoming|shipments|shipped|deliveries|delivered|invoiced|billed|consumption|absatz|verkauf|ventes|ventas|vendite)$/;

/** Words of a quantity. */
const QUANTITY_WORD = /^(?:qty|quantity|quantities|unit|units|pcs|pieces|volume|menge|stück|stk|quantité|cantidad|quantità)$/;

/**
 * Words of a figure other than the demand history, beside the plan words: one derived from the history
 * (corrected, baseline, last year's), a forecast's stage or error, or another flow (stock, receipts,
 * production).
 */
const OTHER_WORD =
  /^(?:forecasts|forecasted|planned|planning|consensus|statistical|stat|proposal|proposed|override|final|projected|projection|estimate|estimated|simulation|open|backlog|ex-post|expost|lag|error|bias|accuracy|mape|corrected|adjusted|cleansed|cleaned|baseline|uplift|promo|promotion|promotional|last|prior|previous|ly|py|vorjahr|inventory|stock|on-hand|receipts|production|supply|capacity|safety|constrained|unconstrained|allocation|allocated)$/;

/** A header naming what the numbers of a line measure ("Measure", "Key figure", "Version", "Scenario", "Type", Anaplan's "Line Items", "Kennzahl"), as normalizeHeader writes it. */
export const MEASURE_HEADER = /^(?:measures?|key ?figures?|kpi|metric|data ?type|type|version|scenario|category|values?|data|line ?items?|kennzahl(?:en)?|indicateurs?|mesures?|medidas?|misure)$/;

/** A header of the one value column beside a planning book's measure column ("Value", "Key figure value"), as normalizeHeader writes it. */
export const MEASURE_VALUE_HEADER = /^(?:values?|key ?figure ?values?|amount|data|wert|valeur|valor|valore)$/;

/** What a measure's name says it holds. */
export type MeasureKind = "history" | "other" | "money" | "unknown";

/**
 * What a measure's name says it holds: "other" when a word names a plan, a figure derived from the
 * history or another flow ("Statistical Forecast Qty", "Corrected history", "Last Year Actuals",
 * "Inventory"); else "money" when it names money ("Sales Value", "Sum of Revenue"); else "history" when
 * it names actuals, sales or a quantity ("Actuals Qty", "Sales history", "Sum of Qty", or a quantity
 * header step 1 knows, such as "Demand"); else "unknown".
 * A pivot table's summary ("Sum of") is not a word of the measure.
 * @param name the measure as written
 * @returns its kind
 * @example measureKind("Consensus Demand Qty") // "other"
 * @example measureKind("Actual Sales Units") // "history"
 */
export function measureKind(name: string): MeasureKind {
  const whole = name
    .trim()
    .toLowerCase()
    .replace(/^(?:sum|summe|somme|suma|somma|som)\s+(?:of|von|de|di|van)\s+/, "");
  const words = whole.split(/[\s_/()[\].,:;|]+/).filter((word) => word !== "");
  if (words.some((word) => PLANNED_WORD.test(word) || OTHER_WORD.test(word))) return "other";
  if (VALUE_WORD.test(whole) || words.some((word) => VALUE_WORD.test(word))) return "money";
  const history = historyFieldOf(whole) === "quantity" || words.some((word) => ACTUAL_WORD.test(word) || SOLD_WORD.test(word) || QUANTITY_WORD.test(word));
  return history ? "history" : "unknown";
}

/**
 * Of the measures a block keeps side by side, the demand history: the one measure whose name says
 * history ({@link measureKind}) when every other says a plan, a derived figure or money. Undefined
 * when none or two say history, or when one says nothing step 1 knows: which is demand is then not
 * guessed. Names that differ only in letter case or surrounding spaces are one measure.
 * @param names the measures' names as written
 * @returns the history's name, as written
 * @example historyMeasure(["Actuals Qty", "Statistical Forecast Qty", "Consensus Demand Qty"]) // "Actuals Qty"
 * @example historyMeasure(["Actual", "Promo"]) // "Actual"
 * @example historyMeasure(["Actual", "Version B"]) // undefined
 */
export function historyMeasure(names: readonly string[]): string | undefined {
  const distinct = distinctMeasures(names);
  const kinds = distinct.map(measureKind);
  const history = distinct.filter((_, k) => kinds[k] === "history");
  return history.length === 1 && !kinds.includes("unknown") ? history[0] : undefined;
}

/**
 * Measure names each once, as first written, trimmed: names that differ only in letter case or
 * surrounding spaces are one measure ("Actual", "actual ").
 * @example distinctMeasures(["Actual", "Budget", "actual "]) // ["Actual", "Budget"]
 */
export function distinctMeasures(names: readonly string[]): string[] {
  return names.map((name) => name.trim()).filter((name, k, all) => all.findIndex((other) => sameText(other, name)) === k);
}

