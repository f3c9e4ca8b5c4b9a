/**
 * The covariance of the initial state of an ARMA model in state-space form, as R's arima() computes it by
 * default (SSinit = "Gardner1980": C function getQ0 in R's src/library/stats/src/arima.c), and from the
 * model's autocovariances for longer states (seasonal models above all), where Gardner's O(r^6) method is too slow.
 */

import { float64Views } from "../../float64Views";

/**
 * Largest state dimension solved by Gardner's method (R's own, the same numbers to rounding); longer states use
 * the autocovariances, O(r p + p^3) for the first column the filter needs against Gardner's O(r^6): with r = 10
 * a quarterly seasonal search took twice as long, and seasonal states reach r = 30. The two agree to 1e-9 on R's
 * recorded covariances and give the same fits on every recorded R case.
 */
export const GARDNER_MAX_STATES = 3;

/** Scratch arrays for {@link initialStateCovariance} with state dimension r. */
export class CovarianceWorkspace {
  readonly r: number;
  readonly v: Float64Array;
  readonly xnext: Float64Array;
  readonly xrow: Float64Array;
  readonly rbar: Float64Array;
  readonly thetab: Float64Array;
  /** Autocovariances gamma_0..gamma_r, psi weights psi_0..psi_r and the (p + 1)^2 Yule-Walker system. */
  readonly gamma: Float64Array;
  readonly psi: Float64Array;
  readonly system: Float64Array;
  /**
   * Lags of the non-zero AR coefficients (0-based) and MA coefficients (1-based), and the non-zero columns of
   * a pivot row of the system.
   */
  readonly arLags: Int32Array;
  readonly maLags: Int32Array;
  readonly columns: Int32Array;

  constructor(r: number) {
    const np = r <= GARDNER_MAX_STATES ? (r * (r + 1)) / 2 : 0;
    this.r = r;
    const big = r > GARDNER_MAX_STATES ? r + 1 : 0;
    [this.v, this.xnext, this.xrow, this.rbar, this.thetab, this.gamma, this.psi, this.system] = float64Views(
      np,
      np,
      np,
      Math.max((np * (np - 1)) / 2, 1),
      np,
      big,
      big,
      big * (big + 1),
    );
    const lags = new Int32Array(3 * big + 1);
    this.arLags = lags.subarray(0, big);
    this.maLags = lags.subarray(big, 2 * big);
    this.columns = lags.subarray(2 * big);
  }
}

/**
 * Autocovariances gamma_0..gamma_r (innovation variance 1) of a stationary ARMA(p, q) process into
 * work.gamma, with psi weights psi_0..psi_r into work.psi: gamma_k - sum_i phi_i gamma_|k-i| =
 * sum_{j=k..q} theta_j psi_{j-k} (theta_0 = 1) solved for k = 0..p by Gaussian elimination with partial
 * pivoting, then the same recursion for k > p (Brockwell & Davis 1991, section 3.3, method 3).
 *
 * A seasonal model's polynomials phi(B) Phi(B^m) and theta(B) Theta(B^m) are mostly zeros, and so are the rows
 * of its system: the sums run over the non-zero lags only and an elimination step over the rows with a non-zero
 * entry under the pivot and the non-zero columns of the pivot row only, the terms left out being exact zeros (a
 * finite multiple of 0), so every non-zero number is the same as the dense computation's.
 */
