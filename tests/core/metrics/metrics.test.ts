import { bias, mae, mape, mase, rmse, smape, trackingSignal, wmape } from "../../../src/core/metrics";
import { PlanningError } from "../../../src/core/errors";

describe("accuracy metrics (SOP-GUIDE definitions, hand-computed)", () => {
  const actual = [100, 200, 0, 50];
  const forecast = [110, 180, 0, 60];

  test("sMAPE counts 0/0 as 0 and averages over every period", () => {
    // 200*10/210 + 200*20/380 + 0 + 200*10/110 = 9.5238 + 10.5263 + 0 + 18.1818, over 4 periods
    expect(smape(actual, forecast)).toBeCloseTo((9.523809523809524 + 10.526315789473685 + 18.181818181818183) / 4, 10);
  });

  test("MAPE leaves out periods whose actual is 0", () => {
    // 10% + 10% + 20% over 3 periods
    expect(mape(actual, forecast)).toBeCloseTo(40 / 3, 10);
  });

  test("WMAPE, bias, MAE, RMSE", () => {
    expect(wmape(actual, forecast)).toBeCloseTo(40 / 350, 12);
    expect(bias(actual, forecast)).toBeCloseTo(0 / 350, 12);
    expect(bias([100, 100], [110, 120])).toBeCloseTo(0.15, 12);
    expect(mae(actual, forecast)).toBeCloseTo(10, 12);
    expect(rmse([10, 20], [12, 17])).toBeCloseTo(Math.sqrt(6.5), 12);
  });

  test("MASE scales by the in-sample seasonal naive error", () => {
    const training = [10, 20, 30, 12, 22, 32]; // m = 3: steps |12-10|, |22-20|, |32-30| = 2 each
    expect(mase([35, 14], [33, 17], training, 3)).toBeCloseTo(2.5 / 2, 12);
    // not longer than m: falls back to m = 1, steps 10 and 10
    expect(mase([35], [25], [10, 20, 30], 3)).toBeCloseTo(1, 12);
  });

  test("tracking signal: running error over MAD", () => {
    expect(trackingSignal([110, 120, 130], [100, 100, 100])).toBeCloseTo(3, 12);
    expect(trackingSignal([90, 80, 70], [100, 100, 100])).toBeCloseTo(-3, 12);
  });

  test("bad input gets a planner-facing error", () => {
    expect(() => smape([1, 2], [1])).toThrow(/2 values but forecasts have 1/);
    expect(() => wmape([], [])).toThrow(PlanningError);
    expect(() => mae([1, NaN], [1, 2])).toThrow(/Period 2/);
    expect(() => mape([0, 0], [1, 2])).toThrow(/every actual is 0/);
    expect(() => mase([1], [1], [5, 5, 5], 1)).toThrow(/never changes/);
    expect(() => trackingSignal([1, 2], [1, 2])).toThrow(/no error/);
  });
});
