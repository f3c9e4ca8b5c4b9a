import { INTERVAL_SCALES, ownErrorScale, seriesClass, tableScale, weightedQuantile } from "../../../src/core/forecast/calibration";

/** Needed scales at a near training cut and at an older one, where errors were larger. */
const NEAR = [0.8, 0.9, 1.0, 1.1, 1.2];
const OLD = [1.0, 1.2, 1.4, 1.6, 1.8];

describe("weighted quantile of needed scales over training cuts", () => {
  it("is the nearest-rank quantile of the pooled values when every cut weighs the same", () => {
    const cuts = [
      { values: NEAR, weight: 1 },
      { values: OLD, weight: 1 },
    ];
    // pooled and sorted: 0.8 0.9 1.0 1.0 1.1 1.2 1.2 1.4 1.6 1.8; the 8th of 10 and the 10th of 10
    expect(weightedQuantile(cuts, 0.8)).toBe(1.4);
    expect(weightedQuantile(cuts, 0.95)).toBe(1.8);
  });

  it("moves toward the near cut's scale when the older cut weighs a quarter", () => {
    // total weight 5 + 5/4 = 6.25; 80% of it is 5.0, first reached at 1.2 (1 + 1 + 1 + 0.25 + 1 + 1 = 5.25)
    expect(weightedQuantile([{ values: NEAR, weight: 1 }, { values: OLD, weight: 0.25 }], 0.8)).toBe(1.2);
  });

  it("leaves out values a zero-width interval made undefined, and is NaN without any value", () => {
    expect(weightedQuantile([{ values: [NaN, 2, 1, Infinity], weight: 1 }], 0.5)).toBe(1);
    expect(weightedQuantile([{ values: [], weight: 1 }], 0.8)).toBeNaN();
  });
});

describe("a series' own interval factor from its rolling-origin errors (trial 5's variant)", () => {
  it("is the level-quantile of errors over the model's sd at their step, over z, shrunk in log by N / (N + N0)", () => {
    // errors 2 and -1 one step ahead, sd 1: the 80% nearest rank of {1, 2} is 2; 2 / 1.2816 = 1.5606
    const errors = [
      { step: 1, error: 2 },
      { step: 1, error: -1 },
    ];
    expect(ownErrorScale(errors, [1], 80, 0)).toBeCloseTo(1.5606, 4);
    expect(ownErrorScale(errors, [1], 80, 2)).toBeCloseTo(Math.sqrt(1.5606), 4);
  });

  it("narrows when the series' own misses are smaller than its model admits, reading each step's sd", () => {
    // step 2 uses sd 4 (0.5 / 4), step 3 is beyond the sd given and takes the last (1 / 4)
    const errors = [
      { step: 2, error: 0.5 },
      { step: 3, error: -1 },
    ];
    expect(ownErrorScale(errors, [1, 4], 95, 0)).toBeCloseTo(0.25 / 1.96, 4);
    expect(ownErrorScale([], [1], 95, 0)).toBe(1);
  });
});

describe("the fitted table (refit: node dist-cli/bench/interval-calibration.js --refit)", () => {
  it("widens a yearly-length series' 80% and 95% intervals by about half and three quarters", () => {
    const cell = INTERVAL_SCALES[seriesClass(1, 20)];
    expect(tableScale(cell, 80)).toBeCloseTo(1.468, 3);
    expect(tableScale(cell, 95)).toBeCloseTo(1.762, 3);
  });

  it("narrows a long non-seasonal series' 80% interval and keeps its 95% one near the model's own", () => {
    const cell = INTERVAL_SCALES[seriesClass(1, 80)];
    expect(tableScale(cell, 80)).toBeCloseTo(0.892, 3);
    expect(tableScale(cell, 95)).toBeCloseTo(1.054, 3);
  });

  it("widens the 95% interval more than the 80% one in every class (errors have heavier tails than the models assume)", () => {
    for (const cell of Object.values(INTERVAL_SCALES)) expect(cell.scale95).toBeGreaterThan(cell.scale80);
  });
});
