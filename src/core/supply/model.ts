/**
 * The supply model: what the supply step plans over. Items are made on shared resources (hours per
 * unit), bought from subcontractors, stocked or backlogged; resources have regular and overtime hours
 * per period; an optional workforce block plans workers, hires and layoffs for one labour resource
 * (the aggregate-planning textbook case, e.g. Chopra & Meindl, Supply Chain Management, ch. 8).
 *
 * Every per-period quantity is an array of length `periods` (validation expands a JSON scalar into
 * such an array). Money is in the planner's currency, quantities in the item's unit, time in hours.
 * The JSON form is documented in docs/supply-model.md and docs/supply-model.schema.json;
 * `validateSupplyModel` turns unknown input into this typed model.
 */

/** Item cost fields that may take a different value in each period (JSON: a number or a list per period). */
export type PeriodCostField = "unitCost" | "holdingCost" | "backlogCost" | "lostSalesCost" | "subcontractCost" | "price";

/**
 * One item (or family treated as one item) to plan at one stocking point: the item at its location in a
 * network model, or at the single site of a model without locations.
 */
export interface SupplyItem {
  /** Item id, used in messages and results; with `location` it names the stocking point `id@location`. */
  id: string;
  /** Location where this entry is stocked (a network model); absent = the single site of the model. */
  location?: string;
  /**
   * Whether the item is made here: true by default at a plant and at the single site; never at a
   * warehouse (stock reaches a warehouse by lanes, scheduled receipts or subcontracting).
   */
  made?: boolean;
  /** Periods from the start of production to stock on hand (made in t, available in t + L); 0 by default. */
  productionLeadTime?: number;
  /** Space one unit takes in its location's storage (default 1, so the storage limit counts units). */
  volumePerUnit?: number;
  /** Most backlog at each period end (absent = no limit other than `endBacklogMax` at the end). */
  backlogCap?: number[];
  /**
   * Costs and price given per period; the scalar field of the same name then holds their average over
   * the horizon (for reports), while the plan and its cost use the value of each period (`costAt`).
   */
  costByPeriod?: Partial<Record<PeriodCostField, number[]>>;
  /** Product family, for aggregation and reporting. */
  family?: string;
  /** Selling price per unit (used by the financial view and revenue at risk; not by the optimiser). */
  price?: number;
  /** Variable (material) cost per unit made in house, regular or overtime. */
  unitCost: number;
  /** Cost of holding one unit in inventory for one period. */
  holdingCost: number;
  /** Whether unmet demand may be carried as backlog to later periods. */
  backlogAllowed: boolean;
  /** Cost of one unit backlogged for one period (used when `backlogAllowed`). */
  backlogCost: number;
  /** Cost of one unit of demand lost; when absent demand may not be lost. */
  lostSalesCost?: number;
  /** All-in cost of one subcontracted unit; when absent the item cannot be subcontracted. */
  subcontractCost?: number;
  /** Most units that can be subcontracted per period (Infinity = no limit). */
  subcontractCap: number[];
  /** Safety stock per period: the inventory the plan should hold at each period end. */
  safetyStock: number[];
  /**
   * Cost per unit-period of falling short of the safety stock. When absent the safety stock is a
   * hard floor; when given it is a target the plan may miss at that cost.
   */
  safetyStockPenalty?: number;
  /** Inventory on hand at the start of period 1. */
  openingInventory: number;
  /** Backlog (demand owed to customers) at the start of period 1. */
  openingBacklog: number;
  /**
   * Least inventory at the end of the last period. Defaults to the last period's safety stock, so a
   * plan does not run its stock down at the horizon's end (the horizon is not the end of the business).
   */
  endInventoryTarget: number;
  /** Most backlog left at the end of the last period (0 = all demand served or lost by then). */
  endBacklogMax: number;
  /** Hours of each resource one unit needs, keyed by resource id (missing = 0). */
  hoursPerUnit: Record<string, number>;
  /** Production and subcontracting in whole units (a mixed-integer programme). */
  wholeUnits?: boolean;
  /** Production per period is a whole multiple of this (a batch or lot size, > 0). */
  lotSize?: number;
  /** Production per period is 0 or at least this (a minimum order or run quantity, > 0). */
  minOrderQuantity?: number;
}

