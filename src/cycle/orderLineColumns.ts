/**
 * The columns of an order-line file (one row per order line), recognised from the header names planners
 * and ERP exports use: the order date, item, location, customer and quantity, and optionally the
 * requested date, the delivery date, the delivered quantity and the line's status (or reason for
 * rejection), by which cancelled and rejected lines are left out.
 */
import { PlanningError } from "../core/errors";
import type { CellValue } from "../workbook/workbook";
import { EUROPEAN_DATE, EUROPEAN_LOCATION, EUROPEAN_QUANTITY, itemCodeRank, itemFieldOf, normalizeHeader, ORDER_TYPE_HEADER, STATUS_HEADER, UNIT_HEADER, withoutScale, YEAR_HEADER } from "./headerNames";
import { historyMeasure, MEASURE_HEADER, MEASURE_VALUE_HEADER, measureKind } from "./measureNames";

/** What a column of an order-line file holds. */
export type OrderLineRole = "date" | "year" | "item" | "location" | "customer" | "quantity" | "requested" | "delivered" | "deliveredQuantity" | "status" | "orderType" | "unit" | "measure";

/** Roles in the order they are reported. */
export const ORDER_LINE_ROLES: readonly OrderLineRole[] = ["date", "year", "item", "location", "customer", "quantity", "requested", "delivered", "deliveredQuantity", "status", "orderType", "unit", "measure"];

/** The role's name as the report shows it. */
export const ROLE_LABELS: Record<OrderLineRole, string> = {
  date: "order date",
  year: "year",
  item: "item",
  location: "location",
  customer: "customer",
  quantity: "quantity",
  requested: "requested date",
  delivered: "delivery date",
  deliveredQuantity: "delivered quantity",
  status: "status",
  orderType: "order type",
  unit: "unit",
  measure: "measure",
};

const ID = "(?: ?(?:id|code|no|nr|number|#|key|name))?";

/** Header patterns by role, tried in this order (so "requested delivery date" is a requested date, not a delivery date). */
const PATTERNS: readonly [OrderLineRole, RegExp][] = [
  ["requested", /^(?:(?:customer )?(?:requested|request|req|required|requested delivery|requested ship|need by|want|due|promised|promise|commit(?:ted)?)(?: delivery| ship)? date|crd|rdd|due|need by)$/],
  ["deliveredQuantity", /^(?:(?:delivered|shipped|filled|issued) (?:qty|quantity|units)|(?:qty|quantity|units) (?:delivered|shipped|filled))$/],
  ["delivered", /^(?:(?:actual )?(?:delivery|delivered|ship|shipped|shipping|goods issue|gi|receipt) date|date (?:delivered|shipped)|delivered(?: on)?|shipped(?: on)?)$/],
  ["date", new RegExp(`^(?:(?:order|sales order|so|document|doc|posting|invoice|creation|created|entry|booking|transaction) ?(?:date|dt)|date|order(?:ed)? on|created(?: on)?|day|(?:calendar )?year ?/?month|cal ?year/month|calendar month|month|(?:calendar |cal )?week|(?:calendar )?year ?/?week|cw|kw|kalenderwoche|woche|semaine|semana|settimana|${EUROPEAN_DATE})$`)],
  ["location", new RegExp(`^(?:location|loc|site|plant|warehouse|wh|whse|dc|distribution cent(?:er|re)|depot|store|branch|ship ?from(?: location| site| plant)?|shipping point|region|country|outlet|sales (?:office|org|organi[sz]ation)|lieferwerk|${EUROPEAN_LOCATION})${ID}$`)],
  ["customer", new RegExp(`^(?:customer|cust|client|account|sold ?to|ship ?to|buyer|channel)${ID}$`)],
  ["quantity", new RegExp(`^(?:(?:order(?:ed)?|sales|sold|demand|line) ?(?:qty|quantity|units|volume)|(?:qty|quantity|units) ?(?:ordered|sold)?|qty|volume|demand|pieces|pcs|${EUROPEAN_QUANTITY})$`)],
  ["year", YEAR_HEADER],
  ["status", STATUS_HEADER],
  ["orderType", ORDER_TYPE_HEADER],
  ["unit", UNIT_HEADER],
];

/**
 * True for a header naming the quantity delivered rather than ordered ("Qty Shipped", "Delivered
 * quantity"): demand is what customers ordered; shipments fall short of it when stock runs out.
 * @example namesDeliveredQuantity("Qty Shipped") // true
 * @example namesDeliveredQuantity("Order Qty") // false
 */
