import { etsParametersValid } from "../../../../src/core/forecast/ets/admissible";

const valid = (alpha: number, beta: number, gamma: number, phi: number, m: number): boolean =>
  etsParametersValid(alpha, beta, gamma, phi, m, new Float64Array(m + 2), new Float64Array(m + 2));

describe("ETS parameter space", () => {
  it("agrees with R's forecast:::admissible on recorded cases (R 4.2.2, forecast 8.20)", () => {
    // R: admissible(0.5,0.1,0.3,0.95,12)=1, (0.9,0.5,0.09,0.98,12)=0, (0.3,0.2,0.69,0.8,12)=0,
    // (0.05,0.001,0.5,0.9,4)=1, (0.9,0.9,0.09,0.8,4)=0, (0.2,NULL,0.75,NULL,12)=1, (0.99,NULL,0.0099,NULL,12)=1
    expect(valid(0.5, 0.1, 0.3, 0.95, 12)).toBe(true);
    expect(valid(0.9, 0.5, 0.09, 0.98, 12)).toBe(false);
    expect(valid(0.3, 0.2, 0.69, 0.8, 12)).toBe(false);
    expect(valid(0.05, 0.001, 0.5, 0.9, 4)).toBe(true);
    expect(valid(0.9, 0.9, 0.09, 0.8, 4)).toBe(false);
    expect(valid(0.2, NaN, 0.75, NaN, 12)).toBe(true);
    expect(valid(0.99, NaN, 0.0099, NaN, 12)).toBe(true);
  });

  it("applies the usual bounds: beta <= alpha, gamma <= 1 - alpha, phi in [0.8, 0.98]", () => {
    expect(valid(0.3, 0.4, NaN, NaN, 1)).toBe(false);
    expect(valid(0.6, NaN, 0.5, NaN, 4)).toBe(false);
    expect(valid(0.3, 0.1, NaN, 0.99, 1)).toBe(false);
    expect(valid(0.3, 0.1, NaN, 0.9, 1)).toBe(true);
    expect(valid(0, NaN, NaN, NaN, 1)).toBe(false);
  });
});
