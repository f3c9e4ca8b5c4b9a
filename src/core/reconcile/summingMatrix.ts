import { PlanningError } from "../errors";
import { assertNumbers } from "./checks";
import { groupOf, type HierarchyItem } from "./hierarchy";

/** One series of a hierarchy: a bottom series (e.g. an item at a location) or a total of bottom series. */
export interface SeriesNode {
  name: string;
  /** The level it belongs to: "total", a level name ("item", "family", "location", "region"), "bottom"; "" when the hierarchy names none. */
  level: string;
  /** Positions (in bottom order) of the bottom series it adds up; a bottom series lists only itself. */
  members: readonly number[];
}

/**
 * The summing matrix S of a hierarchical or grouped structure, kept sparse: row i of S has a 1 in the
 * columns `nodes[i].members`. Every series is S times the bottom series (Hyndman & Athanasopoulos,
 * Forecasting: Principles and Practice, 3rd ed., section 11.1). In a grouped structure a bottom series
 * adds up along more than one path (item x location -> item -> family and item x location -> location -> region).
 */
export interface SummingStructure {
  nodes: readonly SeriesNode[];
  /** The index in `nodes` of each bottom series, in bottom order. */
  bottom: readonly number[];
}

/** One row of a (node, parent) list: `node` adds up into `parent`; an empty parent only declares a top node. */
export interface ParentLink {
  node: string;
  parent: string;
}

/**
 * The structure given as (node, parent) pairs, as a planner lists it in two columns. A node listed with
 * two parents adds up along two paths (a grouped structure: item x location into its item and into its
 * location). Bottom series are the nodes that are nobody's parent; every other node adds up the bottom
 * series under it (each counted once, whichever paths lead there). Nodes keep the order they first appear in.
 * @throws PlanningError for a row without a node, a node that is its own parent or ancestor (naming the loop),
 *   or a pair given twice (naming its row, 1-based)
 * @example structureFromParents([{ node: "a", parent: "F" }, { node: "b", parent: "F" }]).nodes.map((n) => n.name) // ["a", "F", "b"]
 */
export function structureFromParents(links: readonly ParentLink[]): SummingStructure {
  const names: string[] = [];
  const children = new Map<string, string[]>();
  const seen = new Set<string>();
  const add = (name: string): void => {
    if (!children.has(name)) {
      children.set(name, []);
      names.push(name);
    }
  };
  links.forEach(({ node, parent }, row) => {
    if (node === "") throw new PlanningError(`Row ${row + 1} of the hierarchy has a parent "${parent}" but no node: name the node it adds up.`);
    if (node === parent) throw new PlanningError(`Row ${row + 1} of the hierarchy makes "${node}" its own parent: give the group it adds up into.`);
    add(node);
    if (parent === "") return;
    add(parent);
    const pair = `${node}\u0000${parent}`;
    if (seen.has(pair)) throw new PlanningError(`Row ${row + 1} of the hierarchy gives "${node}" in "${parent}" a second time: keep one row.`);
    seen.add(pair);
    children.get(parent)?.push(node);
  });
  const bottomNames = names.filter((name) => children.get(name)?.length === 0);
  const position = new Map(bottomNames.map((name, j) => [name, j]));
  const members = new Map<string, number[]>();
  const visiting: string[] = [];
  const membersOf = (name: string): number[] => {
    const known = members.get(name);
    if (known) return known;
    if (visiting.includes(name)) {
      const loop = [...visiting.slice(visiting.indexOf(name)), name].reverse().join(" -> ");
      throw new PlanningError(`The hierarchy goes round in a loop (${loop}): a group cannot add up into itself.`);
    }
    visiting.push(name);
    const own = position.get(name);
    const set = own !== undefined ? [own] : [...new Set((children.get(name) ?? []).flatMap(membersOf))].sort((a, b) => a - b);
    visiting.pop();
    members.set(name, set);
    return set;
  };
  const nodes = names.map((name) => ({ name, level: position.has(name) ? "bottom" : "", members: membersOf(name) }));
  return { nodes, bottom: bottomNames.map((name) => names.indexOf(name)) };
}

