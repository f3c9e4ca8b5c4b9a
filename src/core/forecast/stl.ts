/**
 * STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland, McRae & Terpenning ("STL: a
 * seasonal-trend decomposition procedure based on loess", J. Official Statistics 6, 1990), as R's
 * stats::stl() with its defaults (not robust): a port of netlib's stl.f as R ships it. Arrays are 0-based here
 * where the Fortran is 1-based; positions passed to the loess smoother stay 1-based as in the Fortran.
 */

/** The seasonal smoothing window R's mstl() passes to stl() for a series with one season (7 + 4 * 1). */
export const MSTL_SEASONAL_WINDOW = 11;

/** An STL decomposition: y = seasonal + trend + remainder. */
export interface StlDecomposition {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

/** R's nextodd(): round, then add one when even. */
function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/**
 * Loess estimate at position xs (1-based) from y[nleft-1 .. nright-1] with tricube weights (degree 0 or 1),
 * Fortran stlest. Returns NaN when every weight is zero (the Fortran's ok = false).
 */
function estimate(y: Float64Array, n: number, len: number, degree: number, xs: number, nleft: number, nright: number, w: Float64Array): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j - 1] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j - 1];
    } else {
      w[j - 1] = 0;
    }
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] /= a;
  if (h > 0 && degree > 0) {
    a = 0;
    for (let j = nleft; j <= nright; j++) a += w[j - 1] * j;
    let b = xs - a;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1] * (j - a) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] *= b * (j - a) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1] * y[j - 1];
  return ys;
}

/**
 * Loess smooth of y[0..n-1] with span len, evaluated every `jump` points and interpolated linearly between
 * (Fortran stless); ys receives the smooth, res is scratch.
 */
function smooth(y: Float64Array, n: number, len: number, degree: number, jump: number, ys: Float64Array, res: Float64Array): void {
  if (n < 2) {
    ys[0] = y[0];
    return;
  }
  const at = (i: number, nleft: number, nright: number): void => {
    const v = estimate(y, n, len, degree, i, nleft, nright, res);
    ys[i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  const newnj = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) at(i, nleft, nright);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      at(i, nleft, nright);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      at(i, nleft, nright);
    }
  }
  if (newnj === 1) return;
  for (let i = 1; i <= n - newnj; i += newnj) {
    const delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj;
    for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = ys[i - 1] + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / newnj) * newnj + 1;
  if (k !== n) {
    at(n, nleft, nright);
    if (k !== n - 1) {
      const delta = (ys[n - 1] - ys[k - 1]) / (n - k);
      for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1] + delta * (j - k);
    }
  }
}

/** Running mean of length len over x[0..n-1] into ave[0..n-len] (Fortran stlma). */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i];
  ave[0] = v / len;
  for (let j = 1; j < n - len + 1; j++) {
    v += x[j + len - 1] - x[j - 1];
    ave[j] = v / len;
  }
}

/**
 * Seasonal smoothing of each cycle-subseries with span ns (degree isdeg), extended by one period at each end
 * (Fortran stlss): season receives n + 2 np values.
 */
function smoothSubseries(y: Float64Array, n: number, np: number, ns: number, degree: number, jump: number, season: Float64Array, work1: Float64Array, work2: Float64Array, work4: Float64Array): void {
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1];
    smooth(work1, k, ns, degree, jump, work2.subarray(1), work4);
    const first = estimate(work1, k, ns, degree, 0, 1, Math.min(ns, k), work4);
    work2[0] = Number.isNaN(first) ? work2[1] : first;
    const last = estimate(work1, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, work4);
    work2[k + 1] = Number.isNaN(last) ? work2[k] : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1];
  }
}

/**
 * STL decomposition as R's stl(y, s.window = seasonalWindow) with its other defaults: seasonal degree 0,
 * trend and low-pass degree 1, t.window = nextodd(ceiling(1.5 m / (1 - 1.5 / s.window))), l.window = nextodd(m),
 * jumps ceiling(window / 10), two inner iterations, no robustness iterations.
 *
 * @param y the series (at least two full seasons; R's stl() refuses fewer).
 * @param m season length >= 2.
 * @param seasonalWindow span of the seasonal loess in seasons (odd, >= 7 recommended).
 * @returns seasonal, trend and remainder components.
 * @example
 * stl(Float64Array.from({ length: 24 }, (_, t) => (t % 4) + t / 10), 4, 7).seasonal
 */
export function stl(y: Float64Array, m: number, seasonalWindow: number): StlDecomposition {
  const n = y.length;
  const tWindow = nextOdd(Math.ceil((1.5 * m) / (1 - 1.5 / seasonalWindow)));
  const lWindow = nextOdd(m);
  const odd = (v: number): number => {
    const w = Math.max(3, v);
    return w % 2 === 0 ? w + 1 : w;
  };
  const ns = odd(seasonalWindow);
  const nt = odd(tWindow);
  const nl = odd(lWindow);
  const sJump = Math.ceil(seasonalWindow / 10);
  const tJump = Math.ceil(tWindow / 10);
  const lJump = Math.ceil(lWindow / 10);
  const np = Math.max(2, m);
  const size = n + 2 * np;
  const work = Array.from({ length: 5 }, () => new Float64Array(size));
  const season = new Float64Array(n);
  const trend = new Float64Array(n);
  for (let iteration = 0; iteration < 2; iteration++) {
    for (let i = 0; i < n; i++) work[0][i] = y[i] - trend[i];
    smoothSubseries(work[0], n, np, ns, 0, sJump, work[1], work[2], work[3], work[4]);
    // Low-pass filter of the cycle-subseries smooth: moving averages of lengths np, np and 3, then loess.
    movingAverage(work[1], size, np, work[2]);
    movingAverage(work[2], size - np + 1, np, work[0]);
    movingAverage(work[0], size - 2 * np + 2, 3, work[2]);
    smooth(work[2], n, nl, 1, lJump, work[0], work[4]);
    for (let i = 0; i < n; i++) season[i] = work[1][np + i] - work[0][i];
    for (let i = 0; i < n; i++) work[0][i] = y[i] - season[i];
    smooth(work[0], n, nt, 1, tJump, trend, work[2]);
  }
  const remainder = y.map((v, t) => v - season[t] - trend[t]);
  return { seasonal: season, trend, remainder };
}
