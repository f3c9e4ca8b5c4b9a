import { armaKalmanFilter, conditionalSumOfSquares, KalmanWorkspace } from "../../../../src/core/forecast/arima/likelihood";
import { LIKELIHOOD_CASES, SERIES } from "./rCases";

/** -2 log L as R's arima() reports it, from the filter's sums. */
const logLik = (work: KalmanWorkspace, n: number): number =>
  -(n * (Math.log(work.ssq / work.count) + work.sumLog / work.count) + n * (1 + Math.log(2 * Math.PI))) / 2;

describe("ARMA Kalman filter", () => {
  it("filters an AR(1) as computed by hand", () => {
    // phi = 0.5: F_1 = 1 / (1 - 0.25) = 4/3, e_1 = 1; then F = 1, e_2 = -1 - 0.5, e_3 = 2 + 0.5.
    const work = new KalmanWorkspace(3, 1);
    const standardized = new Float64Array(3);
    armaKalmanFilter(Float64Array.of(1, -1, 2), Float64Array.of(0.5), new Float64Array(0), work, standardized);
    expect(work.ssq).toBeCloseTo(0.75 + 2.25 + 6.25, 12);
    expect(work.sumLog).toBeCloseTo(Math.log(4 / 3), 12);
    expect(Array.from(work.gain)).toEqual([4 / 3, 1, 1]);
    expect(standardized[0]).toBeCloseTo(1 / Math.sqrt(4 / 3), 12);
    // Predicted state for the next period: 0.5 * 2.
    expect(work.state[0]).toBeCloseTo(1, 12);
  });

  it.each(LIKELIHOOD_CASES.map((c) => [c.name, c] as const))("gives R's exact log-likelihood at fixed coefficients on %s", (_, c) => {
    const y = SERIES[c.name];
    const x = Float64Array.from(y, (v) => v - c.mean);
    const work = new KalmanWorkspace(x.length, Math.max(c.phi.length, c.theta.length + 1));
    armaKalmanFilter(x, Float64Array.from(c.phi), Float64Array.from(c.theta), work, null);
    expect(logLik(work, x.length)).toBeCloseTo(c.rLogLik, 7);
    expect(work.ssq / work.count).toBeCloseTo(c.rSigma2, c.rSigma2 > 1000 ? 2 : 8);
  });

  it("filters a regressor with the same gains: innovations are linear in the data", () => {
    const x = Float64Array.from(SERIES.lynx.slice(0, 40));
    const ones = new Float64Array(40).fill(1);
    const phi = Float64Array.of(1.3, -0.7);
    const theta = Float64Array.of(-0.2, 0.1);
    const work = new KalmanWorkspace(40, 3);
    const e = new Float64Array(40);
    const c = new Float64Array(40);
    armaKalmanFilter(x, phi, theta, work, e, ones, c);
    const shifted = new Float64Array(40);
    armaKalmanFilter(Float64Array.from(x, (v) => v - 1500), phi, theta, new KalmanWorkspace(40, 3), shifted);
    e.forEach((v, t) => expect(v - 1500 * c[t]).toBeCloseTo(shifted[t], 8));
  });
});

describe("conditional sum of squares", () => {
  it("sets residuals before p to zero and runs the ARMA recursion after, as R's ARIMA_CSS", () => {
    // x = 1, 2, 4, 7; phi = 0.5, theta = 0.5: e_1 = 2 - 0.5 = 1.5, e_2 = 4 - 1 - 0.75 = 2.25, e_3 = 7 - 2 - 1.125 = 3.875
    const residuals = new Float64Array(3);
    const ssq = conditionalSumOfSquares(Float64Array.of(1, 2, 4, 7), Float64Array.of(0.5), Float64Array.of(0.5), residuals);
    expect(Array.from(residuals)).toEqual([1.5, 2.25, 3.875]);
    expect(ssq).toBeCloseTo(1.5 ** 2 + 2.25 ** 2 + 3.875 ** 2, 12);
  });
});
