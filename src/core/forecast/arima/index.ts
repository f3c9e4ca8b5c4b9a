/**
 * ARIMA(p,d,q)(P,D,Q)m models as R's forecast::auto.arima(y) and forecast::Arima(): seasonal differencing by
 * STL seasonal strength, KPSS differencing, exact Gaussian likelihood by the Kalman filter, stepwise order
 * search by AICc, forecasts with normal prediction intervals.
 */
export { arimaForecaster, arimaName } from "./forecaster";
export { autoArima, hasSafeRoots } from "./search";
export { fitArima, multiplySeasonal } from "./fit";
export type { ArimaFit, ArimaOrder, ArimaFitOptions, SeasonalOrder } from "./fit";
export { arimaForecast, psiWeights } from "./forecast";
export type { ArimaForecast } from "./forecast";
export { difference, differencesNeeded, isConstant, seasonalDifference, seasonalDifferencesNeeded, seasonalStrength } from "./differencing";
export { kpssStatistic } from "./kpss";
