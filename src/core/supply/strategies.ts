/**
 * The classical aggregate-planning strategies (SOP-GUIDE; Chopra & Meindl, ch. 8): chase (make what
 * is demanded each period, varying workforce or overtime, subcontracting what capacity cannot make)
 * and level (make at a constant rate and let inventory absorb the difference), and a side-by-side
 * comparison with the optimal plan.
 */

import { planCost, planService, hoursNeeded, resourcePlans, lanePlans, storagePlans } from "./evaluatePlan";
import { stockingPointKey, type SupplyItem, type SupplyModel } from "./model";
import { optimizeSupply, type OptimizeOptions } from "./optimizeSupply";
import type { ItemPlan, SupplyOutcome, SupplyPlan, SupplyStrategy, WorkforceSchedule } from "./plan";
import { settlePeriod } from "./projectedInventory";
import { cheapestSources, overflowLanes, type OverflowLane, type Source } from "./sourcing";
import { laneItems, receiptsByItem, resourceUse } from "./supplyLp";

/** Hours each resource can give in period t at most (regular + overtime; workforce at its maximum). */
function maxHours(model: SupplyModel, r: number, t: number): number {
  const res = model.resources[r];
  const wf = model.workforce;
  let hours = res.availableHours[t] + res.overtimeHoursCap[t];
  if (wf !== undefined && wf.resource === res.id) {
    hours += wf.maxWorkers === Infinity ? Infinity : (wf.hoursPerWorker + wf.overtimeHoursPerWorker) * wf.maxWorkers;
  }
  return hours;
}

/** Workers needed for `hours` on the workforce resource, within the limits. */
function workersFor(model: SupplyModel, hours: number, t: number): number {
  const wf = model.workforce;
  if (wf === undefined) return 0;
  const res = model.resources.find((r) => r.id === wf.resource);
  const beyond = Math.max(0, hours - (res?.availableHours[t] ?? 0));
  const exact = wf.hoursPerWorker > 0 ? beyond / wf.hoursPerWorker : 0;
  const whole = wf.integerWorkers ? Math.ceil(exact - 1e-9) : exact;
  return Math.min(wf.maxWorkers, Math.max(wf.minWorkers, whole));
}

function schedule(model: SupplyModel, workers: number[]): WorkforceSchedule | undefined {
  const wf = model.workforce;
  if (wf === undefined) return undefined;
  const hires: number[] = [];
  const layoffs: number[] = [];
  workers.forEach((w, t) => {
    const change = w - (t === 0 ? wf.initialWorkers : workers[t - 1]);
    hires.push(Math.max(0, change));
    layoffs.push(Math.max(0, -change));
  });
  return { workers, hires, layoffs };
}

/**
 * A quantity an item's order rules allow: 0, or at least the minimum order, a whole multiple of the
 * lot size, whole for whole-unit items. `up` rounds a wish up (make enough), else down (stay within
 * hours).
 */
function allowed(item: SupplyItem, quantity: number, up: boolean): number {
  if (!(quantity > 1e-9)) return 0;
  const step = item.lotSize ?? (item.wholeUnits === true ? 1 : 0);
  const round = (q: number): number => (step > 0 ? step * (up ? Math.ceil(q / step - 1e-9) : Math.floor(q / step + 1e-9)) : q);
  const moq = item.minOrderQuantity ?? 0;
  if (up) return round(Math.max(quantity, moq));
  const q = round(quantity);
  return q < moq - 1e-9 ? 0 : q;
}

/**
 * The horizon ends: backlog beyond what the model lets stay owed (`endBacklogMax`) is lost instead, as
 * the optimiser must lose it too, so that the strategies' costs compare with the optimum's. Backlog is
 * served oldest first, so the units still owed at the end are the latest demands: they are marked lost
 * in the periods they were asked for, latest first (never more than a period's demand), and no longer
 * owed from then on. Balances hold: each unit moves from backlog to lost sales in its own period.
 * @param backlog backlog at each period end (changed in place)
 * @param lost lost sales per period (changed in place)
 * @param demand demand per period
 * @param endBacklogMax most backlog allowed at the end of the last period
 * @example loseEndBacklog([0, 5, 8], [0, 0, 0], [10, 10, 10], 0) // backlog [0, 5, 0], lost [0, 0, 8]
 */
