import { etsInitialState } from "../../../../src/core/forecast/ets/initialState";
import { ADDITIVE, MULTIPLICATIVE, NONE } from "../../../../src/core/forecast/ets/kernel";

describe("etsInitialState (R's initstate heuristic)", () => {
  it("takes level and slope from a regression on the first 10 values", () => {
    const line = Array.from({ length: 20 }, (_, t) => 3 + 2 * (t + 1));
    const state = etsInitialState(line, ADDITIVE, NONE, 1);
    expect(state[0]).toBeCloseTo(3, 10);
    expect(state[1]).toBeCloseTo(2, 10);
  });

  it("takes the level as the mean of the first 10 values without trend", () => {
    const state = etsInitialState([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], NONE, NONE, 1);
    expect(state[0]).toBeCloseTo(5.5, 12);
  });

  it("recovers an additive season by classical decomposition (3 or more seasons)", () => {
    const pattern = [10, 14, 8, 12];
    const y = Array.from({ length: 16 }, (_, t) => 50 + (pattern[t % 4] - 11));
    const state = etsInitialState(y, NONE, ADDITIVE, 4);
    expect(Array.from(state.subarray(2)).map((v) => Number(v.toFixed(10)))).toEqual([-1, 3, -3, 1]);
    expect(state[0]).toBeCloseTo(50, 10);
  });

  it("recovers a multiplicative season on a short series (trend + Fourier regression, under 3 seasons)", () => {
    // y = 100 (1 + 0.2 sin(2 pi t / 4)), t = 1..10: exactly a line plus one Fourier pair
    const factors = [1.2, 1, 0.8, 1];
    const y = Array.from({ length: 10 }, (_, t) => 100 * factors[t % 4]);
    const state = etsInitialState(y, NONE, MULTIPLICATIVE, 4);
    Array.from(state.subarray(2)).forEach((s, k) => expect(s).toBeCloseTo(factors[k], 8));
    expect(state[0]).toBeCloseTo(100, 8);
  });
});
