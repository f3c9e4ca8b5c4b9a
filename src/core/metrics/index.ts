/** Forecast accuracy metrics, as defined in the S&OP guide. */
export { smape } from "./smape";
export { mase } from "./mase";
export { mape } from "./mape";
export { wmape } from "./wmape";
export { rmse } from "./rmse";
export { mae } from "./mae";
export { bias } from "./bias";
export { trackingSignal, TRACKING_SIGNAL_LIMIT } from "./trackingSignal";
export { biasAlarm, MIN_BIAS_SHARE, MIN_BIAS_UNITS } from "./biasAlarm";
export { sumError } from "./pairs";
