import { fitArima, multiplySeasonal } from "../../../../src/core/forecast/arima/fit";
import { arimaForecast, differencedArPolynomial, psiWeights } from "../../../../src/core/forecast/arima/forecast";

describe("ARIMA forecasts", () => {
  it("computes psi weights: AR(1), random walk, ARIMA(0,1,1), ARIMA(0,2,0)", () => {
    const none = new Float64Array(0);
    Array.from(psiWeights(Float64Array.of(0.5), none, 0, 4)).forEach((v, j) => expect(v).toBeCloseTo(0.5 ** j, 14));
    expect(Array.from(psiWeights(none, none, 1, 4))).toEqual([1, 1, 1, 1]);
    // (1 + theta B) / (1 - B): 1, 1 + theta, 1 + theta, ...
    Array.from(psiWeights(none, Float64Array.of(-0.6), 1, 4)).forEach((v, j) => expect(v).toBeCloseTo(j === 0 ? 1 : 0.4, 14));
    // 1 / (1 - B)^2: 1, 2, 3, 4
    expect(Array.from(psiWeights(none, none, 2, 4))).toEqual([1, 2, 3, 4]);
  });

  it("forecasts a random walk flat with variance growing as h sigma2", () => {
    const y = Float64Array.of(10, 12, 11, 14, 13);
    const fit = fitArima(y, { p: 0, d: 1, q: 0, constant: false })!;
    // Differences 2, -1, 3, -1: sum of squares 15, sigma2 = 15 / 4.
    expect(fit.sigma2).toBeCloseTo(15 / 4, 12);
    const { mean, variance } = arimaForecast(fit, 3);
    expect(Array.from(mean)).toEqual([13, 13, 13]);
    Array.from(variance).forEach((v, h) => expect(v).toBeCloseTo(((h + 1) * 15) / 4, 12));
  });

  it("adds the drift each step and sums differences back for d = 2", () => {
    const drift = fitArima(Float64Array.of(1, 3, 4, 7, 8), { p: 0, d: 1, q: 0, constant: true })!;
    expect(drift.intercept).toBeCloseTo(7 / 4, 12);
    Array.from(arimaForecast(drift, 2).mean).forEach((m, h) => expect(m).toBeCloseTo(8 + (h + 1) * 1.75, 12));
    const twice = fitArima(Float64Array.of(1, 2, 4, 7, 11), { p: 0, d: 2, q: 0, constant: false })!;
    // Last value 11, last difference 4, second differences forecast 0: 15, 19, 23.
    expect(Array.from(arimaForecast(twice, 3).mean)).toEqual([15, 19, 23]);
  });

  it("lets an AR(1) forecast decay to the mean geometrically", () => {
    const y = Float64Array.from([5, 7, 6, 9, 8, 6, 4, 5, 7, 8, 9, 7, 5, 6, 8]);
    const fit = fitArima(y, { p: 1, d: 0, q: 0, constant: true })!;
    const { mean } = arimaForecast(fit, 3);
    const phi = fit.phi[0];
    expect(mean[0] - fit.intercept).toBeCloseTo(phi * (y[14] - fit.intercept), 10);
    expect(mean[2] - fit.intercept).toBeCloseTo(phi ** 3 * (y[14] - fit.intercept), 10);
  });
});

describe("seasonal polynomials", () => {
  it("multiplies the non-seasonal and seasonal factors: (1 + 0.5 B)(1 + 0.4 B^4), (1 - 0.5 B)(1 - 0.4 B^4)", () => {
    expect(Array.from(multiplySeasonal(Float64Array.of(0.5), Float64Array.of(0.4), 4, 1))).toEqual([0.5, 0, 0, 0.4, 0.2]);
    expect(Array.from(multiplySeasonal(Float64Array.of(0.5), Float64Array.of(0.4), 4, -1))).toEqual([0.5, 0, 0, 0.4, -0.2]);
  });

  it("gives (1 - B)(1 - B^4) as the differencing polynomial and its psi weights", () => {
    expect(Array.from(differencedArPolynomial(new Float64Array(0), 1, 4, 1))).toEqual([1, -1, 0, 0, -1, 1]);
    // 1 / ((1 - B)(1 - B^4)): 1, 1, 1, 1, 2, 2, 2, 2, 3 (a seasonal random walk with a unit root)
    expect(Array.from(psiWeights(new Float64Array(0), new Float64Array(0), 1, 9, 4, 1))).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3]);
  });

  it("repeats the last season under ARIMA(0,0,0)(0,1,0)[4] and adds the drift per period under the constant", () => {
    const y = Float64Array.of(10, 20, 30, 40, 11, 21, 31, 41, 12, 22, 32, 42);
    const plain = fitArima(y, { p: 0, d: 0, q: 0, constant: false, seasonal: { P: 0, D: 1, Q: 0, m: 4 } })!;
    expect(Array.from(arimaForecast(plain, 5).mean)).toEqual([12, 22, 32, 42, 12]);
    const drift = fitArima(y, { p: 0, d: 0, q: 0, constant: true, seasonal: { P: 0, D: 1, Q: 0, m: 4 } })!;
    // The seasonal differences are all 1: drift 1 / 4 per period, 1 per season.
    Array.from(arimaForecast(drift, 5).mean).forEach((v, h) => expect(v).toBeCloseTo([13, 23, 33, 43, 14][h], 9));
  });
});
