/**
 * Real polynomials in increasing powers, a_0 + a_1 z + ... + a_d z^d: where their roots lie. ETS uses the
 * unit-circle test for its admissible region; ARIMA uses it for stationarity and invertibility, and the roots
 * themselves to turn a non-invertible moving average into its invertible twin.
 */

/**
 * Whether all roots of a real polynomial lie strictly inside the unit circle (Schur-Cohn test).
 *
 * While the degree d > 0: fail if |a_0| >= |a_d|, else replace the polynomial by
 * (a_d p(z) - a_0 z^d p(1/z)) / z, which keeps the count of roots inside the circle (Schur 1917, Cohn 1922;
 * Jury's table). O(d^2), no complex arithmetic; a root on the circle counts as outside.
 *
 * @param coefficients a_0..a_d in increasing powers; overwritten.
 * @param scratch work array at least as long as `coefficients`.
 * @returns true when every root has modulus < 1.
 * @example
 * rootsInsideUnitCircle(Float64Array.of(-0.5, 1), new Float64Array(2)) // true (root 0.5)
 */
export function rootsInsideUnitCircle(coefficients: Float64Array, scratch: Float64Array): boolean {
  let a = coefficients;
  let b = scratch;
  for (let d = coefficients.length - 1; d > 0; d--) {
    const a0 = a[0];
    const ad = a[d];
    if (!(Math.abs(a0) < Math.abs(ad))) return false;
    // The new leading coefficient (the i = d - 1 term below) first, so each term is scaled as it is formed.
    const lead = ad * a[d] - a0 * a[0];
    for (let i = 0; i < d; i++) b[i] = (ad * a[i + 1] - a0 * a[d - 1 - i]) / lead;
    const swap = a;
    a = b;
    b = swap;
  }
  return true;
}

/** Most Aberth-Ehrlich sweeps, and the relative move of every root below which they stop. */
const MAX_ITERATIONS = 200;
const TOLERANCE = 1e-14;

/** Complex roots as parallel arrays of real and imaginary parts. */
export interface ComplexRoots {
  re: Float64Array;
  im: Float64Array;
}

/**
 * All complex roots of a real polynomial, by the Aberth-Ehrlich iteration (Aberth 1973; Ehrlich 1967): every
 * root estimate z_k moves by w_k = N_k / (1 - N_k S_k), with N_k = p(z_k) / p'(z_k) and S_k = sum over
 * j != k of 1 / (z_k - z_j), from starting points spread over the circle of radius |a_0 / a_d|^(1/d). Cubic
 * convergence for simple roots; meant for the low degrees of ARMA polynomials (what R's polyroot() is used for).
 *
 * @param coefficients a_0..a_d in increasing powers; trailing zeros (a zero leading coefficient) are dropped.
 * @returns the d roots (none for a constant polynomial), in no particular order.
 * @throws RangeError when every coefficient is zero.
 * @example
 * polynomialRoots([2, -3, 1]) // re ≈ [1, 2] in some order, im ≈ [0, 0]
 */
export function polynomialRoots(coefficients: ArrayLike<number>): ComplexRoots {
  let d = coefficients.length - 1;
  while (d >= 0 && coefficients[d] === 0) d--;
  if (d < 0) throw new RangeError("polynomialRoots needs a polynomial with a non-zero coefficient");
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  if (d === 0) return { re, im };
  const lead = coefficients[d];
  const a = Float64Array.from({ length: d + 1 }, (_, i) => coefficients[i] / lead);
  let radius = Math.pow(Math.abs(a[0]), 1 / d);
  if (!(radius > 0)) radius = 1;
  for (let k = 0; k < d; k++) {
    const angle = (2 * Math.PI * k) / d + 0.4;
    re[k] = radius * Math.cos(angle);
    im[k] = radius * Math.sin(angle);
  }
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let moved = 0;
    for (let k = 0; k < d; k++) {
      const zr = re[k];
      const zi = im[k];
      // Horner for p(z) and p'(z).
      let pr = a[d];
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let i = d - 1; i >= 0; i--) {
        const ndr = dr * zr - di * zi + pr;
        di = dr * zi + di * zr + pi;
        dr = ndr;
        const npr = pr * zr - pi * zi + a[i];
        pi = pr * zi + pi * zr;
        pr = npr;
      }
      if (pr === 0 && pi === 0) continue;
      const dd = dr * dr + di * di;
      // N = p / p'
      const nr = dd > 0 ? (pr * dr + pi * di) / dd : pr;
      const ni = dd > 0 ? (pi * dr - pr * di) / dd : pi;
      let sr = 0;
      let si = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const ur = zr - re[j];
        const ui = zi - im[j];
        const uu = ur * ur + ui * ui;
        if (uu === 0) continue;
        sr += ur / uu;
        si -= ui / uu;
      }
      // w = N / (1 - N S)
      const denr = 1 - (nr * sr - ni * si);
      const deni = -(nr * si + ni * sr);
      const den = denr * denr + deni * deni;
      const wr = den > 0 ? (nr * denr + ni * deni) / den : nr;
      const wi = den > 0 ? (ni * denr - nr * deni) / den : ni;
      re[k] = zr - wr;
      im[k] = zi - wi;
      moved = Math.max(moved, Math.hypot(wr, wi) / Math.max(Math.hypot(zr, zi), 1e-300));
    }
    if (moved < TOLERANCE) break;
  }
  return { re, im };
}
