/**
 * Minimise a function of one variable on [lower, upper] by Brent's method (golden section with
 * parabolic interpolation; Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5).
 * @param f - function to minimise
 * @param lower - left end of the search interval
 * @param upper - right end of the search interval
 * @param tolerance - absolute tolerance on the argument
 * @returns the argument of the minimum found
 * @example minimizeScalar((x) => (x - 0.3) ** 2, 0, 1) // ≈ 0.3
 */
export function minimizeScalar(f: (x: number) => number, lower: number, upper: number, tolerance = 1e-6): number {
  const golden = 0.3819660112501051;
  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    const middle = 0.5 * (a + b);
    const tol1 = tolerance * Math.abs(x) + 1e-10;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = (x < middle ? b : a) - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return x;
}