export function namesDeliveredQuantity(header: CellValue): boolean {
  return typeof header === "string" && (PATTERNS.find(([role]) => role === "deliveredQuantity")?.[1].test(normalizeHeader(header)) ?? false);
}

/** Which column (index into the header) holds each role; a role absent from the file is missing. */
export type OrderLineColumns = Partial<Record<OrderLineRole, number>>;

/**
 * Recognise the columns of an order-line file from its header, each column taken at most once and
 * each role from its first matching column; then apply the planner's own choices ("date=Created On").
 * Without a quantity header, a planning book's measures stand in: of one column per measure, the one
 * naming the demand history ("Actuals Qty" beside "Consensus Demand Qty"); or the value column beside a
 * measure column ("Key Figure", "Value"), whose lines of the history measure are read.
 * @param header the column names, in file order.
 * @param choices "role=Header" texts that override the recognition.
 * @returns The column index of each role found.
 * @throws PlanningError when the date, item or quantity column is missing (listing the header), or a
 *   choice names an unknown role or a header the file does not have.
 * @example recogniseOrderLineColumns(["Order Date", "SKU", "Ship-from", "Customer", "Qty"]) // { date: 0, item: 1, location: 2, customer: 3, quantity: 4 }
 */
export function recogniseOrderLineColumns(header: readonly string[], choices: readonly string[] = []): OrderLineColumns {
  // a header read without its scale: "Qty (000)" names the quantity (importOrderLines multiplies by it)
  const named = (name: string): string => normalizeHeader(withoutScale(name));
  const columns: OrderLineColumns = {};
  const taken = new Set<number>();
  const take = (role: OrderLineRole, test: (text: string) => boolean): void => {
    if (columns[role] !== undefined) return;
    const index = header.findIndex((name, column) => !taken.has(column) && test(named(name)));
    if (index >= 0) {
      columns[role] = index;
      taken.add(index);
    }
  };
  // of two item columns, the codes ("SKU" before "Product")
  const items = header.flatMap((name, column) => (itemFieldOf(name) === "id" ? [column] : []));
  const item = items.sort((a, b) => itemCodeRank(header[b]) - itemCodeRank(header[a]) || a - b)[0];
  if (item !== undefined) take("item", (text) => text === named(header[item]));
  for (const [role, pattern] of PATTERNS) take(role, (text) => pattern.test(text));
  if (columns.quantity === undefined) {
    // a planning book's measures: a column each ("Actuals Qty" beside "Consensus Demand Qty"), the history's read;
    // or a measure column beside one value column ("Key Figure", "Value"), whose lines importOrderLines picks
    const measures = header.filter((name, column) => !taken.has(column) && measureKind(name) !== "unknown");
    const kept = measures.length >= 2 ? historyMeasure(measures) : undefined;
    if (kept !== undefined) take("quantity", (text) => text === named(kept));
    else if (header.some((name, column) => !taken.has(column) && MEASURE_HEADER.test(normalizeHeader(name)))) {
      take("quantity", (text) => MEASURE_VALUE_HEADER.test(text));
      if (columns.quantity !== undefined) take("measure", (text) => MEASURE_HEADER.test(text));
    }
  }
  for (const choice of choices) choose(header, columns, choice);
  const missing = (["date", "item", "quantity"] as const).filter((role) => columns[role] === undefined);
  if (missing.length > 0) {
    throw new PlanningError(
      `No ${missing.map((role) => ROLE_LABELS[role]).join(", ")} column was recognised among the file's columns (${header.join(", ")}). ` +
        'Name them, for example, "Order Date", "Item" (or SKU) and "Quantity" (or Qty), or choose them with --columns "date=Created On,item=Material".',
    );
  }
  return columns;
}

/** Take the column a "role=Header" choice names for that role, and for no other. */
function choose(header: readonly string[], columns: OrderLineColumns, choice: string): void {
  const match = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(choice);
  const role = ORDER_LINE_ROLES.find((entry) => entry.toLowerCase() === match?.[1].toLowerCase());
  if (!match || !role) {
    throw new PlanningError(`"${choice}" is not a column choice: write role=Header with role one of ${ORDER_LINE_ROLES.join(", ")}.`);
  }
  const index = header.findIndex((name) => name.trim().toLowerCase() === match[2].toLowerCase());
  if (index < 0) throw new PlanningError(`The file has no column "${match[2]}" (its columns: ${header.join(", ")}).`);
  for (const other of ORDER_LINE_ROLES) if (columns[other] === index) delete columns[other];
  columns[role] = index;
}