/**
 * The structure of bottom series (e.g. item x location) that belong to groups at named levels: a total of
 * all, then each level's groups in the order the levels are given (groups in order of first appearance),
 * then the bottom series. Levels may cross (item and location both group item x location series: a grouped
 * structure); a level nested in another (item in family) simply gives the coarser groups.
 * @param items the bottom series, each with its group at every level named in `levels`
 * @param levels the levels to add up to, e.g. ["family", "item", "region", "location"]
 * @param totalName the name of the grand total (default "Total")
 * @throws PlanningError for no items, two items with the same id, or an item without a group at a level
 * @example structureFromLevels([{ id: "a@X", levels: { item: "a" } }, { id: "a@Y", levels: { item: "a" } }], ["item"]).nodes.map((n) => n.name)
 *   // ["Total", "a", "a@X", "a@Y"]
 */
export function structureFromLevels(items: readonly HierarchyItem[], levels: readonly string[], totalName = "Total"): SummingStructure {
  if (items.length === 0) throw new PlanningError("There are no series to add up: give at least one item.");
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new PlanningError(`Series ${item.id} is given twice: give each item (at each location) once.`);
    ids.add(item.id);
  }
  const nodes: SeriesNode[] = [{ name: totalName, level: "total", members: items.map((_, j) => j) }];
  for (const level of levels) {
    const groups = new Map<string, number[]>();
    items.forEach((item, j) => {
      const key = groupOf(item, level);
      const members = groups.get(key);
      if (members) members.push(j);
      else groups.set(key, [j]);
    });
    for (const [name, members] of groups) nodes.push({ name, level, members });
  }
  const first = nodes.length;
  items.forEach((item, j) => nodes.push({ name: item.id, level: "bottom", members: [j] }));
  return { nodes, bottom: items.map((_, j) => first + j) };
}

/**
 * Every series of the structure from the bottom series: row i is the sum of the bottom rows in
 * `nodes[i].members` (S times the bottom), so the result is coherent by construction.
 * @param bottom bottom series x periods, in bottom order
 * @returns nodes x periods, in node order
 * @throws PlanningError when the rows are not one per bottom series over the same periods, or hold a non-number
 * @example sumUp(structureFromParents([{ node: "a", parent: "T" }, { node: "b", parent: "T" }]), [[1, 2], [3, 4]]) // [[1, 2], [4, 6], [3, 4]]
 */
export function sumUp(structure: SummingStructure, bottom: readonly (readonly number[])[]): number[][] {
  if (bottom.length !== structure.bottom.length) {
    throw new PlanningError(`The hierarchy has ${structure.bottom.length} bottom series but ${bottom.length} rows were given: give one row per bottom series.`);
  }
  const periods = bottom[0]?.length ?? 0;
  bottom.forEach((row, j) => {
    const name = structure.nodes[structure.bottom[j]].name;
    if (row.length !== periods) throw new PlanningError(`Series ${name} has ${row.length} periods but the others have ${periods}: give all for the same periods.`);
    assertNumbers(`series ${name}`, row);
  });
  return structure.nodes.map((node) => {
    const sum = new Array<number>(periods).fill(0);
    for (const j of node.members) for (let t = 0; t < periods; t++) sum[t] += bottom[j][t];
    return sum;
  });
}

/**
 * The largest gap, over every series and period, between a series and the sum of the bottom series it
 * adds up: 0 for coherent forecasts (up to rounding).
 * @param values nodes x periods, in node order
 * @example coherenceError(structure, sumUp(structure, bottom)) // 0
 */
export function coherenceError(structure: SummingStructure, values: readonly (readonly number[])[]): number {
  let worst = 0;
  structure.nodes.forEach((node, i) => {
    values[i].forEach((value, t) => {
      let sum = 0;
      for (const j of node.members) sum += values[structure.bottom[j]][t];
      worst = Math.max(worst, Math.abs(value - sum));
    });
  });
  return worst;
}
