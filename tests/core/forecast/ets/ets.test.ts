import { PlanningError } from "../../../../src/core/errors";
import { etsForecaster, etsModelForecaster } from "../../../../src/core/forecast/ets";

/**
 * R 4.2.2, forecast 8.20: ets(ts(train, frequency = m)) with defaults, recorded from the M3 training parts
 * (shared/data/m3). rMean = forecast(fit, h)$mean, first 6 steps; rLower95 / rUpper95 = forecast(fit, h,
 * level = 95) bounds, first 3 steps.
 */
const R_CASES = [
  {
    id: "N0001",
    seasonLength: 1,
    horizon: 6,
    train: [940.66, 1084.86, 1244.98, 1445.02, 1683.17, 2038.15, 2342.52, 2602.45, 2927.87, 3103.96, 3360.27, 3807.63, 4387.88, 4936.99],
    rModel: "ETS(M,A,N)",
    rAicc: 180.27143,
    rMean: [5486.428978, 6035.864978, 6585.300977, 7134.736977, 7684.172976, 8233.608976],
    rLower95: [4984.162147, 4893.098298, 4629.134995],
    rUpper95: [5988.695809, 7178.631657, 8541.46696],
  },
  {
    id: "N0671",
    seasonLength: 4,
    horizon: 8,
    train: [
      1264.94, 1386.34, 1437.9, 2113.68, 1421.67, 1539.97, 1613.63, 2227, 1393.7, 1534, 1651.4, 2347.5, 1612.6, 1775, 1930.6, 2807.8,
      1939.9, 2070.7, 2147.5, 3027.9, 2116, 2321, 2424, 3259, 2228, 2419, 2684, 3577, 2490, 2667, 2983, 3894, 2788, 2975, 3265, 4414,
    ],
    rModel: "ETS(M,A,M)",
    rAicc: 458.617522,
    rMean: [3063.941426, 3249.395738, 3485.205277, 4649.270369, 3225.799366, 3418.831267],
    rLower95: [2851.575673, 2965.870376, 3130.554006],
    rUpper95: [3276.307179, 3532.9211, 3839.856547],
  },
  {
    id: "N1982",
    seasonLength: 12,
    horizon: 18,
    train: [
      1890, 1770, 2270, 2440, 2540, 2750, 2590, 2540, 2490, 2650, 2530, 3320, 2820, 3020, 3290, 3360, 3480, 3630, 3470, 3300, 3570, 3500,
      3410, 3630, 3350, 3450, 4030, 3980, 3780, 3990, 4360, 4000, 3900, 4040, 3850, 4050, 3740, 3450, 3700, 4010, 4070, 4420, 4150, 4060,
      4950, 4230, 3250, 3960, 3560, 3260, 4100, 4340, 4030, 4850, 4550, 4240, 4640, 4050, 3720, 4220, 3890, 3850, 4490, 4380, 4370, 4920,
      4480, 4480, 4710, 4100, 3980, 4450, 3810, 3810, 4280, 4270, 4460, 4770, 4300, 4410, 4930, 4280, 3710, 3880, 4080, 3500, 4060, 4130,
      4250, 4550, 4350, 4160, 4130, 3830, 3500, 3550, 3220, 2920, 3380, 3580, 3800, 4140, 3990, 3790, 4050, 3700, 3210, 3650, 3550, 3140,
      3730, 4070, 4140, 4840, 4370,
    ],
    rModel: "ETS(M,Ad,M)",
    rAicc: 1813.29078,
    rMean: [4205.270924, 4476.76536, 4127.047499, 3735.858452, 4204.345458, 3807.866845],
    rLower95: [3717.281112, 3880.042504, 3513.993702],
    rUpper95: [4693.260736, 5073.488216, 4740.101296],
  },
];

const widening = (lower: number[], upper: number[]): boolean =>
  upper.every((u, h) => h === 0 || u - lower[h] > upper[h - 1] - lower[h - 1]);