function autocovariances(phi: Float64Array, theta: Float64Array, work: CovarianceWorkspace): void {
  const { r, gamma, psi, system: A, arLags, maLags, columns } = work;
  const p = phi.length;
  const q = theta.length;
  let lags = 0;
  for (let i = 0; i < p; i++) if (phi[i] !== 0) arLags[lags++] = i;
  for (let j = 0; j <= r; j++) {
    let v = j === 0 ? 1 : j <= q ? theta[j - 1] : 0;
    for (let l = 0; l < lags; l++) {
      const i = arLags[l] + 1;
      if (i > j) break;
      v += phi[i - 1] * psi[j - i];
    }
    psi[j] = v;
  }
  let maCount = 0;
  for (let j = 0; j < q; j++) if (theta[j] !== 0) maLags[maCount++] = j + 1;
  const right = (k: number): number => {
    let s = k === 0 ? psi[0] : 0;
    for (let l = 0; l < maCount; l++) {
      const j = maLags[l];
      if (j >= k) s += theta[j - 1] * psi[j - k];
    }
    return s;
  };
  // Rows k = 0..p of [A | b], width p + 2: unknowns gamma_0..gamma_p.
  const w = p + 2;
  A.fill(0, 0, (p + 1) * w);
  for (let k = 0; k <= p; k++) {
    A[k * w + k] += 1;
    for (let l = 0; l < lags; l++) {
      const i = arLags[l] + 1;
      A[k * w + Math.abs(k - i)] -= phi[i - 1];
    }
    A[k * w + p + 1] = right(k);
  }
  for (let c = 0; c <= p; c++) {
    let pivot = c;
    for (let k = c + 1; k <= p; k++) if (Math.abs(A[k * w + c]) > Math.abs(A[pivot * w + c])) pivot = k;
    if (pivot !== c) {
      for (let j = c; j < w; j++) {
        const t = A[c * w + j];
        A[c * w + j] = A[pivot * w + j];
        A[pivot * w + j] = t;
      }
    }
    let count = 0;
    for (let j = c; j < w; j++) if (A[c * w + j] !== 0) columns[count++] = j;
    const pivotValue = A[c * w + c];
    const nonZeroPivot = pivotValue !== 0 && !Number.isNaN(pivotValue);
    for (let k = c + 1; k <= p; k++) {
      if (nonZeroPivot && A[k * w + c] === 0) continue;
      const factor = A[k * w + c] / pivotValue;
      if (factor === 0) continue;
      if (Number.isFinite(factor)) {
        for (let l = 0; l < count; l++) {
          const j = columns[l];
          A[k * w + j] -= factor * A[c * w + j];
        }
      } else {
        for (let j = c; j < w; j++) A[k * w + j] -= factor * A[c * w + j];
      }
    }
  }
  for (let k = p; k >= 0; k--) {
    let s = A[k * w + p + 1];
    for (let j = k + 1; j <= p; j++) s -= A[k * w + j] * gamma[j];
    gamma[k] = s / A[k * w + k];
  }
  for (let k = p + 1; k <= r; k++) {
    let s = right(k);
    for (let l = 0; l < lags; l++) {
      const i = arLags[l] + 1;
      s += phi[i - 1] * gamma[k - i];
    }
    gamma[k] = s;
  }
}

/**
 * The first column (= first row) of P0 from the autocovariances into P[0..r-1]: with x_t the process and
 * R_k = theta_k (R_0 = 1), the state is alpha_t[j] = sum_{k>j} phi_k x_{t+j-k} + sum_{k>=j} R_k e_{t+j-k}, so
 * P0[0][j] = sum_{k=j+1..r} phi_k gamma_{k-j} + sum_{k=j..r-1} R_k psi_{k-j}.
 */
function firstColumnFromAutocovariances(phi: Float64Array, theta: Float64Array, work: CovarianceWorkspace, P: Float64Array): void {
  autocovariances(phi, theta, work);
  const { r, gamma, psi } = work;
  const p = phi.length;
  const q = theta.length;
  for (let j = 0; j < r; j++) {
    let s = 0;
    for (let k = j + 1; k <= Math.min(r, p); k++) s += phi[k - 1] * gamma[k - j];
    for (let k = j; k <= Math.min(r - 1, q); k++) s += (k === 0 ? 1 : theta[k - 1]) * psi[k - j];
    P[j] = s;
  }
}

/**
 * P0 from the autocovariances: the first column (firstColumnFromAutocovariances), then the other entries from
 * P0 = T P0 T' + R R' read entrywise, P0[i][j] = P0[i+1][j+1] + phi_{i+1} P0[0][j+1] + phi_{j+1} P0[i+1][0]
 * + phi_{i+1} phi_{j+1} P0[0][0] + R_i R_j (entries beyond r - 1 are 0), from the last row upwards.
 */