export function loseEndBacklog(backlog: number[], lost: number[], demand: readonly number[], endBacklogMax: number): void {
  const T = backlog.length;
  let over = backlog[T - 1] - endBacklogMax;
  let owedSince = Infinity;
  for (let t = T - 1; t >= 0 && over > 1e-9; t--) {
    owedSince = Math.min(owedSince, backlog[t]);
    const units = Math.min(over, demand[t] - lost[t], owedSince);
    if (units <= 0) continue;
    lost[t] += units;
    for (let u = t; u < T; u++) backlog[u] -= units;
    owedSince -= units;
    over -= units;
  }
}

/**
 * Runs a replenishment policy period by period over the network (a single site is a network of one):
 * in each decision period s every stocking point, downstream first, asks `wanted(i, a, position,
 * outflow)` for the units that should arrive at a = s + its source's offset (lead time or transit),
 * given its projected position (inventory - backlog) at the end of a - 1 and the shipments its
 * downstream points have asked of it for a. Made points put it into production in s; lane-sourced
 * points ask their source to ship it in s. Production is cut in proportion on any resource short of
 * hours; with `subcontractShortfall` the cut (and the whole wish of a point without a source) is bought
 * in up to the limit. Then, upstream first, each point ships what was asked of it as far as its stock
 * allows (in proportion when short) and serves its own demand (`settlePeriod`). Quantities made keep
 * each item's order rules (`allowed`), and a frozen time fence's months make exactly the approved production.
 */
