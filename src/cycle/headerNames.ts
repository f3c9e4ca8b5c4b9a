/**
 * Column headers planners use for item and resource data, recognised by synonyms ("SKU", "Item",
 * "Product", "Material"; "Family", "Group", "Category"; "On hand", "Opening stock"; ...). A header is
 * normalised first (lower case, brackets and punctuation to spaces, "x / y" to "x/y"), then matched.
 */
import type { CellValue } from "../workbook/workbook";
import { CURRENCY_CODES } from "./cellValues";

/** Item master fields the mapping recognises. */
export type ItemField =
  | "id"
  | "description"
  | "family"
  | "unit"
  | "price"
  | "unitCost"
  | "holdingRate"
  | "leadTime"
  | "serviceLevel"
  | "openingInventory"
  | "safetyStock"
  | "priceUnit"
  | "location";

/** Resource fields the mapping recognises. */
export type ResourceField =
  | "id"
  | "regularHours"
  | "overtimeHours"
  | "regularCost"
  | "overtimeCost"
  | "subcontractCost"
  | "subcontractHours";

const PER_HOUR = "(?:/| per )(?:h|hr|hrs|hour)";
/** The period of an hours header: a month (or the plan's period), or a week ("Capacity (hrs/week)"). */
const PER_PERIOD = "(?:(?:/| per )(?:month|period|mo|week|wk))?";

/** The unit of an item master's or an order line's quantity ("UoM", "Sales unit", "Unit", "Mengeneinheit"). */
export const UNIT_HEADER = /^(?:unit|uom|unit of measure|sales unit|order unit|base unit(?: of measure)?|su|bun|me|mengeneinheit|basismengeneinheit|unité|unite|unidad|unità)$/;

/** Units counted in whole pieces, as ERP systems write them ("EA", "PC", "Stück", "ST"), in lower case; the one list for the sheet reader and `sop gather`'s SQL. */
export const COUNT_UNITS: readonly string[] = ["pcs", "pc", "pce", "piece", "pieces", "each", "ea", "unit", "units", "nos", "no", "st", "stk", "stück", "stueck", "pz", "un"];

/**
 * True for a unit counted in whole pieces: items in it are planned in whole units, and its spellings
 * ("EA", "PC", "Stück") are one unit.
 * @example countsPieces("EA") // true
 * @example countsPieces("KG") // false
 */
export function countsPieces(unit: string): boolean {
  return COUNT_UNITS.includes(unit.trim().toLowerCase());
}

/**
 * True when two units are one: the same word but for case and spaces, or two spellings of pieces.
 * @example sameUnit("EA", "pcs") // true
 * @example sameUnit("CS", "EA") // false
 */
export function sameUnit(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() || (countsPieces(a) && countsPieces(b));
}

/** Words of a lead time's unit in its header ("Lead time (days)", "Lieferzeit (Tage)", "Délai (jours)"). */
const DAY_WORDS = "days?|d|tage|tagen|jours|días|dias|giorni|dagen";
const WEEK_WORDS = "weeks?|wks?|w|wochen|semaines|semanas|settimane|weken";
const MONTH_WORDS = "months?|mo|periods?|monate|mois|meses|mesi|maanden";
/** A lead-time header kept in days (its unit last, or SAP's "Planned Deliv. Time" and "In-house production time"), after normalizeHeader. */
const LEAD_TIME_IN_DAYS = new RegExp(`(?:^| )(?:${DAY_WORDS})$|planned deliv|production time|planlieferzeit`);
/** A lead-time header kept in weeks, after normalizeHeader. */
const LEAD_TIME_IN_WEEKS = new RegExp(`(?:^| )(?:${WEEK_WORDS})$`);