function covarianceFromAutocovariances(phi: Float64Array, theta: Float64Array, work: CovarianceWorkspace, P: Float64Array): void {
  firstColumnFromAutocovariances(phi, theta, work, P);
  const r = work.r;
  const p = phi.length;
  const q = theta.length;
  const f = (k: number): number => (k >= 1 && k <= p ? phi[k - 1] : 0);
  const R = (k: number): number => (k === 0 ? 1 : k <= q ? theta[k - 1] : 0);
  for (let j = 1; j < r; j++) P[j * r] = P[j];
  const P00 = P[0];
  for (let i = r - 1; i >= 1; i--) {
    for (let j = r - 1; j >= i; j--) {
      const next = i + 1 < r && j + 1 < r ? P[(i + 1) + r * (j + 1)] : 0;
      const row = j + 1 < r ? P[j + 1] : 0;
      const column = i + 1 < r ? P[i + 1] : 0;
      const v = next + f(i + 1) * row + f(j + 1) * column + f(i + 1) * f(j + 1) * P00 + R(i) * R(j);
      P[i + r * j] = v;
      P[j + r * i] = v;
    }
  }
}

/**
 * Givens-rotation update of a least-squares triangle by one row (AS 154's INCLU2, Gardner, Harvey & Phillips
 * 1980): d holds the diagonal, rbar the upper triangle by rows, thetab the rotated right-hand side.
 */
function includeRow(np: number, xnext: Float64Array, xrow: Float64Array, y: number, d: Float64Array, rbar: Float64Array, thetab: Float64Array): void {
  let ynext = y;
  for (let i = 0; i < np; i++) xrow[i] = xnext[i];
  let ithisr = 0;
  for (let i = 0; i < np; i++) {
    if (xrow[i] !== 0) {
      const xi = xrow[i];
      const di = d[i];
      const dpi = di + xi * xi;
      d[i] = dpi;
      const cbar = di / dpi;
      const sbar = xi / dpi;
      for (let k = i + 1; k < np; k++) {
        const xk = xrow[k];
        const rbthis = rbar[ithisr];
        xrow[k] = xk - xi * rbthis;
        rbar[ithisr++] = cbar * rbthis + sbar * xk;
      }
      const xk = ynext;
      ynext = xk - xi * thetab[i];
      thetab[i] = cbar * thetab[i] + sbar * xk;
      if (di === 0) return;
    } else {
      ithisr += np - i - 1;
    }
  }
}

/**
 * Stationary covariance P0 of the state of an ARMA(p, q) model (in units of the innovation variance), the
 * solution of P0 = T P0 T' + R R' for Harvey's state-space form with r = max(p, q + 1) states, transition T
 * (phi in the first column, ones above the diagonal) and R = (1, theta_1, ..., theta_{r-1}). Computed as R's
 * arima() does by default: AS 154 (Gardner, Harvey & Phillips, "An algorithm for exact maximum likelihood
 * estimation of autoregressive-moving average models by means of Kalman filtering", Applied Statistics 29,
 * 1980) solves the r(r+1)/2 linear equations by Givens rotations when p > 0, back-substitution for a pure
 * moving average. A line-by-line port of R's getQ0, so likelihoods agree with R's to rounding. Above
 * GARDNER_MAX_STATES states the same matrix comes from the autocovariances (covarianceFromAutocovariances).
 *
 * @param phi AR coefficients (length p; stationary, or the result is meaningless).
 * @param theta MA coefficients (length q).
 * @param work scratch for r = max(p, q + 1).
 * @param out receives P0, r x r in column-major order (at least r * r long).
 * @example
 * const P = new Float64Array(1); initialStateCovariance(Float64Array.of(0.5), new Float64Array(0), new CovarianceWorkspace(1), P); // P[0] = 1 / (1 - 0.25)
 */
