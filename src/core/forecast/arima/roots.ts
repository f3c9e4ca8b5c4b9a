/**
 * Where the roots of an ARMA model's polynomials lie: stationarity of phi(z) = 1 - phi_1 z - ... - phi_p z^p,
 * invertibility of theta(z) = 1 + theta_1 z + ... + theta_q z^q, and R's flip of a non-invertible moving
 * average to its invertible twin.
 */
import { polynomialRoots, rootsInsideUnitCircle } from "../polynomial";

/**
 * Whether every root of 1 + c_1 z + ... + c_k z^k has modulus above `radius`: the reversed polynomial of
 * the polynomial in radius * z must have all roots inside the unit circle (Schur-Cohn, see rootsInsideUnitCircle).
 *
 * @param c the coefficients c_1..c_k (the constant term is 1).
 * @param radius the bound, > 0.
 * @param sign multiplies every c_i (-1 tests 1 - c_1 z - ... - c_k z^k, an AR polynomial).
 * @param work scratch of length at least 2 (k + 1), to spare an allocation in hot loops.
 * @returns true when all roots lie outside the circle of that radius (always for k = 0).
 * @example
 * rootsOutside(Float64Array.of(-0.5), 1) // true: 1 - 0.5 z has its root at 2
 */
export function rootsOutside(c: Float64Array, radius: number, sign = 1, work: Float64Array = new Float64Array(2 * (c.length + 1))): boolean {
  const k = c.length;
  if (k === 0) return true;
  const reversed = work.subarray(0, k + 1);
  let power = 1;
  reversed[k] = 1;
  for (let i = 1; i <= k; i++) {
    power *= radius;
    reversed[k - i] = sign * c[i - 1] * power;
  }
  return rootsInsideUnitCircle(reversed, work.subarray(k + 1, 2 * (k + 1)));
}

/**
 * Whether AR coefficients describe a stationary process: all roots of 1 - phi_1 z - ... - phi_p z^p outside
 * the unit circle (R's arCheck in arima()).
 *
 * @param phi AR coefficients.
 * @param work optional scratch of length at least 2 (p + 1).
 * @returns true when stationary (always for p = 0).
 * @example
 * isStationary(Float64Array.of(0.5, 0.3)) // true
 */
export function isStationary(phi: Float64Array, work?: Float64Array): boolean {
  return rootsOutside(phi, 1, -1, work);
}

/**
 * The invertible moving average with the same autocorrelations: roots of 1 + theta_1 z + ... + theta_q z^q
 * inside the unit circle are replaced by their reciprocals and the polynomial multiplied out again, as R's
 * maInvert() in arima() (an MA(1) theta becomes 1 / theta). Trailing zero coefficients are kept.
 *
 * @param theta MA coefficients.
 * @returns the invertible coefficients (the same values when already invertible).
 * @example
 * invertMovingAverage(Float64Array.of(2)) // [0.5]
 */
export function invertMovingAverage(theta: Float64Array): Float64Array {
  let q0 = theta.length;
  while (q0 > 0 && theta[q0 - 1] === 0) q0--;
  if (q0 === 0) return Float64Array.from(theta);
  const { re, im } = polynomialRoots([1, ...theta.subarray(0, q0)]);
  let inside = false;
  for (let i = 0; i < q0; i++) if (Math.hypot(re[i], im[i]) < 1) inside = true;
  if (!inside) return Float64Array.from(theta);
  const out = new Float64Array(theta.length);
  if (q0 === 1) {
    out[0] = 1 / theta[0];
    return out;
  }
  // prod_i (1 - z / root_i), with each root inside the circle replaced by its reciprocal.
  const xr = new Float64Array(q0 + 1);
  const xi = new Float64Array(q0 + 1);
  xr[0] = 1;
  for (let i = 0; i < q0; i++) {
    let rr = re[i];
    let ri = im[i];
    const modulus2 = rr * rr + ri * ri;
    if (modulus2 < 1) {
      rr = rr / modulus2;
      ri = -ri / modulus2;
    }
    // 1 / root
    const m2 = rr * rr + ri * ri;
    const ir = rr / m2;
    const ii = -ri / m2;
    for (let j = i + 1; j >= 1; j--) {
      xr[j] -= xr[j - 1] * ir - xi[j - 1] * ii;
      xi[j] -= xr[j - 1] * ii + xi[j - 1] * ir;
    }
  }
  for (let j = 0; j < q0; j++) out[j] = xr[j + 1];
  return out;
}