/**
 * Time fence: the first `periods` periods keep the production of the previous approved plan. With
 * `changeCost` each unit moved away from it (up or down) costs that much; without it they are frozen.
 * Items absent from `production` are not fenced. (Network models key production by item the same way:
 * the fence holds what a plant makes, see docs/supply-model.md.)
 */
export interface TimeFence {
  /** Number of periods from the start that are fenced (0..periods). */
  periods: number;
  /** The previous approved plan's production per item id, at least `periods` values each. */
  production: Record<string, number[]>;
  /** Cost per unit changed in a fenced period; absent = frozen (no change allowed). */
  changeCost?: number;
}

/** One capacity resource (a line, a work centre, a labour pool). */
export interface SupplyResource {
  id: string;
  /** Plant where the resource sits (network models); absent = the single site. */
  location?: string;
  /** Regular hours available per period (for the workforce resource: hours on top of the workers'). */
  availableHours: number[];
  /** Most overtime hours per period (for the workforce resource: on top of the per-worker cap). */
  overtimeHoursCap: number[];
  /** Cost of one regular hour worked (charged on hours used; 0 when labour is paid as wages). */
  regularCostPerHour: number;
  /** Cost of one overtime hour (must be >= the regular cost per hour). */
  overtimeCostPerHour: number;
}

/**
 * Workforce planning for one labour resource: its regular hours are hoursPerWorker x workers, every
 * worker is paid a wage per period, and the plan may hire or lay off (Chopra & Meindl, ch. 8).
 */
export interface WorkforcePlan {
  /** Id of the resource whose hours the workers supply. */
  resource: string;
  /** Workers at the start of period 1. */
  initialWorkers: number;
  /** Regular hours one worker supplies per period. */
  hoursPerWorker: number;
  /** Most overtime hours per worker per period (0 = none beyond the resource's own cap). */
  overtimeHoursPerWorker: number;
  /** Wage of one worker per period, paid whether or not the hours are used. */
  wagePerWorker: number;
  /** Cost of hiring (and training) one worker. */
  hireCost: number;
  /** Cost of laying off one worker. */
  layoffCost: number;
  /** Fewest and most workers in any period. */
  minWorkers: number;
  maxWorkers: number;
  /** Plan whole workers (a mixed-integer programme) instead of fractional ones. */
  integerWorkers: boolean;
  /** Most workers hired in each period (absent = no limit). */
  hireCap?: number[];
}

/** A plant (makes items on its resources) or a warehouse (stocks and ships only). */
export interface SupplyLocation {
  id: string;
  kind: "plant" | "warehouse";
  /** Most storage (units, or volume with items' `volumePerUnit`) at each period end; Infinity = no limit. */
  storageCap: number[];
}

/** A transport lane: units shipped from `from` in period t arrive at `to` in t + transitPeriods. */
export interface SupplyLane {
  /** Unique id (default `from->to`). */
  id: string;
  from: string;
  to: string;
  /** Whole periods in transit (0 = arrives in the period it is shipped). */
  transitPeriods: number;
  /** Cost of shipping one unit, per period of shipping. */
  costPerUnit: number[];
  /** Most units shipped per period over all items; Infinity = no limit. */
  capacity: number[];
}

/** Units already on the way (ordered or in transit before the plan starts) that arrive at a stocking point. */
export interface ScheduledReceipt {
  /** Stocking point key (`stockingPointKey`): the item id, or `id@location` in a network model. */
  stockingPoint: string;
  /** Period of arrival, 0-based. */
  period: number;
  quantity: number;
}

