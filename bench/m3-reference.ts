/** R forecast 8.20 accuracy on M3 (copied from shared/BENCHMARKS.md): the bar `sop forecast` auto mode must clear. */
export interface ReferenceRow {
  method: string;
  smape: number;
  mase: number;
  /** 80% and 95% interval coverage in percent (NaN where not reported). */
  cover80: number;
  cover95: number;
}

/** Reference rows per M3 subset and for all 3,003 series. */
export const M3_REFERENCE: Readonly<Record<string, readonly ReferenceRow[]>> = {
  yearly: [
    { method: "thetaf", smape: 16.756, mase: 2.774, cover80: 68.8, cover95: 84.3 },
    { method: "ets", smape: 17.003, mase: 2.86, cover80: 70.6, cover95: 84.3 },
    { method: "auto.arima", smape: 17.104, mase: 2.959, cover80: 64.5, cover95: 79.2 },
    { method: "mean(ets,arima,theta)", smape: 16.03, mase: 2.688, cover80: NaN, cover95: NaN },
    { method: "ETS(A,A,A)", smape: 18.717, mase: 3.072, cover80: 61.8, cover95: 75.5 },
  ],
  quarterly: [
    { method: "thetaf", smape: 9.203, mase: 1.117, cover80: 72.8, cover95: 87.2 },
    { method: "ets", smape: 9.684, mase: 1.17, cover80: 72.1, cover95: 87.2 },
    { method: "auto.arima", smape: 10.006, mase: 1.189, cover80: 66.1, cover95: 82.3 },
    { method: "mean(ets,arima,theta)", smape: 9.009, mase: 1.064, cover80: NaN, cover95: NaN },
    { method: "ETS(A,A,A)", smape: 11.044, mase: 1.259, cover80: 69.7, cover95: 84.8 },
  ],
  monthly: [
    { method: "thetaf", smape: 13.856, mase: 0.864, cover80: 75.3, cover95: 89.8 },
    { method: "ets", smape: 14.139, mase: 0.865, cover80: 77.7, cover95: 92.0 },
    { method: "auto.arima", smape: 15.022, mase: 0.868, cover80: 77.6, cover95: 91.5 },
    { method: "mean(ets,arima,theta)", smape: 13.532, mase: 0.828, cover80: NaN, cover95: NaN },
    { method: "ETS(A,A,A)", smape: 17.381, mase: 0.904, cover80: 77.2, cover95: 91.2 },
  ],
  other: [
    { method: "thetaf", smape: 4.922, mase: 2.271, cover80: 79.4, cover95: 93.7 },
    { method: "ets", smape: 4.372, mase: 1.814, cover80: 81.1, cover95: 93.5 },
    { method: "auto.arima", smape: 4.513, mase: 1.841, cover80: 84.6, cover95: 93.8 },
    { method: "mean(ets,arima,theta)", smape: 4.316, mase: 1.807, cover80: NaN, cover95: NaN },
    { method: "ETS(A,A,A)", smape: 4.773, mase: 1.95, cover80: 83.8, cover95: 94.9 },
  ],
  all: [
    { method: "thetaf", smape: 12.79, mase: 1.419, cover80: NaN, cover95: NaN },
    { method: "ets", smape: 13.067, mase: 1.425, cover80: NaN, cover95: NaN },
    { method: "auto.arima", smape: 13.598, mase: 1.454, cover80: NaN, cover95: NaN },
    { method: "mean(ets,arima,theta)", smape: 12.396, mase: 1.344, cover80: NaN, cover95: NaN },
    { method: "ETS(A,A,A)", smape: 15.342, mase: 1.52, cover80: NaN, cover95: NaN },
  ],
};
