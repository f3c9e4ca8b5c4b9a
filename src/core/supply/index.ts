/** The supply planning engine: model, validation, projections, safety stock, capacity, plans. */

export * from "./model";
export * from "./plan";
export { validateSupplyModel } from "./validateSupplyModel";
export { projectedInventory, inventoryProjection, type ShortageMode, type ProjectionOptions, type InventoryProjection } from "./projectedInventory";
export { normalDensity, normalCdf, inverseNormal, normalLoss, inverseNormalLoss } from "./standardNormal";
export {
  safetyStock,
  safetyStockFromHistory,
  safetyStockFromForecastErrors,
  fillRateSafetyStock,
  leadTimeDemandStdDev,
  type DemandUncertainty,
  type FillRateSafetyStock,
} from "./safetyStock";
export { roughCutCapacity, capacityUtilisation, type RoughCutCapacity } from "./roughCutCapacity";
export { buildSupplyLp, resourceUse, laneItems, type SupplyLp, type SupplyLpIndex, type LaneTransfers } from "./supplyLp";
export { planCost, planService, resourcePlans, lanePlans, storagePlans, planTransfers, hoursNeeded, regularHours, onTimeUnits, fillRate, shownFillRate } from "./evaluatePlan";
export { optimizeSupply, type OptimizeOptions } from "./optimizeSupply";
export { cheapestSources, type Source } from "./sourcing";
export { diagnoseInfeasibility, describeUnbounded, negativeCosts, overfullStorage } from "./diagnoseSupply";
export { chasePlan, levelPlan, compareStrategies, strategyLine, type StrategySummary, type StrategyComparison } from "./strategies";
export { checkPlan } from "./checkPlan";
export { planSingleItem, type SingleItemCosts, type SingleItemOptions, type SingleItemRow } from "./planSingleItem";
export { bucketModel, type BucketOptions, type BucketedModel } from "./timeBuckets";
export { networkSizeNotice, NETWORK_MONTHS_IN_A_MINUTE } from "./networkSize";
