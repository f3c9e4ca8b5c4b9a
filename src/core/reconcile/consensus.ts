import { PlanningError } from "../errors";
import { assertNumbers } from "./checks";

/** Forecast per item: item id -> one value per period. */
export type ItemSeries = Readonly<Record<string, readonly number[]>>;

/**
 * One judgement on one forecast number. Give exactly one of value (the number to use), delta (units to
 * add) or percent (per cent to add, 10 = +10%), and always a reason.
 */
export interface Override {
  /** Who overrides: "sales", "marketing", "finance" or any other named role. */
  role: string;
  item: string;
  /** Period index, 0 = the first forecast period. */
  period: number;
  value?: number;
  delta?: number;
  percent?: number;
  /** Why: required, shown next to the number and in the audit trail. */
  reason: string;
}

/**
 * How overrides combine.
 * - lastWord: roles act in the given order, each on the number left by the roles before it (a delta or
 *   percent applies to that number); the last role to touch a number has the last word.
 * - weighted: each role's proposal is computed from the statistical forecast; the consensus is the
 *   weighted mean of the statistical forecast (statisticalWeight, default 1) and the proposals of the
 *   roles that overrode that number. Numbers nobody overrode stay statistical.
 */
export type CombinationRule =
  | { kind: "lastWord"; order: readonly string[] }
  | { kind: "weighted"; weights: Readonly<Record<string, number>>; statisticalWeight?: number };

/** Consensus demand and where each number came from. */
export interface ConsensusForecast {
  values: Record<string, number[]>;
  /** Per item and period: "statistical", the role that had the last word, or the weighted roles joined by " + ". */
  setBy: Record<string, string[]>;
  /** Per item and period: the reasons of the overrides that shaped the number ("" when none). */
  reasons: Record<string, string[]>;
  /**
   * The forecast after each step, for forecast value added: lastWord = the forecast after each role in
   * order; weighted = each role's proposals alone on top of the statistical forecast.
   */
  steps: { role: string; values: Record<string, number[]> }[];
}

/** The label of numbers nobody overrode. */
export const STATISTICAL = "statistical";

/**
 * Consensus demand: the statistical forecast plus overrides by role, combined by a stated rule
 * (S&OP step 2, "overrides by role with reason, consensus forecast").
 * @param statistical statistical forecast per item
 * @param overrides judgements by role; each needs a reason
 * @param rule lastWord with the roles' order, or weights by role
 * @throws PlanningError for an override without a reason, of an unknown item, role or period, with not
 *   exactly one of value/delta/percent, given twice by the same role for the same number, that makes
 *   demand negative, or for negative weights or weights that sum to 0
 * @example consensusForecast({ A: [100] }, [{ role: "sales", item: "A", period: 0, percent: 10, reason: "promo" }],
 *   { kind: "lastWord", order: ["sales"] }).values.A // [110]
 */
export function consensusForecast(
  statistical: ItemSeries,
  overrides: readonly Override[],
  rule: CombinationRule,
): ConsensusForecast {
  for (const [item, values] of Object.entries(statistical)) assertNumbers(`statistical forecast of item ${item}`, values);
  const roles = rule.kind === "lastWord" ? [...rule.order] : Object.keys(rule.weights);
  checkOverrides(statistical, overrides, roles);
  return rule.kind === "lastWord" ? lastWord(statistical, overrides, rule.order) : weighted(statistical, overrides, rule);
}

function lastWord(statistical: ItemSeries, overrides: readonly Override[], order: readonly string[]): ConsensusForecast {
  const result = start(statistical);
  for (const role of order) {
    for (const o of overrides) {
      if (o.role !== role) continue;
      const value = apply(o, result.values[o.item][o.period]);
      result.values[o.item][o.period] = value;
      result.setBy[o.item][o.period] = role;
      result.reasons[o.item][o.period] = joinReason(result.reasons[o.item][o.period], o);
    }
    result.steps.push({ role, values: copy(result.values) });
  }
  return result;
}

