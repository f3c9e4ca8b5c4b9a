/**
 * A supply plan: what is made, bought, stocked, backlogged and lost per item and period, how each
 * resource is loaded, the workforce where it is planned, and what it all costs. Chase, level and
 * optimal strategies all return this shape, so they can be compared and checked the same way
 * (`checkPlan`, `planCost`).
 */

import type { LpBasis } from "../optimize/highsSolve";

/** The three classical strategies (SOP-GUIDE: chase, level, optimal). */
export type SupplyStrategy = "chase" | "level" | "optimal";

/** Plan of one item, one value per period. */
export interface ItemPlan {
  itemId: string;
  /** Location of the stocking point (network models). */
  location?: string;
  /** Units made in house (regular and overtime hours together). */
  production: number[];
  subcontract: number[];
  /** Inventory at period end. */
  inventory: number[];
  /** Backlog at period end. */
  backlog: number[];
  /** Demand lost in the period. */
  lost: number[];
  /** Units short of the safety stock at period end (only when the safety stock is a penalised target). */
  safetyStockShortfall: number[];
}

/** Load of one resource, one value per period. */
export interface ResourcePlan {
  resourceId: string;
  /** Hours needed by the plan's production. */
  hoursUsed: number[];
  /** Regular hours available (for the workforce resource: including the workers' hours). */
  regularHours: number[];
  overtimeHours: number[];
  /** hoursUsed / regularHours (Infinity when hours are used with none available). */
  utilisation: number[];
  /**
   * Marginal value of one more regular hour in the period (money saved per hour, >= 0), from the LP
   * duals; zeros for chase and level plans and for integer workforce plans.
   */
  hourValue: number[];
}

/** Units one lane ships, per item and period of shipping (they arrive `transitPeriods` later). */
export interface LanePlan {
  laneId: string;
  from: string;
  to: string;
  /** Units shipped per item id, one value per period of shipping. */
  shipped: Record<string, number[]>;
  /** Total units shipped per period (all items). */
  total: number[];
  /** The lane's capacity per period (Infinity = no limit). */
  capacity: number[];
  /**
   * Money saved by one more unit of lane capacity in the period (>= 0; the capacity row's dual), zeros
   * for chase and level plans and for lanes without a limit.
   */
  capacityValue: number[];
}

/** One shipment of a plan, as the plan file and the Transfers sheet list it. */
export interface Transfer {
  lane: string;
  from: string;
  to: string;
  item: string;
  /** Period of shipping (its label, or "period n"). */
  period: string;
  /** Period of arrival at `to`. */
  arrives: string;
  units: number;
}

/** Storage used at one location at each period end. */
export interface StoragePlan {
  locationId: string;
  /** Units (or volume with items' volumePerUnit) in stock at each period end. */
  used: number[];
  /** The location's storage limit per period (Infinity = no limit). */
  capacity: number[];
  /** Money saved by one more unit of storage at the period end (>= 0; the storage row's dual). */
  spaceValue: number[];
}

/** Workforce of the planned labour resource, one value per period. */
export interface WorkforceSchedule {
  workers: number[];
  hires: number[];
  layoffs: number[];
}

/** Cost of a plan by kind; `total` is their sum. */
export interface CostBreakdown {
  material: number;
  regularLabour: number;
  /** Shipping along lanes (network models only: absent from single-site plans, whose sheets list no such cost). */
  transport?: number;
  overtime: number;
  subcontract: number;
  holding: number;
  backlog: number;
  lostSales: number;
  safetyStockShortfall: number;
  wages: number;
  hiring: number;
  layoffs: number;
  total: number;
}

/** Service of a plan (evaluatePlan.ts `planService`: the one fill rate every sheet shows). */
export interface ServiceSummary {
  /** Unit fill rate: units shipped in the period they were wanted / units wanted (backlog served first). */
  fillRate: number;
  /** Backlog summed over period ends (unit-periods of demand waiting). */
  backlogUnitPeriods: number;
  /** Demand lost over the horizon (units). */
  lostUnits: number;
  /** Backlog still owed at the end of the horizon (units). */
  endBacklog: number;
  /** Demand not shipped on time x price (money). */
  revenueAtRisk: number;
  /** Highest total inventory (units, all items) at any period end. */
  peakInventory: number;
}

/** A complete plan. */
export interface SupplyPlan {
  strategy: SupplyStrategy;
  items: ItemPlan[];
  resources: ResourcePlan[];
  workforce?: WorkforceSchedule;
  /** Shipments along each lane of a network model, lanes in model order. */
  lanes?: LanePlan[];
  /** Storage at each location of a network model, locations in model order. */
  storage?: StoragePlan[];
  cost: CostBreakdown;
  service: ServiceSummary;
}

/** Size and timing of one optimiser run. */
export interface SolveFacts {
  buildSeconds: number;
  solveSeconds: number;
  variables: number;
  constraints: number;
  /** Whether the solve started from an earlier plan's basis (a re-plan) rather than from scratch. */
  warm: boolean;
}

/** Outcome of the optimiser: a plan, or a sentence saying why there is none. */
export type SupplyOutcome =
  | (SolveFacts & {
      status: "optimal";
      plan: SupplyPlan;
      objective: number;
      /** Final simplex basis of a linear plan: stored with the plan, it starts the next re-plan. */
      basis?: LpBasis;
      /** For a whole-unit (mixed-integer) plan: relative gap between its cost and the best bound proved. */
      mipGap?: number;
    })
  | (SolveFacts & { status: "infeasible" | "unbounded" | "timeLimit" | "error"; message: string });