function runPolicy(
  model: SupplyModel,
  strategy: SupplyStrategy,
  wanted: (i: number, t: number, position: number, outflow: number) => number,
  subcontractShortfall: boolean,
  sources: readonly Source[] = cheapestSources(model),
  overflow: readonly (readonly OverflowLane[])[] = model.items.map(() => []),
): SupplyPlan {
  const T = model.periods;
  const n = model.items.length;
  const uses = resourceUse(model);
  const zeros = (): number[] => new Array<number>(T).fill(0);
  const production = model.items.map(zeros);
  const subcontract = model.items.map(zeros);
  const arriving = receiptsByItem(model);
  const asked = model.items.map(zeros);
  const inventory = model.items.map(zeros);
  const backlog = model.items.map(zeros);
  const lost = model.items.map(zeros);
  const moves = laneItems(model);
  const moveOf = new Map(moves.map((m, k) => [`${m.lane}:${m.to}`, k]));
  const shipped = moves.map(zeros);
  const position = model.items.map((item) => item.openingInventory - item.openingBacklog);
  const stock = model.items.map((item) => item.openingInventory);
  const owed = model.items.map((item) => item.openingBacklog);
  const demandOf = model.items.map((item) => model.demand[stockingPointKey(item)]);
  const downstreamFirst = model.items.map((_, i) => i).sort((x, y) => sources[y].depth - sources[x].depth);
  const upstreamFirst = [...downstreamFirst].reverse();
  const transit = (lane: number): number => model.lanes?.[lane].transitPeriods ?? 0;
  // the lanes each point is served along, its own first, then those it overflows to
  const routes: readonly OverflowLane[][] = sources.map((source, i) => (source.kind === "lane" ? [{ lane: source.lane, parent: source.parent }, ...overflow[i]] : []));
  const children: { child: number; lane: number }[][] = model.items.map(() => []);
  routes.forEach((list, i) => list.forEach(({ lane, parent }) => children[parent].push({ child: i, lane })));
  const fence = model.timeFence;
  const frozen = (i: number, t: number): number | undefined =>
    fence !== undefined && fence.changeCost === undefined && t < fence.periods ? fence.production[stockingPointKey(model.items[i])]?.[t] : undefined;
  // what downstream points will ask of each point in each period, from their demand (a forecast for
  // sources whose lead time makes them decide before their downstream points ask)
  // (split over a point's lanes as their capacity allows, what no lane has room for on its own lane)
  const expected = model.items.map(zeros);
  const expectedOnLane = (model.lanes ?? []).map(zeros);
  for (const i of downstreamFirst) {
    const source = sources[i];
    if (source.kind !== "lane") continue;
    for (let t = 0; t + source.offset < T; t++) {
      let flow = demandOf[i][t + source.offset] + expected[i][t + source.offset];
      for (const { lane, parent } of routes[i].length > 1 ? routes[i] : []) {
        const part = Math.min(flow, Math.max(0, (model.lanes?.[lane].capacity[t] ?? Infinity) - expectedOnLane[lane][t]));
        expectedOnLane[lane][t] += part;
        expected[parent][t] += part;
        flow -= part;
      }
      expected[source.parent][t] += flow;
    }
  }
  /** What point i ships in period t as known in decision period s: asked by now, else expected. */
  const outflow = (i: number, s: number, t: number): number => (t <= s ? asked[i][t] : expected[i][t]);
  /** Position at the end of period `end` (>= s - 1) from the one at the end of s - 1 and what is known to arrive and leave. */
  const projected = (i: number, s: number, end: number): number => {
    let p = position[i];
    for (let t = s; t <= end; t++) {
      p += arriving[i][t] - outflow(i, s, t) - demandOf[i][t];
      if (!model.items[i].backlogAllowed) p = Math.max(0, p);
    }
    return p;
  };
  for (let s = 0; s < T; s++) {
    const want = new Array<number>(n).fill(0);
    const buy = new Array<number>(n).fill(0);
    const laneUsed = new Array<number>(model.lanes?.length ?? 0).fill(0);
    for (const i of downstreamFirst) {
      const source = sources[i];
      const a = s + source.offset;
      if (a >= T) continue;
      const wish = Math.max(0, wanted(i, a, projected(i, s, a - 1), outflow(i, s, a)));
      if (source.kind === "make") want[i] = frozen(i, s) ?? allowed(model.items[i], wish, true);
      else if (source.kind === "none") buy[i] = wish;
      else {
        // its own lane first, then (chase) the next lanes into it while the wish is not met
        let rest = wish;
        for (const { lane, parent } of routes[i]) {
          if (s + transit(lane) >= T) continue;
          const granted = Math.min(rest, Math.max(0, (model.lanes?.[lane].capacity[s] ?? Infinity) - laneUsed[lane]));
          laneUsed[lane] += granted;
          asked[parent][s] += granted;
          shipped[moveOf.get(`${lane}:${i}`) ?? 0][s] = granted;
          rest -= granted;
        }
      }
    }
    const need = new Array<number>(model.resources.length).fill(0);
    uses.forEach((list, i) => list.forEach((u) => (need[u.resource] += u.hours * want[i])));
    const factor = need.map((h, r) => (h > 0 ? Math.min(1, maxHours(model, r, s) / h) : 1));
    model.items.forEach((item, i) => {
      if (sources[i].kind === "make") {
        const f = Math.min(1, ...uses[i].map((u) => factor[u.resource]));
        production[i][s] = f < 1 && frozen(i, s) === undefined ? allowed(item, want[i] * f, false) : want[i];
        arriving[i][s + sources[i].offset] += production[i][s];
        buy[i] = want[i] - production[i][s];
      }
      if (subcontractShortfall && item.subcontractCost !== undefined) {
        const bought = Math.min(buy[i], item.subcontractCap[s]);
        subcontract[i][s] = item.wholeUnits === true ? Math.floor(bought + 1e-9) : bought;
        arriving[i][s] += subcontract[i][s];
      }
    });
    for (const i of upstreamFirst) {
      const item = model.items[i];
      const available = stock[i] + arriving[i][s];
      const share = asked[i][s] > available ? Math.max(0, available) / asked[i][s] : 1;
      let out = 0;
      for (const { child, lane } of children[i]) {
        const move = moveOf.get(`${lane}:${child}`) ?? -1;
        const units = shipped[move][s] * share;
        shipped[move][s] = units;
        out += units;
        if (s + transit(lane) < T) arriving[child][s + transit(lane)] += units;
      }
      asked[i][s] = out;
      const supply = arriving[i][s] - out;
      position[i] += supply - demandOf[i][s];
      if (!item.backlogAllowed) position[i] = Math.max(0, position[i]);
      const settled = settlePeriod(stock[i] + supply, owed[i], demandOf[i][s], item.backlogAllowed ? "backlog" : "lost");
      // backlog beyond its cap is lost where lost sales are allowed
      const over = item.lostSalesCost === undefined ? 0 : Math.max(0, settled.owed - (item.backlogCap?.[s] ?? Infinity));
      if (over > 0) position[i] += over;
      stock[i] = settled.stock;
      owed[i] = settled.owed - over;
      inventory[i][s] = settled.stock;
      backlog[i][s] = owed[i];
      lost[i][s] = settled.lost + over;
    }
  }
  model.items.forEach((item, i) => item.lostSalesCost !== undefined && loseEndBacklog(backlog[i], lost[i], demandOf[i], item.endBacklogMax));
  const load = hoursNeeded(model, production);
  const wfIndex = model.resources.findIndex((r) => r.id === model.workforce?.resource);
  const workers = wfIndex < 0 ? [] : load[wfIndex].map((h, t) => workersFor(model, h, t));
  const workforce = schedule(model, strategy === "level" && workers.length > 0 ? new Array<number>(T).fill(Math.max(...workers)) : workers);
  const regular = model.resources.map((r, k) =>
    r.availableHours.map((h, t) => h + (k === wfIndex && workforce !== undefined && model.workforce !== undefined ? model.workforce.hoursPerWorker * workforce.workers[t] : 0)),
  );
  const overtime = load.map((row, k) => row.map((h, t) => Math.max(0, h - regular[k][t])));
  const items: ItemPlan[] = model.items.map((item, i) => ({
    itemId: item.id,
    ...(item.location === undefined ? {} : { location: item.location }),
    production: production[i],
    subcontract: subcontract[i],
    inventory: inventory[i],
    backlog: backlog[i],
    lost: lost[i],
    safetyStockShortfall: inventory[i].map((v, t) => (item.safetyStockPenalty === undefined ? 0 : Math.max(0, item.safetyStock[t] - v))),
  }));
  const resources = resourcePlans(model, production, overtime, workforce);
  const lanes = model.lanes === undefined ? undefined : lanePlans(model, shipped);
  const plan: SupplyPlan = { strategy, items, resources, cost: planCost(model, items, resources, workforce, lanes), service: planService(model, items) };
  if (workforce !== undefined) plan.workforce = workforce;
  if (lanes !== undefined) plan.lanes = lanes;
  if (model.locations !== undefined) plan.storage = storagePlans(model, items);
  return plan;
}

