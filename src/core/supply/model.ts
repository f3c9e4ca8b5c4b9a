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

/** One item (or family treated as one item) to plan. */
export interface SupplyItem {
  /** Unique id, used as the key of `demand` and of `hoursPerUnit` in messages and results. */
  id: string;
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
}

/** The whole model the supply step plans. */
export interface SupplyModel {
  /** Number of periods in the horizon (1..). */
  periods: number;
  /** Optional names of the periods ("Jan", "2026-03") used in messages and results. */
  periodLabels?: string[];
  items: SupplyItem[];
  resources: SupplyResource[];
  /** Demand per item id, one value per period. */
  demand: Record<string, number[]>;
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

/** Name of period t (0-based) for planner-facing text: its label, else "period t+1". */
export function periodName(model: Pick<SupplyModel, "periodLabels">, t: number): string {
  const label = model.periodLabels?.[t];
  return label !== undefined && label !== "" ? label : `period ${t + 1}`;
}
