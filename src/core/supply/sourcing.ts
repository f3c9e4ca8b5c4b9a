/**
 * Where each stocking point of a network gets its stock from in the chase and level strategies: made
 * where it is stocked, or shipped along one lane from the neighbour on its cheapest path from a
 * location that makes it (production cost plus lane costs, averaged over the horizon: a shortest
 * path, Bellman-Ford over the lanes that carry the item). A single-site model makes every item where
 * it is stocked.
 */

import { costAt, isMade, type SupplyModel } from "./model";
import { laneItems, resourceUse } from "./supplyLp";

/** The source of one stocking point. */
export interface Source {
  /** "make": produced here; "lane": shipped from `parent` along `lane`; "none": only opening stock, receipts and subcontracting. */
  kind: "make" | "lane" | "none";
  /** Lane index (kind "lane"). */
  lane: number;
  /** Index in model.items of the stocking point shipped from (kind "lane"), else -1. */
  parent: number;
  /** Periods from the decision to the arrival: the production lead time, or the lane's transit. */
  offset: number;
  /** Hops from the making stocking point (0 where made or without a source). */
  depth: number;
  /** Estimated cost of one unit delivered here (Infinity without a source). */
  unitCost: number;
}

const average = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * The cheapest source of every stocking point, in model.items order.
 * @example cheapestSources(model)[3] // { kind: "lane", lane: 0, parent: 1, offset: 1, depth: 1, unitCost: 12 }
 */
export function cheapestSources(model: SupplyModel): Source[] {
  const uses = resourceUse(model);
  const sources: Source[] = model.items.map((item, i) => {
    if (!isMade(model, item)) return { kind: "none", lane: -1, parent: -1, offset: 0, depth: 0, unitCost: Infinity };
    const unitCost = average(Array.from({ length: model.periods }, (_, t) => costAt(item, "unitCost", t))) + uses[i].reduce((a, u) => a + u.hours * model.resources[u.resource].regularCostPerHour, 0);
    return { kind: "make", lane: -1, parent: -1, offset: item.productionLeadTime ?? 0, depth: 0, unitCost };
  });
  const moves = laneItems(model);
  const lanes = model.lanes ?? [];
  for (let round = 0; round < model.items.length; round++) {
    let changed = false;
    for (const move of moves) {
      const via = sources[move.from].unitCost + average(lanes[move.lane].costPerUnit);
      if (via < sources[move.to].unitCost - 1e-12) {
        const lane = lanes[move.lane];
        sources[move.to] = { kind: "lane", lane: move.lane, parent: move.from, offset: lane.transitPeriods, depth: sources[move.from].depth + 1, unitCost: via };
        changed = true;
      }
    }
    if (!changed) break;
  }
  const depthOf = (i: number, hops: number): number => (sources[i].kind === "lane" && hops < sources.length ? depthOf(sources[i].parent, hops + 1) + 1 : 0);
  sources.forEach((source, i) => (source.depth = depthOf(i, 0)));
  return sources;
}

/** A second source of a stocking point: another lane into it, and the point it ships from. */
export interface OverflowLane {
  lane: number;
  parent: number;
}

/**
 * Where a stocking point's wish goes when its own lane is full: the other lanes into it, cheapest
 * delivered unit first, from points nearer the making one (lower depth, so they decide and ship after
 * it asks, as its own source does). What they carry arrives after their own transit: sooner than
 * wanted on a faster lane, later on a slower one. Empty for points made where they are stocked or
 * without a lane.
 * @param model a validated model
 * @param sources cheapestSources(model)
 * @returns one list per stocking point, in model.items order
 * @example overflowLanes(model, cheapestSources(model))[3] // [{ lane: 1, parent: 0 }]
 */
export function overflowLanes(model: SupplyModel, sources: readonly Source[]): OverflowLane[][] {
  const lanes = model.lanes ?? [];
  const out: OverflowLane[][] = model.items.map(() => []);
  const cost = new Map<OverflowLane, number>();
  for (const move of laneItems(model)) {
    const own = sources[move.to];
    if (own.kind !== "lane" || move.lane === own.lane || sources[move.from].depth >= own.depth) continue;
    const overflow = { lane: move.lane, parent: move.from };
    cost.set(overflow, sources[move.from].unitCost + average(lanes[move.lane].costPerUnit));
    out[move.to].push(overflow);
  }
  for (const list of out) list.sort((a, b) => (cost.get(a) ?? 0) - (cost.get(b) ?? 0));
  return out;
}
