/**
 * Parameter space of the ETS models: R's bounds = "both", the "usual" box (alpha, beta, gamma in
 * [1e-4, 0.9999], beta <= alpha, gamma <= 1 - alpha, phi in [0.8, 0.98]) intersected with the
 * admissible (forecastable) region of Hyndman et al. (2008), chapter 10 — R's check.param and admissible().
 */
import { rootsInsideUnitCircle } from "../polynomial";

/** Lower and upper limits of R's "usual" region. */
export const USUAL_BOUNDS = {
  smoothingLower: 1e-4,
  smoothingUpper: 0.9999,
  phiLower: 0.8,
  phiUpper: 0.98,
} as const;

/**
 * Whether smoothing parameters lie in R's default parameter space (bounds = "both").
 *
 * @param alpha level smoothing.
 * @param beta slope smoothing (NaN when the model has no trend).
 * @param gamma seasonal smoothing (NaN when the model has no season).
 * @param phi damping (NaN when the trend is not damped).
 * @param m season length.
 * @param polynomial work array of length m + 2 (used for seasonal models only).
 * @param scratch work array of length m + 2.
 * @param quotient polynomial.subarray(1), made once by a caller that tests many parameter sets (spares a
 *   view per test; the undamped seasonal forms without trend divide out a root at 1 on every test).
 * @returns true when inside both the usual box and the admissible region.
 * @example
 * etsParametersValid(0.3, 0.1, NaN, NaN, 1, new Float64Array(3), new Float64Array(3)) // true
 */
export function etsParametersValid(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  m: number,
  polynomial: Float64Array,
  scratch: Float64Array,
  quotient: Float64Array = polynomial.subarray(1),
): boolean {
  const { smoothingLower: lo, smoothingUpper: hi, phiLower, phiUpper } = USUAL_BOUNDS;
  if (!(alpha >= lo && alpha <= hi)) return false;
  const hasTrend = !Number.isNaN(beta);
  const hasSeason = !Number.isNaN(gamma);
  if (hasTrend && !(beta >= lo && beta <= alpha && beta <= hi)) return false;
  if (!Number.isNaN(phi) && !(phi >= phiLower && phi <= phiUpper)) return false;
  if (hasSeason && !(gamma >= lo && gamma <= 1 - alpha && gamma <= hi)) return false;

  const p = Number.isNaN(phi) ? 1 : phi;
  if (!hasSeason) {
    if (alpha < 1 - 1 / p || alpha > 1 + 1 / p) return false;
    return !hasTrend || (beta >= alpha * (p - 1) && beta <= (1 + p) * (2 - alpha));
  }
  if (m <= 1) return true;
  const b = hasTrend ? beta : 0;
  if (gamma < Math.max(1 - 1 / p - alpha, 0) || gamma > 1 + 1 / p - alpha) return false;
  if (alpha < 1 - 1 / p - (gamma * (1 - m + p + p * m)) / (2 * p * m)) return false;
  if (b < -(1 - p) * (gamma / m + alpha)) return false;
  const middle = alpha + b - alpha * p;
  polynomial[0] = p * (1 - alpha - gamma);
  polynomial[1] = middle + gamma - 1;
  for (let i = 2; i < m; i++) polynomial[i] = middle;
  polynomial[m] = alpha + b - p;
  polynomial[m + 1] = 1;
  let atOne = 0;
  let size = 0;
  for (let i = 0; i <= m + 1; i++) {
    atOne += polynomial[i];
    size += Math.abs(polynomial[i]);
  }
  if (Math.abs(atOne) > 1e-10 * size) return rootsInsideUnitCircle(polynomial, scratch);
  // A root at z = 1 (every undamped model without slope smoothing has one) is on the circle, which R
  // accepts (modulus <= 1 + 1e-10): divide it out, q_{i-1} = a_i + q_i, and test the quotient.
  for (let i = m; i >= 1; i--) polynomial[i] += polynomial[i + 1];
  return rootsInsideUnitCircle(quotient, scratch);
}