/** The whole model the supply step plans. */
export interface SupplyModel {
  /** Number of periods in the horizon (1..). */
  periods: number;
  /** Optional names of the periods ("Jan", "2026-03") used in messages and results. */
  periodLabels?: string[];
  /**
   * Months (base periods) each period spans, for a plan with coarse far periods (`bucketModel`: the
   * first year monthly, later quarters). Absent = every period is one month. Lead times and transit
   * stay in months; see `arrivalPeriods` for where a coarse period's output lands.
   */
  periodMonths?: number[];
  items: SupplyItem[];
  resources: SupplyResource[];
  /** Demand per stocking point (`stockingPointKey`: the item id, or `id@location`), one value per period. */
  demand: Record<string, number[]>;
  /** Plants and warehouses (a network model); absent = one implicit site. */
  locations?: SupplyLocation[];
  /** Transport lanes between locations. */
  lanes?: SupplyLane[];
  /** Units already on the way, by stocking point and period of arrival. */
  scheduledReceipts?: ScheduledReceipt[];
  /** Optional workforce planning of one labour resource. */
  workforce?: WorkforcePlan;
  /** Optional time fence from the previous approved plan. */
  timeFence?: TimeFence;
  /**
   * Relative optimality gap at which a mixed-integer plan (whole units, lot sizes, minimum orders,
   * whole workers) is accepted; default 0.005 (0.5 %). Ignored by a purely linear model.
   */
  mipGap?: number;
}

/** Default relative MIP gap: a whole-unit plan within 0.5 % of the best possible cost is accepted. */
export const DEFAULT_MIP_GAP = 0.005;

/** Whether the model needs integer variables (whole units, lot sizes, minimum orders, whole workers). */
export function isMixedInteger(model: SupplyModel): boolean {
  return model.workforce?.integerWorkers === true || model.items.some((i) => i.wholeUnits === true || i.lotSize !== undefined || i.minOrderQuantity !== undefined);
}

/**
 * Key of an item's stocking point, used by `demand`, `timeFence.production` and scheduled receipts:
 * the item id at the single site, `id@location` in a network model.
 * @example stockingPointKey({ id: "tools", location: "DC1" }) // "tools@DC1"
 */
export function stockingPointKey(item: Pick<SupplyItem, "id" | "location">): string {
  return item.location === undefined ? item.id : `${item.id}@${item.location}`;
}

/** The stocking point in planner words: "tools" or "tools at DC1". */
export function stockingPointName(item: Pick<SupplyItem, "id" | "location">): string {
  return item.location === undefined ? item.id : `${item.id} at ${item.location}`;
}

/**
 * An item's cost (or price) in period t: its per-period value when one was given, else the scalar.
 * @example costAt(item, "unitCost", 3)
 */
export function costAt(item: SupplyItem, field: PeriodCostField, t: number): number {
  return item.costByPeriod?.[field]?.[t] ?? item[field] ?? 0;
}

/** Whether the item is made at its stocking point (at a plant or the single site, unless `made` is false). */
export function isMade(model: Pick<SupplyModel, "locations">, item: SupplyItem): boolean {
  if (item.made === false) return false;
  const location = item.location === undefined ? undefined : model.locations?.find((l) => l.id === item.location);
  return location === undefined || location.kind === "plant";
}

/**
 * The period in which what starts (production) or leaves (a lane) in each period arrives, `lead` months
 * later: t + lead when every period is one month. With coarse periods (`periodMonths`) a period's
 * output is taken to leave in its middle month, so it lands in the period holding that month + lead
 * (a quarter's output with a one-month lead arrives within the quarter, with two months in the next).
 * A value of `periods` or more means after the horizon.
 * @example arrivalPeriods({ periods: 4 }, 1) // [1, 2, 3, 4]
 */
export function arrivalPeriods(model: Pick<SupplyModel, "periods" | "periodMonths">, lead: number): Int32Array {
  const T = model.periods;
  const months = model.periodMonths;
  const out = new Int32Array(T);
  if (months === undefined) {
    for (let t = 0; t < T; t++) out[t] = t + lead;
    return out;
  }
  const periodOfMonth: number[] = [];
  months.forEach((m, t) => {
    for (let k = 0; k < m; k++) periodOfMonth.push(t);
  });
  let start = 0;
  for (let t = 0; t < T; t++) {
    const month = start + Math.floor((months[t] - 1) / 2) + lead;
    out[t] = month < periodOfMonth.length ? periodOfMonth[month] : T;
    start += months[t];
  }
  return out;
}

/** Name of period t (0-based) for planner-facing text: its label, else "period t+1". */
export function periodName(model: Pick<SupplyModel, "periodLabels">, t: number): string {
  const label = model.periodLabels?.[t];
  return label !== undefined && label !== "" ? label : `period ${t + 1}`;
}
