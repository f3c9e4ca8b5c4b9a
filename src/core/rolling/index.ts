/** Rolling S&OP: what the history of cycles shows (accuracy by lag, value added, stability, safety stock, maturity). */
export type { ForecastSnapshotRow, ForecastSnapshots, ActualRow } from "./snapshot";
export { judgedForecasts, MAX_LAG, type JudgedForecast, type JudgedFigure } from "./judgedForecasts";
export { accuracyByLag, type AccuracyLevel, type LagAccuracy, type AccuracyByLagOptions } from "./accuracyByLag";
export { valueAddedByRole, valueAddedByCycle, type StepValueAdded, type ValueAddedReport, type ValueAddedOptions } from "./valueAddedByRole";
export { planStability, type PlanStability, type CycleStability, type StabilityFigure } from "./planStability";
export { lagErrorSafetyStocks, MIN_CYCLES_FOR_LAG_ERROR, type LagErrorRequest, type LagErrorSafetyStock, type LagErrorOptions } from "./lagErrorSafetyStock";
export { assessMaturity, MATURITY_STAGES, type CycleRecord, type MaturityEvidence, type MaturityCriterion, type MaturityAssessment } from "./maturity";