/** Inventory each item should hold at the end of period t: its safety stock, and the end target last. */
function target(model: SupplyModel, i: number, t: number): number {
  const item = model.items[i];
  return t === model.periods - 1 ? Math.max(item.safetyStock[t], item.endInventoryTarget) : item.safetyStock[t];
}

/**
 * Chase plan: each period make demand + backlog + safety stock - stock on hand; when a resource is
 * short of hours (regular + overtime, or the most workers), production is cut in proportion and the
 * cut is subcontracted where allowed, else backlogged or lost. With a workforce, workers follow the
 * hours needed (hiring and laying off). In a network each stocking point is served from its cheapest
 * source (`cheapestSources`): a warehouse asks what it needs, lead time or transit ahead, and its
 * source makes or ships it on top of its own demand; what that lane has no room for it asks along its
 * next lanes, cheapest first (`overflowLanes`), as a planner would when a lane is full.
 * @param model a validated model.
 * @example chasePlan(model).cost.total
 */
export function chasePlan(model: SupplyModel): SupplyPlan {
  const sources = cheapestSources(model);
  return runPolicy(
    model,
    "chase",
    (i, t, position, outflow) => model.demand[stockingPointKey(model.items[i])][t] + outflow + target(model, i, t) - position,
    true,
    sources,
    overflowLanes(model, sources),
  );
}