describe("ETS", () => {
  it("forecasts a constant series as that constant with zero-width intervals", () => {
    const model = etsForecaster.fit(new Array(24).fill(50), { seasonLength: 12 });
    const forecast = model.forecast(6, [95]);
    for (const value of forecast.mean) expect(value).toBeCloseTo(50, 8);
    for (let h = 0; h < 6; h++) expect(forecast.intervals[0].upper[h] - forecast.intervals[0].lower[h]).toBeLessThan(1e-6);
  });

  it("continues a straight line under ETS(A,A,N)", () => {
    const line = Array.from({ length: 20 }, (_, t) => 100 + 5 * t);
    const forecast = etsModelForecaster({ error: "A", trend: "A", season: "N" }).fit(line, { seasonLength: 1 }).forecast(5, [95]);
    forecast.mean.forEach((value, h) => expect(value).toBeCloseTo(100 + 5 * (20 + h), 4));
  });

  it("forecasts a pure additive seasonal pattern exactly under ETS(A,N,A)", () => {
    const pattern = [10, 14, 8, 12];
    const history = Array.from({ length: 24 }, (_, t) => 50 + pattern[t % 4]);
    const model = etsModelForecaster({ error: "A", trend: "N", season: "A" }).fit(history, { seasonLength: 4 });
    expect(model.name).toBe("ETS(A,N,A)");
    model.forecast(8, [80]).mean.forEach((value, h) => expect(value).toBeCloseTo(50 + pattern[(24 + h) % 4], 6));
  });

  it.each(R_CASES)("on M3 $id picks a model with AICc no worse than R's and forecasts within 3%", (c) => {
    const model = etsForecaster.fit(c.train, { seasonLength: c.seasonLength });
    expect(model.statistics.aicc).toBeLessThanOrEqual(c.rAicc + 1);
    const forecast = model.forecast(c.horizon, [80, 95]);
    expect(forecast.mean).toHaveLength(c.horizon);
    c.rMean.forEach((value, h) => expect(Math.abs(forecast.mean[h] - value) / value).toBeLessThan(0.03));
  });

  it.each(R_CASES)("on M3 $id gives 95% intervals within 25% of R's width", (c) => {
    const interval = etsForecaster.fit(c.train, { seasonLength: c.seasonLength }).forecast(3, [95]).intervals[0];
    c.rLower95.forEach((lower, h) => {
      const rWidth = c.rUpper95[h] - lower;
      expect(Math.abs(interval.upper[h] - interval.lower[h] - rWidth) / rWidth).toBeLessThan(0.25);
    });
  });

  it("chooses R's form on the recorded M3 series", () => {
    for (const c of R_CASES) expect(etsForecaster.fit(c.train, { seasonLength: c.seasonLength }).name).toBe(c.rModel);
  });

  it("fills the fit statistics and parameters", () => {
    const c = R_CASES[2];
    const model = etsForecaster.fit(c.train, { seasonLength: c.seasonLength });
    const s = model.statistics;
    expect(s.n).toBe(c.train.length);
    expect(s.parameters).toBe(18); // alpha, beta, gamma, phi, l0, b0, 11 seasonal states, sigma
    expect(s.aicc).toBeCloseTo(s.aic + (2 * 18 * 19) / (c.train.length - 19), 8);
    expect(s.bic).toBeCloseTo(-2 * s.logLik + Math.log(c.train.length) * 18, 8);
    expect(s.rmse).toBeGreaterThan(0);
    expect(s.mae).toBeLessThanOrEqual(s.rmse);
    expect(s.sigma2).toBeGreaterThan(0);
    expect(Object.keys(model.parameters).sort()).toEqual(["alpha", "b0", "beta", "gamma", "l0", "phi"]);
    expect(model.fitted).toHaveLength(c.train.length);
  });

  it("gives ordered intervals that widen with the horizon (additive and multiplicative errors)", () => {
    const history = R_CASES[0].train;
    for (const spec of [
      { error: "A", trend: "A", season: "N" },
      { error: "M", trend: "Ad", season: "N" },
    ] as const) {
      const forecast = etsModelForecaster(spec).fit(history, { seasonLength: 1 }).forecast(6, [80, 95]);
      const [i80, i95] = forecast.intervals;
      expect(widening(i95.lower, i95.upper)).toBe(true);
      forecast.mean.forEach((value, h) => {
        expect(i95.lower[h]).toBeLessThan(i80.lower[h]);
        expect(i80.lower[h]).toBeLessThan(value);
        expect(value).toBeLessThan(i80.upper[h]);
        expect(i80.upper[h]).toBeLessThan(i95.upper[h]);
      });
    }
  });

  it("gives reproducible simulated intervals for a multiplicative season", () => {
    const c = R_CASES[2];
    const first = etsForecaster.fit(c.train, { seasonLength: 12 }).forecast(18, [95]);
    const second = etsForecaster.fit(c.train, { seasonLength: 12 }).forecast(18, [95]);
    expect(second).toEqual(first);
    first.mean.forEach((value, h) => {
      expect(first.intervals[0].lower[h]).toBeLessThan(value);
      expect(value).toBeLessThan(first.intervals[0].upper[h]);
    });
  });

  it("uses ETS(A,A,N) for ETS(A,A,A) on non-seasonal data, with id ets-aaa", () => {
    const forecaster = etsModelForecaster({ error: "A", trend: "A", season: "A" });
    expect(forecaster.id).toBe("ets-aaa");
    expect(forecaster.fit(R_CASES[0].train, { seasonLength: 1 }).name).toBe("ETS(A,A,N)");
  });

  it("rejects too short a history with a PlanningError naming the minimum", () => {
    expect(() => etsForecaster.fit([1, 2, 3], { seasonLength: 1 })).toThrow(PlanningError);
    expect(() => etsForecaster.fit([1, 2, 3], { seasonLength: 1 })).toThrow(/at least 7/);
    const aaa = etsModelForecaster({ error: "A", trend: "A", season: "A" });
    expect(aaa.minLength(12)).toBe(21);
    expect(() =>
      aaa.fit(
        new Array(20).fill(0).map((_, t) => t),
        { seasonLength: 12 },
      ),
    ).toThrow(/at least 21/);
  });

  it("rejects zero or negative values for a multiplicative form", () => {
    const history = [5, 6, 0, 7, 8, 9, 7, 8, 9, 10, 11, 12];
    expect(() => etsModelForecaster({ error: "M", trend: "N", season: "N" }).fit(history, { seasonLength: 1 })).toThrow(PlanningError);
    expect(() => etsModelForecaster({ error: "M", trend: "N", season: "N" }).fit(history, { seasonLength: 1 })).toThrow(/above zero/);
    expect(etsForecaster.fit(history, { seasonLength: 1 }).name).toMatch(/^ETS\(A,/);
  });

  it("rejects a bad season length and a non-number in the history", () => {
    expect(() => etsForecaster.fit([1, 2, 3, 4, 5, 6, 7, 8], { seasonLength: 0 })).toThrow(PlanningError);
    expect(() => etsForecaster.fit([1, 2, NaN, 4, 5, 6, 7, 8], { seasonLength: 1 })).toThrow(PlanningError);
  });
});
