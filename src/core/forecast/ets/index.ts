/**
 * Exponential smoothing state-space models (ETS) of Hyndman et al. (2008), as R's forecast::ets():
 * automatic selection by AICc, fixed forms, analytic or simulated prediction intervals.
 */
export { etsForecaster, etsModelForecaster } from "./forecaster";
export type { EtsSpec } from "./spec";
export { etsName, etsId, etsParameterCount, etsSpecFromName } from "./spec";
export { fitEts, etsFitFrom } from "./fit";
export type { EtsFit, EtsFitOptions } from "./fit";
export { selectEts, etsCandidates } from "./select";
export { etsFilter, etsPointForecast, NONE, ADDITIVE, MULTIPLICATIVE } from "./kernel";
export type { EtsKernelModel } from "./kernel";