/**
 * Level plan: each item is made at the constant rate (total demand + opening backlog + end target -
 * opening inventory) / periods; inventory and backlog absorb the difference. With a workforce, the
 * workforce is set once to the level the rate needs. In a network each stocking point asks its
 * cheapest source for its own constant rate every period, and a source's rate adds what its downstream
 * points ask over the horizon; a rate is spread over the periods in which what is made or shipped
 * arrives within the horizon.
 * @param model a validated model.
 * @example levelPlan(model).items[0].production // [rate, rate, ...]
 */
export function levelPlan(model: SupplyModel): SupplyPlan {
  const sources = cheapestSources(model);
  const T = model.periods;
  const rates = new Array<number>(model.items.length).fill(0);
  const passedUp = new Array<number>(model.items.length).fill(0);
  const downstreamFirst = model.items.map((_, i) => i).sort((x, y) => sources[y].depth - sources[x].depth);
  for (const i of downstreamFirst) {
    const item = model.items[i];
    const total = model.demand[stockingPointKey(item)].reduce((a, b) => a + b, 0);
    const periods = T - sources[i].offset;
    rates[i] = Math.max(0, (total + passedUp[i] + item.openingBacklog + target(model, i, T - 1) - item.openingInventory) / periods);
    if (sources[i].kind === "lane") passedUp[sources[i].parent] += rates[i] * periods;
  }
  return runPolicy(model, "level", (i) => rates[i], false, sources);
}

/** One line of the side-by-side comparison. */
export interface StrategySummary {
  strategy: SupplyStrategy;
  /** Total cost, NaN when the optimiser found no plan. */
  totalCost: number;
  /** On-time unit fill rate (`planService`), NaN without a plan. */
  fillRate: number;
  /** Backlog summed over period ends (unit-periods). */
  backlogUnitPeriods: number;
  /** Demand not shipped on time x price. */
  revenueAtRisk: number;
  peakInventory: number;
  /** Why there is no optimal plan (only for an optimal line without a plan). */
  message?: string;
}

/** Chase, level and optimal plans of one model, with their summary lines. */
export interface StrategyComparison {
  chase: SupplyPlan;
  level: SupplyPlan;
  optimal: SupplyOutcome;
  summary: StrategySummary[];
}

/**
 * The comparison line of one plan: its total cost and its service (`planService`).
 * @example strategyLine(chasePlan(model)).fillRate // 0.98
 */
export function strategyLine(p: SupplyPlan): StrategySummary {
  return {
    strategy: p.strategy,
    totalCost: p.cost.total,
    fillRate: p.service.fillRate,
    backlogUnitPeriods: p.service.backlogUnitPeriods,
    revenueAtRisk: p.service.revenueAtRisk,
    peakInventory: p.service.peakInventory,
  };
}

/**
 * Plans a model with the chase, level and optimal strategies and lines them up by cost, fill rate
 * and peak inventory, the comparison planners make (SOP-GUIDE, step 3).
 * @example (await compareStrategies(model)).summary.map((s) => [s.strategy, s.totalCost])
 */
export async function compareStrategies(model: SupplyModel, options: OptimizeOptions = {}): Promise<StrategyComparison> {
  const chase = chasePlan(model);
  const level = levelPlan(model);
  const optimal = await optimizeSupply(model, options);
  const optimalLine: StrategySummary =
    optimal.status === "optimal"
      ? strategyLine(optimal.plan)
      : { strategy: "optimal", totalCost: NaN, fillRate: NaN, backlogUnitPeriods: NaN, revenueAtRisk: NaN, peakInventory: NaN, message: optimal.message };
  return { chase, level, optimal, summary: [strategyLine(chase), strategyLine(level), optimalLine] };
}
