import { PlanningError } from "../errors";
import { assertNotNegative, assertNumbers, assertSameLength, perPeriod } from "./checks";

/** Units of a plan for one item (or one family at one price), one value per period. */
export interface PlanUnits {
  /** Units sold (served demand). */
  sales: readonly number[];
  /** Units made or bought. */
  production: readonly number[];
  /** Units on hand at period end. */
  inventory: readonly number[];
}

/** The money view of a plan, one value per period. */
export interface PeriodFinancials {
  revenue: number[];
  /** Cost of goods sold = sales x unit cost. */
  costOfGoods: number[];
  /** revenue - cost of goods. */
  grossMargin: number[];
  /** 100 x gross margin / revenue (NaN where there is no revenue). */
  grossMarginPercent: number[];
  /** Cost of what was made or bought = production x unit cost. */
  productionCost: number[];
  /** Inventory at period end x unit cost. */
  inventoryValue: number[];
  /** Inventory value x holding rate. */
  holdingCost: number[];
}

/** Totals over the horizon. */
export interface FinancialTotals {
  revenue: number;
  costOfGoods: number;
  grossMargin: number;
  grossMarginPercent: number;
  productionCost: number;
  holdingCost: number;
  /** Mean of the period-end inventory values. */
  averageInventoryValue: number;
  /** Inventory value at the end of the last period. */
  endingInventoryValue: number;
}

/** Per-period money view and its totals. */
export interface Financials {
  periods: PeriodFinancials;
  totals: FinancialTotals;
}

/** One item's plan with its prices and costs, for `portfolioFinancials`. */
export interface ItemFinancialInput {
  plan: PlanUnits;
  price: number | readonly number[];
  unitCost: number | readonly number[];
}

/**
 * Money view of a plan (S&OP step 4, "financial view (revenue, cost, margin, inventory value)"):
 * revenue_t = sales_t x price_t; cost of goods_t = sales_t x cost_t; gross margin = revenue - cost of
 * goods; production cost_t = production_t x cost_t; inventory value_t = inventory_t x cost_t; holding
 * cost_t = inventory value_t x holding rate. The calculation behind =SOP.FINANCIALS.
 * @param plan sales, production and end inventory per period (units, 0 or more)
 * @param price price per unit: one value, or one per period
 * @param unitCost cost per unit: one value, or one per period
 * @param holdingRate cost of holding inventory per period as a share of its value (0.02 = 2% a month,
 *   i.e. 24% a year on a monthly plan); default 0
 * @throws PlanningError when the plan's rows differ in length, a value is not a number, units or the
 *   holding rate are negative
 * @example planFinancials({ sales: [10], production: [12], inventory: [2] }, 5, 3, 0.1).totals.grossMargin // 20
 */
export function planFinancials(
  plan: PlanUnits,
  price: number | readonly number[],
  unitCost: number | readonly number[],
  holdingRate = 0,
): Financials {
  assertSameLength("sales", plan.sales, "production", plan.production);
  assertSameLength("sales", plan.sales, "inventory", plan.inventory);
  for (const [name, values] of [["sales", plan.sales], ["production", plan.production], ["inventory", plan.inventory]] as const) {
    assertNumbers(name, values);
    assertNotNegative(name, values);
  }
  if (!(holdingRate >= 0) || !Number.isFinite(holdingRate)) {
    throw new PlanningError(`The holding rate must be a share of 0 or more per period (0.02 = 2%), not ${holdingRate}.`);
  }
  const n = plan.sales.length;
  const prices = perPeriod("price", price, n);
  const costs = perPeriod("unit cost", unitCost, n);
  const revenue = plan.sales.map((s, t) => s * prices[t]);
  const costOfGoods = plan.sales.map((s, t) => s * costs[t]);
  const inventoryValue = plan.inventory.map((i, t) => i * costs[t]);
  return withTotals({
    revenue,
    costOfGoods,
    grossMargin: revenue.map((r, t) => r - costOfGoods[t]),
    grossMarginPercent: [],
    productionCost: plan.production.map((p, t) => p * costs[t]),
    inventoryValue,
    holdingCost: inventoryValue.map((v) => v * holdingRate),
  });
}

/**
 * Money view of many items: `planFinancials` per item, summed period by period.
 * @throws PlanningError as `planFinancials`, when there are no items, or items cover different periods
 * @example portfolioFinancials([{ plan: { sales: [1], production: [1], inventory: [0] }, price: 4, unitCost: 1 }]).totals.revenue // 4
 */
export function portfolioFinancials(items: readonly ItemFinancialInput[], holdingRate = 0): Financials {
  if (items.length === 0) throw new PlanningError("The financial view needs at least one item.");
  const each = items.map((item) => planFinancials(item.plan, item.price, item.unitCost, holdingRate));
  const n = each[0].periods.revenue.length;
  each.forEach((f, i) =>
    assertSameLength("the first item's plan", new Array<number>(n), `item ${i + 1}'s plan`, f.periods.revenue),
  );
  const sum = (pick: (p: PeriodFinancials) => number[]): number[] =>
    Array.from({ length: n }, (_, t) => each.reduce((acc, f) => acc + pick(f.periods)[t], 0));
  return withTotals({
    revenue: sum((p) => p.revenue),
    costOfGoods: sum((p) => p.costOfGoods),
    grossMargin: sum((p) => p.grossMargin),
    grossMarginPercent: [],
    productionCost: sum((p) => p.productionCost),
    inventoryValue: sum((p) => p.inventoryValue),
    holdingCost: sum((p) => p.holdingCost),
  });
}

function withTotals(periods: PeriodFinancials): Financials {
  const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const percent = (margin: number, revenue: number): number => (revenue === 0 ? Number.NaN : (100 * margin) / revenue);
  periods.grossMarginPercent = periods.revenue.map((r, t) => percent(periods.grossMargin[t], r));
  const n = periods.revenue.length;
  const revenue = total(periods.revenue);
  const grossMargin = total(periods.grossMargin);
  return {
    periods,
    totals: {
      revenue,
      costOfGoods: total(periods.costOfGoods),
      grossMargin,
      grossMarginPercent: percent(grossMargin, revenue),
      productionCost: total(periods.productionCost),
      holdingCost: total(periods.holdingCost),
      averageInventoryValue: n > 0 ? total(periods.inventoryValue) / n : 0,
      endingInventoryValue: n > 0 ? periods.inventoryValue[n - 1] : 0,
    },
  };
}
