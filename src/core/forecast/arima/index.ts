/**
 * Non-seasonal ARIMA models as R's forecast::auto.arima(y, seasonal = FALSE) and forecast::Arima(): KPSS
 * differencing, exact Gaussian likelihood by the Kalman filter, stepwise order search by AICc, forecasts with
 * normal prediction intervals.
 */
export { arimaForecaster, arimaName } from "./forecaster";
export { autoArima, hasSafeRoots } from "./search";
export { fitArima } from "./fit";
export type { ArimaFit, ArimaOrder, ArimaFitOptions } from "./fit";
export { arimaForecast, psiWeights } from "./forecast";
export type { ArimaForecast } from "./forecast";
export { difference, differencesNeeded, isConstant } from "./differencing";
export { kpssStatistic } from "./kpss";