function weighted(
  statistical: ItemSeries,
  overrides: readonly Override[],
  rule: { weights: Readonly<Record<string, number>>; statisticalWeight?: number },
): ConsensusForecast {
  const statisticalWeight = rule.statisticalWeight ?? 1;
  const weights = Object.entries(rule.weights);
  if (statisticalWeight < 0 || weights.some(([, w]) => !(w >= 0))) {
    throw new PlanningError("Weights by role cannot be negative: give each role a weight of 0 or more.");
  }
  const result = start(statistical);
  const cells = new Map<string, Override[]>();
  for (const o of overrides) {
    const key = `${o.item}\u0000${o.period}`;
    const group = cells.get(key) ?? [];
    group.push(o);
    cells.set(key, group);
  }
  for (const group of cells.values()) {
    const { item, period } = group[0];
    const base = statistical[item][period];
    let total = statisticalWeight * base;
    let weight = statisticalWeight;
    for (const o of group) {
      total += rule.weights[o.role] * apply(o, base);
      weight += rule.weights[o.role];
    }
    if (weight === 0) {
      throw new PlanningError(`The weights of the roles overriding item ${item} in period ${period + 1} sum to 0: give one of them a weight.`);
    }
    result.values[item][period] = total / weight;
    result.setBy[item][period] = [...(statisticalWeight > 0 ? [STATISTICAL] : []), ...group.map((o) => o.role)].join(" + ");
    result.reasons[item][period] = group.reduce((text, o) => joinReason(text, o), "");
  }
  for (const [role] of weights) {
    const values = copy(statistical);
    for (const o of overrides) if (o.role === role) values[o.item][o.period] = apply(o, statistical[o.item][o.period]);
    result.steps.push({ role, values });
  }
  return result;
}

function checkOverrides(statistical: ItemSeries, overrides: readonly Override[], roles: readonly string[]): void {
  const seen = new Set<string>();
  for (const o of overrides) {
    const where = `The ${o.role} override of item ${o.item} in period ${o.period + 1}`;
    if (!roles.includes(o.role)) {
      throw new PlanningError(`${where} comes from a role the combination rule does not name: add ${o.role} to it (known: ${roles.join(", ")}).`);
    }
    const series = statistical[o.item];
    if (series === undefined) throw new PlanningError(`${where} is for an item that has no statistical forecast.`);
    if (!Number.isInteger(o.period) || o.period < 0 || o.period >= series.length) {
      throw new PlanningError(`${where} is outside the forecast, which has ${series.length} periods.`);
    }
    if (typeof o.reason !== "string" || o.reason.trim() === "") {
      throw new PlanningError(`${where} has no reason: every override needs one.`);
    }
    const given = [o.value, o.delta, o.percent].filter((v) => v !== undefined);
    if (given.length !== 1 || !Number.isFinite(given[0])) {
      throw new PlanningError(`${where} must give exactly one number: a value, a delta or a percent.`);
    }
    const key = `${o.role}\u0000${o.item}\u0000${o.period}`;
    if (seen.has(key)) throw new PlanningError(`${where} is given twice: keep one.`);
    seen.add(key);
  }
}

function apply(o: Override, current: number): number {
  const value = o.value ?? (o.delta !== undefined ? current + o.delta : current + (current * (o.percent ?? 0)) / 100);
  if (value < 0) {
    throw new PlanningError(`The ${o.role} override of item ${o.item} in period ${o.period + 1} makes demand negative (${value}).`);
  }
  return value;
}

function joinReason(text: string, o: Override): string {
  const line = `${o.role}: ${o.reason.trim()}`;
  return text === "" ? line : `${text}; ${line}`;
}

function start(statistical: ItemSeries): ConsensusForecast {
  const values = copy(statistical);
  const setBy: Record<string, string[]> = {};
  const reasons: Record<string, string[]> = {};
  for (const [item, series] of Object.entries(values)) {
    setBy[item] = series.map(() => STATISTICAL);
    reasons[item] = series.map(() => "");
  }
  return { values, setBy, reasons, steps: [] };
}

function copy(series: ItemSeries): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [item, values] of Object.entries(series)) out[item] = [...values];
  return out;
}
