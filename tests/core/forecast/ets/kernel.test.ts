import { etsFilter, etsPointForecast, type EtsKernelModel } from "../../../../src/core/forecast/ets/kernel";
import { etsForecastVariance } from "../../../../src/core/forecast/ets/intervals";
import { correctedSeasons, etsFitFrom } from "../../../../src/core/forecast/ets/fit";

const ses = (alpha: number): EtsKernelModel => ({ error: 1, trend: 0, season: 0, m: 1, alpha, beta: 0, gamma: 0, phi: 1 });

describe("ETS kernels", () => {
  it("runs simple exponential smoothing with fixed alpha as computed by hand", () => {
    // y = 10, 12, 11, 13; alpha = 0.5; l0 = 10
    // t=1: f=10, e=0, l=10 | t=2: f=10, e=2, l=11 | t=3: f=11, e=0, l=11 | t=4: f=11, e=2, l=12
    // sum e^2 = 8, criterion = 4 ln 8 = 8.3178; forecast 12 at every horizon
    const y = Float64Array.of(10, 12, 11, 13);
    const state = Float64Array.of(10, 0, 0);
    const fitted = new Float64Array(4);
    const residuals = new Float64Array(4);
    expect(etsFilter(y, ses(0.5), state, fitted, residuals)).toBeCloseTo(4 * Math.log(8), 10);
    expect(Array.from(fitted)).toEqual([10, 10, 11, 11]);
    expect(Array.from(residuals)).toEqual([0, 2, 0, 2]);
    expect(state[0]).toBe(12);
    const out = new Float64Array(3);
    etsPointForecast(state, 4, ses(0.5), out);
    expect(Array.from(out)).toEqual([12, 12, 12]);
  });

  it("reports the statistics of that hand-computed fit (sigma2 = 8 / (4 - 2))", () => {
    const fit = etsFitFrom(
      Float64Array.of(10, 12, 11, 13),
      { error: "A", trend: "N", season: "N" },
      ses(0.5),
      Float64Array.of(10, 0, 0),
      2,
    );
    expect(fit?.sigma2).toBeCloseTo(4, 12);
    // k = 3: AIC = 4 ln 8 + 6
    expect(fit?.aic).toBeCloseTo(4 * Math.log(8) + 6, 10);
  });

  it("gives SES forecast variance sigma2 (1 + (h - 1) alpha^2) (Hyndman et al. 2008, table 6.1)", () => {
    const variance = etsForecastVariance(ses(0.5), 4, Float64Array.of(12, 12, 12));
    expect(Array.from(variance)).toEqual([4, 5, 6]);
  });

  it("uses the multiplicative-error criterion n ln(sum e^2) + 2 sum ln|f|", () => {
    // y = 10, 11 with l0 = 10, alpha = 0.5: f = 10, e = 0; l = 10; f = 10, e = 0.1
    const model = { ...ses(0.5), error: 2 };
    const value = etsFilter(Float64Array.of(10, 11), model, Float64Array.of(10, 0, 0), null, null);
    expect(value).toBeCloseTo(2 * Math.log(0.01) + 2 * (Math.log(10) + Math.log(10)), 10);
  });

  it("forecasts a damped trend with phi_h = phi + ... + phi^h", () => {
    const model: EtsKernelModel = { error: 1, trend: 1, season: 0, m: 1, alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.5 };
    const out = new Float64Array(3);
    etsPointForecast(Float64Array.of(100, 8, 0), 10, model, out);
    expect(Array.from(out)).toEqual([104, 106, 107]);
  });
});

describe("ETS forecast variance, multiplicative error (class 2)", () => {
  it("follows theta_h recursion: v_1 = sigma2 mu^2, v_2 = mu^2 (sigma2 + alpha^2 sigma2 + alpha^2 sigma2^2) for ETS(M,N,N)", () => {
    const model = { ...ses(0.5), error: 2 };
    const variance = etsForecastVariance(model, 0.01, Float64Array.of(100, 100));
    expect(variance[0]).toBeCloseTo(0.01 * 100 * 100, 8);
    expect(variance[1]).toBeCloseTo(100 * 100 * (0.01 + 0.25 * 0.01 + 0.25 * 0.0001), 8);
  });
});

describe("ETS forecast variance, additive error (class 1)", () => {
  it("adds gamma to c_j at whole seasons: ETS(A,N,A), m = 4, alpha 0.2, gamma 0.3 gives v_5 = 1 + 3(0.2^2) + 0.5^2", () => {
    const model: EtsKernelModel = { error: 1, trend: 0, season: 1, m: 4, alpha: 0.2, beta: 0, gamma: 0.3, phi: 1 };
    const variance = etsForecastVariance(model, 1, new Float64Array(5));
    expect(variance[4]).toBeCloseTo(1 + 3 * 0.04 + 0.25, 12);
  });

  it("uses c_j = alpha + beta (phi + ... + phi^j) for a damped trend", () => {
    const model: EtsKernelModel = { error: 1, trend: 1, season: 0, m: 1, alpha: 0.5, beta: 0.2, gamma: 0, phi: 0.5 };
    const variance = etsForecastVariance(model, 2, new Float64Array(3));
    // c_1 = 0.5 + 0.2 * 0.5 = 0.6; c_2 = 0.5 + 0.2 * 0.75 = 0.65
    expect(Array.from(variance)).toEqual([2, 2 * (1 + 0.36), 2 * (1 + 0.36 + 0.4225)].map((v) => expect.closeTo(v, 12)));
  });
});

describe("correctedSeasons", () => {
  it("moves wrong additive seasonal states to the pattern the one-step errors show", () => {
    const pattern = [-1, 3, -3, 1];
    const y = Float64Array.from({ length: 24 }, (_, t) => 50 + pattern[t % 4]);
    const model: EtsKernelModel = { error: 1, trend: 0, season: 1, m: 4, alpha: 1e-4, beta: 0, gamma: 1e-4, phi: 1 };
    const fit = etsFitFrom(y, { error: "A", trend: "N", season: "A" }, model, Float64Array.of(50, 0, 0, 0, 0, 0), 5);
    if (fit === null) throw new Error("fit failed");
    const corrected = correctedSeasons(y, fit);
    Array.from(corrected.subarray(2)).forEach((s, k) => expect(s).toBeCloseTo(pattern[k], 2));
    expect(corrected[0]).toBe(50);
  });
});
