import { PlanningError } from "../errors";
import { assertNumbers, assertSameLength } from "./checks";
import { disaggregate } from "./disaggregate";

/** An item and the groups it belongs to at each level, e.g. { id: "B-100", levels: { family: "Bikes", region: "EU" } }. */
export interface HierarchyItem {
  id: string;
  levels: Readonly<Record<string, string>>;
}

/** One group at one level and its total per period. */
export interface GroupSeries {
  key: string;
  /** Ids of the items in the group, in item order. */
  members: string[];
  values: number[];
}

/** Item values (items x periods, in item order) and every level's totals computed from them. */
export interface HierarchyView {
  values: number[][];
  groups: Record<string, GroupSeries[]>;
}

/**
 * Roll item values up to one level: each group's value per period is the sum of its items'.
 * @param items items with their level memberships
 * @param values items x periods, in the order of `items`
 * @param level the level to roll up to, e.g. "family"
 * @returns one series per group, in order of first appearance
 * @throws PlanningError when values and items differ in number, items cover different periods, a value
 *   is not a number, or an item has no group at that level
 * @example aggregate([{ id: "a", levels: { family: "F" } }, { id: "b", levels: { family: "F" } }], [[1, 2], [3, 4]], "family")
 *   // [{ key: "F", members: ["a", "b"], values: [4, 6] }]
 */
export function aggregate(
  items: readonly HierarchyItem[],
  values: readonly (readonly number[])[],
  level: string,
): GroupSeries[] {
  checkValues(items, values);
  const periods = values[0]?.length ?? 0;
  const groups = new Map<string, GroupSeries>();
  items.forEach((item, i) => {
    const key = groupOf(item, level);
    const group = groups.get(key) ?? { key, members: [], values: new Array<number>(periods).fill(0) };
    group.members.push(item.id);
    for (let t = 0; t < periods; t++) group.values[t] += values[i][t];
    groups.set(key, group);
  });
  return [...groups.values()];
}

/**
 * Roll item values up to every level the items name.
 * @throws PlanningError as `aggregate`
 * @example rollUp(items, values).groups.family // family totals
 */
export function rollUp(items: readonly HierarchyItem[], values: readonly (readonly number[])[]): HierarchyView {
  const levels = [...new Set(items.flatMap((item) => Object.keys(item.levels)))];
  const groups: Record<string, GroupSeries[]> = {};
  for (const level of levels) groups[level] = aggregate(items, values, level);
  return { values: values.map((row) => [...row]), groups };
}

/**
 * Change one group's total in one period and keep every level consistent: the group's items are
 * rescaled in proportion to their current values (largest-remainder rounding, see `disaggregate`), and
 * all levels are rolled up again.
 * @param decimals rounding of the items' new values: 0 = whole units (default), 2 = cents
 * @throws PlanningError when the group or period does not exist, or the group's items are all 0 in that
 *   period (there is no mix to rescale: set the items themselves)
 * @example changeGroupTotal(items, [[1, 2], [3, 4]], "family", "F", 0, 8).values // [[2, 2], [6, 4]]
 */
export function changeGroupTotal(
  items: readonly HierarchyItem[],
  values: readonly (readonly number[])[],
  level: string,
  key: string,
  period: number,
  newTotal: number,
  decimals = 0,
): HierarchyView {
  checkValues(items, values);
  checkPeriod(values, period);
  const members = items.flatMap((item, i) => (groupOf(item, level) === key ? [i] : []));
  if (members.length === 0) throw new PlanningError(`There is no ${level} "${key}": check the name.`);
  const current = members.map((i) => values[i][period]);
  if (current.every((v) => v === 0)) {
    throw new PlanningError(
      `The items of ${level} "${key}" are all 0 in period ${period + 1}, so there is no mix to rescale by: set the items themselves.`,
    );
  }
  const parts = disaggregate(newTotal, current, decimals);
  const next = values.map((row) => [...row]);
  members.forEach((i, k) => (next[i][period] = parts[k]));
  return rollUp(items, next);
}

/**
 * Change one item's value in one period; every level's totals follow.
 * @throws PlanningError when the item or period does not exist or the value is not a number
 * @example changeItemValue(items, [[1, 2], [3, 4]], "a", 1, 5).groups.family[0].values // [4, 9]
 */
export function changeItemValue(
  items: readonly HierarchyItem[],
  values: readonly (readonly number[])[],
  itemId: string,
  period: number,
  value: number,
): HierarchyView {
  checkValues(items, values);
  checkPeriod(values, period);
  const index = items.findIndex((item) => item.id === itemId);
  if (index < 0) throw new PlanningError(`There is no item "${itemId}": check the id.`);
  assertNumbers(`the new value of item ${itemId}`, [value]);
  const next = values.map((row) => [...row]);
  next[index][period] = value;
  return rollUp(items, next);
}

/**
 * The group an item belongs to at one level.
 * @throws PlanningError when the item has no group at that level
 * @example groupOf({ id: "a", levels: { family: "F" } }, "family") // "F"
 */
export function groupOf(item: HierarchyItem, level: string): string {
  const key = item.levels[level];
  if (key === undefined || key === "") {
    throw new PlanningError(`Item ${item.id} has no ${level}: give every item a ${level}.`);
  }
  return key;
}

function checkValues(items: readonly HierarchyItem[], values: readonly (readonly number[])[]): void {
  if (items.length !== values.length) {
    throw new PlanningError(`There are ${items.length} items but ${values.length} rows of values: give one row per item.`);
  }
  values.forEach((row, i) => {
    assertSameLength(`item ${items[i].id}`, row, `item ${items[0].id}`, values[0]);
    assertNumbers(`item ${items[i].id}`, row);
  });
}

function checkPeriod(values: readonly (readonly number[])[], period: number): void {
  const periods = values[0]?.length ?? 0;
  if (!Number.isInteger(period) || period < 0 || period >= periods) {
    throw new PlanningError(`Period ${period + 1} is outside the plan, which has ${periods} periods.`);
  }
}
