/**
 * The standard normal distribution as safety-stock formulas need it: density, distribution function,
 * its inverse (the z of a service level) and the loss function G(k) used for fill rates.
 */

import { PlanningError } from "../errors";
import { normalQuantile } from "../normalQuantile";

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Standard normal density phi(x) = exp(-x^2/2) / sqrt(2 pi).
 * @example normalDensity(0) // 0.3989422804014327
 */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Standard normal distribution function Phi(x), accurate to about 1e-14 (Hart's algorithm 5666 as
 * given by G. West, "Better approximations to cumulative normal functions", Wilmott 2005).
 * @example normalCdf(1.96) // 0.9750021048517795
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail = 0;
  if (z <= 37) {
    const e = Math.exp(-0.5 * z * z);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let f = z + 0.65;
      f = z + 4 / f;
      f = z + 3 / f;
      f = z + 2 / f;
      f = z + 1 / f;
      tail = e / f / SQRT_2PI;
    }
  }
  return x <= 0 ? tail : 1 - tail;
}

/**
 * Inverse of the standard normal distribution function: the z with Phi(z) = p (Excel NORM.S.INV).
 * Acklam's rational approximation refined by one Halley step, accurate to about 1e-15.
 * @param p probability, 0 < p < 1.
 * @throws PlanningError when p is not strictly between 0 and 1.
 * @example inverseNormal(0.95) // 1.6448536269514722
 */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new PlanningError(`A service level must be strictly between 0 and 1 (e.g. 0.95), not ${p}.`, "invalidNumber");
  const x = normalQuantile(p);
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/**
 * Standard normal loss function G(k) = phi(k) - k (1 - Phi(k)): expected units short per unit of
 * standard deviation when k standard deviations of safety stock are held (Silver, Pyke & Peterson,
 * Inventory Management and Production Planning and Scheduling, 3rd ed., 1998, appendix B).
 * @example normalLoss(0) // 0.3989422804014327
 */
export function normalLoss(k: number): number {
  return normalDensity(k) - k * (1 - normalCdf(k));
}

/**
 * The k with G(k) = loss (Newton's method on the decreasing, convex G, with G'(k) = Phi(k) - 1).
 * @param loss expected shortage per standard deviation, > 0.
 * @throws PlanningError when loss is not a positive number.
 * @example inverseNormalLoss(0.3989422804014327) // 0
 */
export function inverseNormalLoss(loss: number): number {
  if (!(loss > 0) || !Number.isFinite(loss)) throw new PlanningError(`The expected shortage must be a positive number, not ${loss}.`, "invalidNumber");
  let k = loss >= 0.3989 ? -loss : Math.sqrt(Math.max(0, -2 * Math.log(loss * SQRT_2PI)));
  for (let step = 0; step < 100; step++) {
    const slope = normalCdf(k) - 1;
    const next = k - (normalLoss(k) - loss) / slope;
    if (!Number.isFinite(next)) break;
    if (Math.abs(next - k) < 1e-12 * Math.max(1, Math.abs(k))) return next;
    k = next;
  }
  return k;
}
