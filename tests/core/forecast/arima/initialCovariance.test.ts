import { CovarianceWorkspace, initialStateCovariance } from "../../../../src/core/forecast/arima/initialCovariance";
import { COVARIANCE_CASES } from "./rCases";

const covariance = (phi: readonly number[], theta: readonly number[]): Float64Array => {
  const r = Math.max(phi.length, theta.length + 1);
  const out = new Float64Array(r * r);
  initialStateCovariance(Float64Array.from(phi), Float64Array.from(theta), new CovarianceWorkspace(r), out);
  return out;
};

describe("initial state covariance (Gardner et al. 1980, R's getQ0)", () => {
  it.each(COVARIANCE_CASES.map((c) => [`phi ${c.phi.join(",")} theta ${c.theta.join(",")}`, c] as const))("matches R for %s", (_, c) => {
    const P = covariance(c.phi, c.theta);
    c.rP0.forEach((v, i) => expect(P[i]).toBeCloseTo(v, 10));
  });

  it("solves P = T P T' + R R' for a stationary ARMA(2,1)", () => {
    const phi = [0.5, -0.3];
    const v = [1, 0.4];
    const P = covariance(phi, [0.4]);
    // T = [[phi1, 1], [phi2, 0]]: (T P T')_ij = sum_kl T_ik P_kl T_jl
    const T = [
      [phi[0], 1],
      [phi[1], 0],
    ];
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        let tpt = 0;
        for (let k = 0; k < 2; k++) for (let l = 0; l < 2; l++) tpt += T[i][k] * P[k + 2 * l] * T[j][l];
        expect(P[i + 2 * j]).toBeCloseTo(tpt + v[i] * v[j], 12);
      }
    }
  });

  it("gives 1 / (1 - phi^2) for an AR(1) and 1 for white noise", () => {
    expect(covariance([0.6], [])[0]).toBeCloseTo(1 / 0.64, 14);
    expect(covariance([], [])[0]).toBe(1);
  });
});