/** Location headers of German, French, Spanish, Italian and Dutch exports ("Werk", "Lager", "Entrepôt", "Almacén", "Magazzino"). */
export const EUROPEAN_LOCATION = "werk|lager|lagerort|standort|entrepôt|entrepot|dépôt|usine|almacén|almacen|planta|magazzino|stabilimento|magazijn|vestiging";
/** Headers of a place that holds stock ("Plant", "Warehouse", "DC", "Site", "Werk"): an item master's location, and one of a history's. */
const STOCKING_LOCATION = `locations?|loc|warehouses?|whse|wh|sites?|plants?|dcs?|distribution cent(?:er|re)|depot|stores?|branch|stock location|${EUROPEAN_LOCATION}|lieferwerk|auslieferungswerk`;

const ITEM_FIELDS: Record<ItemField, RegExp> = {
  id: /^(?:item|sku|product|material|article|part|artikel|artikelnummer|artikelnr|materialnummer|materialnr|produit|producto|artículo|articulo|articolo|prodotto)(?: ?(?:id|code|no|nr|number|#|key))?$/,
  description:
    /^(?:(?:item |product |material )?(?:description|desc|name)|product|article name|bezeichnung|artikelbezeichnung|materialbezeichnung|materialkurztext|kurztext|désignation|designation|libellé|libelle|descripción|descripcion|descrizione|omschrijving)$/,
  family:
    /^(?:(?:product |item |material |matl )?(?:family|group|category)|product line|line|segment|warengruppe|materialgruppe|produktgruppe|artikelgruppe|famille(?: de produits)?|familia|famiglia|productgroep|productfamilie)$/,
  unit: new RegExp(`${UNIT_HEADER.source}|^units$`),
  price: /^(?:(?:unit |selling |sales |list |net )?price(?: per unit|\/unit)?|preis|verkaufspreis|listenpreis|prix(?: de vente| unitaire)?|precio(?: de venta)?|prezzo|prijs|verkoopprijs)$/,
  unitCost:
    /^(?:(?:unit |standard |std |variable |product )?cost(?: per unit|\/unit)?|(?:standard|std|moving(?: average)?|valuation) price|standardpreis|stückkosten|stuckkosten|einstandspreis|herstellkosten|coût(?: unitaire)?|cout(?: unitaire)?|prix de revient|coste(?: unitario)?|costo(?: unitario)?|kostprijs)$/,
  holdingRate: /^(?:(?:annual )?(?:holding|carrying|inventory carrying)(?: cost)?(?: rate)?(?: %| pct| per year|\/year)?)$/,
  leadTime: new RegExp(
    `^(?:(?:replenishment |supplier |purchasing |production )?lead ?time|lt|planned deliv(?:ery)? time|in ?house production time|wiederbeschaffungszeit|lieferzeit|planlieferzeit|délai(?: de livraison| d'approvisionnement)?|delai(?: de livraison)?|plazo(?: de entrega)?|tiempo de entrega|tempo di consegna|levertijd)(?: (?:in )?(?:${MONTH_WORDS}|${DAY_WORDS}|${WEEK_WORDS}))?$`,
  ),
  serviceLevel: /^(?:(?:target |cycle )?service(?: level)?(?: target)?|csl)(?: %)?$/,
  openingInventory:
    /^(?:(?:opening|current|starting|initial) (?:inventory|stock|balance|on hand)|on ?hand(?: inventory| stock| qty| quantity)?|stock on hand|inventory|stock|soh|bestand|lagerbestand|stock disponible|existencias|giacenza|voorraad)$/,
  safetyStock: /^(?:safety stock(?: qty| units)?|ss|sicherheitsbestand|stock de sécurité|stock de securite|stock de seguridad|scorta di sicurezza|veiligheidsvoorraad)$/,
  priceUnit: /^(?:price ?unit|pricing unit|price quantity|per|preiseinheit)$/,
  // the place the row's values hold for (an item master kept per plant, as SAP's plant data); a region or country is not one
  location: new RegExp(`^(?:${STOCKING_LOCATION})(?: ?(?:id|code|no|name))?$`),
};

/**
 * A field's name as a planner reads it.
 * @example fieldWords("unitCost") // "unit cost"
 */
export function fieldWords(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

/** Days in a month on average (365.25 / 12), to turn lead times in days or weeks into months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Months in one unit of a lead-time column, by the unit its header names: "Lead time (days)" and SAP's
 * "Planned Deliv. Time" (kept in days) 1 / 30.44, "Lead time (weeks)" 7 / 30.44, months (or no unit) 1.
 * @example leadTimeMonthsPerUnit("Lead time (weeks)") // 0.23 (7 / 30.4375)
 * @example leadTimeMonthsPerUnit("Lead Time (months)") // 1
 */
export function leadTimeMonthsPerUnit(header: CellValue): number {
  const text = normalizeHeader(header);
  if (LEAD_TIME_IN_DAYS.test(text)) return 1 / DAYS_PER_MONTH;
  if (LEAD_TIME_IN_WEEKS.test(text)) return 7 / DAYS_PER_MONTH;
  return 1;
}

/** A European hours header's unit ("Kapazität (Std/Monat)", "Capacité (h/mois)"), after normalizeHeader. */
const EU_HOURS = "(?: (?:std|stunden|h|heures|horas|ore|uren))?(?:/(?:monat|mois|mes|mese|maand|month|woche|semaine|semana|settimana|week))?";

/** The week an hours header is per ("Capacity (hrs/week)", "Hours per week", "Kapazität (Std/Woche)"), after normalizeHeader. */
const PER_WEEK = /(?:\/| per )(?:week|wk|woche|semaine|semana|settimana)$/;
/** The month an hours header is per ("Regular Hours/Month", "Kapazität (Std/Monat)"), after normalizeHeader. */
const PER_MONTH_ONLY = /(?:\/| per )(?:month|mo|monat|mois|mes|mese|maand)$/;

/**
 * The period a resource's hours header counts its hours in, when it names one: "week" for "Capacity
 * (hrs/week)", "month" for "Regular Hours/Month"; undefined for hours per the plan's period.
 * @example hoursPeriodOf("Capacity (hrs/week)") // "week"
 * @example hoursPeriodOf("Regular Hours/Month") // "month"
 * @example hoursPeriodOf("Available Hours") // undefined
 */
export function hoursPeriodOf(header: CellValue): "week" | "month" | undefined {
  const text = normalizeHeader(header);
  return PER_WEEK.test(text) ? "week" : PER_MONTH_ONLY.test(text) ? "month" : undefined;
}
/** A European hourly rate's unit ("Kostensatz (EUR/Std)", "Taux horaire (€/h)"), after the currency is read past. */
const EU_PER_HOUR = "(?:/(?:std|stunde|h|heure|hora|ora|uur))?";

const RESOURCE_FIELDS: Record<ResourceField, RegExp> = {
  id: /^(?:resource(?: id| name| code)?|work ?cent(?:er|re)|machine|production line|line|workstation|cell|arbeitsplatz|ressource|maschine|poste de charge|poste de travail|centro de trabajo|centro di lavoro|werkplek)$/,
  regularHours: new RegExp(
    `^(?:(?:regular|available|standard|normal) )?(?:hours|hrs|capacity)(?: hours| hrs| h)?${PER_PERIOD}$|^capacity hours${PER_PERIOD}$|^(?:kapazität|kapazitat|verfügbare stunden|capacité|capacite|heures disponibles|capacidad|horas disponibles|capacità|capacita|ore disponibili|capaciteit|beschikbare uren)${EU_HOURS}$`,
  ),
  overtimeHours: new RegExp(
    `^(?:max )?(?:overtime|ot)(?: hours| hrs)?(?: cap| limit| max| allowance)?${PER_PERIOD}$|^(?:max )?(?:überstunden|uberstunden|mehrarbeit|heures supplémentaires|heures supplementaires|horas extra|ore straordinarie|overuren)${EU_HOURS}$`,
  ),
  regularCost: new RegExp(
    `^(?:(?:regular|labou?r|standard) )?(?:cost|rate)${PER_HOUR}$|^(?:regular|labou?r) rate$|^(?:kostensatz|stundensatz|lohnsatz|taux horaire|coût horaire|cout horaire|coste por hora|costo orario|uurtarief)${EU_PER_HOUR}$`,
  ),
  overtimeCost: new RegExp(`^(?:overtime|ot) (?:cost|rate)(?:${PER_HOUR})?$|^(?:überstundensatz|uberstundensatz|taux heures supplémentaires|coste horas extra|costo straordinario|overuurtarief)${EU_PER_HOUR}$`),
  subcontractCost: new RegExp(`^(?:subcontract(?:ing)?|outsourc(?:e|ing)) (?:cost|rate)(?:${PER_HOUR})?$`),
  subcontractHours: new RegExp(`^(?:subcontract(?:ing)?|outsourc(?:e|ing))(?: hours| hrs)? (?:cap|limit|max)${PER_PERIOD}$`),
};

/** Words of hours and of a unit of product in an hours-per-unit header, English and European ("Std/Stk", "h/pièce", "horas/unidad"). */
const HOUR_WORDS = "hours|hour|hrs|hr|h|std|stunden|heures|heure|horas|hora|ore|uren|uur";
const UNIT_WORDS = "unit|pc|piece|u|stk|stück|stuck|einheit|pièce|piece|unité|unite|unidad|pieza|pezzo|unità|stuk|eenheid";
const HOURS_FIRST = new RegExp(`^(?:${HOUR_WORDS})(?:/| per | pro | par | por )(?:${UNIT_WORDS})(?: on)? (.+)$`);
const HOURS_LAST = new RegExp(`^(.+?) (?:${HOUR_WORDS})(?:/| per | pro | par | por )(?:${UNIT_WORDS})$`);

/**
 * Normalise a header for matching: lower case, punctuation and brackets to spaces, "a / b" to "a/b".
 * @example normalizeHeader("Lead Time (months)") // "lead time months"
 */
export function normalizeHeader(value: CellValue): string {
  if (value === null) return "";
  return String(value)
    .toLowerCase()
    .replace(/[_\-.:,;()[\]{}]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The item master field a header names, if any.
 * @example itemFieldOf("SKU") // "id"
 * @example itemFieldOf("Product Group") // "family"
 */
export function itemFieldOf(header: CellValue): ItemField | undefined {
  return fieldOf(ITEM_FIELDS, withoutCurrency(normalizeHeader(header)));
}

/** A currency among a header's words ("Unit Cost ($)", "Standard price EUR", "Prix (en €)", "Labor rate $/h"), with an "in" or "en" before it. */
const CURRENCY_WORD = new RegExp(`(^|\\s)(?:(?:in|en) )?(?:\\$|€|£|¥|₹|${CURRENCY_CODES})(?=$|\\s|/)`, "g");

/**
 * A normalised header without its currency: prices, costs and rates are amounts whatever their currency.
 * @example withoutCurrency("labor rate $/h") // "labor rate/h"
 */
function withoutCurrency(text: string): string {
  return text.replace(CURRENCY_WORD, "$1").replace(/\s*\/\s*/g, "/").replace(/\s+/g, " ").trim();
}

/**
 * The resource field a header names, if any.
 * @example resourceFieldOf("Overtime Hours Cap") // "overtimeHours"
 */
export function resourceFieldOf(header: CellValue): ResourceField | undefined {
  return fieldOf(RESOURCE_FIELDS, withoutCurrency(normalizeHeader(header)));
}

/**
 * The resource named by an "hours per unit" header, if the header is one.
 * @example hoursPerUnitResource("Hours/Unit Assembly") // "assembly"
 * @example hoursPerUnitResource("Packing h per unit") // "packing"
 */
export function hoursPerUnitResource(header: CellValue): string | undefined {
  const text = normalizeHeader(header);
  return (HOURS_FIRST.exec(text) ?? HOURS_LAST.exec(text))?.[1];
}

function fieldOf<F extends string>(fields: Record<F, RegExp>, text: string): F | undefined {
  if (text === "") return undefined;
  return (Object.keys(fields) as F[]).find((field) => fields[field].test(text));
}

/** What a column of a demand history (months across, or order lines) holds besides the periods. */
export type HistoryField = "item" | "location" | "customer" | "channel" | "quantity" | "date" | "year" | "order" | "requested" | "delivered" | "status" | "unit" | "orderType";

/** A column holding the calendar year of a line whose month or week is in another ("Year", "Calendar year", "Jahr"), after normalizeHeader. */
export const YEAR_HEADER = /^(?:(?:calendar|order|sales|posting) )?year$|^(?:jahr|kalenderjahr|année|annee|año|ano|anno|jaar|rok)$/;

/** A column saying what kind of order or billing document a line is on ("Order type", SAP's "Sales Doc. Type", "Auftragsart"), after normalizeHeader. */
export const ORDER_TYPE_HEADER =
  /^(?:(?:sales |billing )?(?:order|document|doc|billing|transaction) type|sales doc(?:ument)? type|doc type|auftragsart|verkaufsbelegart|belegart|fakturaart|type de (?:commande|document)|tipo de (?:pedido|documento)|tipo (?:ordine|documento)|ordersoort)$/;

/**
 * Order or billing document types of returns and credits ("Returns", "Return order", SAP's "RE", "Credit
 * memo", "Retoure", "Gutschrift", "Avoir", "Devolución", "Reso"): their quantities flow back, so they are
 * no demand. Its source is the one test, in TypeScript and in DuckDB's SQL.
 */
export const RETURN_TYPE = /\breturns?\b|retour|\bcredit\b|gutschrift|\bavoir\b|devoluc|\babono\b|\breso\b|^re$|^g2$/i;

/**
 * True when an order line's document type names a return or a credit.
 * @example lineReturned("Returns") // true
 * @example lineReturned("Standard Order") // false
 */
export function lineReturned(value: CellValue): boolean {
  return typeof value === "string" && RETURN_TYPE.test(value.trim());
}

/** A column saying whether an order line stands: its status ("Cancelled"), or SAP's reason for rejection. */
export const STATUS_HEADER = /^(?:(?:order |line |item |document |delivery |sales )?status|state|(?:reason for )?rejection(?: reason)?)$/;

/**
 * Status words of an order line that does not stand: cancelled, rejected, void or deleted (German
 * "storniert", French "annulé", Spanish "anulado", Italian "annullato" too). Its source is the one
 * test, in TypeScript and in DuckDB's SQL.
 */
export const CANCELLED_STATUS = /cancel|storn|annul|anulad|reject|void|delet/i;

/**
 * True when an order line's status cell says the line does not stand: a status reading as cancelled,
 * or any reason in a rejection-reason column.
 * @example lineCancelled("Status", "Cancelled") // true
 * @example lineCancelled("Reason for rejection", "Z1") // true
 * @example lineCancelled("Status", "Shipped") // false
 */
export function lineCancelled(header: CellValue, value: CellValue): boolean {
  const text = value === null ? "" : String(value).trim();
  return text !== "" && (namesRejection(header) || CANCELLED_STATUS.test(text));
}

/** True for a status column that holds rejection reasons (any value rejects the line), not statuses. */
export function namesRejection(header: CellValue): boolean {
  return /rejection/.test(normalizeHeader(header));
}

/** Order-date headers of German, French, Spanish, Italian and Dutch exports ("Belegdatum", "Fecha"), for the sheet reader and `sop gather` alike. */
export const EUROPEAN_DATE = "datum|belegdatum|auftragsdatum|buchungsdatum|fakturadatum|date de commande|fecha|fecha de pedido|data ordine|orderdatum";
/** Quantity headers of those exports ("Menge", "Quantité", "Cantidad", "Aantal"). */
export const EUROPEAN_QUANTITY = "menge|anzahl|auftragsmenge|absatzmenge|verkaufsmenge|quantité|quantite|qté|qte|cantidad|quantità|quantita|aantal|hoeveelheid";

const HISTORY_FIELDS: Record<Exclude<HistoryField, "item">, RegExp> = {
  location: new RegExp(
    `^(?:${STOCKING_LOCATION}|region|countr(?:y|ies)|outlets?|shop|territory|sales (?:office|org|organi[sz]ation|region|area)|ship ?from|ship from (?:location|site|plant|warehouse)|shipping point|land|pays|país|pais|paese)(?: ?(?:id|code|no|name))?$`,
  ),
  customer: /^(?:customer|client|account|sold ?to|ship ?to|buyer)(?: ?(?:id|code|no|name|number))?$/,
  channel: /^(?:channel|sales channel|distribution channel|market|segment)$/,
  quantity: new RegExp(`^(?:(?:order(?:ed)?|sales|sold|shipped|invoiced|delivered|demand|net) )?(?:qty|quantity|units|volume|pcs|pieces|demand|sales)(?: (?:ordered|shipped|sold|units))?$|^(?:${EUROPEAN_QUANTITY})$`),
  date: new RegExp(
    `^(?:(?:order|sales|invoice|posting|document|ship(?:ping|ment)?|transaction|booking) )?(?:date|day)$|^(?:period|month|week|wk|cw|kw|calendar month|cal ?week|calendar week|(?:calendar )?year ?/?(?:month|week)|cal ?year/(?:month|week)|fiscal period|created on|creation date|entered on|posted on|kalenderwoche|woche|semaine|semana|settimana)$|^(?:${EUROPEAN_DATE})$`,
  ),
  year: YEAR_HEADER,
  order: /^(?:(?:sales )?order|so|document|invoice|doc)(?: ?(?:id|no|nr|number|#|line))?$/,
  requested: /^(?:requested|request|req|promised|due|wanted|customer requested)(?: (?:delivery|ship))?(?: date)?$/,
  delivered: /^(?:delivered|delivery|actual delivery|ship(?:ped)?|goods issue|gi)(?: date)?$/,
  status: STATUS_HEADER,
  unit: UNIT_HEADER,
  orderType: ORDER_TYPE_HEADER,
};

/**
 * The history field a header names, if any: the item id (as itemFieldOf "id"), a location, customer,
 * channel, quantity, date (or month), calendar year, order number, requested or delivered date.
 * @example historyFieldOf("Ship-from") // "location"
 * @example historyFieldOf("Qty") // "quantity"
 */
export function historyFieldOf(header: CellValue): HistoryField | undefined {
  if (itemFieldOf(header) === "id") return "item";
  return fieldOf(HISTORY_FIELDS, normalizeHeader(typeof header === "string" ? withoutScale(header) : header));
}

/**
 * Words saying numbers are written in thousands ("Qty (000)", "('000)", "'000 cases", "in thousand units",
 * "x1000", "(k)", German "in Tsd.", French "en milliers", Spanish "miles de", Italian "in migliaia",
 * Dutch "duizenden") or millions ("in millions", "Mio."), with an "in", "en" or "x" before them.
 */
const SCALE_WORDS = String.raw`(?:^|(?<=[\s(]))(?:(?:in|en)\s+)?(?:\(\s*'?000s?\s*\)|'000s?|000s|(?<=(?:in|en)\s+|\(\s*)thousands?|thousands?(?:\s+of)?(?=\s+(?:units?|pieces|pcs|cases|boxes|pallets|tons?|tonnes?|kg|litres?|liters?)\b|\s*\))|tsd\.?|tausend|milliers|miles\s+de|migliaia|duizenden|duizendtallen|x\s*1[.,]?000|\(\s*k\s*\)|(?<m>millions?(?:\s+of)?|mio\.?|millionen|\(\s*mn?\s*\)))(?=$|[\s),])`;
const SCALE = new RegExp(SCALE_WORDS, "i");
/** Every scale word of a header, to take them out. */
const SCALE_ALL = new RegExp(SCALE_WORDS, "gi");

/**
 * The units in one number of a header or title that says its numbers are in thousands or millions
 * ("Qty (000)", "Sales volume in thousand units", "Menge in Tsd."): 1,000 or 1,000,000; undefined when it
 * says neither.
 * @example quantityScale("Qty (000)") // 1000
 * @example quantityScale("Menge in Tsd.") // 1000
 * @example quantityScale("Qty") // undefined
 */
export function quantityScale(text: string): number | undefined {
  const found = SCALE.exec(text);
  if (found === null) return undefined;
  return found.groups?.m === undefined ? 1000 : 1_000_000;
}

/**
 * A header without its scale words, to read what it names: "Qty (000)" names the quantity.
 * @example withoutScale("Menge in Tsd.") // "Menge"
 */
export function withoutScale(text: string): string {
  return text.replace(SCALE_ALL, " ").replace(/\s+/g, " ").trim();
}

/**
 * How surely a header naming the item names its code, to choose between two such columns: 2 for a code
 * ("SKU", "Item code", "Material", "Product ID", "Artikelnummer"), 1 for a bare word that also heads
 * names ("Product", "Item", "Article").
 * @example itemCodeRank("SKU") // 2
 * @example itemCodeRank("Product") // 1
 */
export function itemCodeRank(header: CellValue): number {
  return /^(?:sku|material|materialnummer|materialnr|artikelnummer|artikelnr)$| (?:id|code|no|nr|number|#|key)$|^[a-z]+(?:id|code|no|nr|number|#|key)$/.test(normalizeHeader(header)) ? 2 : 1;
}

/**
 * True for a header naming both item and location in one key column ("Item | Location", "SKU/Site").
 * @example namesItemAndLocation("Item | Loc") // true
 */
export function namesItemAndLocation(header: CellValue): boolean {
  const parts = String(header ?? "").split(/\s*[|/@]\s*|\s+(?:x|at|by)\s+/i);
  return parts.length === 2 && itemFieldOf(parts[0]) === "id" && HISTORY_FIELDS.location.test(normalizeHeader(parts[1]));
}

/** Words that make a line a total or subtotal ("Total", "Chairs Total", "Total Chairs", "Subtotal", "Grand total", "Sum"). */
const TOTAL = /(?:^|[\s(:-])(?:sub-?)?totals?(?:$|[\s):-])|^\s*(?:grand|sum|gesamt|summe)\b|^\s*(?:overall )?results?$|^\s*(?:gesamt)?ergebnis$|^\s*r[ée]sultat(?: global)?$|^\s*resultado(?: global)?$/i;

/**
 * True when a key cell marks a total or subtotal line.
 * @example isTotalLabel("Chairs Total") // true
 * @example isTotalLabel("CH-101") // false
 */
export function isTotalLabel(value: CellValue): boolean {
  return typeof value === "string" && TOTAL.test(value);
}

/** A pivot table's label for rows whose field is empty, in the languages Excel writes it. */
const PIVOT_BLANK = /^\((?:blank|leer|vide|en blanco|vacío|vacio|vuoto|leeg|em branco|tom|tyhjä|puste)\)$/i;

/**
 * True for a pivot table's "(blank)" label ("(Leer)", "(vide)" in German and French Excel): the rows of
 * its source data that have no item, not an item called "(blank)".
 * @example isPivotBlank("(blank)") // true
 * @example isPivotBlank("Blank") // false
 */
export function isPivotBlank(value: CellValue): boolean {
  return typeof value === "string" && PIVOT_BLANK.test(value.trim());
}
