import { PlanningError } from "../../../src/core/errors";
import { classicalDecomposition } from "../../../src/core/forecast/decomposition";
import { autocorrelation, detectSeasonality, seasonalityTest, stableSeasonalityZ } from "../../../src/core/forecast/seasonality";

const y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140];

describe("autocorrelation", () => {
  it("matches R's acf()", () => {
    const expected = [0.6236788044160082, 0.150631978421779, -0.0759197403086187, -0.1471270856856104];
    autocorrelation(y, 4).forEach((r, i) => expect(r).toBeCloseTo(expected[i], 12));
  });
});

describe("classical decomposition", () => {
  it("matches R's decompose() multiplicative figure and trend", () => {
    const d = classicalDecomposition(y, 4, "multiplicative");
    const figure = [0.963794239769681, 0.976488940608255, 1.03050156092453, 1.029215258697533];
    d.figure.forEach((v, i) => expect(v).toBeCloseTo(figure[i], 12));
    expect(d.trend.slice(2, 5)).toEqual([123.875, 127.125, 131.25]);
    expect(Number.isNaN(d.trend[0])).toBe(true);
  });

  it("matches R's decompose() additive figure with an odd season length", () => {
    const figure = [1.08333333333333, -4.83333333333333, 3.75];
    classicalDecomposition(y, 3, "additive").figure.forEach((v, i) => expect(v).toBeCloseTo(figure[i], 10));
  });
});

describe("seasonality test (thetaf's 90% test)", () => {
  it("finds a clear season and rejects white-noise-like data", () => {
    const seasonal = Array.from({ length: 36 }, (_, t) => 100 + [10, -5, 20, -25][t % 4] + (t % 3));
    expect(seasonalityTest(seasonal, 4).seasonal).toBe(true);
    expect(seasonalityTest(y, 4).seasonal).toBe(false);
  });

  it("says not seasonal when there are not more than 2 cycles or the series is constant", () => {
    expect(seasonalityTest([1, 5, 1, 5, 1, 5, 1, 5], 4).seasonal).toBe(false);
    expect(seasonalityTest(new Array<number>(30).fill(3), 4).seasonal).toBe(false);
  });
});

describe("stable-seasonality F test", () => {
  it("hand case: between SS 43.05625, within SS 2.25 on 10 detrended values gives F = 153.09, z = 4.3857", () => {
    // detrended by the 2x2 moving average: odd positions 2.25, 1.5, 2.5, 1.5, 2.5; even -2.5, -1.5, -2.5, -1.5, -2.5
    const y = [10, 13, 7, 11, 9, 13, 7, 11, 9, 13, 7, 11];
    const f = 43.05625 / 1 / (2.25 / 8);
    const a = 2 / 9;
    const b = 2 / (9 * 8);
    const z = ((1 - b) * Math.cbrt(f) - (1 - a)) / Math.sqrt(a + b * Math.cbrt(f) ** 2);
    expect(z).toBeCloseTo(4.385698079037759, 10);
    expect(stableSeasonalityZ(y, 2)).toBeCloseTo(z, 10);
  });
});

describe("detectSeasonality", () => {
  it("finds 12 in a monthly pattern with trend, not its multiple 24", () => {
    const pattern = [8, 6, 9, 12, 15, 20, 24, 22, 16, 12, 9, 14];
    const history = Array.from({ length: 72 }, (_, t) => 100 + t + pattern[t % 12] * 3 + ((t * 7) % 5));
    expect(detectSeasonality(history)).toMatchObject({ seasonLength: 12, seasonal: true });
  });

  it("finds 4 in a quarterly pattern and 1 in a trend alone", () => {
    const quarterly = Array.from({ length: 28 }, (_, t) => 50 + [20, -5, 0, -15][t % 4]);
    expect(detectSeasonality(quarterly).seasonLength).toBe(4);
    let seed = 12345;
    const noise = Array.from({ length: 40 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed / 2147483648 - 0.5) * 10;
    });
    expect(detectSeasonality(noise.map((e, t) => 3 * t + e)).seasonLength).toBe(1);
  });

  it("finds 52 in three years of noisy weekly data with a smooth yearly wave", () => {
    let seed = 7;
    const noise = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648 - 0.5;
    };
    const weekly = Array.from({ length: 156 }, (_, t) => 100 + 0.2 * t + 15 * Math.sin((2 * Math.PI * t) / 52) + 8 * noise());
    expect(detectSeasonality(weekly).seasonLength).toBe(52);
  });

  it("skips blanks and rejects fewer than 4 numbers", () => {
    expect(() => detectSeasonality([1, null, 2])).toThrow(PlanningError);
  });
});