export function initialStateCovariance(phi: Float64Array, theta: Float64Array, work: CovarianceWorkspace, out: Float64Array): void {
  const p = phi.length;
  const q = theta.length;
  const r = work.r;
  const P = out;
  if (r === 1) {
    P[0] = p === 0 ? 1 : 1 / (1 - phi[0] * phi[0]);
    return;
  }
  if (r > GARDNER_MAX_STATES) {
    covarianceFromAutocovariances(phi, theta, work, P);
    return;
  }
  const np = (r * (r + 1)) / 2;
  const { v: V, xnext, xrow, rbar, thetab } = work;
  let ind = 0;
  for (let j = 0; j < r; j++) {
    const vj = j === 0 ? 1 : j - 1 < q ? theta[j - 1] : 0;
    for (let i = j; i < r; i++) {
      const vi = i === 0 ? 1 : i - 1 < q ? theta[i - 1] : 0;
      V[ind++] = vi * vj;
    }
  }
  if (p > 0) {
    rbar.fill(0);
    for (let i = 0; i < np; i++) {
      P[i] = 0;
      thetab[i] = 0;
      xnext[i] = 0;
    }
    ind = 0;
    let ind1 = -1;
    const npr = np - r;
    const npr1 = npr + 1;
    let indj = npr;
    let ind2 = npr - 1;
    for (let j = 0; j < r; j++) {
      const phij = j < p ? phi[j] : 0;
      xnext[indj++] = 0;
      let indi = npr1 + j;
      for (let i = j; i < r; i++) {
        const ynext = V[ind++];
        const phii = i < p ? phi[i] : 0;
        if (j !== r - 1) {
          xnext[indj] = -phii;
          if (i !== r - 1) {
            xnext[indi] -= phij;
            xnext[++ind1] = -1;
          }
        }
        xnext[npr] = -phii * phij;
        if (++ind2 >= np) ind2 = 0;
        xnext[ind2] += 1;
        includeRow(np, xnext, xrow, ynext, P, rbar, thetab);
        xnext[ind2] = 0;
        if (i !== r - 1) {
          xnext[indi++] = 0;
          xnext[ind1] = 0;
        }
      }
    }
    let ithisr = (np * (np - 1)) / 2 - 1;
    let im = np - 1;
    for (let i = 0; i < np; i++) {
      let bi = thetab[im];
      let jm = np - 1;
      for (let j = 0; j < i; j++) bi -= rbar[ithisr--] * P[jm--];
      P[im--] = bi;
    }
    // Re-order P.
    ind = npr;
    for (let i = 0; i < r; i++) xnext[i] = P[ind++];
    ind = np - 1;
    ind1 = npr - 1;
    for (let i = 0; i < npr; i++) P[ind--] = P[ind1--];
    for (let i = 0; i < r; i++) P[i] = xnext[i];
  } else {
    let indn = np;
    ind = np;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j <= i; j++) {
        --ind;
        P[ind] = V[ind];
        if (j !== 0) P[ind] += P[--indn];
      }
    }
  }
  // Unpack to a full matrix.
  ind = np;
  for (let i = r - 1; i > 0; i--) for (let j = r - 1; j >= i; j--) P[r * i + j] = P[--ind];
  for (let i = 0; i < r - 1; i++) for (let j = i + 1; j < r; j++) P[i + r * j] = P[j + r * i];
}

/**
 * The first column of the initial state covariance P0 (all the Kalman filter's Chandrasekhar recursions need)
 * into out[0..r-1]: from the full matrix (initialStateCovariance) up to GARDNER_MAX_STATES states, directly from
 * the autocovariances above, O(r p + p^3).
 *
 * @param phi AR coefficients (stationary).
 * @param theta MA coefficients.
 * @param work scratch for r = max(p, q + 1).
 * @param out receives P0[., 0] in out[0..r-1]; at least r * r long (scratch for the full matrix).
 * @example
 * const out = new Float64Array(4); initialStateFirstColumn(Float64Array.of(0.5), Float64Array.of(0.4), new CovarianceWorkspace(2), out); // out[0] = gamma_0
 */
export function initialStateFirstColumn(phi: Float64Array, theta: Float64Array, work: CovarianceWorkspace, out: Float64Array): void {
  if (work.r > GARDNER_MAX_STATES) firstColumnFromAutocovariances(phi, theta, work, out);
  else initialStateCovariance(phi, theta, work, out);
}
