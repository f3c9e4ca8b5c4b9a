/** Review and reconcile (S&OP step 4) and the consensus of step 2: gaps, consensus, FVA, hierarchy, money, scenarios. */
export { periodGap, GAP_MODES } from "./gap";
export type { GapMode } from "./gap";
export { constrainedDemand } from "./constrainedDemand";
export type { ConstrainedDemand, ConstrainedDemandOptions } from "./constrainedDemand";
export { gapAnalysis } from "./gapAnalysis";
export type { GapAnalysis, GapItem, GapResource, GapSeries, ResourceGap } from "./gapAnalysis";
export { consensusForecast, STATISTICAL } from "./consensus";
export type { CombinationRule, ConsensusForecast, ItemSeries, Override } from "./consensus";
export { forecastValueAdded, FVA_METRICS } from "./fva";
export type { ForecastStep, FvaMetric, FvaRow } from "./fva";
export { disaggregate, disaggregateSeries } from "./disaggregate";
export { aggregate, rollUp, changeGroupTotal, changeItemValue, groupOf } from "./hierarchy";
export type { GroupSeries, HierarchyItem, HierarchyView } from "./hierarchy";
export { coherenceError, structureFromLevels, structureFromParents, sumUp } from "./summingMatrix";
export type { ParentLink, SeriesNode, SummingStructure } from "./summingMatrix";
export { shrinkCovariance } from "./shrinkCovariance";
export type { ErrorCovariance } from "./shrinkCovariance";
export { RECONCILE_METHODS, reconcileByWeights, reconcileForecasts } from "./mint";
export type { ForecastWeights, ReconciledForecasts, ReconcileMethod, ReconcileOptions } from "./mint";
export { spreadOverrides } from "./spreadOverride";
export type { NodeOverride } from "./spreadOverride";
export { planFinancials, portfolioFinancials } from "./financials";
export type { FinancialTotals, Financials, ItemFinancialInput, PeriodFinancials, PlanUnits } from "./financials";
export { applyScenario } from "./scenarios";
export type {
  CapacityChange,
  DemandChange,
  ItemTarget,
  PeriodSpan,
  PriceChange,
  PriceField,
  Scenario,
  ScenarioChange,
  ShiftChange,
} from "./scenarios";
export { parseScenarios } from "./parseScenarios";
export { summarisePlan } from "./planSummary";
export type { PlanSummary, Planner } from "./planSummary";
export { compareScenarios, summaryDelta } from "./compareScenarios";
export type { ScenarioComparison, ScenarioResult } from "./compareScenarios";
export { comparisonFigures, comparisonTable, figureUnit } from "./comparisonTable";
export type { ComparisonFigure, ComparisonRow, ComparisonWording, FigureUnit, SummaryFigure } from "./comparisonTable";
